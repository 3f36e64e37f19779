/**
 * Other scripts on pages, in Debian's Chromium (its only fonts are DejaVu):
 * the Korean, Chinese and Japanese words a treaty article's page quotes are
 * drawn from the faces the site serves, not as boxes, and a page that shows
 * none of them fetches no font file for them.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { boxedCharacters } from '../support/glyphs';
import { hasBuild, listPages, readDistFile } from '../support/dist';

const built = hasBuild();
/** The article pages quoting Hangul or Han characters. */
const quoting = built
	? listPages()
			.filter((page) => /^\/articles\/\d+\/$/.test(page.path))
			.filter((page) => /\p{Script=Hangul}|\p{Script=Han}/u.test(readDistFile(`${page.path.slice(1)}index.html`)))
			.map((page) => page.path)
	: [];

describe('other scripts on pages', () => {
	it('should have a built site with a page quoting Korean or Chinese', () => {
		expect(built).toBe(true);
		expect(quoting.length).toBeGreaterThan(0);
	});
	if (!built) return;
	const site = useSite();

	it('draws every quoted Hangul and Han character of an article page, fetching the fonts from the site', async () => {
		const path = quoting[0]!;
		await site.open(path, async (page, report) => {
			const { boxed, checked } = await boxedCharacters(page, 'q[lang]');
			expect(checked.length, path).toBeGreaterThan(0);
			expect(boxed, path).toEqual([]);
			const served = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/fonts/')));
			expect(served.some((path) => path.endsWith('.woff2')), served.join(' ')).toBe(true);
			expect(report.foreignRequests).toEqual([]);
			expect(report.failedRequests).toEqual([]);
			expect(report.consoleErrors).toEqual([]);
		}, { fresh: true });
	});

	it('fetches no fallback font on a page in the reading face alone', async () => {
		await site.open('/about/', async (page, report) => {
			await page.evaluate(() => document.fonts.ready);
			const served = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/fonts/') && path.endsWith('.woff2')));
			expect(served).toEqual([]);
			expect(report.failedRequests).toEqual([]);
		}, { fresh: true });
	});
});
