/**
 * What the search page's status line says about a search's results (read out
 * by screen readers as it changes). Pure.
 */

/**
 * A count with its noun.
 *
 * @param count
 *   How many.
 * @param one
 *   The noun for one.
 * @param many
 *   The noun for any other count.
 * @returns
 *   `1 sentence`, `3 sentences`.
 */
export function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** What the status line reports. */
export interface ResultCounts {
	/** Sentences found. */
	sentences: number;
	/** Sentences shown so far. */
	shown: number;
	/** Commentaries the sentences come from, when known. */
	commentaries: number | undefined;
	/** Pages listed. */
	pages: number;
}

/**
 * The status line after a search.
 *
 * @param counts
 *   What was found and shown.
 * @returns
 *   `No results.`, or the sentences (with their commentaries when known, and
 *   how many are shown when not all are) and the pages.
 */
export function resultSummary({ sentences, shown, commentaries, pages }: ResultCounts): string {
	if (sentences === 0 && pages === 0) return 'No results.';
	const where = commentaries === undefined ? '' : ` in ${plural(commentaries, 'commentary', 'commentaries')}`;
	const partial = sentences > shown ? ` (first ${shown} shown)` : '';
	return `${plural(sentences, 'sentence', 'sentences')}${sentences > 0 ? `${where}${partial}` : ''}, ${plural(pages, 'page', 'pages')}.`;
}

/**
 * The status line after more sentences are shown.
 *
 * @param shown
 *   Sentences shown now.
 * @param total
 *   Sentences found.
 */
export function moreSummary(shown: number, total: number): string {
	return `Showing ${shown} of ${plural(total, 'sentence', 'sentences')}.`;
}

/**
 * How many commentaries a search's sentences come from, when that is known:
 * from the commentary filter's counts once the filters are loaded (they load
 * when the reader opens them, to keep the first search light), or else from
 * the sentences themselves when every one of them has been fetched.
 *
 * @param commentaryCounts
 *   The commentary filter's counts for this search (empty before the filters load).
 * @param fetchedSlugs
 *   The commentary of each sentence fetched so far.
 * @param total
 *   Sentences found.
 * @returns
 *   The number, or `undefined` when neither is at hand (the status then
 *   leaves it out rather than say 0).
 */
export function commentaryCount(
	commentaryCounts: Readonly<Record<string, number>> | undefined,
	fetchedSlugs: readonly string[],
	total: number,
): number | undefined {
	if (commentaryCounts && Object.keys(commentaryCounts).length > 0) return Object.values(commentaryCounts).filter((count) => count > 0).length;
	if (fetchedSlugs.length === total) return new Set(fetchedSlugs).size;
	return undefined;
}
