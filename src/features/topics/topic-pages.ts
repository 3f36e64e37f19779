/**
 * How an article's or an actor's passages are split into pages, so that no
 * topic page grows with the corpus.
 *
 * A topic page sets commentaries side by side, one column each, and a column
 * holds one commentary's passages (its first few shown, the rest folded). The
 * page therefore grows with the number of commentaries, not with one
 * commentary's length. While the whole corpus fits in one page's columns,
 * every commentary keeps its column (an absence reads as an absence) and
 * there is one page at the topic's own address. Beyond that, only the
 * commentaries with passages get columns, a page's worth at a time, in corpus
 * order: page 1 at the topic's address, page 2 and on at `…/page/N/`.
 */
import { pageList } from '../../utils/paging.ts';

/** Commentaries (columns) on one topic page: the layout's widest grid. */
export const COMMENTARIES_PER_PAGE = 5;

/** Commentary columns on one page of the articles index's table (`/articles/`, `/articles/page/N/`). */
export const MATRIX_COMMENTARIES_PER_PAGE = 10;

/** One page of a topic: the commentaries whose columns it shows. */
export interface TopicPage {
	/** 1-based. */
	number: number;
	/** Slugs, in corpus order. */
	slugs: string[];
}

/**
 * Split a topic's commentaries into pages.
 *
 * @param slugs
 *   Every commentary of the corpus, in corpus order.
 * @param hasPassages
 *   Whether a commentary has passages on this topic.
 * @param perPage
 *   Columns per page (default {@link COMMENTARIES_PER_PAGE}).
 * @returns
 *   At least one page (a topic no commentary mentions has one, listing every
 *   commentary while the corpus fits in a page, none beyond that).
 */
export function topicPages(
	slugs: readonly string[],
	hasPassages: (slug: string) => boolean,
	perPage: number = COMMENTARIES_PER_PAGE,
): TopicPage[] {
	if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`topicPages: perPage must be a positive integer, got ${perPage}`);
	if (slugs.length <= perPage) return [{ number: 1, slugs: [...slugs] }];
	// The list pages' split: every naming commentary on exactly one page, in order; none gives one empty page.
	return pageList(slugs.filter(hasPassages), perPage).map((page) => ({ number: page.number, slugs: page.items }));
}

/** A link of a pager: a page number, or a gap between runs of numbers. */
export type PagerItem = { page: number; current: boolean } | { gap: true };

/**
 * The page numbers a pager shows: the first and the last, and those within
 * `around` of the current one; a gap stands for two or more numbers left out
 * (a single one is shown instead). The pager stays the same size however many
 * pages there are.
 *
 * @param current
 *   The page shown (1-based).
 * @param total
 *   Pages in all.
 * @param around
 *   Neighbours shown on each side of the current page (default 2).
 * @returns
 *   Items in order; empty when there is only one page.
 */
export function pagerItems(current: number, total: number, around = 2): PagerItem[] {
	if (total <= 1) return [];
	if (current < 1 || current > total) throw new Error(`pagerItems: page ${current} is not between 1 and ${total}`);
	const items: PagerItem[] = [];
	let last = 0;
	for (let page = 1; page <= total; page++) {
		const near = (n: number) => n === 1 || n === total || Math.abs(n - current) <= around;
		// A lone skipped number between two shown ones is shown: a gap would take as much room.
		if (!near(page) && !(near(page - 1) && near(page + 1))) continue;
		if (page > last + 1) items.push({ gap: true });
		items.push({ page, current: page === current });
		last = page;
	}
	return items;
}

/** One commentary's passages on a topic. */
export interface PassageGroup<T> {
	slug: string;
	passages: readonly T[];
}

/** A page of a topic with the groups it shows, and how many pages there are. */
export interface GroupPage<T> {
	number: number;
	/** Pages of this topic in all. */
	total: number;
	groups: PassageGroup<T>[];
}

/**
 * Split a topic's passage groups (one per commentary, in corpus order, empty
 * ones included) into pages by {@link topicPages}.
 *
 * @param groups
 *   Every commentary's passages on the topic.
 * @param perPage
 *   Columns per page (default {@link COMMENTARIES_PER_PAGE}).
 * @returns
 *   The pages, each with its groups in corpus order.
 */
export function pageGroups<T>(groups: readonly PassageGroup<T>[], perPage: number = COMMENTARIES_PER_PAGE): GroupPage<T>[] {
	const bySlug = new Map(groups.map((group) => [group.slug, group]));
	const pages = topicPages(
		groups.map((group) => group.slug),
		(slug) => (bySlug.get(slug)?.passages.length ?? 0) > 0,
		perPage,
	);
	return pages.map((page) => ({ number: page.number, total: pages.length, groups: page.slugs.map((slug) => bySlug.get(slug)!) }));
}

/**
 * The page of a topic that shows a commentary's column, so a link to that
 * column (`#in-<slug>`, `#cited-<slug>`) lands where the column is.
 *
 * @param pages
 *   The topic's pages.
 * @param slug
 *   The commentary.
 * @returns
 *   The page number, or `undefined` when no page shows the commentary.
 */
export function pageShowing(pages: readonly { number: number; groups: readonly { slug: string }[] }[], slug: string): number | undefined {
	return pages.find((page) => page.groups.some((group) => group.slug === slug))?.number;
}
