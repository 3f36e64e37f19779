/**
 * Astro's `glob()` loader, made strict: an error raised while rendering an
 * entry (any Markdown plugin's `file.fail`) ends the build.
 *
 * Astro 7.3's glob loader caught render errors, logged `[ERROR] [glob-loader]
 * Error rendering …` and stored the entry with no rendered body, so the build
 * exited 0 and the page was published empty; Astro 7.4 rethrows the first one,
 * so the build stops at one file (see `syncData` in
 * `astro/dist/content/loaders/glob.js`). This wrapper hands the loader entry
 * types whose render functions record each failure and go on with the next
 * file; once every file has been tried, the loader throws one error listing
 * every failure of every file, each as `file:line: field: message`. It also drops a
 * UTF-8 byte-order mark before Astro reads the frontmatter, and folds what an
 * entry's rendering reads from outside its file (`renderInputs`) into the
 * entry's digest, so Astro's content cache re-renders exactly the entries
 * whose inputs changed.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentProblems, propertyOf } from './content-problems.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** Options of `strictGlob`: those of `glob()`, and what each entry's rendering reads beyond its file. */
export type StrictGlobOptions = GlobOptions & {
	/**
	 * Given the project root, a function from an entry's file path to a
	 * digest of the data outside the file that its rendering reads (e.g. its
	 * part of the claims ledger, see `ledger-digests.ts`).
	 */
	renderInputs?: ((root: string) => (file: string) => string) | undefined;
};
type EntryType = ContentEntryType;
/** The loader context Astro hands `glob()`: its entry types are not part of the public `LoaderContext`. */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };
type RenderFunction = Awaited<ReturnType<NonNullable<EntryType['getRenderFunction']>>>;
type RenderEntry = Parameters<RenderFunction>[0];

/** Whether Astro handed the loader its entry types (not part of the public `LoaderContext`). */
function hasEntryTypes(context: LoaderContext): context is GlobLoaderContext {
	return 'entryTypes' in context && context.entryTypes instanceof Map;
}

/**
 * A `glob()` loader that fails when an entry cannot be rendered.
 *
 * @param options
 *   Options of Astro's `glob()`.
 * @returns
 *   The loader.
 */
export function strictGlob(options: StrictGlobOptions): Loader {
	const { renderInputs, ...globOptions } = options;
	const inner = glob(globOptions);
	return {
		...inner,
		name: 'strict-glob-loader',
		async load(publicContext) {
			// If an Astro upgrade stops handing entry types to loaders, say so rather than render leniently.
			if (!hasEntryTypes(publicContext)) throw new Error('strict-glob-loader: Astro no longer passes entryTypes to loaders; see src/loaders/strict-glob.ts');
			const context = publicContext;
			const root = fileURLToPath(context.config.root);
			const problems: string[] = [];
			const entryTypes = new Map<string, EntryType>();
			// glob() digests a file's text just after reading its entry info: the text keys the file's other inputs.
			const inputsOf = renderInputs?.(root);
			const inputsByText = new Map<string, string>();
			const generateDigest: LoaderContext['generateDigest'] = (data) =>
				typeof data === 'string' && inputsByText.has(data) ? context.generateDigest(`${data}\u0000${inputsByText.get(data)}`) : context.generateDigest(data);
			for (const [extension, type] of context.entryTypes) {
				const getRenderFunction = type.getRenderFunction;
				// A UTF-8 byte-order mark is accepted in every file (Astro would read it as text before the frontmatter).
				const getEntryInfo: EntryType['getEntryInfo'] = (params) => {
					if (inputsOf) inputsByText.set(params.contents, inputsOf(fileURLToPath(params.fileUrl)));
					return type.getEntryInfo.call(type, { ...params, contents: params.contents.replace(/^\uFEFF/, '') });
				};
				entryTypes.set(
					extension,
					getRenderFunction
						? {
								...type,
								getEntryInfo,
								async getRenderFunction(config) {
									const render = await getRenderFunction.call(type, config);
									return async (entry: RenderEntry) => {
										try {
											return await render(entry);
										} catch (error) {
											problems.push(...describeRenderError(error, entry, root));
											// Astro 7.4 rethrows a render error, which ends the loader at the first failing file; every
											// file is to be tried so that all problems are reported at once. The empty body is never
											// published: the loader throws below once every file has been tried.
											return { html: '' };
										}
									};
								},
							}
						: { ...type, getEntryInfo },
				);
			}
			const wrapped: GlobLoaderContext = { ...context, entryTypes, generateDigest };
			// @astrojs/markdown-remark prints a failed render's error to the console before it throws it: a stack, and
			// lines counted from the end of the frontmatter, not in the file. Every such error is caught above and
			// reported once below with the file's own lines, so the library's copy is not printed.
			const consoleError = console.error;
			console.error = (...args: unknown[]) => {
				if (args.length === 1 && isMarkdownRenderError(args[0])) return;
				consoleError(...args);
			};
			try {
				await inner.load(wrapped);
			} finally {
				console.error = consoleError;
			}
			if (problems.length > 0) throw new ContentProblems(problems.sort());
		},
	};
}

