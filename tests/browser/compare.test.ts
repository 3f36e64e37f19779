/**
 * The compare view in Chromium, at 1280 and 360 px: pre-rendered pairs and a
 * triple assembled from the parts the build published, choosing topics (columns turn to their claims, marks,
 * previous / next), the address following the view with and without
 * JavaScript, cross-column highlights, aligned rows, editors' notes beside
 * their claims, axe in both schemes (without JavaScript: compare-no-js.test.ts); then that reading pages load no compare
 * code, and that the article and actor pages stay aligned and short (on a
 * sample of them: the tallest by content and every variant of their markup).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, widthsInTurn } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, listPages, readDistFile } from '../support/dist';
import { browserSample } from '../support/sample';

const built = hasBuild();
const wide = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };

const ROY = 'roy-kim-putin-vostochny-summit';
const REKHA = 'rekha-j-niice-commentary';
const LANKOV = 'lankov-nbr-interview';
const SHARMA = 'sharma-jayaprakash-east-asian-security-order';
const BHADRAKUMAR = 'bhadrakumar-rustle-up-an-alliance';
const pairPath = (a: string, b: string) => `/compare/${[a, b].sort().join('--')}/`;
const PAIRS: [string, string][] = [
	[REKHA, ROY],
	[BHADRAKUMAR, LANKOV],
	[LANKOV, SHARMA],
];

/** Wait until the compare script has taken over the view. */
async function live(page: Page): Promise<void> {
	await page.locator('.cmp.is-live').waitFor();
}

/** Per column: claims marked as about the topic, the current one, and the position text. */
async function columnState(page: Page) {
	return page.locator('.cmp-col').evaluateAll((columns) =>
		columns.map((column) => ({
			slug: column.getAttribute('data-slug'),
			hits: [...column.querySelectorAll('.cmp-claim.is-hit')].map((claim) => claim.id),
			current: column.querySelector('.cmp-claim.is-current')?.id ?? null,
			pos: column.querySelector('[data-compare-pos]')?.textContent ?? '',
		})),
	);
}

/**
 * Whether a claim is on screen, below its column's heading (which sticks at
 * the top of the screen as the page scrolls).
 */
async function visibleInColumn(page: Page, id: string): Promise<boolean> {
	return page.evaluate((claimId) => {
		const claim = document.getElementById(claimId)!;
		const box = claim.getBoundingClientRect();
		const head = claim.closest('.cmp-col')!.querySelector('.cmp-col-head')!.getBoundingClientRect();
		return box.top >= head.bottom - 1 && box.top >= 0 && box.bottom <= window.innerHeight;
	}, id);
}

/** Wait until the page's smooth scroll has come to rest (its place the same over a few frames). */
async function scrollSettled(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			new Promise<boolean>((resolve) => {
				const start = window.scrollY;
				// Two frames, then 150 ms: the scroll the view makes on focus runs in a frame, which a busy machine can
				// delay past any fixed wait.
				requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.scrollY === start), 150)));
			}),
		undefined,
		{ polling: 50 },
	);
}

/**
 * The elements of the view that scroll their own content, the rail of topics
 * aside: the page should be the one thing that scrolls (hidden text for
 * screen readers, one pixel high, is no scroll box).
 */
async function innerScrollBoxes(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.cmp *')]
			.filter((element) => !element.closest('.cmp-rail') && element.clientHeight > 1)
			.filter((element) => element.scrollHeight > element.clientHeight + 1 && !['visible', 'clip'].includes(getComputedStyle(element).overflowY))
			.map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
	);
}

