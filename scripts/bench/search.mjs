/**
 * Bytes and time of a first and a later search in Chromium, measured by the
 * search budget script (scripts/search-budget.mjs) when the site has one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} root Project root (where the budget script lives).
 * @param {string} dist Built site to search.
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measureSearch(root, dist) {
	const script = join(root, 'scripts', 'search-budget.mjs');
	if (!existsSync(script) || !existsSync(join(dist, 'pagefind'))) {
		return { todo: 'not measured: the site has no search yet (no scripts/search-budget.mjs or no dist/pagefind/)' };
	}
	return { todo: 'not measured: scripts/search-budget.mjs is not wired in yet' };
}
