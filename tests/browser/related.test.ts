/**
 * Related claims where readers meet them: a ¶ control's name says how many
 * other commentaries discuss its sentence (no new Tab stop), the claim panel
 * opened with the keyboard lists their sentences and a link leads to one in
 * its reading page; the share page prints the list without JavaScript; a
 * pair page's rows by topic set related claims side by side under the
 * matter's caption; in its live view, a claim's control marks its related
 * claims in the other column and turns that column to them (on a phone, shows
 * it), and a chosen topic's claims that pair are marked. axe in both schemes
 * at 1280 and 360 px on each (the pair page without JavaScript: in
 * compare-no-js.test.ts, which audits its paired rows). What is
 * expected is read from the published related files, so the checks follow
 * the editors' matters rather than a copy of them.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, listFiles, readDistFile } from '../support/dist';
import { decodeRelatedFile, decodeRelatedFiles } from '../../src/features/sharing/related-file';
import { discussedBy, relatedBecause, relatedOpening, type RelatedGroup } from '../../src/features/sharing/related-claims';
import { pairedStatus, relatedLabel, relatedStatus } from '../../src/features/compare/model';
import type { Page } from 'playwright-core';

const built = hasBuild();
const wide = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };
const LANKOV = 'lankov-nbr-interview';
const REKHA = 'rekha-j-niice-commentary';

/** A commentary's published related file, read back, its claims quoted from the other commentaries' files. */
function relatedFileOf(slug: string): Map<string, RelatedGroup[]> {
	const files = new Map(
		listFiles()
			.filter((file) => file.startsWith('data/related/'))
			.map((file) => [file.replace(/^data\/related\/(.+)\.json$/, '$1'), readDistFile(file)]),
	);
	const own = decodeRelatedFile(files.get(slug) ?? '');
	const all = decodeRelatedFiles(files);
	return new Map([...own.related.keys()].flatMap((id) => (all.has(id) ? [[id, all.get(id)!]] : [])));
}

/**
 * What the published files say each claim of two commentaries is related to
 * in the other: its own ranked list first, then the claims that list it (a
 * link may be recorded on one side only), each once, with every related
 * claim's text.
 */
function relatedAcross(one: string, other: string): { ids: Map<string, string[]>; own: Map<string, string[]>; texts: Map<string, string> } {
	const files = new Map([
		[one, relatedFileOf(one)],
		[other, relatedFileOf(other)],
	]);
	const own = new Map<string, string[]>();
	const back = new Map<string, string[]>();
	const texts = new Map<string, string>();
	for (const [slug, file] of files) {
		const to = slug === one ? other : one;
		for (const [id, groups] of file) {
			for (const claim of groups.filter((group) => group.commentary === to).flatMap((group) => group.claims)) {
				own.set(id, [...(own.get(id) ?? []), claim.id]);
				back.set(claim.id, [...(back.get(claim.id) ?? []), id]);
				texts.set(claim.id, claim.text);
			}
		}
	}
	const ids = new Map<string, string[]>();
	for (const id of new Set([...own.keys(), ...back.keys()])) ids.set(id, [...new Set([...(own.get(id) ?? []), ...(back.get(id) ?? [])])]);
	return { ids, own, texts };
}

/** The ids of the claims of the compare view marked as related to the claim the reader is on. */
function markedClaims(page: Page): Promise<string[]> {
	return page.locator('.cmp-claim.is-same-matter').evaluateAll((claims) => claims.map((claim) => claim.id));
}