describe('the compare view', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();
	const pages = listPages().map((page) => page.path);

	it('should publish one page per pair (10 for 5 commentaries), the chooser and the data', () => {
		const pairPages = pages.filter((path) => /^\/compare\/[^/]+--[^/]+\/$/.test(path));
		expect(pairPages).toHaveLength(10);
		for (const [a, b] of PAIRS) expect(pairPages).toContain(pairPath(a, b));
		expect(pages).toContain('/compare/');
	});

	// axe takes about ten seconds per scheme on a compare page: these run one at a time, with room. It runs on
	// the first pair at both widths (the same template with other texts is in tests/browser/a11y.test.ts's sample).
	it.for(PAIRS.flatMap(([a, b], index) => [wide, phone].map((viewport) => ({ a, b, viewport, axe: index === 0 }))))(
		'should show $a and $b side by side with a rail of shared topics at $viewport.width px (axe: $axe)',
		{ timeout: 180_000 },
		async ({ a, b, viewport, axe }, { expect }) => {
			await site.open(
				pairPath(a, b),
				async (page, report) => {
					expect(report.status).toBe(200);
					await live(page);
					expect(await page.locator('.cmp-col').count()).toBe(2);
					const first = await page.locator('.cmp-rail .cmp-rail-group').first().textContent();
					expect(first).toMatch(/^In both/);
					// Counts per column, one per commentary, on every rail entry.
					const counts = await page.locator('.cmp-topic-link').first().locator('.cmp-count').count();
					expect(counts).toBe(2);
					const width = await page.evaluate(() => document.documentElement.scrollWidth);
					expect(width, 'no horizontal scrolling').toBeLessThanOrEqual(viewport.width);
					if (viewport.width === wide.width) {
						const tops = await page.locator('.cmp-col').evaluateAll((cols) => cols.map((col) => Math.round(col.getBoundingClientRect().top)));
						expect(tops[0]).toBe(tops[1]);
					} else {
						// On a phone one column shows at a time; the buttons switch.
						expect(await page.locator('.cmp-col:visible').count()).toBe(1);
						await page.locator('[data-show="1"]').click();
						expect(await page.locator('.cmp-col:visible').getAttribute('data-slug')).toBe(await page.locator('.cmp-col').nth(1).getAttribute('data-slug'));
						expect(await page.locator('[data-show="1"]').getAttribute('aria-pressed')).toBe('true');
					}
					await page.locator('.cmp-topic-link').first().click();
					if (axe) expect(await axeBothSchemes(page, `${pairPath(a, b)} ${viewport.width}px`)).toEqual([]);
					expect(report.consoleErrors).toEqual([]);
					expect(report.failedRequests).toEqual([]);
				},
				{ viewport },
			);
		},
	);

	it('should turn each column to its first claim about Article 4, mark them all, and put the topic in the address', async () => {
		await site.open(pairPath(REKHA, ROY), async (page) => {
			await live(page);
			await page.locator('.cmp-topic-link[data-topic="article:4"]').click();
			expect(new URL(page.url()).hash).toBe('#t-article-4');
			const state = await columnState(page);
			const roy = state.find((c) => c.slug === ROY)!;
			const rekha = state.find((c) => c.slug === REKHA)!;
			expect(roy.hits).toEqual([]);
			expect(roy.pos).toBe('Not discussed');
			expect(rekha.hits.length).toBeGreaterThan(0);
			expect(rekha.current).toBe(rekha.hits[0]);
			expect(rekha.pos).toBe(`1 of ${rekha.hits.length}`);
			// Every claim marked is one about Article 4, and every such claim is marked.
			const about = await page.locator(`.cmp-col[data-slug="${REKHA}"] .cmp-claim`).evaluateAll((claims) =>
				claims.filter((c) => (c.getAttribute('data-topics') ?? '').split(' ').includes('article:4')).map((c) => c.id),
			);
			expect(rekha.hits).toEqual(about);
			await expect.poll(() => visibleInColumn(page, rekha.current!)).toBe(true);
			expect(await page.locator('.cmp-topic-link[aria-current]').getAttribute('data-topic')).toBe('article:4');
			expect(await page.locator('[data-compare-status]').textContent()).toMatch(/^Article 4: Roy none, Rekha J \d+$/);
		});
	});

	it.for([
		// In this pair the first claims about Russia, and about Article 4, stand within a screen of each other: both show.
		{ path: pairPath(LANKOV, SHARMA), viewport: wide, together: ['actor:russia', 'article:4'], axe: false },
		// axe with the headings stuck over the scrolled text, at the widths the other checks leave out.
		{ path: pairPath(LANKOV, SHARMA), viewport: { width: 1440, height: 900 }, together: [], axe: true },
		{ path: `/compare/?c=${LANKOV},${REKHA},${ROY}`, viewport: { width: 1920, height: 1000 }, together: [], axe: true },
		{ path: pairPath(LANKOV, SHARMA), viewport: phone, together: [], axe: false },
		{ path: `/compare/?c=${SHARMA},${BHADRAKUMAR},${REKHA}`, viewport: phone, together: [], axe: false },
	])('should scroll as one page, columns growing with it, on $path at $viewport.width px (axe: $axe)', { timeout: 180_000 }, async ({ path, viewport, together, axe }, { expect }) => {
		await site.open(
			path,
			async (page) => {
				await live(page);
				expect(await innerScrollBoxes(page), 'no column scrolls inside the page').toEqual([]);
				// Each column is as tall as its text: the page holds them whole.
				const columns = await page.locator('.cmp-col').evaluateAll((cols) =>
					cols.filter((col) => col.getClientRects().length > 0).map((col) => ({ height: col.getBoundingClientRect().height, text: col.querySelector('.cmp-text')!.scrollHeight })),
				);
				for (const column of columns) expect(column.height).toBeGreaterThanOrEqual(column.text);
				expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(viewport.height * 2);
				for (const topic of ['actor:russia', 'article:4', 'actor:china']) {
					const link = page.locator(`.cmp-topic-link[data-topic="${topic}"]`);
					if (viewport.width < 960) await link.scrollIntoViewIfNeeded();
					await link.click();
					await scrollSettled(page);
					const state = (await columnState(page)).filter((column) => column.current);
					expect(state.length).toBeGreaterThan(0);
					// The claims are brought into view by the page's scroll, below the headings that stick at the top.
					// (The page scrolls smoothly: its place is awaited.)
					const shown = () => Promise.all(state.map((column) => visibleInColumn(page, column.current!)));
					await expect.poll(async () => (await shown()).some(Boolean), { message: `${topic}: a first claim in view` }).toBe(true);
					if (together.includes(topic)) await expect.poll(shown, { message: `${topic}: every column's first claim in view` }).toEqual(state.map(() => true));
					expect(await innerScrollBoxes(page)).toEqual([]);
					if (viewport.width < 960) {
						// On a phone the shown column's heading sticks below the column switch, never under it.
						const gap = await page.evaluate(() => {
							const bar = document.querySelector('.cmp-show')!.getBoundingClientRect();
							const column = [...document.querySelectorAll('.cmp-col')].find((col) => col.getClientRects().length > 0)!;
							return column.querySelector('.cmp-col-head')!.getBoundingClientRect().top - bar.bottom;
						});
						expect(gap).toBeGreaterThanOrEqual(-1);
					} else {
						// A column whose top has scrolled away keeps its heading (previous, next) at the top of the screen.
						const heads = await page.locator('.cmp-col').evaluateAll((cols) =>
							cols.filter((col) => col.getBoundingClientRect().top < 0).map((col) => Math.round(col.querySelector('.cmp-col-head')!.getBoundingClientRect().top)),
						);
						for (const top of heads) expect(top).toBe(0);
					}
				}
				if (axe) expect(await axeBothSchemes(page, `${path} ${viewport.width}px, scrolled`)).toEqual([]);
			},
			{ viewport },
		);
	});

	// The tallest headings: the longest names and outlets, three columns.
	it.for([pairPath(LANKOV, SHARMA), `/compare/?c=${SHARMA},${BHADRAKUMAR},${REKHA}`].flatMap((path) => [wide, phone].map((viewport) => ({ path, viewport }))))(
		'should keep the focus clear of the stuck headings when tabbing back up a column on $path at $viewport.width px', async ({ path, viewport }, { expect }) => {
		await site.open(
			path,
			async (page) => {
				await live(page);
				await page.evaluate(() => window.scrollTo({ top: 2500, behavior: 'instant' }));
				// A mention a little below the shown column's heading: Shift+Tab walks back up the text from it.
				await page.evaluate(() => {
					const column = [...document.querySelectorAll('.cmp-col')].find((col) => col.getClientRects().length > 0)!;
					const head = column.querySelector('.cmp-col-head')!.getBoundingClientRect();
					const link = [...column.querySelectorAll('.cmp-text a')].find((a) => a.getBoundingClientRect().top > head.bottom + 40)!;
					link.setAttribute('data-start', '');
				});
				await page.locator('[data-start]').focus();
				/** How far below its column's heading the focused element stands (negative: under it). */
				const clearance = () =>
					page.evaluate(() => {
						const focused = document.activeElement!;
						const head = focused.closest('.cmp-text') ? focused.closest('.cmp-col')!.querySelector('.cmp-col-head') : null;
						return head ? focused.getBoundingClientRect().top - head.getBoundingClientRect().bottom : 0;
					});
				for (let step = 0; step < 8; step += 1) {
					await page.keyboard.press('Shift+Tab');
					await scrollSettled(page);
					expect(await clearance(), `Shift+Tab ${step + 1}`).toBeGreaterThanOrEqual(0);
				}
			},
			{ viewport },
		);
	});

	it('should step through a column’s claims about a topic with next and previous, stopping at the ends', async () => {
		await site.open(`${pairPath(REKHA, ROY)}#t-actor-russia`, async (page) => {
			await live(page);
			await expect.poll(async () => (await columnState(page))[0]!.hits.length).toBeGreaterThan(2);
			const column = page.locator('.cmp-col').first();
			const [before] = await columnState(page);
			expect(before!.current).toBe(before!.hits[0]);
			expect(await column.locator('[data-step="-1"]').isDisabled()).toBe(true);
			await column.locator('[data-step="1"]').click();
			const [after] = await columnState(page);
			expect(after!.current).toBe(before!.hits[1]);
			expect(after!.pos).toBe(`2 of ${before!.hits.length}`);
			await expect.poll(() => visibleInColumn(page, after!.current!)).toBe(true);
			// The other column did not move.
			expect((await columnState(page))[1]!.current).toBe((await columnState(page))[1]!.hits[0]);
			await column.locator('[data-step="-1"]').click();
			expect((await columnState(page))[0]!.current).toBe(before!.hits[0]);
			// Keyboard: the step buttons are reachable and work with Enter.
			await column.locator('[data-step="1"]').focus();
			await page.keyboard.press('Enter');
			expect((await columnState(page))[0]!.pos).toBe(`2 of ${before!.hits.length}`);
		});
	});

	it('should highlight, on hover or focus of a mention, the claims of the other column about the same thing', async () => {
		await site.open(pairPath(REKHA, ROY), async (page) => {
			await live(page);
			const mention = page.locator(`.cmp-col[data-slug="${ROY}"] .cmp-m[data-topic="actor:china"]`).first();
			const expected = await page.locator(`.cmp-col[data-slug="${REKHA}"] .cmp-claim[data-topics~="actor:china"]`).evaluateAll((cs) => cs.map((c) => c.id));
			expect(expected.length).toBeGreaterThan(0);
			await mention.hover();
			const related = () => page.locator('.cmp-claim.is-related').evaluateAll((cs) => cs.map((c) => c.id));
			expect(await related()).toEqual(expected);
			await page.mouse.move(0, 0);
			expect(await related()).toEqual([]);
			await mention.focus();
			expect(await related()).toEqual(expected);
			const colour = await page.evaluate((id) => getComputedStyle(document.getElementById(id)!).boxShadow, expected[0]!);
			expect(colour).not.toBe('none');
		});
	});

	it('should show an editor’s note beside the claim it covers, in the column and in the rows', async () => {
		await site.open(pairPath(REKHA, ROY), async (page) => {
			const placement = await page.evaluate(() => {
				const note = document.querySelector('.cmp-col [data-note="rekha-visit-date"]');
				const block = note?.previousElementSibling;
				return {
					inColumn: note?.closest('.cmp-col')?.getAttribute('data-slug'),
					claimBefore: Boolean(block?.querySelector('.cmp-claim.cmp-noted')),
					quoteBefore: block?.textContent?.includes('his recent visit to Pyongyang on June 18') ?? false,
				};
			});
			expect(placement).toEqual({ inColumn: 'rekha-j-niice-commentary', claimBefore: true, quoteBefore: true });
			expect(await page.locator('.cmp-col [data-note="roy-scared-struggle"]').count()).toBe(1);
			// In the no-JavaScript rows, the note follows the claim in its cell.
			expect(await page.locator('#t-date-2024-06-18 td [data-note="rekha-visit-date"], .cmp-rows td [data-note="rekha-visit-date"]').count()).toBeGreaterThan(0);
		});
	});

	it.for([wide, phone])('should assemble a triple from its parts in the browser at $width px, with the topic from the address', { timeout: 180_000 }, async (viewport, { expect }) => {
		await site.open(
			`/compare/?c=${LANKOV},${REKHA},${ROY}#t-actor-russia`,
			async (page, report) => {
				await live(page);
				expect(await page.locator('.cmp-col').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-slug')))).toEqual([LANKOV, REKHA, ROY]);
				expect(await page.locator('h1').textContent()).toBe('Compare Lankov, Rekha J and Roy');
				expect(await page.locator('.cmp-rail-group').first().textContent()).toMatch(/^In all 3/);
				expect(await page.locator('.cmp-topic-link[aria-current]').getAttribute('data-topic')).toBe('actor:russia');
				const state = await columnState(page);
				for (const column of state) expect(column.hits.length).toBeGreaterThan(0);
				expect(await page.locator('.cmp-topic-link').first().locator('.cmp-count').count()).toBe(3);
				// Without a pre-rendered page for it, the view was assembled from the published parts.
				expect(await page.locator('[data-compare-pairs]').isVisible()).toBe(false);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
				if (viewport.width === wide.width) {
					const tops = await page.locator('.cmp-col').evaluateAll((cols) => cols.map((col) => Math.round(col.getBoundingClientRect().top)));
					expect(new Set(tops).size).toBe(1);
				}
				expect(await axeBothSchemes(page, `triple ${viewport.width}px`)).toEqual([]);
				expect(report.consoleErrors).toEqual([]);
				expect(report.failedRequests).toEqual([]);
			},
			{ viewport },
		);
	});

	it('should assemble a chosen pair from the parts the build rendered, node for node the pre-rendered page’s view', async () => {
		// The pre-rendered page's columns, in its order (reading order), as the address would name them.
		const slugs = /data-slugs="([^"]+)"/.exec(readDistFile(`${pairPath(REKHA, ROY).slice(1)}index.html`))?.[1];
		expect(slugs).toBeDefined();
		// The pre-rendered view once the script has wired it (it shows and names the related-claims controls of
		// the columns shown, in a pre-rendered view and an assembled one alike), without the rows by topic, which
		// are for reading without the script.
		const prerendered = await site.open(pairPath(REKHA, ROY), async (page) => {
			await live(page);
			// No pointer over a claim, which would mark claims in either view.
			await page.mouse.move(0, 0);
			return page.evaluate(() => {
				const view = document.querySelector('[data-compare-view]')?.cloneNode(true);
				if (!(view instanceof Element)) return '';
				view.querySelector('[data-compare-aligned]')?.remove();
				return view.outerHTML;
			});
		});
		// Some controls shown, some not: the comparison covers both.
		const controls = prerendered.match(/<button [^>]*class="cmp-rel"[^>]*>/g) ?? [];
		expect(controls.filter((control) => control.includes(' hidden')).length).toBeGreaterThan(0);
		expect(controls.filter((control) => !control.includes(' hidden')).length).toBeGreaterThan(0);
		await site.open(`/compare/?c=${slugs}`, async (page, report) => {
			await live(page);
			await page.mouse.move(0, 0);
			const difference = await page.evaluate(async (html) => {
				const served = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-compare-view]');
				const shown = document.querySelector('[data-compare-view]')?.cloneNode(true);
				if (!served || !(shown instanceof Element)) return 'no view';
				const describe = (node: Node): string =>
					node instanceof Element
						? `<${node.localName} ${[...node.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ')}>`
						: `${node.nodeName} ${JSON.stringify(node.textContent)}`;
				const firstDifference = (a: Node, b: Node, path: string): string | undefined => {
					if (describe(a) !== describe(b)) return `${path}: ${describe(a)} ≠ ${describe(b)}`;
					const [left, right] = [[...a.childNodes], [...b.childNodes]];
					if (left.length !== right.length) return `${path} ${describe(a)}: ${left.length} ≠ ${right.length} children`;
					for (let index = 0; index < left.length; index++) {
						const found = firstDifference(left[index]!, right[index]!, `${path}/${index}`);
						if (found) return found;
					}
					return undefined;
				};
				return firstDifference(shown, served, '') ?? null;
			}, prerendered);
			expect(difference).toBeNull();
			// Assembled from the published parts (the view's and each column's), not from data.
			const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
			const parts = fetched.filter((path) => path.startsWith('/compare/parts/')).sort();
			expect(parts).toEqual(['/compare/parts/view.htm', ...slugs!.split(',').map((slug) => `/compare/parts/${slug}.htm`)].sort());
			expect(fetched.filter((path) => path.endsWith('.json'))).toEqual([]);
			expect(report.consoleErrors).toEqual([]);
		});
	});

	it('should keep a pre-rendered view in place and fetch no parts for it', async () => {
		await site.open(pairPath(REKHA, ROY), async (page) => {
			await live(page);
			const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
			expect(fetched.filter((path) => path.startsWith('/compare/parts/'))).toEqual([]);
			// Without parts there is nothing to replace the served view with: the script wired the one the page came with.
			expect(await page.locator('[data-compare-mount] > [data-compare-view].is-live').count()).toBe(1);
		});
	});

	it('should add a third column and swap columns without a reload, the address following, back and forward too', async () => {
		await site.open(pairPath(REKHA, ROY), async (page) => {
			await live(page);
			await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
			await page.locator('select[data-column="2"]').selectOption(LANKOV);
			await page.getByRole('button', { name: 'Compare', exact: true }).click();
			await page.waitForURL((url) => url.search === `?c=${ROY},${REKHA},${LANKOV}`);
			expect(await page.locator('.cmp-col').count()).toBe(3);
			await page.getByRole('button', { name: 'Swap 1 and 2' }).click();
			await page.waitForURL((url) => url.search === `?c=${REKHA},${ROY},${LANKOV}`);
			expect(await page.locator('.cmp-col').first().getAttribute('data-slug')).toBe(REKHA);
			expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
			await page.locator('.cmp-topic-link[data-topic="actor:china"]').click();
			expect(new URL(page.url()).hash).toBe('#t-actor-china');
			await page.goBack();
			await page.waitForURL((url) => url.search === `?c=${ROY},${REKHA},${LANKOV}`);
			await expect.poll(() => page.locator('.cmp-col').first().getAttribute('data-slug')).toBe(ROY);
		});
	});

	it('should refuse a choice of fewer than two commentaries with a message', async () => {
		await site.open('/compare/', async (page) => {
			await page.locator('[data-compare-chooser][data-ready]').waitFor();
			await page.locator('select[data-column="1"]').selectOption(await page.locator('select[data-column="0"]').inputValue());
			await page.getByRole('button', { name: 'Compare', exact: true }).click();
			expect(await page.locator('[data-compare-error]').textContent()).toMatch(/two different commentaries/);
			expect(new URL(page.url()).search).toBe('');
		});
	});

	it('should open a shared link to a topic on a pair page at that topic, with JavaScript', async () => {
		await site.open(`${pairPath(LANKOV, SHARMA)}#t-article-4`, async (page) => {
			await live(page);
			await expect.poll(() => page.locator('.cmp-topic-link[aria-current]').getAttribute('data-topic')).toBe('article:4');
			const state = await columnState(page);
			for (const column of state) expect(column.current).toBe(column.hits[0] ?? null);
			for (const column of state) if (column.current) await expect.poll(() => visibleInColumn(page, column.current!)).toBe(true);
		});
	});

	it('should load no compare code on reading pages', async () => {
		for (const path of [`/commentaries/${ROY}/`, `/commentaries/${LANKOV}/`, '/articles/4/', '/actors/russia/']) {
			await site.open(path, async (page) => {
				const scripts = await page.evaluate(() =>
					performance
						.getEntriesByType('resource')
						.map((entry) => entry.name)
						.filter((name) => /\.(m?js|json)(\?|$)/.test(name)),
				);
				for (const url of scripts) {
					expect(url).not.toMatch(/compare/i);
					const body = await (await fetch(url)).text();
					expect(body, `${url} holds compare code`).not.toContain('data-compare-step');
				}
				expect(await page.locator('[data-compare-view]').count()).toBe(0);
			});
		}
	});
});

