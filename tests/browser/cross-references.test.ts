/**
 * Mentions followed both ways: from a commentary to the article, actor and
 * timeline pages, and from those pages back to the sentence.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();

describe('cross-references in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	it('should show a mention’s preview on focus and hide it with Escape, keeping the link', async () => {
		await site.open('/commentaries/bhadrakumar-rustle-up-an-alliance/', async (page) => {
			const mention = page.locator('a[data-mention="actor"][data-ref="jake-sullivan"]');
			expect(await mention.getAttribute('href')).toBe('/actors/jake-sullivan/');
			expect(await mention.getAttribute('data-correct')).toBe('Jake Sullivan');
			await mention.focus();
			const tip = page.locator('#mention-preview');
			await expect.poll(() => tip.evaluate((el) => el.matches(':popover-open'))).toBe(true);
			expect(await tip.textContent()).toContain('correct spelling is Jake Sullivan');
			await page.keyboard.press('Escape');
			await expect.poll(() => tip.evaluate((el) => el.matches(':popover-open'))).toBe(false);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('jake-sullivan');
		});
	});

	it('should go from an implicit Article 4 mention to its page and back to the same sentence', async () => {
		const claimId = await site.open('/commentaries/rekha-j-niice-commentary/', async (page) => {
			const mention = page.locator('a[data-mention="article"][data-ref="4"][data-implicit]').first();
			const id = await mention.evaluate((el) => el.closest('[data-claim]')?.id ?? '');
			await Promise.all([page.waitForURL(/\/articles\/4\/$/), mention.click()]);
			expect(await page.locator('h1').textContent()).toContain('Article 4');
			return id;
		});
		await site.open('/articles/4/', async (page) => {
			const back = page.locator(`a[href="/commentaries/rekha-j-niice-commentary/#${claimId}"]`);
			expect(await back.count()).toBe(1);
			expect(await page.locator('#by-subject').count()).toBe(1);
			await Promise.all([page.waitForURL((url) => url.hash === `#${claimId}`), back.click()]);
			expect(await page.evaluate((id) => document.getElementById(id)?.matches(':target'), claimId)).toBe(true);
		});
	});

	it('should list on Article 8 the commentary that cites it, with the editors’ note that it means Article 4', async () => {
		await site.open('/articles/8/', async (page) => {
			expect(await page.locator('#cited-sharma-jayaprakash-east-asian-security-order').count()).toBe(1);
			const notes = await page.locator('#notes ~ ul .editor-note').allTextContents();
			expect(notes.join(' ')).toMatch(/Article 4/);
		});
	});

	it('should say that no commentary mentions an article nobody discusses, and never invent its subject', async () => {
		await site.open('/articles/19/', async (page) => {
			const text = await page.locator('main').textContent();
			expect(text).toContain('Subject not established');
			expect(text).toContain('None of the 5 commentaries mentions Article 19');
		});
		await site.open('/articles/', async (page) => {
			expect(await page.locator('tbody tr').count()).toBe(23);
			expect(await page.locator('tbody tr th a[href="/articles/19/"]').count()).toBe(1);
		});
	});

	it('should gather an actor’s sentences from several commentaries and its co-mentioned actors', async () => {
		await site.open('/actors/russia/', async (page) => {
			expect(await page.locator('.column').count()).toBe(5);
			const together = await page.locator('#together ~ ol a').allTextContents();
			expect(together[0]).toBeTruthy();
			expect(together).toContain('North Korea');
		});
	});

	it('should link a date mention to its timeline entry, which links back to the sentence', async () => {
		await site.open('/commentaries/lankov-nbr-interview/', async (page) => {
			const date = page.locator('a[data-mention="date"][data-ref="1968-01-23"]');
			expect(await date.locator('time').getAttribute('datetime')).toBe('1968-01-23');
			const href = (await date.getAttribute('href')) ?? '';
			expect(href).toBe('/timeline/#d-1968-01-23');
			await Promise.all([page.waitForURL(/\/timeline\//), date.click()]);
			const entry = page.locator('#d-1968-01-23');
			expect(await entry.count()).toBe(1);
			const item = page.locator('li:has(#d-1968-01-23), li#d-1968-01-23').first();
			expect(await item.locator('a[href^="/commentaries/lankov-nbr-interview/#c-"]').count()).toBeGreaterThan(0);
		});
	});

	it('should mark an inferred date on the timeline and explain it in the text', async () => {
		await site.open('/commentaries/sharma-jayaprakash-east-asian-security-order/', async (page) => {
			const inferred = page.locator('a[data-mention="date"][data-inferred]').first();
			expect(await inferred.getAttribute('data-ref')).toBe('2024-06-12');
			await inferred.focus();
			await expect.poll(() => page.locator('#mention-preview').textContent()).toMatch(/inferred/i);
		});
		await site.open('/timeline/', async (page) => {
			expect(await page.locator('figure svg > title').count()).toBeGreaterThanOrEqual(2);
			expect(await page.locator('.tag', { hasText: 'inferred' }).count()).toBeGreaterThan(0);
		});
	});

	it('should place an editor’s note beside its passage', async () => {
		await site.open('/commentaries/bhadrakumar-rustle-up-an-alliance/', async (page) => {
			const mark = page.locator('mark.noted', { hasText: '$34 billion' });
			const noteId = await mark.getAttribute('aria-details');
			const note = page.locator(`#${noteId}`);
			expect(await note.textContent()).toMatch(/34\.4 million/);
			const [markBox, noteBox] = await Promise.all([mark.boundingBox(), note.boundingBox()]);
			expect(noteBox!.x).toBeGreaterThan(markBox!.x);
		});
	});
});
