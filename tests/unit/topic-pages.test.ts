import { describe, expect, it } from 'vitest';
import { COMMENTARIES_PER_PAGE, pageGroups, pagerItems, pageShowing, topicPages } from '../../src/features/topics/topic-pages.ts';
import { createRoutes } from '../../src/utils/routes.ts';

const slugs = (count: number) => Array.from({ length: count }, (_, index) => `c${index + 1}`);

describe('topicPages', () => {
	it('keeps every commentary, named or not, on one page while the corpus fits', () => {
		const five = slugs(COMMENTARIES_PER_PAGE);
		expect(topicPages(five, (slug) => slug === 'c2')).toEqual([{ number: 1, slugs: five }]);
		expect(topicPages(five, () => false)).toEqual([{ number: 1, slugs: five }]);
	});

	it('beyond one page, pages only the commentaries with passages, in corpus order', () => {
		const corpus = slugs(23);
		const naming = new Set(['c1', 'c3', 'c4', 'c8', 'c9', 'c10', 'c15', 'c23']);
		const pages = topicPages(corpus, (slug) => naming.has(slug), 3);
		expect(pages).toEqual([
			{ number: 1, slugs: ['c1', 'c3', 'c4'] },
			{ number: 2, slugs: ['c8', 'c9', 'c10'] },
			{ number: 3, slugs: ['c15', 'c23'] },
		]);
		expect(pages.flatMap((page) => page.slugs)).toEqual(corpus.filter((slug) => naming.has(slug)));
	});

	it('no page holds more than a page of columns, however large the corpus', () => {
		const corpus = slugs(1000);
		const pages = topicPages(corpus, () => true);
		expect(pages).toHaveLength(1000 / COMMENTARIES_PER_PAGE);
		expect(Math.max(...pages.map((page) => page.slugs.length))).toBe(COMMENTARIES_PER_PAGE);
	});

	it('a topic no commentary of a large corpus names still has its first page', () => {
		expect(topicPages(slugs(40), () => false)).toEqual([{ number: 1, slugs: [] }]);
	});

	it('refuses a page size that is not a positive integer', () => {
		expect(() => topicPages(slugs(3), () => true, 0)).toThrow(/perPage/);
	});
});

describe('pageGroups', () => {
	it('splits groups by page and says how many pages there are', () => {
		const groups = slugs(12).map((slug, index) => ({ slug, passages: index % 2 === 0 ? [`${slug}-a`] : [] }));
		const pages = pageGroups(groups, 4);
		expect(pages.map((page) => page.number)).toEqual([1, 2]);
		expect(pages.every((page) => page.total === 2)).toBe(true);
		expect(pages[0]?.groups.map((group) => group.slug)).toEqual(['c1', 'c3', 'c5', 'c7']);
		expect(pages[1]?.groups).toEqual([
			{ slug: 'c9', passages: ['c9-a'] },
			{ slug: 'c11', passages: ['c11-a'] },
		]);
	});

	it('a small corpus keeps its empty columns on a single page', () => {
		const groups = [
			{ slug: 'a', passages: ['x'] },
			{ slug: 'b', passages: [] },
		];
		expect(pageGroups(groups)).toEqual([{ number: 1, total: 1, groups }]);
	});
});

describe('pagerItems', () => {
	const render = (current: number, total: number) =>
		pagerItems(current, total)
			.map((item) => ('gap' in item ? '…' : item.current ? `[${item.page}]` : String(item.page)))
			.join(' ');

	it('shows nothing for a single page', () => {
		expect(pagerItems(1, 1)).toEqual([]);
	});

	it('marks the current page and shows every page of a short run', () => {
		expect(render(1, 3)).toBe('[1] 2 3');
		expect(render(3, 5)).toBe('1 2 [3] 4 5');
	});

	it('keeps the first, the last and the neighbours, with gaps for the rest', () => {
		expect(render(1, 200)).toBe('[1] 2 3 … 200');
		expect(render(100, 200)).toBe('1 … 98 99 [100] 101 102 … 200');
		expect(render(200, 200)).toBe('1 … 198 199 [200]');
	});

	it('shows a lone skipped number instead of a gap', () => {
		expect(render(5, 9)).toBe('1 2 3 4 [5] 6 7 8 9');
	});

	it('stays the same size however many pages there are', () => {
		expect(pagerItems(500, 1000).length).toBe(pagerItems(50, 100).length);
	});

	it('refuses a current page outside the pages', () => {
		expect(() => pagerItems(4, 3)).toThrow(/not between 1 and 3/);
	});
});

describe('topic page addresses', () => {
	const routes = createRoutes('/reader/');

	it('page 1 is the topic’s own address, so published links keep resolving', () => {
		expect(routes.actor('russia', 1)).toBe(routes.actor('russia'));
		expect(routes.article(4, 1)).toBe('/reader/articles/4/');
	});

	it('further pages sit under the topic, with the base', () => {
		expect(routes.actor('russia', 2)).toBe('/reader/actors/russia/page/2/');
		expect(routes.article(4, 12)).toBe('/reader/articles/4/page/12/');
	});

	it('refuses a page that is not a positive integer', () => {
		expect(() => routes.actor('russia', 0)).toThrow(/page number/);
		expect(() => routes.article(4, 1.5)).toThrow(/page number/);
	});
});

describe('pageShowing', () => {
	it('finds the page that shows a commentary’s column, for links to it', () => {
		const groups = slugs(14).map((slug) => ({ slug, passages: slug === 'c2' ? [] : ['p'] }));
		const pages = pageGroups(groups, 5);
		expect(pageShowing(pages, 'c1')).toBe(1);
		expect(pageShowing(pages, 'c7')).toBe(2);
		expect(pageShowing(pages, 'c14')).toBe(3);
		expect(pageShowing(pages, 'c2')).toBeUndefined();
	});
});
