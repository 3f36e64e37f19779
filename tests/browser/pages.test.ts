/**
 * Pages a reader reaches by an old or wrong address (the 404 page with status
 * 404, a list that got shorter, a date page that is gone), and topic pages'
 * columns at every width. What every page gets whatever its content (a
 * clean load, no sideways scrolling at 360 px, the skip link first) is
 * checked on each template's sample in tests/browser/a11y.test.ts, in the
 * same visit as axe.
 */
import { describe, expect, it } from 'vitest';
import { useSite, widthsInTurn } from '../support/browser';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();

describe('every page in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	// Every sampled page's clean load, 360 px fit and skip link are checked in tests/browser/a11y.test.ts, in the
	// visit that runs axe on it: one load per page for both.

	it('should answer an unknown address with the 404 page and status 404', async () => {
		await site.open('/no-such-page-here/', async (page, report) => {
			expect(report.status).toBe(404);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.locator('main#main').count()).toBe(1);
			expect(report.foreignRequests).toEqual([]);
		});
	});

	it('should tell a reader at a page of a list that is shorter now, and lead to the list’s first page', async () => {
		await site.open('/commentaries/page/9/', async (page, report) => {
			expect(report.status).toBe(404);
			await expect.poll(() => page.locator('h1').textContent()).toBe('This list is shorter now');
			const lede = page.locator('[data-not-found-lede]');
			expect(await lede.textContent()).toContain('no longer has a page 9');
			expect(await lede.locator('a').getAttribute('href')).toBe('/commentaries/');
		});
	});

	it('should tell a reader at a date page that is gone where the date’s sentences are', async () => {
		await site.open('/timeline/dates/1999-01-01/', async (page, report) => {
			expect(report.status).toBe(404);
			await expect.poll(() => page.locator('h1').textContent()).toBe('This date has no page of its own now');
			expect(await page.locator('[data-not-found-lede] a').getAttribute('href')).toBe('/timeline/#d-1999-01-01');
		});
	});

	for (const { width, colorScheme } of widthsInTurn([1280, 1440, 1920, 360])) {
		it.for(['/articles/4/', '/articles/8/', '/actors/russia/', '/actors/japan/'])(
			`should set at most three readable columns side by side, the rest a switch away, and no empty cell at ${width} px (${colorScheme}): %s`,
			async (path, { expect }) => {
				await site.open(
					path,
					async (page, report) => {
						expect(report.status).toBe(200);
						const found = await page.evaluate(() => {
							const rows = [...document.querySelectorAll<HTMLElement>('.aligned-cols')].filter((row) => row.getClientRects().length > 0);
							const shown = rows.map((row) => {
								const columns = [...row.querySelectorAll<HTMLElement>(':scope > .column')];
								// Columns side by side: those sharing the first one's top.
								const tops = columns.map((column) => Math.round(column.getBoundingClientRect().top));
								return { side: tops.filter((top) => top === tops[0]).length, narrowest: Math.min(...columns.map((column) => column.getBoundingClientRect().width)), count: columns.length };
							});
							const dashed = [...document.querySelectorAll<HTMLElement>('main *')].filter((element) => {
								const style = getComputedStyle(element);
								return element.getClientRects().length > 0 && [style.borderTopStyle, style.borderLeftStyle].includes('dashed');
							}).length;
							const emptyColumns = [...document.querySelectorAll('.column')].filter((column) => column.querySelectorAll('.passage:not(.passage-filler)').length === 0).length;
							const switches = [...document.querySelectorAll('details.more-columns > summary')].map((summary) => summary.textContent!.trim());
							return { shown, dashed, emptyColumns, switches };
						});
						expect(found.shown.length).toBeGreaterThan(0);
						for (const row of found.shown) {
							expect(row.side).toBeLessThanOrEqual(3);
							// Lines of at least about 35 characters.
							expect(row.narrowest).toBeGreaterThanOrEqual(Math.min(280, width - 40));
						}
						expect(found.dashed, 'dashed empty boxes').toBe(0);
						expect(found.emptyColumns, 'columns with nothing in them').toBe(0);
					},
					{ viewport: { width, height: 900 }, colorScheme },
				);
			},
		);
	}

	it('should offer the commentaries past the third behind a switch on a topic most of them discuss', async () => {
		await site.open('/actors/russia/', async (page) => {
			const more = page.locator('details.more-columns').first();
			expect(await more.count()).toBe(1);
			expect(await more.locator('.column').first().isVisible()).toBe(false);
			await more.locator(':scope > summary').click();
			expect(await more.locator('.column').first().isVisible()).toBe(true);
		});
	});
});
