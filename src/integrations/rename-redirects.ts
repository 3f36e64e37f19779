/**
 * Redirect pages for renamed commentaries (`content/renames.yaml`): the old
 * reading page and the old sentence list each become a page that sends the
 * reader on to the new address (Astro's `redirects`; a static build writes a
 * `<meta http-equiv="refresh">` page, no script).
 */
import { sitePaths } from '../utils/routes.ts';
import { currentSlug } from '../loaders/renames.ts';

/**
 * Astro `redirects` for every recorded rename.
 *
 * @param renames
 *   Old slug → new slug.
 * @returns
 *   Old path → new path, both without Astro's `base` (Astro adds it).
 */
export function renameRedirects(renames: ReadonlyMap<string, string>): Record<string, string> {
	const redirects: Record<string, string> = {};
	for (const old of [...renames.keys()].sort()) {
		const slug = currentSlug(renames, old);
		redirects[sitePaths.commentary(old)] = sitePaths.commentary(slug);
		redirects[sitePaths.sentences(old)] = sitePaths.sentences(slug);
	}
	return redirects;
}
