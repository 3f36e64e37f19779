/**
 * File access for the fidelity check and the content tests: the commentaries'
 * Markdown files with their validated frontmatter, and the raw captures they
 * were taken from. Kept apart from `./fidelity.ts` so that module stays pure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentarySchema, type Commentary } from '../../src/schemas/commentary.ts';
import { parseFrontmatter } from '../../src/loaders/frontmatter.ts';
import { formatSchemaError } from '../../src/loaders/schema-errors.ts';
import { listPublished } from '../../src/loaders/published.ts';

// Re-exported: the content tests use them through this module.
export { parseFrontmatter, splitFrontmatter, type SplitFile } from '../../src/loaders/frontmatter.ts';

/** Commentary Markdown files, relative to the project root. */
export const COMMENTARIES_DIR = 'content/commentaries';
/** Raw captures, relative to the project root. */
export const SOURCES_DIR = 'content/sources';

/** A commentary file whose frontmatter passed the schema. */
export interface CommentaryFile {
	/** File name without `.md`: the page's slug. */
	slug: string;
	/** Path relative to the project root. */
	file: string;
	data: Commentary;
	body: string;
}

/**
 * Names of the published commentary files (drafts start with `_`), sorted.
 *
 * @param root
 *   Project root.
 * @returns
 *   File names such as `lankov-nbr-interview.md`.
 */
export function commentaryFileNames(root: string): string[] {
	return listPublished(join(root, COMMENTARIES_DIR), '.md');
}

/**
 * Read and validate every published commentary.
 *
 * @param root
 *   Project root.
 * @returns
 *   The commentaries, sorted by file name.
 * @throws
 *   `Error` with one line per schema problem, naming file, line and field.
 */
export function loadCommentaryFiles(root: string): CommentaryFile[] {
	return commentaryFileNames(root).map((name) => {
		const file = `${COMMENTARIES_DIR}/${name}`;
		const { value, locate, body } = parseFrontmatter(readFileSync(join(root, file), 'utf8'), file);
		const result = commentarySchema.safeParse(value);
		if (!result.success) throw new Error(formatSchemaError(file, result.error, locate));
		return { slug: name.slice(0, -'.md'.length), file, data: result.data, body };
	});
}

/**
 * Read a raw capture.
 *
 * @param root
 *   Project root.
 * @param capture
 *   File name in `content/sources/`.
 * @returns
 *   Its text.
 */
export function readCapture(root: string, capture: string): string {
	return readFileSync(join(root, SOURCES_DIR, capture), 'utf8');
}
