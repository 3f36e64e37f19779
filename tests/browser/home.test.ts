/**
 * The home page, as a reader uses it: it lists the five commentaries, and
 * each link opens that commentary's page, which has its title as the h1.
 * (An example of a page-specific test built on tests/support/browser.ts.)
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();
const commentaryPath = /^\/commentaries\/[a-z0-9-]+\/$/;

describe('home page', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	it('should list five commentaries whose links open pages with an h1', async () => {
		const links = await site.open('/', async (page, report) => {
			expect(report.status).toBe(200);
			const hrefs = await page
				.locator('main a[href]')
				.evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
			return [...new Set(hrefs.filter((href) => commentaryPath.test(href)))];
		});
		expect(links, 'distinct /commentaries/<slug>/ links in <main>').toHaveLength(5);

		for (const path of links) {
			await site.open(path, async (page, report) => {
				expect(report.status, path).toBe(200);
				const headings = await page.locator('h1').allTextContents();
				expect(headings, `${path} should have one h1`).toHaveLength(1);
				expect(headings[0]?.trim(), `${path} h1 text`).not.toBe('');
			});
		}
	});

	it('should reach a commentary by clicking its title', async () => {
		await site.open('/', async (page) => {
			const titleLink = page.locator('main h2 a[href^="/commentaries/"], main h3 a[href^="/commentaries/"]').first();
			const href = await titleLink.getAttribute('href');
			expect(href ?? '').toMatch(commentaryPath);
			await Promise.all([page.waitForURL((url) => url.pathname === href), titleLink.click()]);
			expect(await page.locator('h1').count()).toBe(1);
		});
	});
});
