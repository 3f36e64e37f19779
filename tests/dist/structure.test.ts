/**
 * Every built page meets the page contract (tests/support/structure.ts):
 * lang, title, description, one h1, `main#main` with a skip link to it,
 * unique ids, no inline scripts or event handlers, nothing loaded from other
 * origins; and no stylesheet pulls anything from another origin.
 */
import { describe, expect, it } from 'vitest';
import { cssForeignUrls, pageProblems, styleAttributes } from '../support/structure';
import { distDir, hasBuild, listFiles, listPages, parsePage, readDistFile, siteOrigin } from '../support/dist';

const built = hasBuild();
// Read once, before the tests are collected: the per-page tests are built from the site.
const origin = built ? await siteOrigin() : '';

describe('page structure in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const pages = listPages().map((page) => ({ ...page, tree: parsePage(page.file) }));

	it.each(pages.map((page) => [page.path, page] as const))('should meet the page contract on %s', (_path, page) => {
		expect(pageProblems(page.tree, { path: page.path, siteOrigin: origin })).toEqual([]);
	});

	it('should load nothing from other origins in stylesheets', () => {
		const found = listFiles()
			.filter((file) => file.endsWith('.css'))
			.flatMap((file) => cssForeignUrls(readDistFile(file), `/${file}`, origin).map((url) => `${file}: ${url}`));
		expect(found).toEqual([]);
	});

	it('should put no style attribute on any built HTML (the CSP allows none): pages and the parts the compare view loads', () => {
		const found = listFiles()
			.filter((file) => file.endsWith('.html') || file.endsWith('.htm'))
			.flatMap((file) => styleAttributes(parsePage(file)).map((entry) => `${file}: ${entry}`));
		expect(found).toEqual([]);
	});
});
