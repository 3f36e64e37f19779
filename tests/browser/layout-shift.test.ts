/**
 * Cumulative layout shift while a page loads, one page of each type, in a
 * fresh browser context (an empty cache, so the web font really arrives late
 * could swap in). The web font is preloaded with `font-display: optional`
 * over metric-matched fallbacks, and what a script fills in (search results)
 * has its room kept, so nothing moves: the sum of every layout
 * shift stays at or below 0.02 (stricter than CLS, which keeps only the worst
 * window), and the web font is in use. The visits share nothing (a context
 * each), so they run concurrently.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { distDir, hasBuild, listFiles } from '../support/dist';

const built = hasBuild();
const share = built ? listFiles().find((file) => /^c\/c-[0-9a-f]{10}\/index\.html$/.test(file)) : undefined;
const pageTypes = [
	'/',
	'/commentaries/',
	'/commentaries/bhadrakumar-rustle-up-an-alliance/',
	'/commentaries/lankov-nbr-interview/sentences/',
	'/articles/',
	'/articles/4/',
	'/actors/',
	'/actors/russia/',
	'/timeline/',
	'/about/',
	'/data/',
	'/compare/',
	'/compare/lankov-nbr-interview--sharma-jayaprakash-east-asian-security-order/',
	'/compare/bhadrakumar-rustle-up-an-alliance--roy-kim-putin-vostochny-summit/',
	// A choice the script assembles from the published parts, on the chooser's address.
	'/compare/?c=bhadrakumar-rustle-up-an-alliance,lankov-nbr-interview,rekha-j-niice-commentary',
	// The longest names: a title of three lines on a phone.
	'/compare/?c=sharma-jayaprakash-east-asian-security-order,bhadrakumar-rustle-up-an-alliance,rekha-j-niice-commentary',
	'/c/c-0000000000/',
	'/no-such-page/',
	// Its script fills the results in after the page loads: the space they take is reserved.
	'/search/?q=article%204',
	...(share ? [`/${share.replace(/index\.html$/, '')}`] : []),
];

describe('layout shift while loading', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
		expect(share, 'a share page').toBeDefined();
	});
	if (!built) return;

	const site = useSite();

	// The widths the browser tests use, and the screens Lighthouse emulates (desktop 1350 × 940, mobile 412 × 823).
	const viewports = [
		{ width: 1280, height: 800 },
		{ width: 1440, height: 800 },
		{ width: 1920, height: 800 },
		{ width: 360, height: 740 },
		{ width: 1350, height: 940 },
		{ width: 412, height: 823 },
	];
	for (const { width, height } of viewports) {
		// Each visit is a fresh context of its own, and most of it is waiting (the font, the last frames): up to
		// `maxConcurrency` pages load at once.
		it.concurrent.for(pageTypes)(`should shift at most 0.02 at ${width} × ${height} px: %s`, async (path, { expect }) => {
			const shift = await site.open(
				path,
				async (page) => {
					await page.evaluate(() => document.fonts.ready);
					// A search page is loaded once its results are shown (its script says so on the results' box).
					if (path.startsWith('/search/')) {
						await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchShown'] !== undefined);
					}
					// A compare choice is loaded once the script has assembled its view.
					if (path.includes('?c=')) await page.locator('.cmp.is-live').waitFor();
					return page.evaluate(
						() =>
							new Promise<{ total: number; fonts: string[] }>((resolve) => {
								let total = 0;
								// Frames drawn since the last shift was reported.
								let quiet = 0;
								new PerformanceObserver((list) => {
									for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
										if (!entry.hadRecentInput) total += entry.value;
									}
									quiet = 0;
								}).observe({ type: 'layout-shift', buffered: true });
								// A shift is reported with the frame that draws it: measure until ten frames in a row (about
								// 170 ms) bring none, rather than for a fixed time.
								const frame = () =>
									requestAnimationFrame(() => {
										quiet += 1;
										if (quiet < 10) frame();
										else resolve({ total, fonts: [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family) });
									});
								frame();
							}),
					);
				},
				{ fresh: true, viewport: { width, height } },
			);
			console.log(`CLS ${width}×${height} ${path}: ${shift.total.toFixed(4)} (${[...new Set(shift.fonts)].join(', ')})`);
			expect(shift.total).toBeLessThanOrEqual(0.02);
			// Not by never showing the web font: it is there on the first visit (preloaded).
			expect(shift.fonts).toContain('Source Serif 4');
		});
	}
});
