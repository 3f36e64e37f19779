/**
 * Loads the editor's notes in `content/notes/` outside Astro (the Markdown
 * plugins run before any collection is available to them), validating each
 * file with the same zod schema the collection uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { noteSchema, type EditorNote } from '../schemas/note';

export interface LoadedNote extends EditorNote {
	/** File name without extension; also the note's anchor id (`note-<id>`). */
	id: string;
	/** Path relative to the project root, for error messages. */
	file: string;
	/** The note's Markdown body. */
	body: string;
	/** Line of the body's first line in the file (1-based), for error messages. */
	bodyLine: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Split a Markdown file into its YAML frontmatter and body.
 *
 * @param text
 *   File contents.
 * @param file
 *   Path, for the error message.
 * @returns
 *   Parsed frontmatter (unknown shape), body, and the body's first line.
 */
export function splitFrontmatter(text: string, file: string): { data: unknown; body: string; bodyLine: number } {
	const match = FRONTMATTER.exec(text);
	if (!match) throw new Error(`${file}: missing YAML frontmatter (a block between --- lines at the top)`);
	let data: unknown;
	try {
		data = parseYaml(match[1] ?? '');
	} catch (error) {
		throw new Error(`${file}: invalid YAML frontmatter: ${(error as Error).message}`, { cause: error });
	}
	const bodyLine = match[0].split('\n').length;
	return { data, body: text.slice(match[0].length), bodyLine };
}

/**
 * Read and validate every note; a note naming a commentary that does not
 * exist is an error, not a silently dropped note.
 *
 * @param root
 *   Project root.
 * @param commentarySlugs
 *   Slugs of the published commentaries.
 * @returns
 *   Notes sorted by id.
 */
export function loadEditorNotes(root: string, commentarySlugs: readonly string[]): LoadedNote[] {
	const dir = join(root, 'content', 'notes');
	const files = readdirSync(dir)
		.filter((name) => name.endsWith('.md') && !name.startsWith('_'))
		.sort();
	return files.map((name) => {
		const file = `content/notes/${name}`;
		const { data, body, bodyLine } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), file);
		const result = noteSchema.safeParse(data);
		if (!result.success) {
			const lines = result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`);
			throw new Error(lines.join('\n'));
		}
		if (!commentarySlugs.includes(result.data.commentary)) {
			throw new Error(
				`${file}: commentary: no commentary “${result.data.commentary}” in content/commentaries/ (known: ${commentarySlugs.join(', ')})`,
			);
		}
		if (body.trim() === '') throw new Error(`${file}: the note has no text below its frontmatter`);
		return { ...result.data, id: basename(name, '.md'), file, body, bodyLine };
	});
}

/** Slugs of the commentaries in `content/commentaries/`. */
export function listCommentarySlugs(root: string): string[] {
	return readdirSync(join(root, 'content', 'commentaries'))
		.filter((name) => name.endsWith('.md') && !name.startsWith('_'))
		.map((name) => basename(name, '.md'))
		.sort();
}
