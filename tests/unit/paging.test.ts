import { describe, expect, it } from 'vitest';
import { pageList, pageOfPages } from '../../src/utils/paging.ts';
import { createRoutes } from '../../src/utils/routes.ts';
import { publicationSpan } from '../../src/utils/format-date.ts';

const items = (count: number) => Array.from({ length: count }, (_, index) => `item-${index}`);

describe('pageList', () => {
	it.each([0, 1, 24, 25, 26, 999, 1000, 1001, 49_207])('bounds every page and puts each of %i items on exactly one page, in order', (count) => {
		const perPage = 25;
		const list = items(count);
		const pages = pageList(list, perPage);
		expect(pages.length).toBe(Math.max(1, Math.ceil(count / perPage)));
		expect(Math.max(...pages.map((page) => page.items.length))).toBeLessThanOrEqual(perPage);
		expect(pages.flatMap((page) => page.items)).toEqual(list);
		expect(new Set(pages.flatMap((page) => page.items)).size).toBe(count);
		for (const [index, page] of pages.entries()) {
			expect(page).toMatchObject({ number: index + 1, total: pages.length, start: index * perPage, count });
			expect(list.slice(page.start, page.start + page.items.length)).toEqual(page.items);
			// Only the last page may be short; no page but the only one is empty.
			if (index < pages.length - 1) expect(page.items).toHaveLength(perPage);
			if (pages.length > 1) expect(page.items.length).toBeGreaterThan(0);
		}
	});

	it('is stable: the same list pages the same way every time', () => {
		const list = items(1234);
		expect(pageList(list, 40)).toEqual(pageList([...list], 40));
	});

	it('has one page for a list that fits, so a short list reads as it did', () => {
		const pages = pageList(items(5), 25);
		expect(pages).toEqual([{ number: 1, total: 1, start: 0, count: 5, items: items(5) }]);
		expect(pageOfPages(pages[0]!)).toBe('');
	});

	it('says which page of how many', () => {
		expect(pageOfPages(pageList(items(60), 25)[1]!)).toBe('Page 2 of 3');
	});

	it('refuses a page size that is not a positive integer', () => {
		expect(() => pageList(items(3), 0)).toThrow(/perPage/);
		expect(() => pageList(items(3), 2.5)).toThrow(/perPage/);
	});
});

describe('paged list routes', () => {
	const routes = createRoutes('/reader/');
	it('keeps page 1 at the list’s own address and puts the rest under page/N/', () => {
		expect(routes.commentaries()).toBe('/reader/commentaries/');
		expect(routes.commentaries(1)).toBe('/reader/commentaries/');
		expect(routes.commentaries(3)).toBe('/reader/commentaries/page/3/');
		expect(routes.timelineDateSentences('2024-06-19')).toBe('/reader/timeline/dates/2024-06-19/');
		expect(routes.timelineDateSentences('2023-09/..', 2)).toBe('/reader/timeline/dates/2023-09_open/page/2/');
		expect(() => routes.commentaries(0)).toThrow(/page number/);
	});
});

describe('publicationSpan', () => {
	it('names the first and last months of publication, whatever the order and precision', () => {
		expect(publicationSpan(['2024-06', '2024', '2024-06-21', '2023-09', '2024-07-11'])).toBe('from September 2023 to July 2024');
		expect(publicationSpan(['2024-07-01', '2024-07-30'])).toBe('in July 2024');
		expect(publicationSpan([])).toBe('');
	});
});
