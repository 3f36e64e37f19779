/**
 * How the topic pages' columns fold: each commentary shows its first few
 * passages; the rest sit behind a “N more from …” disclosure.
 */

/** Passages each column shows before folding the rest. */
export const PASSAGES_SHOWN = 3;

/**
 * The number of aligned rows the columns share: the most passages any column
 * shows, at least one (so an empty column still has a visible cell).
 *
 * @param counts
 *   Passages per column.
 * @param shown
 *   Passages a column shows before folding (default {@link PASSAGES_SHOWN}).
 * @returns
 *   Rows, between 1 and `shown`.
 */
export function passageRows(counts: readonly number[], shown: number = PASSAGES_SHOWN): number {
	return Math.min(shown, Math.max(1, ...counts));
}

/**
 * One group per commentary, in corpus order, filling in those without
 * passages: on a topic page every commentary keeps its column.
 *
 * @param slugs
 *   Every commentary, in corpus order.
 * @param groups
 *   Groups that have passages (any order).
 * @returns
 *   A group for each slug.
 */
export function withEveryCommentary<T>(
	slugs: readonly string[],
	groups: readonly { slug: string; passages: readonly T[] }[],
): { slug: string; passages: readonly T[] }[] {
	return slugs.map((slug) => groups.find((group) => group.slug === slug) ?? { slug, passages: [] });
}