describe('topic pages: aligned columns, never a wall', () => {
	if (!built) return;
	const site = useSite();
	// A fixed sample of each template (tests/support/sample.ts), the page with the most passages included.
	const topicPages = browserSample(
		listPages().filter((page) => /^\/(articles|actors)\/[^/]+\/$/.test(page.path)),
		(page) => readDistFile(page.file),
	).map((page) => page.path);

	it('should check article and actor pages', () => {
		expect(topicPages.some((path) => path.startsWith('/articles/'))).toBe(true);
		expect(topicPages.some((path) => path.startsWith('/actors/'))).toBe(true);
	});

	it.concurrent.for(topicPages)('should be at most 6,000 px tall at 1280 px with lists folded: %s', async (path, { expect }) => {
		const height = await site.open(path, (page) => page.evaluate(() => document.documentElement.scrollHeight), { viewport: wide });
		expect(height).toBeLessThanOrEqual(6000);
	});

	it('should set three columns side by side on Russia’s page, rows aligned, the rest folded with a count and a switch', async () => {
		await site.open(
			'/actors/russia/',
			async (page) => {
				const columns = page.locator('#passages ~ .aligned-cols > .column');
				expect(await columns.count()).toBe(3);
				const firstRowTops = await columns.evaluateAll((cols) => cols.map((col) => Math.round(col.querySelector('.passages > li')!.getBoundingClientRect().top)));
				expect(new Set(firstRowTops).size).toBe(1);
				const thirdRowTops = await columns.evaluateAll((cols) => cols.map((col) => Math.round(col.querySelectorAll('.passages > li')[2]!.getBoundingClientRect().top)));
				expect(new Set(thirdRowTops).size).toBe(1);
				const summaries = await page.locator('.passage-more summary').allTextContents();
				expect(summaries).toContain('26 more from Roy');
				const details = page.locator('.passage-more').first();
				expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
				await details.locator('summary').click();
				expect(await details.locator('.passage').count()).toBeGreaterThan(0);
				// The other commentaries: one switch away, every one of them with its column there.
				const more = page.locator('details.more-columns');
				expect(await more.locator(':scope > summary').textContent()).toMatch(/^\s*2 more commentaries: /);
				await more.locator(':scope > summary').click();
				expect(await more.locator('.column').count()).toBe(2);
				expect(await more.locator('.column').first().isVisible()).toBe(true);
			},
			{ viewport: wide },
		);
	});

	it('should name the commentaries without passages in a line, not an empty cell, and stack columns on a phone', async () => {
		await site.open('/articles/4/', async (page) => {
			expect(await page.locator('#by-subject-roy-kim-putin-vostochny-summit').count()).toBe(0);
			const absent = page.locator('section:has(> #by-subject) .columns-absent');
			expect(await absent.textContent()).toMatch(/^No passage cites it by subject alone in the commentar(y|ies) by .*Roy/);
		}, { viewport: wide });
		await site.open('/actors/russia/', async (page) => {
			const boxes = await page.locator('.aligned-cols > .column').evaluateAll((cols) => cols.filter((col) => col.getClientRects().length > 0).map((col) => col.getBoundingClientRect()).map((b) => ({ left: Math.round(b.left), top: Math.round(b.top) })));
			expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
			for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.top);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		}, { viewport: phone });
	});

	for (const { width, colorScheme } of widthsInTurn([1280, 1440, 1920, 360])) {
		it(`should start the columns in the first screen, on the header's edge, at ${width} px (${colorScheme})`, async () => {
			const height = width === 360 ? 740 : 800;
			await site.open(
				pairPath(LANKOV, SHARMA),
				async (page) => {
					await page.locator('[data-compare-chooser][data-ready]').waitFor();
					const found = await page.evaluate(() => {
						const left = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().left;
						const text = [...document.querySelectorAll('.cmp-col')].find((column) => column.getClientRects().length > 0)!.querySelector('.cmp-text')!;
						return { header: left('.site-name'), title: left('main h1'), view: left('.cmp'), footer: left('.site-footer-inner p'), textTop: text.getBoundingClientRect().top };
					});
					expect(found.title).toBeCloseTo(found.header, 0);
					expect(found.view).toBeCloseTo(found.header, 0);
					expect(found.footer).toBeCloseTo(found.header, 0);
					// On a wide screen at least a third of the first screen shows the columns' text (a phone shows the topics first).
					if (width >= 1280) expect(found.textTop).toBeLessThan(height * (2 / 3));
				},
				{ viewport: { width, height }, colorScheme },
			);
		});
	}
});
