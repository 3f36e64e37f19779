/**
 * The import graph of `src/`: which file imports which, read with
 * TypeScript's own pre-processor (static imports, re-exports, dynamic
 * `import()` with a literal) from `.ts` files and from the frontmatter and
 * `<script>` blocks of `.astro` files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** One import of one file. */
export interface ImportEdge {
	/** The importing file, relative to the project root (`src/…`). */
	from: string;
	/** The specifier as written. */
	specifier: string;
	/** The imported file relative to the project root, for a relative specifier that resolves. */
	to?: string;
}

const SOURCE = /\.(ts|mts|astro)$/;
const CANDIDATES = ['', '.ts', '.mts', '.astro', '/index.ts'];

/** A `<script>` element with its body; a self-closing `<script … />` (JSON-LD with `set:html`) has none. */
const SCRIPT_BLOCK = /(<script\b(?:[^>]*[^/>])?>)([\s\S]*?)<\/script>/g;

/**
 * Every source file below a folder.
 *
 * @param root
 *   Project root.
 * @param folder
 *   Folder relative to the root, such as `src`.
 * @returns
 *   Paths relative to the root, with `/` separators, sorted.
 */
export function sourceFiles(root: string, folder: string): string[] {
	const found: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
			const path = posix.join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
		}
	};
	walk(folder);
	return found.sort();
}

/**
 * The code of a file that can import: all of a `.ts` file; the frontmatter
 * and the `<script>` blocks of an `.astro` file.
 *
 * @param path
 *   File name (decides how it is read).
 * @param text
 *   Its content.
 * @returns
 *   Code for the pre-processor.
 */
export function importingCode(path: string, text: string): string {
	if (!path.endsWith('.astro')) return text;
	const parts: string[] = [];
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (frontmatter?.[1]) parts.push(frontmatter[1]);
	for (const script of text.matchAll(SCRIPT_BLOCK)) if (script[2]) parts.push(script[2]);
	return parts.join('\n');
}

/**
 * The imports of every source file below `folder`.
 *
 * @param root
 *   Project root.
 * @param folder
 *   Folder relative to the root. (default: `'src'`)
 * @returns
 *   One edge per import, in file order.
 */
export function importGraph(root: string, folder = 'src'): ImportEdge[] {
	const edges: ImportEdge[] = [];
	for (const file of sourceFiles(root, folder)) {
		const code = importingCode(file, readFileSync(join(root, file), 'utf8'));
		for (const { fileName } of ts.preProcessFile(code, true, true).importedFiles) {
			const specifier = fileName;
			const edge: ImportEdge = { from: file, specifier };
			if (specifier.startsWith('.')) {
				const base = posix.normalize(posix.join(posix.dirname(file), specifier.replace(/\?.*$/, '')));
				const to = CANDIDATES.map((suffix) => base + suffix).find((candidate) => existsSync(join(root, candidate)) && SOURCE.test(candidate));
				edge.to = to ?? base;
			}
			edges.push(edge);
		}
	}
	return edges;
}

/**
 * The module a file belongs to for layering: `src/features/<name>` for a
 * feature, else the first folder below `src` (`src/markdown`), else the file
 * itself (`src/content.config.ts`).
 *
 * @param path
 *   File relative to the root.
 * @returns
 *   The module's path.
 */
export function moduleOf(path: string): string {
	const parts = path.split('/');
	if (parts[1] === 'features' && parts.length > 3) return parts.slice(0, 3).join('/');
	if (parts.length > 2) return parts.slice(0, 2).join('/');
	return path;
}

/**
 * Cycles among modules: each strongly connected set of more than one
 * module, found with Tarjan's algorithm.
 *
 * @param edges
 *   Module → modules it imports.
 * @returns
 *   Each cycle's modules, sorted.
 */
export function moduleCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const connect = (node: string): void => {
		indices.set(node, index);
		low.set(node, index);
		index += 1;
		stack.push(node);
		onStack.add(node);
		for (const next of edges.get(node) ?? []) {
			if (!indices.has(next)) {
				connect(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
		}
		if (low.get(node) === indices.get(node)) {
			const set: string[] = [];
			let member: string | undefined;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				set.push(member);
			} while (member !== node);
			if (set.length > 1) cycles.push(set.sort());
		}
	};
	for (const node of edges.keys()) if (!indices.has(node)) connect(node);
	return cycles;
}

/** One type assertion (`x as T`, `<T>x`) in a source file; `as const` is not one. */
export interface TypeCast {
	/** File relative to the project root. */
	file: string;
	/** 1-based line in the file. */
	line: number;
	/** The expression as written, shortened. */
	text: string;
	/** Whether a comment on the same line or the line above says why (`// cast: …`). */
	explained: boolean;
}

/**
 * Every type assertion of the source files below `folder`, with whether it
 * is explained by a `cast:` comment on its line or the line before.
 *
 * @param root
 *   Project root.
 * @param folder
 *   Folder relative to the root. (default: `'src'`)
 * @returns
 *   The casts in file order.
 */
export function typeCasts(root: string, folder = 'src'): TypeCast[] {
	const casts: TypeCast[] = [];
	for (const file of sourceFiles(root, folder)) {
		const text = readFileSync(join(root, file), 'utf8');
		const lines = text.split('\n');
		// Astro files are read whole with everything but their code blanked, so lines keep their numbers.
		const code = file.endsWith('.astro') ? astroCodeInPlace(text) : text;
		const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		const visit = (node: ts.Node): void => {
			if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConstAssertion(node.type)) {
				const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
				const near = `${lines[line - 1] ?? ''}\n${lines[line] ?? ''}`;
				casts.push({ file, line: line + 1, text: node.getText(source).replace(/\s+/g, ' ').slice(0, 80), explained: /\bcast:/.test(near) });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return casts;
}

/** Whether a type node is the `const` of `as const`. */
function isConstAssertion(type: ts.TypeNode): boolean {
	return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const';
}

/**
 * An `.astro` file's frontmatter and `<script>` code at their own offsets,
 * everything else replaced by spaces (line breaks kept).
 *
 * @param text
 *   The file.
 * @returns
 *   Text of the same length and lines.
 */
function astroCodeInPlace(text: string): string {
	const keep: [number, number][] = [];
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (frontmatter?.[1] !== undefined) keep.push([4, 4 + frontmatter[1].length]);
	for (const script of text.matchAll(SCRIPT_BLOCK)) {
		const start = (script.index ?? 0) + (script[1]?.length ?? 0);
		keep.push([start, start + (script[2]?.length ?? 0)]);
	}
	let result = '';
	let at = 0;
	for (const [start, end] of keep) {
		result += text.slice(at, start).replace(/[^\n]/g, ' ') + text.slice(start, end);
		at = end;
	}
	return result + text.slice(at).replace(/[^\n]/g, ' ');
}
