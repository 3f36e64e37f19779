/**
 * The home page, as a reader uses it: a commentary's title followed to its
 * page, the three jobs in the first screen at every width, the search form
 * without JavaScript. (Which commentaries and counts it lists is text, checked
 * in tests/dist/.) (An example of a page-specific test built on tests/support/browser.ts.)
 */
import { describe, expect, it } from 'vitest';
import { useSite, widthsInTurn } from '../support/browser';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();
const commentaryPath = /^\/commentaries\/[a-z0-9-]+\/$/;

describe('home page', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	// Which commentaries the home page links (five distinct reading pages, each with one titled h1) and the articles'
	// counts (the same on the home page, the articles index and each article page) are text and attributes: the dist
	// checks read them from the files (tests/dist/bounded-pages.test.ts, tests/dist/articles.test.ts).

	it('should reach a commentary by clicking its title', async () => {
		await site.open('/', async (page) => {
			const titleLink = page.locator('main h2 a[href^="/commentaries/"], main h3 a[href^="/commentaries/"]').first();
			const href = await titleLink.getAttribute('href');
			expect(href ?? '').toMatch(commentaryPath);
			await Promise.all([page.waitForURL((url) => url.pathname === href), titleLink.click()]);
			expect(await page.locator('h1').count()).toBe(1);
		});
	});

	for (const { width, colorScheme } of widthsInTurn([1280, 1440, 1920, 360], 'dark')) {
		const height = width === 360 ? 740 : 800;
		it(`should offer the three jobs, the commentaries in the first screen, at ${width} px (${colorScheme})`, async () => {
			await site.open(
				'/',
				async (page) => {
					const found = await page.evaluate(() => {
						const form = document.querySelector<HTMLFormElement>('main form[role="search"]');
						const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
						const label = input ? document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() : undefined;
						const firstCommentary = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="/commentaries/"]')].find((a) => /^\/commentaries\/[a-z0-9-]+\/$/.test(a.pathname));
						const main = document.querySelector('main')!.textContent!;
						return {
							form: form && { method: form.method, action: new URL(form.action).pathname, name: input?.name, label: Boolean(label) },
							compare: [...document.querySelectorAll<HTMLAnchorElement>('main a')].some((a) => a.pathname === '/compare/'),
							sentenceLinks: /permanent link/i.test(main),
							commentaryTop: firstCommentary?.getBoundingClientRect().top ?? Infinity,
							searchTop: input?.getBoundingClientRect().top ?? Infinity,
							articles: [...document.querySelectorAll<HTMLAnchorElement>('.article-glance a')].map((a) => ({ path: a.pathname, count: Number(a.dataset['count']), text: a.textContent })),
						};
					});
					expect(found.form).toEqual({ method: 'get', action: '/search/', name: 'q', label: true });
					expect(found.compare, 'a way into compare').toBe(true);
					expect(found.sentenceLinks, 'a line on sentence links').toBe(true);
					expect(found.searchTop).toBeLessThan(height);
					expect(found.commentaryTop, 'the first commentary link in the first screen').toBeLessThan(height);
					expect(found.articles).toHaveLength(23);
					for (const article of found.articles) expect(article.text).toContain(article.count === 0 ? 'no sentences' : `${article.count} sentence`);
				},
				{ viewport: { width, height }, colorScheme },
			);
		});
	}

	it('should search without JavaScript: the box is a plain form sending ?q= to the search page', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(site.url('/'));
			await page.getByRole('searchbox', { name: /find every sentence/i }).fill('Article 4');
			await Promise.all([page.waitForURL(/\/search\/\?q=Article\+4$/), page.getByRole('button', { name: 'Search' }).click()]);
			expect(new URL(page.url()).searchParams.get('q')).toBe('Article 4');
		} finally {
			await context.close();
		}
	});
});
