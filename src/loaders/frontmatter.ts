/**
 * The YAML frontmatter of a Markdown file in `content/`, read outside Astro
 * (build-time plugins, the fidelity check, tests) the way Astro reads it.
 */
import { parseYaml, type ParsedYaml } from './schema-errors.ts';

/** A Markdown file cut into its frontmatter and body. */
export interface SplitFile {
	/** The YAML between the `---` fences. */
	frontmatter: string;
	/** Everything after the closing fence. */
	body: string;
}

/**
 * Cut a Markdown file into frontmatter and body.
 *
 * @param text
 *   File contents.
 * @param file
 *   Path shown in errors.
 * @returns
 *   The two parts; the frontmatter starts on line 2 of the file.
 * @throws
 *   `Error` naming `file` when the file does not open with a closed `---` block.
 */
export function splitFrontmatter(text: string, file: string): SplitFile {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!match) throw new Error(`${file}:1: expected frontmatter between two \`---\` lines at the top of the file`);
	return { frontmatter: match[1]!, body: text.slice(match[0].length) };
}

/**
 * Parse a Markdown file's frontmatter so that schema errors can name lines.
 *
 * @param text
 *   File contents.
 * @param file
 *   Path shown in errors.
 * @returns
 *   Parsed YAML (lines counted from the top of the file), the frontmatter
 *   and the body. A leading byte-order mark is ignored.
 */
export function parseFrontmatter(text: string, file: string): ParsedYaml & SplitFile {
	const { frontmatter, body } = splitFrontmatter(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
	return { ...parseYaml(frontmatter, file, { lineOffset: 1 }), frontmatter, body };
}

/**
 * The 0-based line where a Markdown file's body starts to hold text: the
 * first non-blank line after its frontmatter.
 *
 * @param text
 *   File contents.
 * @param file
 *   Path shown in errors.
 * @returns
 *   Line index.
 */
export function firstBodyLine(text: string, file: string): number {
	const { body } = splitFrontmatter(text, file);
	const start = text.length - body.length + (body.length - body.trimStart().length);
	return text.slice(0, start).split('\n').length - 1;
}

/**
 * How many lines of a file precede the Markdown a plugin is handed: Astro
 * cuts the frontmatter (and the blank lines after it) off, a standalone
 * processor blanks it but keeps its lines. Either way, the first line with
 * text is `firstBodyLine` of the file on disk.
 *
 * @param handed
 *   The Markdown the plugin got.
 * @param bodyLine
 *   `firstBodyLine` of the file on disk.
 * @returns
 *   Lines to add to a position in `handed`.
 */
export function lineOffsetFor(handed: string, bodyLine: number): number {
	const lead = handed.length - handed.trimStart().length;
	return Math.max(0, bodyLine - (handed.slice(0, lead).split('\n').length - 1));
}
