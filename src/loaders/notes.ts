/**
 * Loads the editor's notes in `content/notes/` outside Astro (the Markdown
 * plugins run before any collection is available to them), validating each
 * file with the same zod schema the collection uses.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFrontmatter } from './frontmatter.ts';
import { formatSchemaError } from './schema-errors.ts';
import { noteSchema, type EditorNote } from '../schemas/note.ts';
import { listPublished } from './published.ts';

export interface LoadedNote extends EditorNote {
	/** File name without extension; also the note's anchor id (`note-<id>`). */
	id: string;
	/** Path relative to the project root, for error messages. */
	file: string;
	/** The note's Markdown body. */
	body: string;
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
	const files = listPublished(dir, '.md');
	return files.map((name) => {
		const file = `content/notes/${name}`;
		const { value, body } = parseFrontmatter(readFileSync(join(dir, name), 'utf8'), file);
		const result = noteSchema.safeParse(value);
		if (!result.success) throw new Error(formatSchemaError(file, result.error));
		if (!commentarySlugs.includes(result.data.commentary)) {
			throw new Error(
				`${file}: commentary: no commentary “${result.data.commentary}” in content/commentaries/ (known: ${commentarySlugs.join(', ')})`,
			);
		}
		if (body.trim() === '') throw new Error(`${file}: the note has no text below its frontmatter`);
		return { ...result.data, id: basename(name, '.md'), file, body };
	});
}

/** Slugs of the commentaries in `content/commentaries/`. */
export function listCommentarySlugs(root: string): string[] {
	return listPublished(join(root, 'content', 'commentaries'), '.md')
		.map((name) => basename(name, '.md'))
		.sort();
}
