/**
 * Which files the Markdown plugins transform, said once (the pipeline passes
 * it to every plugin): published commentaries, that is `.md` files directly in
 * `content/commentaries/` whose name does not start with `_` (a draft).
 */
import type { VFile } from 'vfile';
import { isPublishedName } from '../loaders/published.ts';

/** The folder that holds the commentaries, as it appears in a file's path. */
export const COMMENTARIES_FOLDER = 'content/commentaries/';

/**
 * Whether a file is a published commentary. Files without a path (unit tests
 * rendering a string) are treated as one.
 *
 * @param file
 *   A file in the pipeline, or its path.
 * @returns
 *   `true` for a commentary.
 */
export function isCommentary(file: Pick<VFile, 'path'> | string | URL): boolean {
	const raw = typeof file === 'string' ? file : file instanceof URL ? file.pathname : file.path;
	if (!raw) return true;
	const path = raw.replaceAll('\\', '/');
	const at = path.lastIndexOf(`/${COMMENTARIES_FOLDER}`);
	const start = at >= 0 ? at + 1 : path.startsWith(COMMENTARIES_FOLDER) ? 0 : -1;
	if (start < 0) return false;
	const name = path.slice(start + COMMENTARIES_FOLDER.length);
	return !name.includes('/') && isPublishedName(name, '.md');
}

/**
 * Slug of a commentary file as the content collection names it: the file
 * name without extension, lowercased (`content/commentaries/Roy-2023.md` →
 * `roy-2023`). Files without a path are `untitled`.
 *
 * @param file
 *   File being processed.
 * @returns
 *   Slug.
 */
export function commentarySlug(file: Pick<VFile, 'stem'>): string {
	return (file.stem ?? 'untitled').toLowerCase();
}

/** Which files a plugin transforms: `true` for a file it should change. */
export type FileScope = (file: VFile) => boolean;

/** The option every plugin of the pipeline takes to say which files it transforms. */
export interface ScopeOptions {
	/** Which files to transform (default: `isCommentary`, the pipeline's one rule). */
	include?: FileScope | null | undefined;
}

/**
 * The files a plugin transforms, resolved once when the plugin is attached:
 * the `include` it was given, or published commentaries. Every plugin reads
 * its scope through this, so they all share one default.
 *
 * @param options
 *   The plugin's options (optional).
 * @returns
 *   The scope.
 */
export function fileScope(options?: Readonly<ScopeOptions> | null): FileScope {
	return options?.include ?? isCommentary;
}
