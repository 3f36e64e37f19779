/**
 * The home page, as a reader uses it: it lists the five commentaries, and
 * each link opens that commentary's page, which has its title as the h1.
 * (An example of a page-specific test built on tests/support/browser.ts.)
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

	it('should give each article the same count on the home page, the articles index and its own page', async () => {
		const home = await site.open('/', (page) =>
			page.locator('.article-glance a').evaluateAll((links) => links.map((a) => [(a as HTMLAnchorElement).pathname, Number((a as HTMLAnchorElement).dataset['count'])] as const)),
		);
		const index = await site.open('/articles/', (page) =>
			page.locator('table.matrix tbody tr').evaluateAll((rows) =>
				rows.map((row) => [(row.querySelector('th a') as HTMLAnchorElement).pathname, Number(row.querySelector('td:last-child')!.textContent!.trim())] as const),
			),
		);
		expect(index).toEqual(home);
		for (const [path, count] of home.filter(([, count]) => count > 0)) {
			const stated = await site.open(path, (page) => page.locator('#passages ~ p, #passages + p').first().textContent());
			expect(stated, path).toMatch(new RegExp(`^\\s*${count} passages? in `));
		}
	});
});
