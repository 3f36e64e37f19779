/**
 * Related claims where readers meet them: a ¶ control's name says how many
 * other commentaries discuss its sentence (no new Tab stop), the claim panel
 * opened with the keyboard lists their sentences and a link leads to one in
 * its reading page; the share page prints the list without JavaScript; a
 * pair page's rows by topic set related claims side by side under the
 * matter's caption. axe in both schemes at 1280 and 360 px on each. What is
 * expected is read from the published related files, so the checks follow
 * the editors' matters rather than a copy of them.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, readDistFile } from '../support/dist';
import { decodeRelatedFile } from '../../src/features/reader/related-file';
import { discussedBy, relatedBecause, type RelatedGroup } from '../../src/features/sharing/related-claims';

const built = hasBuild();
const wide = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };
const LANKOV = 'lankov-nbr-interview';
const REKHA = 'rekha-j-niice-commentary';

/** A commentary's published related file, read back. */
function relatedFileOf(slug: string): Map<string, RelatedGroup[]> {
	return decodeRelatedFile(readDistFile(`data/related/${slug}.json`));
}

describe('related claims in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();
	const related = relatedFileOf(LANKOV);
	// The first sentence (in reading order) that other commentaries discuss.
	const [claimId, groups] = [...related][0] ?? ['', []];

	it('should have sentences with related claims to show', () => {
		expect(groups.length).toBeGreaterThan(0);
	});

	it('should name each ¶ control with its count, and add no Tab stop', async () => {
		await site.open(`/commentaries/${LANKOV}/`, async (page, report) => {
			const controls = await page.locator('.prose a.claim-link').evaluateAll((links) =>
				links.map((link) => ({ id: link.closest('[data-claim]')?.id ?? '', name: link.getAttribute('aria-label') ?? '', count: link.getAttribute('data-related') })),
			);
			expect(controls.length).toBeGreaterThan(related.size);
			for (const control of controls) {
				const own = related.get(control.id);
				expect(control.name, control.id).toBe(own ? `Link to this sentence; ${discussedBy(own.length)}` : 'Link to this sentence');
				expect(control.count).toBe(own ? String(own.length) : null);
			}
			// Nothing in the text takes focus but its links: the ¶ controls and the mention links.
			const stops = await page.locator('.prose [tabindex]:not([tabindex="-1"]), .prose button, .prose input').count();
			expect(stops).toBe(0);
			expect(report.consoleErrors).toEqual([]);
		});
	});

	for (const viewport of [wide, phone]) {
		it(`should list a sentence's related claims in the panel opened with the keyboard, and follow one, at ${viewport.width} px`, { timeout: 120_000 }, async () => {
			await site.open(
				`/commentaries/${LANKOV}/`,
				async (page, report) => {
					const control = page.locator(`[id="${claimId}"] > a.claim-link`);
					await control.focus();
					await page.keyboard.press('Enter');
					const panel = page.locator('#claim-panel');
					await expect.poll(() => panel.evaluate((el) => el.matches(':popover-open'))).toBe(true);
					const section = panel.locator('.claim-panel-related');
					await expect.poll(() => section.locator('.related-claim').count()).toBe(groups.flatMap((group) => group.claims).length);
					expect(await section.isVisible()).toBe(true);
					expect(await section.locator('h3').textContent()).toBe('Also discussed by');
					expect(await section.locator('.related-credit').allTextContents()).toEqual(groups.map((group) => group.credit));
					expect(await section.locator('.related-quote').allTextContents()).toEqual(groups.flatMap((group) => group.claims.map((claim) => claim.text)));
					expect(await section.locator('.related-because').allTextContents()).toEqual(groups.flatMap((group) => group.claims.map(relatedBecause)));
					// The link field keeps the focus, in view while the list loads.
					expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-panel-link');
					expect(await page.locator('#claim-panel-link').isVisible()).toBe(true);
					expect(await axeBothSchemes(page, `claim panel with related claims ${viewport.width}px`)).toEqual([]);
					// Tab on from the link field to the list's first link, and follow it.
					const first = groups[0]!;
					for (let step = 0; step < 40; step++) {
						const at = await page.evaluate(() => document.activeElement?.closest('.related-actions') !== null);
						if (at) break;
						await page.keyboard.press('Tab');
					}
					expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Read it in context (${first.credit})`);
					await Promise.all([page.waitForURL((url) => url.pathname === `/commentaries/${first.commentary}/`), page.keyboard.press('Enter')]);
					expect(new URL(page.url()).hash).toBe(`#${first.claims[0]!.id}`);
					await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(first.claims[0]!.id);
					expect(report.consoleErrors).toEqual([]);
					expect(report.failedRequests).toEqual([]);
				},
				{ viewport, fresh: true },
			);
		});
	}

	it('should keep the list hidden for a sentence no other commentary discusses', async () => {
		await site.open(`/commentaries/${LANKOV}/`, async (page) => {
			const alone = page.locator('[data-claim]:not(:has(> a.claim-link[data-related]))').first();
			await alone.locator('a.claim-link').focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => page.locator('#claim-panel').evaluate((el) => el.matches(':popover-open'))).toBe(true);
			expect(await page.locator('#claim-panel .claim-panel-related').isVisible()).toBe(false);
		});
	});

	for (const viewport of [wide, phone]) {
		it(`should print the list on the share page without JavaScript, and nothing where there is none, at ${viewport.width} px`, { timeout: 120_000 }, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
			try {
				const page = await context.newPage();
				await page.goto(site.url(`/c/${claimId}/`));
				const section = page.locator('.share-related');
				expect(await section.locator('h2').textContent()).toBe('Also discussed by');
				expect(await section.locator('.related-quote').allTextContents()).toEqual(groups.flatMap((group) => group.claims.map((claim) => claim.text)));
				const reads = await section.locator('.related-actions a:first-child').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
				expect(reads).toEqual(groups.flatMap((group) => group.claims.map((claim) => `/commentaries/${group.commentary}/#${claim.id}`)));
				const shares = await section.locator('.related-actions a:last-child').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
				expect(shares).toEqual(groups.flatMap((group) => group.claims.map((claim) => `/c/${claim.id}/`)));
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
			} finally {
				await context.close();
			}
			await site.open(`/c/${claimId}/`, async (page) => {
				expect(await axeBothSchemes(page, `share page with related claims ${viewport.width}px`)).toEqual([]);
			}, { viewport });
			// A sentence without related claims: no section at all.
			const lonely = (await site.open(`/commentaries/${LANKOV}/`, (page) =>
				page.locator('[data-claim]').evaluateAll((claims) => claims.map((claim) => claim.id)),
			)).find((id) => !related.has(id));
			await site.open(`/c/${lonely}/`, async (page) => {
				expect(await page.locator('.share-related').count()).toBe(0);
				expect(await page.getByRole('heading', { name: 'Also discussed by' }).count()).toBe(0);
			});
		});
	}

	for (const viewport of [wide, phone]) {
		it(`should pair related claims in a pair page's rows by topic, captioned, at ${viewport.width} px`, { timeout: 180_000 }, async () => {
			const pairPath = `/compare/${[LANKOV, REKHA].sort().join('--')}/`;
			// Both commentaries' sentences and what each is related to.
			const both = new Map([...relatedFileOf(REKHA), ...related]);
			const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
			try {
				const page = await context.newPage();
				await page.goto(site.url(pairPath));
				const pairs = await page.locator('.cmp-topic tbody[data-paired]').evaluateAll((bodies) =>
					bodies.map((body) => ({
						caption: body.querySelector('th')?.textContent ?? '',
						scope: body.querySelector('th')?.getAttribute('scope'),
						ids: [...body.querySelectorAll('td')].map((td) => td.querySelector('.cmp-row-link')?.getAttribute('href')?.slice(1) ?? null),
						// Unpaired rows come after the paired ones, in a body of their own.
						last: body.nextElementSibling === null || body.nextElementSibling.matches('tbody:not([data-paired])'),
					})),
				);
				expect(pairs.length).toBeGreaterThan(0);
				for (const pair of pairs) {
					expect(pair.scope).toBe('rowgroup');
					expect(pair.ids.every((id) => id !== null)).toBe(true);
					const [left, right] = pair.ids;
					// Each sentence keeps its best few per other commentary: the link may be recorded on one side only.
					const recorded = (from: string, to: string) => both.get(from)?.flatMap((group) => group.claims).find((claim) => claim.id === to);
					const link = recorded(left!, right!) ?? recorded(right!, left!);
					expect(link, `${left} and ${right} sit together but are not related`).toBeDefined();
					expect(pair.caption).toMatch(/^Both on: /);
					for (const matter of link!.matters) expect(pair.caption).toContain(matter.title);
				}
				// The paired rows of a topic come first: no paired body follows an unpaired one.
				const order = await page.locator('.cmp-rows').evaluateAll((tables) =>
					tables.map((table) => [...table.querySelectorAll('tbody')].map((body) => body.hasAttribute('data-paired'))),
				);
				for (const bodies of order) expect(bodies.indexOf(false) === -1 || bodies.lastIndexOf(true) < bodies.indexOf(false)).toBe(true);
				// Side by side on a wide screen, stacked on a phone, the caption above the claims.
				const box = await page.locator('.cmp-topic tbody[data-paired]').first().evaluate((body) => {
					const [th, ...tds] = [...body.querySelectorAll('th, td')].map((cell) => cell.getBoundingClientRect());
					return { caption: th!.bottom, tops: tds.map((td) => Math.round(td.top)), lefts: tds.map((td) => Math.round(td.left)) };
				});
				expect(box.tops[0]).toBeGreaterThanOrEqual(Math.floor(box.caption));
				if (viewport.width === wide.width) {
					expect(box.tops[0]).toBe(box.tops[1]);
					expect(box.lefts[1]).toBeGreaterThan(box.lefts[0]!);
				} else {
					expect(box.tops[1]).toBeGreaterThan(box.tops[0]!);
				}
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
			} finally {
				await context.close();
			}
			// axe needs JavaScript: the page as it is without the site's script.
			const scriptless = await site.browser.newContext({ viewport });
			try {
				const page = await scriptless.newPage();
				await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
				await page.goto(site.url(pairPath));
				expect(await axeBothSchemes(page, `paired rows ${viewport.width}px`)).toEqual([]);
			} finally {
				await scriptless.close();
			}
		});
	}
});
