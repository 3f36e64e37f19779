/**
 * Redirect pages for renamed commentaries (`content/renames.yaml`): the old
 * reading page and the old sentence list each become a page that sends the
 * reader on to the new address, as does every published compare pair page
 * the build no longer writes (Astro's `redirects`; a static build writes a
 * `<meta http-equiv="refresh">` page, no script).
 */
import { sitePaths } from '../utils/routes.ts';
import { currentSlug } from '../loaders/renames.ts';
import { canonicalPair, PAIR_SEPARATOR, pairId, prerenderedPairs } from '../features/compare/model.ts';

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

/**
 * Astro `redirects` for every compare pair page ever published
 * (`content/published-pages.json`, `compare`) that the build no longer
 * writes: a pair of a renamed commentary leads to the pair under its new
 * slug, and a pair no longer pre-rendered (the corpus grew past
 * `PAIR_PAGE_LIMIT`) to the same two commentaries in the script-built view
 * (`/compare/?c=a,b`, whose chooser works without script too). Two
 * commentaries renamed into one lead to that commentary's reading page.
 *
 * @param published
 *   The recorded pair ids.
 * @param slugs
 *   The commentaries' current slugs.
 * @param renames
 *   Old slug → new slug.
 * @returns
 *   Old path → new path, both without Astro's `base`.
 */
export function publishedPairRedirects(published: readonly string[], slugs: readonly string[], renames: ReadonlyMap<string, string>): Record<string, string> {
	const built = new Set(prerenderedPairs(slugs).map(([a, b]) => pairId(a, b)));
	const current = new Set(slugs);
	const redirects: Record<string, string> = {};
	for (const id of published) {
		if (built.has(id)) continue;
		const [a, b] = id.split(PAIR_SEPARATOR).map((slug) => currentSlug(renames, slug));
		// A commentary gone without a recorded rename is refused by the content checks (its ledger ids).
		if (a === undefined || b === undefined || !current.has(a) || !current.has(b)) continue;
		if (a === b) redirects[sitePaths.comparePair(id)] = sitePaths.commentary(a);
		else if (built.has(pairId(a, b))) redirects[sitePaths.comparePair(id)] = sitePaths.comparePair(pairId(a, b));
		else redirects[sitePaths.comparePair(id)] = sitePaths.compareSelection(canonicalPair(a, b));
	}
	return redirects;
}
