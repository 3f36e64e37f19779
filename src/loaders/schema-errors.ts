/**
 * Readable validation errors for content files: one line per problem, naming
 * the file, the line when it is known, and the field.
 *
 * ```txt
 * content/commentaries/x.md:12: published.date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD
 * ```
 *
 * Shared by every collection: it knows nothing about any one schema.
 */
import type { z } from 'astro/zod';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** A key path into a parsed value, as zod reports it. */
export type IssuePath = readonly PropertyKey[];

/** Finds the 1-based line of a field in the file, or `undefined` when unknown. */
export type Locate = (path: IssuePath) => number | undefined;

/**
 * Dotted field path as authors write it: `authors[0].role`, `published.date`.
 *
 * @param path
 *   Key path.
 * @returns
 *   Printable path; empty for the root.
 */
export function formatPath(path: IssuePath): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/**
 * One line per issue of `error`, each naming `file`, the line (when `locate`
 * finds it) and the field.
 *
 * zod's generic wording is replaced where it hides what an author must do: a
 * missing field says so, and an unknown key is named as a field of its own.
 *
 * @param file
 *   Path shown to the reader, e.g. `content/commentaries/x.md`.
 * @param error
 *   Failed zod parse.
 * @param locate
 *   Maps a field path to its line in `file` (optional; without it no line is shown).
 * @returns
 *   The message lines.
 */
export function formatSchemaIssues(file: string, error: z.ZodError, locate?: Locate): string[] {
	const lines: string[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			// One line per key so each can be located and fixed on its own.
			for (const key of issue.keys) {
				const path = [...issue.path, key];
				lines.push(line(file, path, 'unknown field (not in the schema; check the spelling)', locate));
			}
			continue;
		}
		let message = issue.message;
		if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
			// zod only says "Invalid key in record"; the reason is in the nested issues.
			message = `invalid ${issue.code === 'invalid_key' ? 'key' : 'entry'}: ${issue.issues.map((inner) => inner.message).join('; ')}`;
		}
		if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
			message = `required field is missing (expected ${issue.expected})`;
		}
		if (issue.code === 'invalid_type' && issue.path.length === 0 && /received null$/.test(message)) {
			// YAML reads an empty file, or one of comments only, as null.
			message = `the file holds no fields (it is empty or only comments); expected ${issue.expected === 'object' ? 'a mapping of fields' : `a ${issue.expected}`}`;
		}
		lines.push(line(file, issue.path, message, locate));
	}
	return lines;
}

/**
 * All issues of `error` as one message, one issue per line (see `formatSchemaIssues`).
 *
 * @param file
 *   Path shown to the reader.
 * @param error
 *   Failed zod parse.
 * @param locate
 *   Field-to-line lookup (optional).
 * @returns
 *   Multi-line message.
 */
export function formatSchemaError(file: string, error: z.ZodError, locate?: Locate): string {
	return formatSchemaIssues(file, error, locate).join('\n');
}

function line(file: string, path: IssuePath, message: string, locate: Locate | undefined): string {
	const at = locate?.(path);
	const where = at === undefined ? file : `${file}:${at}`;
	const field = formatPath(path);
	return field === '' ? `${where}: ${message}` : `${where}: ${field}: ${message}`;
}

/** A parsed YAML document with a way back from field paths to lines. */
export interface ParsedYaml {
	/** The document as plain data (YAML 1.2 core schema: dates stay strings). */
	value: unknown;
	/** Line of a field path, or of its nearest existing ancestor. */
	locate: Locate;
}

/**
 * Parse YAML so that later schema errors can name lines.
 *
 * @param source
 *   YAML text.
 * @param file
 *   Path shown in errors.
 * @param options
 *   `lineOffset`: lines that precede `source` in `file`, e.g. 1 for frontmatter
 *   after its opening `---` (default: `0`).
 * @returns
 *   Value and locator.
 * @throws
 *   `Error` naming `file`, the line and the YAML problem on a syntax error.
 */
export function parseYaml(source: string, file: string, options?: Readonly<{ lineOffset?: number }> | null): ParsedYaml {
	const lineOffset = options?.lineOffset ?? 0;
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false });
	if (doc.errors.length > 0) {
		const lines = doc.errors.map((e) => {
			const at = lineCounter.linePos(e.pos[0]).line + lineOffset;
			return `${file}:${at}: YAML syntax error: ${e.message.split('\n')[0]}`;
		});
		throw new Error(lines.join('\n'));
	}
	const lineOf = (node: unknown): number | undefined =>
		isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined;
	const locate: Locate = (path) => {
		// A missing field has no node: fall back to the closest parent that exists.
		for (let depth = path.length; depth > 0; depth--) {
			const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
			const key = path[depth - 1];
			// Point at the key, where a reader looks for the field, not at its value (which may start a line later).
			if (isMap(parent)) {
				const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
				const at = pair && (lineOf(pair.key) ?? lineOf(pair.value));
				if (at !== undefined) return at;
			} else if (isSeq(parent) && typeof key === 'number') {
				const at = lineOf(parent.items[key]);
				if (at !== undefined) return at;
			}
		}
		return lineOf(doc.contents);
	};
	let value: unknown;
	try {
		// The yaml package refuses an alias bomb (aliases expanding to millions of nodes) here.
		value = doc.toJS();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`${file}:${lineOf(doc.contents) ?? 1 + lineOffset}: YAML: ${reason}; write the values out instead of repeating aliases`, { cause: error });
	}
	return { value, locate };
}
