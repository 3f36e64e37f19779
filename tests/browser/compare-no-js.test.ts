/**
 * The compare view without JavaScript, at 1280 and 360 px: pair links from
 * the chooser, topic anchors that scroll to rows laid side by side (stacked on
 * a phone), the address reopening the same place, and axe in both schemes on
 * a pair page whose script never ran (its rows of related claims paired under
 * a caption included: related.test.ts checks those rows and leaves their audit
 * here). In a file of its own, so that a second
 * browser worker runs it beside the scripted compare checks.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { axeWithoutSiteScripts } from '../support/axe';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();
const wide = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };

const ROY = 'roy-kim-putin-vostochny-summit';
const REKHA = 'rekha-j-niice-commentary';
const pairPath = (a: string, b: string) => `/compare/${[a, b].sort().join('--')}/`;

describe('the compare view without JavaScript', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	for (const viewport of [wide, phone]) {
		// Each width in a context of its own: the two run concurrently.
		it.concurrent(`should work without JavaScript at ${viewport.width} px: pair links, topic anchors with rows side by side`, { timeout: 180_000 }, async ({ expect }) => {
			const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
			try {
				const page = await context.newPage();
				await page.goto(site.url('/compare/'));
				expect(await page.locator('[data-compare-chooser]').isVisible()).toBe(false);
				const link = page.locator(`a[href="${pairPath(REKHA, ROY)}"]`).first();
				await Promise.all([page.waitForURL((url) => url.pathname === pairPath(REKHA, ROY)), link.click()]);
				await page.locator('.cmp-topic-link[data-topic="actor:russia"]').click();
				expect(new URL(page.url()).hash).toBe('#t-actor-russia');
				expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('t-actor-russia');
				const section = page.locator('#t-actor-russia');
				// The page scrolls smoothly to the anchor: on a loaded machine a long smooth scroll outlasts the poll's
				// default second.
				await expect
					.poll(() =>
						section.evaluate((el) => {
							const box = el.getBoundingClientRect();
							return box.top >= -1 && box.top < window.innerHeight;
						}),
						{ timeout: 15_000 },
					)
					.toBe(true);
				// Claim rows (a paired row's caption row holds no claim).
				const rows = await section.locator('tbody tr:has(td)').evaluateAll((trs) =>
					trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ top: Math.round(td.getBoundingClientRect().top), left: Math.round(td.getBoundingClientRect().left), empty: td.classList.contains('is-empty') }))),
				);
				expect(rows.length).toBeGreaterThan(3);
				for (const cells of rows) {
					expect(cells).toHaveLength(2);
					if (viewport.width === wide.width) {
						// Side by side: one top per row, the second cell to the right.
						expect(cells[0]!.top).toBe(cells[1]!.top);
						expect(cells[1]!.left).toBeGreaterThan(cells[0]!.left);
					} else {
						expect(cells[1]!.top).toBeGreaterThan(cells[0]!.top);
					}
				}
				// Roy names Russia more often than Rekha J: the rows end with Rekha J’s cells empty.
				expect(rows.at(-1)!.some((cell) => cell.empty)).toBe(true);
				// Reloading the address opens the same place.
				await page.reload();
				expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('t-actor-russia');
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
			} finally {
				await context.close();
			}
			const violations = await axeWithoutSiteScripts(site.browser, site.url(`${pairPath(REKHA, ROY)}#t-actor-russia`), viewport, `no-JS pair ${viewport.width}px`, async (page) => {
				expect(await page.locator('.cmp.is-live').count()).toBe(0);
				// related.test.ts leaves this audit to this file: the pair's rows include related claims paired under a caption.
				expect(await page.locator('.cmp-topic tbody[data-paired] th[scope="rowgroup"]').count()).toBeGreaterThan(0);
			});
			expect(violations).toEqual([]);
		});
	}

});
