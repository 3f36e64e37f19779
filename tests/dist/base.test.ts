/**
 * The site under a sub-path: `astro build --base /reader/` gives a site whose
 * every internal link, fragment and asset resolves under `/reader/`, and
 * nothing points outside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblem, resolveLink } from '../support/dist-index';
import { loadDistIndex, projectRoot, siteOrigin } from '../support/dist';

const BASE = '/reader/';
// The index's root is the folder above the output, so `/reader/x/` names `<root>/reader/x/`.
const root = mkdtempSync(join(tmpdir(), 'treaty-reader-base-'));

/**
 * The environment for a child build: Vitest sets `BASE_URL`, `MODE`, `DEV`,
 * `PROD` and `SSR` in its workers, and Vite would take them for the site's own.
 */
function buildEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
	for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
	return env;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`a build under ${BASE}`, () => {
	it('should resolve every link and keep every internal link under the base', async () => {
		const build = spawnSync('npm', ['run', 'build', '--', '--base', BASE, '--outDir', join(root, 'reader')], {
			cwd: projectRoot,
			encoding: 'utf8',
			env: buildEnv(),
		});
		expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-4000)).toBe(0);
		const origin = await siteOrigin();
		const index = loadDistIndex(root);
		expect(index.pages.size).toBeGreaterThan(50);
		expect(checkLinks(index, { siteOrigin: origin }).map(formatLinkProblem)).toEqual([]);
		const outside: string[] = [];
		for (const page of index.pages.values()) {
			for (const link of page.links) {
				const target = resolveLink(link.value, page.path, origin);
				if (target.kind === 'internal' && !target.path.startsWith(BASE)) outside.push(`${page.path}: ${link.value}`);
			}
		}
		expect(outside).toEqual([]);
	}, 180_000);
});
