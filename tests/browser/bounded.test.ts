/**
 * The pages that stay one size as the corpus grows, in Chromium. The compare
 * chooser offers every commentary once the script runs, whether the page
 * listed them all (a small corpus) or the script filled them in from the
 * labels file (a large one), and a choice of the last commentary of the
 * corpus builds its view. The pagers of the paged indexes are reachable by
 * keyboard and lead to the next page. Run it over a large corpus with
 * `DIST_DIR=/tmp/…/dist npx vitest run --project browser tests/browser/bounded.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { distDir, hasBuild, readDistFile } from '../support/dist';

const built = hasBuild();
const labels: { slug: string }[] = built ? JSON.parse(readDistFile('search/commentaries.json')) : [];

describe('bounded pages in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;
	const site = useSite();

	it('offers every commentary in each column of the compare chooser and compares the last of them', async () => {
		await site.open('/compare/', async (page) => {
			await page.locator('[data-compare-chooser][data-ready]').waitFor();
			const offered = await page.locator('select[data-column="1"] option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
			expect(offered).toEqual(labels.map((label) => label.slug));
			const first = labels[0]!.slug;
			const last = labels.at(-1)!.slug;
			await page.locator('select[data-column="0"]').selectOption(first);
			await page.locator('select[data-column="1"]').selectOption(last);
			await page.getByRole('button', { name: 'Compare', exact: true }).click();
			await page.waitForURL((url) => url.search === `?c=${first},${last}`);
			await expect.poll(() => page.locator('.cmp-col').evaluateAll((columns) => columns.map((column) => column.getAttribute('data-slug')))).toEqual([first, last]);
		});
	});

	it.each(['/commentaries/', '/articles/'])('leads by keyboard from %s to its next page when it has one', async (path) => {
		await site.open(path, async (page) => {
			const next = page.locator('.topic-pager a[rel="next"]');
			if ((await next.count()) === 0) {
				expect(await page.locator('.topic-pager').count()).toBe(0);
				return;
			}
			await next.focus();
			await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('rel'))).toBe('next');
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.pathname === `${path}page/2/`);
			expect(await page.locator('.topic-pager a[aria-current="page"]').textContent()).toContain('2');
		});
	});
});
