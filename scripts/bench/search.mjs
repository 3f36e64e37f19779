/**
 * Bytes and time of searches in Chromium, measured by the site's search
 * budget script (scripts/search-budget.mjs) over a built site: the bytes of a
 * first search from a reading page and of a later search, and the time from
 * a keystroke to rendered results with the index warm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Read the budget script's output.
 *
 * @param {string} output
 * @returns {Record<string, number | string>}
 */
export function parseSearchBudget(output) {
	const first = /First search \("([^"]+)"\)[^:]*: ([\d.]+) KB/.exec(output);
	const later = /Later search \("([^"]+)"\): ([\d.]+) KB in (\d+) requests/.exec(output);
	const warm = /Keystroke to rendered results[^:]*: median (\d+) ms, max (\d+) ms/.exec(output);
	const reading = /Reading page: (\d+) requests, ([\d.]+) KB; under \/pagefind\/: (\d+)/.exec(output);
	if (!first || !later) return { todo: `not measured: the search budget script printed no figures:\n${output.slice(-500)}` };
	return {
		firstQuery: first[1],
		firstBytes: Math.round(Number(first[2]) * 1024),
		laterQuery: later[1],
		laterBytes: Math.round(Number(later[2]) * 1024),
		laterRequests: Number(later[3]),
		...(warm ? { warmMedianMs: Number(warm[1]), warmMaxMs: Number(warm[2]) } : {}),
		...(reading ? { readingPageRequests: Number(reading[1]), readingPagePagefindRequests: Number(reading[3]) } : {}),
	};
}

/**
 * @param {string} root Project root (where the budget script lives).
 * @param {string} dist Built site to search.
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measureSearch(root, dist) {
	const script = join(root, 'scripts', 'search-budget.mjs');
	if (!existsSync(script)) return { todo: 'not measured: the site has no scripts/search-budget.mjs' };
	if (!existsSync(join(dist, 'pagefind'))) return { todo: 'not measured: the build has no dist/pagefind/' };
	const started = performance.now();
	const run = spawnSync(process.execPath, [script, dist], { cwd: root, encoding: 'utf8', timeout: 300_000 });
	const result = parseSearchBudget(`${run.stdout}\n${run.stderr}`);
	return { ...result, scriptSeconds: (performance.now() - started) / 1000 };
}
