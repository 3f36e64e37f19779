/**
 * How a list that grows with the corpus (the commentaries index, the
 * sentences mentioning one date) is split into pages of a fixed size, so
 * that no page grows with the corpus. Page 1 is the list's own address and
 * the pages after it are `…/page/N/` (see `src/utils/routes.ts`), the same
 * scheme as the paged topic pages.
 */

/** One page of a list. */
export interface ListPage<T> {
	/** 1-based. */
	number: number;
	/** Pages of the list in all (at least 1). */
	total: number;
	/** Index in the whole list of this page's first item (0-based), for “1–25 of 1,000”. */
	start: number;
	/** Items in all, across every page. */
	count: number;
	/** The page's items, in the list's order. */
	items: T[];
}

/**
 * Split a list into pages of at most `perPage` items, in order. An empty
 * list has one empty page (its address still exists and says so).
 *
 * @param items
 *   The whole list, in the order it is read.
 * @param perPage
 *   Items per page: a positive integer.
 * @returns
 *   At least one page; every item on exactly one page, in order.
 */
export function pageList<T>(items: readonly T[], perPage: number): ListPage<T>[] {
	if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`pageList: perPage must be a positive integer, got ${perPage}`);
	const total = Math.max(1, Math.ceil(items.length / perPage));
	return Array.from({ length: total }, (_, index) => ({
		number: index + 1,
		total,
		start: index * perPage,
		count: items.length,
		items: items.slice(index * perPage, (index + 1) * perPage),
	}));
}

/**
 * “Page 2 of 40” as a heading's or a title's suffix; empty for a list of one
 * page, so a short list reads as it always did.
 *
 * @param page
 *   The page.
 * @returns
 *   `Page N of M`, or `''` when there is one page.
 */
export function pageOfPages(page: Pick<ListPage<unknown>, 'number' | 'total'>): string {
	return page.total > 1 ? `Page ${page.number} of ${page.total}` : '';
}
