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

/** Columns a topic section sets side by side; the others wait behind a switch. */
export const COLUMNS_SHOWN = 3;

/** A topic section's commentaries, sorted for reading. */
export interface ColumnSplit<G> {
	/** Side by side, in corpus order: the first {@link COLUMNS_SHOWN} with passages. */
	shown: G[];
	/** The other commentaries with passages, behind a switch (a disclosure). */
	more: G[];
	/** Commentaries without passages: named in a line, never an empty column. */
	absent: G[];
}

/**
 * Split a section's columns so that a wide screen shows at most `max` side by
 * side (about 45 characters a line at 1280 px), the rest one switch away, and
 * no column stands empty.
 *
 * @param groups
 *   Every commentary's group, in corpus order.
 * @param max
 *   Columns side by side (default {@link COLUMNS_SHOWN}).
 * @returns
 *   Shown, more and absent groups, each in corpus order.
 */
export function splitColumns<G extends { passages: readonly unknown[] }>(groups: readonly G[], max: number = COLUMNS_SHOWN): ColumnSplit<G> {
	const speaking = groups.filter((group) => group.passages.length > 0);
	return { shown: speaking.slice(0, max), more: speaking.slice(max), absent: groups.filter((group) => group.passages.length === 0) };
}
