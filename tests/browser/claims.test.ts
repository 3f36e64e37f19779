/**
 * Claims as a reader uses them: a permalink lands on the highlighted sentence
 * and focus moves there; the permalink control opens a panel that copies the
 * link and a citation; the share page carries the sentence in its meta tags.
 */
import { describe, expect, it } from 'vitest';
import { useSite, widthsInTurn } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, siteOrigin } from '../support/dist';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SITE_URL } from '../../src/utils/site-url';
import { CARD_SIZE } from '../../src/utils/head-meta';
import { decodeCitationsFile } from '../../src/features/sharing/citations-file';

const built = hasBuild();
// The public address the site was built for (SITE_URL): permalinks and citations use it, wherever it is served.
const origin = built ? await siteOrigin() : '';
const slug = 'lankov-nbr-interview';

describe('claims in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	/** Id and text of the n-th claim of the reading page. */
	async function claimAt(index: number) {
		return site.open(`/commentaries/${slug}/`, async (page) => {
			const claim = page.locator('[data-claim]').nth(index);
			return { id: (await claim.getAttribute('id')) ?? '', text: ((await claim.textContent()) ?? '').trim() };
		});
	}

	it('should land a permalink on the sentence, highlighted and focused', async () => {
		const { id } = await claimAt(12);
		expect(id).toMatch(/^c-[0-9a-f]{10}$/);
		await site.open(`/commentaries/${slug}/#${id}`, async (page, report) => {
			expect(report.consoleErrors).toEqual([]);
			const state = await page.evaluate((claimId) => {
				const element = document.getElementById(claimId)!;
				return {
					targeted: element.matches(':target'),
					focused: document.activeElement === element,
				};
			}, id);
			expect(state.targeted).toBe(true);
			expect(state.focused).toBe(true);
			// Scrolling is smooth unless the reader asks for reduced motion: wait for it to settle.
			await expect
				.poll(() => page.evaluate((claimId) => {
					const top = document.getElementById(claimId)!.getBoundingClientRect().top;
					return top >= 0 && top < window.innerHeight;
				}, id))
				.toBe(true);
			// The highlight fades in (a short transition): wait for it rather than sample its first frame.
			await expect
				.poll(() => page.evaluate((claimId) => getComputedStyle(document.getElementById(claimId)!).backgroundColor, id))
				.not.toBe('rgba(0, 0, 0, 0)');
		});
	});

	it('should show the permalink control on keyboard focus and open the share panel with Enter', async () => {
		await site.open(`/commentaries/${slug}/`, async (page) => {
			const claim = page.locator('[data-claim]').nth(3);
			const id = await claim.getAttribute('id');
			const control = claim.locator('a.claim-link');
			expect(await control.getAttribute('href')).toBe(`#${id}`);
			// The name says how many other commentaries discuss the sentence, when any do (tests/browser/related.test.ts).
			expect(await control.getAttribute('aria-label')).toMatch(/^Link to sentence \d+ of (para\.|heading) \d+(; discussed by \d+ other commentar(y|ies))?$/);
			// Each control has a name of its own: a list of links tells the sentences apart.
			const names = await page.locator('.prose a.claim-link').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label')));
			expect(new Set(names).size).toBe(names.length);
			expect(await control.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
			await control.focus();
			expect(await control.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
			await page.keyboard.press('Enter');
			const panel = page.locator('#claim-panel');
			await expect.poll(() => panel.evaluate((el) => el.matches(':popover-open'))).toBe(true);
			expect(await page.inputValue('#claim-panel-link')).toBe(`${origin === DEFAULT_SITE_URL ? new URL(site.url('/')).origin : origin}/commentaries/${slug}/#${id}`);
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-panel-link');
			await page.keyboard.press('Escape');
			await expect.poll(() => panel.evaluate((el) => el.matches(':popover-open'))).toBe(false);
			expect(await page.evaluate(() => document.activeElement?.className)).toBe('claim-link');
		});
	});

	it('should copy the link and a citation in the chosen style, confirmed in words beside each button', async () => {
		const { id } = await claimAt(5);
		await site.open(
			`/commentaries/${slug}/`,
			async (page) => {
				await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('/') });
				await page.locator(`#${id} a.claim-link`).focus();
				await page.keyboard.press('Enter');
				await page.getByRole('button', { name: 'Copy link' }).click();
				// A confirmation everyone sees, beside the button.
				const linkStatus = page.locator('#claim-panel button[data-action="copy-link"] + [data-copy-status]');
				await expect.poll(() => linkStatus.textContent()).toBe('Copied');
				expect(await linkStatus.isVisible()).toBe(true);
				const permalink = `${origin}/commentaries/${slug}/#${id}`;
				// A build that only knows the local preview address copies the address it is served from.
				const here = origin === DEFAULT_SITE_URL ? new URL(site.url('/')).origin : origin;
				expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${here}/commentaries/${slug}/#${id}`);
				expect(await page.inputValue('#claim-panel-link')).toBe(`${here}/commentaries/${slug}/#${id}`);
				// Its pinpoint beside its id.
				expect(await page.locator('[data-field="pinpoint"]').textContent()).toMatch(new RegExp(`^(para\\.|heading) \\d+, sentence \\d+ · ${id}$`));
				// APA first; the citations arrive precomputed from the commentary's citations file.
				await expect.poll(() => page.inputValue('#claim-panel-citation')).toContain(permalink);
				expect(await page.inputValue('#claim-panel-citation')).toMatch(/^Lankov, A\. \(ca\. 2024\)\. .*\(A\. Pruden, Interviewer\)\. /);
				await page.getByRole('radio', { name: 'Chicago' }).check();
				expect(await page.inputValue('#claim-panel-citation')).toContain('Interview by Andrew Pruden');
				await page.getByRole('button', { name: 'Copy citation' }).click();
				await expect.poll(() => page.locator('#claim-panel button[data-action="copy-citation"] + [data-copy-status]').textContent()).toBe('Copied');
				expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Lankov, Andrei\. \[2024\?\]\. “/);
				const bibtex = await page.locator('[data-field="bibtex"]').textContent();
				expect(bibtex).toMatch(new RegExp(`^@misc\\{lankov2024_${id.replace('-', '')},`));
				expect(await page.locator('[data-field="ris"]').textContent()).toMatch(/^TY {2}- ELEC\n/);
			},
			{ fresh: true },
		);
	});

	it('should give the share page the sentence in its meta tags, a card image and its own address as canonical', async () => {
		const { id, text } = await claimAt(7);
		await site.open(`/c/${id}/`, async (page, report) => {
			expect(report.status).toBe(200);
			const meta = (selector: string) => page.locator(selector).getAttribute('content');
			expect(await meta('meta[property="og:description"]')).toBe(text);
			expect(await meta('meta[name="description"]')).toBe(text);
			expect(await meta('meta[property="og:title"]')).toContain('Andrei Lankov');
			expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
			expect(await meta('meta[property="og:image"]')).toMatch(new RegExp(`/c/${id}\\.png$`));
			expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${origin}/c/${id}/`);
			expect(await meta('meta[property="og:url"]')).toBe(`${origin}/c/${id}/`);
			expect((await page.locator('blockquote:not(.related-quote)').textContent())?.trim()).toBe(text);
			const image = await page.request.get(site.url(`/c/${id}.png`));
			expect(image.status()).toBe(200);
			expect(image.headers()['content-type']).toBe('image/png');
			expect((await image.body()).subarray(1, 4).toString()).toBe('PNG');
			await Promise.all([page.waitForURL((url) => url.hash === `#${id}`), page.getByRole('link', { name: 'Read it in context', exact: true }).click()]);
			expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
		});
	});

	it('should say so when a #c-… link names a sentence the commentary does not have', async () => {
		const { id } = await claimAt(2);
		await site.open(`/commentaries/${slug}/#c-ffffffffff`, async (page, report) => {
			expect(report.consoleErrors).toEqual([]);
			const notice = page.locator('[data-claim-unknown]');
			await expect.poll(() => notice.isVisible()).toBe(true);
			expect(await notice.textContent()).toContain('(c-ffffffffff) is not known in this commentary');
			expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-claim-unknown'))).toBe(true);
			// A known sentence hides it again.
			await page.evaluate((claimId) => (location.hash = claimId), id);
			await expect.poll(() => notice.isVisible()).toBe(false);
		});
	});

	it('should still run when a hand-typed #fragment is not valid percent-encoding', async () => {
		// `%A` ends short: decoding it throws, which used to stop the page's script before any of it ran.
		await site.open(`/commentaries/${slug}/?mark=Russia#c-%E0%A4%A`, async (page, report) => {
			expect(report.consoleErrors).toEqual([]);
			const notice = page.locator('[data-claim-unknown]');
			await expect.poll(() => notice.isVisible()).toBe(true);
			expect(await notice.textContent()).toContain('(c-%E0%A4%A) is not known in this commentary');
		});
	});

	it('should print one citation on the share page, link to the rest without JavaScript, and fill them in from the citations file with it', async () => {
		const { id } = await claimAt(5);
		const citationsFile = `/data/citations/${slug}.json`;
		const cited = decodeCitationsFile(readFileSync(join(distDir, citationsFile), 'utf8')).get(id)!;
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(site.url(`/c/${id}/`));
			expect(await page.locator('dl.citations dt').allTextContents()).toEqual(['APA']);
			expect((await page.locator('dd.citation .citation-text').textContent())?.trim()).toBe(cited.apa);
			expect(await page.locator('pre[data-format]').count()).toBe(0);
			const note = page.locator('[data-citations-more]');
			expect(await note.isVisible()).toBe(true);
			expect(await note.locator('a').first().getAttribute('href')).toBe(citationsFile);
		} finally {
			await context.close();
		}
		await site.open(`/c/${id}/`, async (page, report) => {
			await expect.poll(() => page.locator('dl.citations dt').allTextContents()).toEqual(['APA', 'Chicago', 'MLA']);
			expect(await page.locator('dd.citation .citation-text').allTextContents()).toEqual([cited.apa, cited.chicago, cited.mla]);
			// Every filled row is the printed row's markup: the same elements and attributes in the same order, with
			// only the style, the label and the words differing.
			const shapes = await page.locator('dl.citations').evaluate((list) => {
				const shape = (node: Element): string =>
					`<${node.localName}${[...node.attributes].map((attribute) => ` ${attribute.name}${attribute.name === 'data-citation-style' ? '' : `="${attribute.value}"`}`).join('')}>${[...node.children].map(shape).join('')}`;
				return [...list.children].map(shape);
			});
			expect(shapes).toHaveLength(6);
			expect(new Set(shapes.filter((_, index) => index % 2 === 0)).size).toBe(1);
			expect(new Set(shapes.filter((_, index) => index % 2 === 1)).size).toBe(1);
			expect(await page.getByRole('button', { name: 'Copy the Chicago citation' }).count()).toBe(1);
			expect(await page.locator('[data-citations-more]').count()).toBe(0);
			expect(await page.locator('details.provenance summary').allTextContents()).toEqual(['BibTeX', 'RIS', 'CSL-JSON']);
			expect(await page.locator('pre[data-format]').evaluateAll((pres) => pres.map((pre) => [pre.getAttribute('data-format'), pre.textContent]))).toEqual([
				['bibtex', cited.bibtex],
				['ris', cited.ris],
				['csl', cited.csl],
			]);
			expect(cited.bibtex).toMatch(new RegExp(`^@misc\\{lankov2024_${id.replace('-', '')},`));
			// Each filled style copies with the keyboard, confirmed in words.
			await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('/') });
			const mla = page.locator('dd.citation[data-citation-style="mla"]');
			await mla.getByRole('button', { name: 'Copy the MLA citation' }).focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => mla.locator('[data-copy-status]').textContent()).toBe('Copied');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cited.mla);
			// The exports open from the keyboard.
			await page.locator('details.provenance summary').first().focus();
			await page.keyboard.press('Enter');
			expect(await page.locator('pre[data-format="bibtex"]').isVisible()).toBe(true);
			expect(report.consoleErrors).toEqual([]);
			expect(report.failedRequests).toEqual([]);
			expect(await axeBothSchemes(page, 'share page with every citation')).toEqual([]);
		});
	});

	it('should keep share pages out of the search index', async () => {
		const { id } = await claimAt(1);
		await site.open(`/c/${id}/`, async (page) => {
			expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
		});
		await site.open(`/commentaries/${slug}/`, async (page) => {
			expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
		});
	});

	for (const { width, colorScheme } of widthsInTurn([1280, 1440, 1920, 360], 'dark')) {
		it(`should give a share page copy buttons that say “Copied”, its card and its pinpoint at ${width} px (${colorScheme})`, async () => {
			const { id } = await claimAt(6);
			await site.open(
				`/c/${id}/`,
				async (page, report) => {
					await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('/') });
					const copyLink = page.getByRole('button', { name: 'Copy link' });
					await expect.poll(() => copyLink.isVisible()).toBe(true);
					await copyLink.click();
					const status = page.locator('.share-actions [data-copy-status]');
					await expect.poll(() => status.textContent()).toBe('Copied');
					expect(await status.isVisible()).toBe(true);
					const here = origin === DEFAULT_SITE_URL ? new URL(site.url('/')).origin : origin;
					expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${here}/commentaries/${slug}/#${id}`);
					// Every citation style has its own copy button.
					const styles = page.locator('dd.citation');
					await expect.poll(() => styles.count()).toBeGreaterThan(1);
					await styles.nth(1).getByRole('button').click();
					await expect.poll(() => styles.nth(1).locator('[data-copy-status]').textContent()).toBe('Copied');
					expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await styles.nth(1).locator('.citation-text').textContent())!.trim());
					// The card unfurlers show, loaded and fitting the screen.
					const card = page.locator('.share-card img');
					await card.scrollIntoViewIfNeeded();
					await expect.poll(() => card.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(CARD_SIZE.width);
					const box = await card.boundingBox();
					expect(box!.x + box!.width).toBeLessThanOrEqual(width);
					// A readable pinpoint beside the id.
					const caption = await page.locator('.share-quote figcaption').textContent();
					expect(caption).toMatch(new RegExp(`(para\\.|heading) \\d+, sentence \\d+\\.\\s*Sentence id: ${id}`));
					expect(report.consoleErrors).toEqual([]);
				},
				{ fresh: true, viewport: { width, height: 900 }, colorScheme },
			);
		});

		it(`should give an unknown sentence id a page of its own, with a search, at ${width} px (${colorScheme})`, async () => {
			await site.open(
				'/c/c-0000000000/',
				async (page, report) => {
					expect(report.status).toBe(404);
					await expect.poll(() => page.locator('h1').textContent()).toBe('No sentence at this link');
					expect(await page.locator('main').textContent()).toContain('c-0000000000');
					const form = page.locator('main form[role="search"]');
					expect(await form.getAttribute('action')).toBe('/search/');
					expect(await form.getByRole('searchbox').isVisible()).toBe(true);
					expect(await page.locator('a[href$="/sentences/"]').count()).toBe(5);
				},
				{ viewport: { width, height: 900 }, colorScheme },
			);
		});
	}

	it('should read well for a sentence link without JavaScript too, and stay generic elsewhere', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(site.url('/c/c-0000000000/'));
			expect(await page.getByRole('heading', { name: 'A link to one sentence?' }).isVisible()).toBe(true);
			expect(await page.getByRole('searchbox').isVisible()).toBe(true);
		} finally {
			await context.close();
		}
		await site.open('/no-such-page/', async (page) => {
			expect(await page.locator('h1').textContent()).toBe('Page not found');
		});
	});
});