/**
 * One line per problem of a failed render, naming the file (relative to the
 * project), the line in the file (the body's line plus the lines of the
 * frontmatter above it) and the field (`body`).
 *
 * @param error
 *   What the render function threw.
 * @param entry
 *   The entry being rendered.
 * @param root
 *   Project root.
 * @returns
 *   Message lines.
 */
export function describeRenderError(error: unknown, entry: Pick<RenderEntry, 'filePath' | 'body' | 'id'>, root: string): string[] {
	const file = entry.filePath ? relative(root, entry.filePath).split(sep).join('/') : entry.id;
	const offset = bodyLineOffset(entry);
	// A VFileMessage has a reason and a line; an AggregateError holds several.
	const nested = propertyOf(error, 'errors');
	const parts: unknown[] = Array.isArray(nested) && nested.length > 0 ? nested : [error];
	return parts.map((part) => {
		const reason = stripAstroPrefix(String(propertyOf(part, 'reason') ?? propertyOf(part, 'message') ?? part)).replace(/\s*\n\s*/g, '; ');
		// A message that already names its file, line and field (an editor's note's quote) is kept as it is.
		if (/^content\/\S+?:(\d+:)? \S+: /.test(reason)) return reason;
		const line = propertyOf(part, 'line');
		const where = typeof line === 'number' ? `${file}:${line + offset}` : file;
		return `${where}: body: ${reason}`;
	});
}

/** Lines that precede the Markdown body in its file (Astro renders the body without its frontmatter). */
function bodyLineOffset(entry: Pick<RenderEntry, 'filePath' | 'body'>): number {
	if (!entry.filePath || !entry.body) return 0;
	try {
		const text = readFileSync(entry.filePath, 'utf8');
		const at = text.indexOf(entry.body);
		return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
	} catch {
		return 0;
	}
}

/**
 * Whether a value is the error @astrojs/markdown-remark makes of a failed
 * render (its message starts `Failed to parse Markdown file "…"`).
 *
 * @param value
 *   What was passed to `console.error`.
 * @returns
 *   `true` for such an error.
 */
function isMarkdownRenderError(value: unknown): boolean {
	return value instanceof Error && MARKDOWN_RENDER_PREFIX.test(value.message);
}

/** The start of the message Astro's Markdown renderer gives a failed render. */
const MARKDOWN_RENDER_PREFIX = /^Failed to parse Markdown file "[^"]*":\s*/;

/** Astro prefixes `Failed to parse Markdown file "…":` to the plugin's own message. */
function stripAstroPrefix(message: string): string {
	return message.replace(MARKDOWN_RENDER_PREFIX, '');
}
