/**
 * What a reader gets on every page, whatever its content: it loads cleanly
 * (status 200, no console errors, no failed requests, nothing fetched from
 * other origins), it fits a 360 px phone without sideways scrolling, and the
 * keyboard's first Tab lands on a visible skip link that moves focus to the
 * main content. And an unknown address gets the 404 page with status 404.
 * Each template is opened on a fixed sample of its pages
 * (tests/support/sample.ts); the static checks in tests/dist/ read them all,
 * skip link and `main#main` included.
 */
import { describe, expect, it } from 'vitest';
import { useSite, widthsInTurn } from '../support/browser';
import { distDir, hasBuild, listReadablePages, readDistFile } from '../support/dist';
import { browserSample } from '../support/sample';

const built = hasBuild();
const pages = built ? browserSample(listReadablePages(), (page) => readDistFile(page.file)) : [];
const phone = { width: 360, height: 740 };

describe('every page in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	// One load per page checks everything, because the site has hundreds of pages.
	it.concurrent.for(pages.map((page) => page.path))(
		'should load cleanly, fit a 360 px screen and lead the first Tab to a skip link: %s',
		async (path, { expect }) => {
			await site.open(
				path,
				async (page, report) => {
					expect.soft(report.status, 'HTTP status').toBe(200);

					const overflow = await page.evaluate(() => {
						const width = document.documentElement.clientWidth;
						const describe = (element: Element) =>
							`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
						return {
							scrollWidth: document.documentElement.scrollWidth,
							clientWidth: width,
							// The outermost elements that stick out, to say what overflows.
							culprits: (() => {
								const wide = new Set(
									[...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 0.5),
								);
								return [...wide]
									.filter((element) => !element.parentElement || !wide.has(element.parentElement))
									.slice(0, 5)
									.map(describe);
							})(),
						};
					});
					expect
						.soft(overflow.scrollWidth, `horizontal scrolling at 360 px; sticking out: ${overflow.culprits.join(', ')}`)
						.toBeLessThanOrEqual(overflow.clientWidth);

					await page.keyboard.press('Tab');
					const focused = await page.evaluate(() => {
						const element = document.activeElement;
						if (!(element instanceof HTMLAnchorElement)) return { href: null, visible: false, text: '' };
						const box = element.getBoundingClientRect();
						const style = getComputedStyle(element);
						const visible =
							box.width >= 1 &&
							box.height >= 1 &&
							box.bottom > 0 &&
							box.right > 0 &&
							box.top < innerHeight &&
							box.left < innerWidth &&
							style.visibility !== 'hidden' &&
							Number(style.opacity) > 0 &&
							style.clipPath === 'none' &&
							style.getPropertyValue('clip') !== 'rect(0px, 0px, 0px, 0px)';
						return { href: element.getAttribute('href'), visible, text: element.textContent?.trim() ?? '' };
					});
					// A reading page skips first to its text (inside <main>); every other page to <main>.
					const target = focused.href?.startsWith('#') ? focused.href.slice(1) : '';
					const inMain = await page.evaluate((id) => id !== '' && document.querySelector('main')?.querySelector(`#${CSS.escape(id)}`) !== null, target);
					expect.soft(target === 'main' || inMain, `the first Tab should focus a skip link to <main> or into it, found ${focused.href}`).toBe(true);
					expect.soft(focused.visible, 'the focused skip link should be on screen').toBe(true);
					expect.soft(focused.text, 'the skip link should have text').not.toBe('');
					if (target === 'main' || inMain) {
						await page.keyboard.press('Enter');
						const active = await page.evaluate(() => document.activeElement?.id ?? '');
						expect.soft(active, 'Enter on the skip link should move focus to its target').toBe(target);
					}

					// Last, so requests made by the interactions above are included.
					expect.soft(report.consoleErrors, 'console errors').toEqual([]);
					expect.soft(report.failedRequests, 'failed requests').toEqual([]);
					expect.soft(report.foreignRequests, 'requests to other origins').toEqual([]);
				},
				{ viewport: phone },
			);
		},
	);

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
