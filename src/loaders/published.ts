/**
 * Which content files are published, said once: a file whose name starts
 * with `_` is a draft and never published. The collections (as a glob), the
 * loaders that read content outside Astro, and the pipeline's scope all use it.
 */
import { readdirSync } from 'node:fs';

/** Glob of a published file name, for Astro's `glob()` loader: `${PUBLISHED_GLOB}.md`. */
export const PUBLISHED_GLOB = '[!_]*';

/**
 * Whether a file name is a published file of a kind.
 *
 * @param name
 *   File name, without folders.
 * @param extension
 *   Required ending, with its dot (`.md`, `.yaml`).
 * @returns
 *   `true` when it ends so and is not a draft.
 */
export function isPublishedName(name: string, extension: string): boolean {
	return name.endsWith(extension) && !name.startsWith('_');
}

/**
 * The published files of a kind in one folder, sorted by name (symbolic
 * links left out).
 *
 * @param directory
 *   Folder to list.
 * @param extension
 *   Required ending, with its dot.
 * @returns
 *   File names.
 */
export function listPublished(directory: string, extension: string): string[] {
	// A symbolic link is never a published file: the content check refuses it by name.
	return readdirSync(directory, { withFileTypes: true })
		.filter((entry) => !entry.isSymbolicLink() && isPublishedName(entry.name, extension))
		.map((entry) => entry.name)
		.sort();
}
