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
	/** Sentences shown. */
	sentences: number;
	/** Commentaries they come from. */
	commentaries: number;
	/** Pages listed. */
	pages: number;
	/** Commentaries found whose sentences are not shown yet (each a “Show more” away). */
	unread: number;
}

/**
 * The status line after a search.
 *
 * @param counts
 *   What was found and shown.
 * @returns
 *   `No results.`, or the sentences with their commentaries (and how many
 *   commentaries more the index found when not all are shown) and the pages.
 */
export function resultSummary({ sentences, commentaries, pages, unread }: ResultCounts): string {
	if (sentences === 0 && pages === 0 && unread === 0) return 'No results.';
	const found = `${plural(sentences, 'sentence', 'sentences')} in ${plural(commentaries, 'commentary', 'commentaries')}`;
	const more = unread > 0 ? ` (${plural(unread, 'more commentary', 'more commentaries')} to show)` : '';
	return `${found}${more}, ${plural(pages, 'page', 'pages')}.`;
}
