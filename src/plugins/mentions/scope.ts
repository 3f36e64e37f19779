/**
 * Which files the annotation plugins annotate.
 */
import type { VFile } from 'vfile';

/** Which files a plugin annotates. */
export type Include = string | RegExp | ((path: string) => boolean);

/** Files under `content/commentaries/` only. */
export const defaultInclude = '/content/commentaries/';

/**
 * Whether a plugin applies to a file. Files without a path (tests, strings)
 * are always annotated.
 *
 * @param file
 *   File being processed.
 * @param include
 *   Substring, regex or predicate on the path (`\` normalised to `/`).
 * @returns
 *   Whether to annotate.
 */
export function shouldAnnotate(file: VFile, include: Include): boolean {
	if (!file.path) return true;
	const path = file.path.replace(/\\/g, '/');
	if (typeof include === 'string') return path.includes(include);
	if (include instanceof RegExp) return include.test(path);
	return include(path);
}
