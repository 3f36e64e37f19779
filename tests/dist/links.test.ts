/**
 * Every internal link of the built site lands: the page or file exists, and
 * a `#fragment` is an id on the target page (claim and note permalinks,
 * cross-links, the skip link). Modelled on withastro/docs' link checker.
 */
import { describe, expect, it } from 'vitest';
import { checkLinks, fileForPath, formatLinkProblem, resolveLink } from '../support/dist-index';
import { distDir, hasBuild, loadDistIndex, siteOrigin } from '../support/dist';

const built = hasBuild();
// Read once, before the tests are collected: the per-page tests are built from the site.
const origin = built ? await siteOrigin() : '';

describe('links in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const index = loadDistIndex();
	const problems = checkLinks(index, { siteOrigin: origin });
	const pages = [...index.pages.values()].sort((a, b) => a.path.localeCompare(b.path));

	it.each(pages.map((page) => [page.path, page] as const))('should have no broken links on %s', (_path, page) => {
		expect(problems.filter((problem) => problem.file === page.file).map(formatLinkProblem)).toEqual([]);
	});

	it('should reach every page by following links from the home page', () => {
		const reached = new Set<string>(['index.html']);
		const queue = ['index.html'];
		for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
			const page = index.pages.get(file);
			if (page === undefined) continue;
			for (const link of page.links) {
				if (!link.navigational) continue;
				const target = resolveLink(link.value, page.path, origin);
				if (target.kind !== 'internal') continue;
				const found = fileForPath(index, target.path).file;
				if (found !== undefined && index.pages.has(found) && !reached.has(found)) {
					reached.add(found);
					queue.push(found);
				}
			}
		}
		const orphans = pages.filter((page) => page.file !== '404.html' && !reached.has(page.file)).map((page) => page.path);
		expect(orphans, 'pages no link leads to').toEqual([]);
	});
});