/** Whether a claim is in view: inside its column and the window. */
function inView(page: Page, id: string): Promise<boolean> {
	return page.evaluate((claimId) => {
		const claim = document.getElementById(claimId);
		const text = claim?.closest('.cmp-text');
		if (!claim || !text) return false;
		const box = claim.getBoundingClientRect();
		const column = text.getBoundingClientRect();
		return box.height > 0 && box.top >= column.top - 1 && box.top < column.bottom && box.top >= 0 && box.top < window.innerHeight;
	}, id);
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
				expect(control.name, control.id).toMatch(/^Link to sentence \d+ of (para\.|heading) \d+/);
				expect(control.name.replace(/^Link to sentence \d+ of (para\.|heading) \d+/, ''), control.id).toBe(own ? `; ${discussedBy(own.length)}` : '');
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
		it(`should print the list's links on the share page without JavaScript, quote them with it, and show nothing where there is none, at ${viewport.width} px`, { timeout: 120_000 }, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
			try {
				const page = await context.newPage();
				await page.goto(site.url(`/c/${claimId}/`));
				const section = page.locator('.share-related');
				expect(await section.locator('h2').textContent()).toBe('Also discussed by');
				// The words, titles and links to read each in context are the related files'; without the script each
				// claim is its opening words, a link to its share page (which quotes it whole and leads to it in context), and
				// its credit, in a list headed by what links it.
				expect(await section.locator('.related-quote').count()).toBe(0);
				const claims = groups.flatMap((group) => group.claims.map((claim) => ({ ...claim, credit: group.credit })));
				const reasons = [...new Set(claims.map(relatedBecause))];
				expect(await section.locator('.related-printed h3').allTextContents()).toEqual(reasons);
				const printed = reasons.flatMap((because) => claims.filter((claim) => relatedBecause(claim) === because));
				const shares = await section.locator('.related-printed li > a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
				expect(shares).toEqual(printed.map((claim) => [`/c/${claim.id}/`, relatedOpening(claim)]));
				// Two claims of one commentary on the same matter are still two links with different names.
				const names = shares.map(([, name]) => name);
				expect(new Set(names).size).toBe(names.length);
				const items = await section.locator('.related-printed li').allTextContents();
				expect(items).toEqual(printed.map((claim) => `${relatedOpening(claim)} (${claim.credit})`));
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
			} finally {
				await context.close();
			}
			await site.open(`/c/${claimId}/`, async (page, report) => {
				// With the script, the list is the claim panel's: each related claim quoted above what links it, in the
				// list's order, with its links to read it in context and to its share page.
				const section = page.locator('.share-related');
				await expect.poll(() => section.locator('.related-quote').allTextContents()).toEqual(groups.flatMap((group) => group.claims.map((claim) => claim.text)));
				const quoted = await section.locator('.related-claim').evaluateAll((items) => items.map((item) => item.firstElementChild?.className));
				expect(new Set(quoted)).toEqual(new Set(['related-quote']));
				expect(await section.locator('.related-credit').allTextContents()).toEqual(groups.map((group) => group.credit));
				expect(await section.locator('.related-because').allTextContents()).toEqual(groups.flatMap((group) => group.claims.map(relatedBecause)));
				const reads = await section.locator('.related-actions a:first-child').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
				expect(reads).toEqual(groups.flatMap((group) => group.claims.map((claim) => `/commentaries/${group.commentary}/#${claim.id}`)));
				const shares = await section.locator('.related-actions a:last-child').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
				expect(shares).toEqual(groups.flatMap((group) => group.claims.map((claim) => `/c/${claim.id}/`)));
				const names = await section.locator('.related-actions a:first-child').allTextContents();
				expect(names).toEqual(groups.flatMap((group) => group.claims.map(() => `Read it in context (${group.credit})`)));
				expect(report.consoleErrors).toEqual([]);
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
			// axe on a pair page without JavaScript, paired rows and their captions included, is compare-no-js.test.ts's
			// (Rekha J and Roy: 27 paired row groups, at these two widths, with a topic row targeted): the same template
			// and state, audited once.
		});
	}

	describe('in compare’s live view', () => {
		const pairPath = `/compare/${[LANKOV, REKHA].sort().join('--')}/`;
		const across = relatedAcross(LANKOV, REKHA);
		const sorted = (ids: readonly string[]) => [...ids].sort();

		/** The pair page's columns once the script runs: slugs and short names in column order, each column's claim ids. */
		async function openView(page: Page) {
			await page.locator('.cmp.is-live').waitFor();
			return page.locator('.cmp-col').evaluateAll((columns) =>
				columns.map((column) => ({
					slug: column.getAttribute('data-slug') ?? '',
					short: column.getAttribute('data-short') ?? '',
					claims: [...column.querySelectorAll('.cmp-claim')].map((claim) => claim.id),
				})),
			);
		}

		/** A claim of a column with related claims of its own ranking in the other column (two if any has two), and those. */
		function sourceIn(claims: readonly string[]): { id: string; targets: string[] } {
			const ranked = claims.filter((id) => (across.own.get(id)?.length ?? 0) > 0);
			const id = ranked.find((claim) => across.own.get(claim)!.length > 1) ?? ranked[0];
			expect(id, 'a claim related to one of the other column').toBeDefined();
			return { id: id!, targets: across.own.get(id!)! };
		}

		it('should show a claim’s control exactly where it has related claims in the other column, named with their count, and none without the script', async () => {
			await site.open(pairPath, async (page) => {
				const columns = await openView(page);
				const controls = await page.locator('.cmp-rel:not([hidden])').evaluateAll((buttons) =>
					buttons.map((button) => ({ claim: button.getAttribute('data-claim') ?? '', name: button.getAttribute('aria-label') ?? '' })),
				);
				const expected = columns
					.flatMap((column) => column.claims)
					.filter((id) => (across.ids.get(id)?.length ?? 0) > 0)
					.map((id) => ({ claim: id, name: relatedLabel(across.ids.get(id)!.length, 2) }));
				expect(expected.length).toBeGreaterThan(0);
				expect(controls).toEqual(expected);
				// Each control stands in its claim, and the claim's text is the author's sentence alone.
				const placed = await page.locator('.cmp-rel').evaluateAll((buttons) =>
					buttons.map((button) => ({ inClaim: button.closest('.cmp-claim')?.id === button.getAttribute('data-claim'), text: button.textContent })),
				);
				expect(placed.every((control) => control.inClaim && control.text === '')).toBe(true);
				for (const [id, text] of across.texts) {
					if (columns.some((column) => column.claims.includes(id))) expect(await page.locator(`[id="${id}"]`).textContent()).toBe(text);
				}
			});
			const context = await site.browser.newContext({ javaScriptEnabled: false });
			try {
				const page = await context.newPage();
				await page.goto(site.url(pairPath));
				expect(await page.locator('.cmp-rel').count()).toBeGreaterThan(0);
				expect(await page.locator('.cmp-rel:visible').count()).toBe(0);
			} finally {
				await context.close();
			}
		});

		it('should mark a claim’s related claims in the other column on hover and focus, turn that column to them with the keyboard, and pair a topic’s claims, at 1280 px', { timeout: 180_000 }, async () => {
			await site.open(
				pairPath,
				async (page, report) => {
					const columns = await openView(page);
					const [first, second] = columns;
					const source = sourceIn(first!.claims);
					const expected = across.ids.get(source.id)!;
					await page.locator(`[id="${source.id}"]`).hover();
					expect(sorted(await markedClaims(page))).toEqual(sorted(expected));
					for (const id of expected) expect(second!.claims).toContain(id);
					await page.mouse.move(0, 0);
					expect(await markedClaims(page)).toEqual([]);
					const control = page.locator(`.cmp-rel[data-claim="${source.id}"]`);
					await control.focus();
					expect(sorted(await markedClaims(page))).toEqual(sorted(expected));
					// Enter turns the other column to the best related claim, then to the next.
					await page.keyboard.press('Enter');
					const status = page.locator('[data-compare-status]');
					const said = (position: number, id: string) =>
						relatedStatus([{ short: second!.short, position, count: expected.length, text: across.texts.get(id)! }]);
					await expect.poll(() => status.textContent()).toBe(said(0, source.targets[0]!));
					// The page scrolls to it, smoothly: its place is awaited.
					await expect.poll(() => inView(page, source.targets[0]!)).toBe(true);
					expect(sorted(await markedClaims(page))).toEqual(sorted(expected));
					expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim'))).toBe(source.id);
					if (source.targets.length > 1) {
						await page.keyboard.press('Enter');
						await expect.poll(() => status.textContent()).toBe(said(1, source.targets[1]!));
						await expect.poll(() => inView(page, source.targets[1]!)).toBe(true);
					}
					// Marked by shape as well as colour: a dashed outline.
					expect(await page.evaluate((id) => getComputedStyle(document.getElementById(id)!).outlineStyle, expected[0]!)).toBe('dashed');
					expect(await axeBothSchemes(page, `compare, related claims marked 1280px`)).toEqual([]);

					// A topic: its claims related to a claim about it in the other column get the filled mark.
					const about = await page.locator('.cmp-claim').evaluateAll((claims) =>
						claims.map((claim) => ({ id: claim.id, topics: (claim.getAttribute('data-topics') ?? '').split(' ') })),
					);
					const column = new Map(columns.flatMap((c, index) => c.claims.map((id) => [id, index])));
					const pairedOn = (key: string) => {
						const onTopic = new Set(about.filter((claim) => claim.topics.includes(key)).map((claim) => claim.id));
						return [...onTopic].filter((id) => (across.ids.get(id) ?? []).some((other) => onTopic.has(other) && column.get(other) !== column.get(id)));
					};
					const keys = await page.locator('.cmp-topic-link').evaluateAll((links) => links.map((link) => link.getAttribute('data-topic') ?? ''));
					const key = keys.find((topic) => pairedOn(topic).length > 0);
					expect(key, 'a topic whose claims pair across the columns').toBeDefined();
					await page.locator(`.cmp-topic-link[data-topic="${key}"]`).click();
					const paired = pairedOn(key!);
					expect(await page.locator('.cmp-claim.is-paired').evaluateAll((claims) => claims.map((claim) => claim.id))).toEqual(paired);
					expect((await status.textContent())?.endsWith(pairedStatus(paired.length))).toBe(true);
					const fills = await page.evaluate((id) => {
						const filled = document.getElementById(id)?.querySelector('.cmp-rel');
						const plain = document.querySelector('.cmp-claim:not(.is-paired) .cmp-rel:not([hidden])');
						return [filled, plain].map((control) => (control ? getComputedStyle(control).backgroundColor : ''));
					}, paired[0]!);
					expect(fills[0]).not.toBe(fills[1]);
					expect(report.consoleErrors).toEqual([]);
					expect(report.failedRequests).toEqual([]);
				},
				{ viewport: wide },
			);
		});

		for (const viewport of [wide, phone]) {
			it(`should make each column's related-claims controls one Tab stop, the arrow keys moving within it, at ${viewport.width} px`, { timeout: 120_000 }, async () => {
				await site.open(
					pairPath,
					async (page, report) => {
						const columns = await openView(page);
						/** Each column's shown controls: claim id and whether Tab reaches it. */
						const controlsOf = () =>
							page.locator('.cmp-col').evaluateAll((sections) =>
								sections.map((section) =>
									[...section.querySelectorAll<HTMLButtonElement>('.cmp-rel:not([hidden])')].map((button) => ({ claim: button.dataset['claim'] ?? '', tabbable: button.tabIndex >= 0 })),
								),
							);
						const before = await controlsOf();
						expect(before.flat().length).toBeGreaterThan(columns.length);
						// One Tab stop per column: its first control.
						for (const controls of before) {
							expect(controls.filter((control) => control.tabbable).map((control) => control.claim)).toEqual(controls.length > 0 ? [controls[0]!.claim] : []);
						}
						const [first] = before;
						expect(first!.length).toBeGreaterThan(2);
						const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-claim') ?? '');
						await page.locator(`.cmp-rel[data-claim="${first![0]!.claim}"]`).focus();
						await page.keyboard.press('ArrowDown');
						expect(await focused()).toBe(first![1]!.claim);
						await page.keyboard.press('ArrowRight');
						expect(await focused()).toBe(first![2]!.claim);
						await page.keyboard.press('ArrowUp');
						expect(await focused()).toBe(first![1]!.claim);
						await page.keyboard.press('End');
						expect(await focused()).toBe(first!.at(-1)!.claim);
						await page.keyboard.press('Home');
						expect(await focused()).toBe(first![0]!.claim);
						await page.keyboard.press('ArrowLeft');
						expect(await focused()).toBe(first![0]!.claim);
						// The Tab stop moves with the focus, so Tab back returns to the control last used.
						await page.keyboard.press('ArrowDown');
						const after = await controlsOf();
						expect(after[0]!.filter((control) => control.tabbable).map((control) => control.claim)).toEqual([first![1]!.claim]);
						// Tab leaves the column's controls: the next stop is not another control of that column.
						await page.keyboard.press('Tab');
						const next = await page.evaluate(() => ({ claim: document.activeElement?.getAttribute('data-claim'), column: document.activeElement?.closest('.cmp-col')?.getAttribute('data-slug') }));
						expect(next.claim === null || next.claim === undefined || next.column !== columns[0]!.slug).toBe(true);
						// Each control still says what it does, and Enter still uses it.
						expect(await page.locator(`.cmp-rel[data-claim="${first![1]!.claim}"]`).getAttribute('aria-label')).toMatch(/\S/);
						expect(await axeBothSchemes(page, `compare, related-claims controls roving ${viewport.width}px`)).toEqual([]);
						expect(report.consoleErrors).toEqual([]);
					},
					{ viewport },
				);
			});
		}

		it('should turn to the other column at its related claim on a phone, the focus on that claim’s control, at 360 px', { timeout: 180_000 }, async () => {
			await site.open(
				pairPath,
				async (page, report) => {
					const columns = await openView(page);
					const [first, second] = columns;
					const source = sourceIn(first!.claims);
					const control = page.locator(`.cmp-rel[data-claim="${source.id}"]`);
					await control.focus();
					await page.keyboard.press('Enter');
					const status = page.locator('[data-compare-status]');
					const count = across.ids.get(source.id)!.length;
					await expect.poll(() => status.textContent()).toBe(relatedStatus([{ short: second!.short, position: 0, count, text: across.texts.get(source.targets[0]!)! }]));
					expect(await page.locator('.cmp-col:visible').getAttribute('data-slug')).toBe(second!.slug);
					expect(await page.locator('[data-show="1"]').getAttribute('aria-pressed')).toBe('true');
					// The page scrolls smoothly to it.
					await expect.poll(() => inView(page, source.targets[0]!)).toBe(true);
					expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim'))).toBe(source.targets[0]);
					expect(sorted(await markedClaims(page))).toEqual(sorted(across.ids.get(source.id)!));
					expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
					expect(await axeBothSchemes(page, `compare, related claim shown 360px`)).toEqual([]);
					// And back: that claim's control turns to the first column.
					await page.keyboard.press('Enter');
					await expect.poll(() => page.locator('.cmp-col:visible').getAttribute('data-slug')).toBe(first!.slug);
					expect(await page.evaluate(() => document.activeElement?.closest('.cmp-col')?.getAttribute('data-slug'))).toBe(first!.slug);
					expect(report.consoleErrors).toEqual([]);
				},
				{ viewport: phone },
			);
		});
	});
});
