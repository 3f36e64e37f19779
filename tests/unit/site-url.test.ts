import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRoutes } from '../../src/utils/routes';
import { DEFAULT_SITE_URL, resolveSiteUrl } from '../../src/utils/site-url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('resolveSiteUrl', () => {
	it('should default to the local preview address', () => {
		expect(resolveSiteUrl(undefined)).toBe('http://127.0.0.1:4321');
		expect(resolveSiteUrl('  ')).toBe(DEFAULT_SITE_URL);
	});

	it('should accept an origin, with or without a final slash', () => {
		expect(resolveSiteUrl('https://treaty-reader.example')).toBe('https://treaty-reader.example');
		expect(resolveSiteUrl('https://Treaty-Reader.example/')).toBe('https://treaty-reader.example');
		expect(resolveSiteUrl('http://localhost:8080')).toBe('http://localhost:8080');
	});

	it.each([
		['treaty-reader.example', 'not an absolute URL'],
		['ftp://treaty-reader.example', 'expected an http or https address'],
		['https://treaty-reader.example/reader/', 'must be an origin without a path'],
		['https://treaty-reader.example/?x=1', 'must not contain a query or fragment'],
		['https://user:pw@treaty-reader.example', 'must not contain credentials'],
	])('should refuse %s, naming the variable', (value, message) => {
		expect(() => resolveSiteUrl(value)).toThrow(`SITE_URL=${JSON.stringify(value)}: ${message}`);
	});

	it('should stop the build configuration on a bad value', () => {
		const load = (value: string) =>
			spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], {
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, SITE_URL: value },
			});
		const bad = load('treaty-reader.example');
		expect(bad.status).not.toBe(0);
		expect(bad.stderr).toContain('SITE_URL="treaty-reader.example": not an absolute URL');
		// Loading the configuration imports the whole Markdown pipeline: slow on a busy machine.
	}, 180_000);
});

describe('routes.absolute', () => {
	it('should put a route on the site address, under the base', () => {
		const routes = createRoutes('/reader/', 'https://treaty-reader.example');
		expect(routes.absolute(routes.claim('a', 'c-0123456789'))).toBe('https://treaty-reader.example/reader/commentaries/a/#c-0123456789');
		expect(routes.absolute(routes.siteCard())).toBe('https://treaty-reader.example/reader/site-card.png');
	});

	it('should refuse without a site address', () => {
		expect(() => createRoutes('/').absolute('/')).toThrow(/needs the site address/);
	});
});

describe('astro build --site', () => {
	it.each(['ftp://treaty-reader.example', 'https://treaty-reader.example/reader/', 'javascript:alert(1)'])('should stop the build on %s as SITE_URL would', async (site) => {
		const { default: treatyReader } = await import('../../src/integrations/treaty-reader.ts');
		const setup = treatyReader().hooks['astro:config:setup'];
		// Only the fields the hook reads before it checks the address.
		const options = { config: { site, base: '/', root: new URL('file:///nonexistent/') }, updateConfig: () => undefined };
		// cast: a partial hook argument; the check runs before anything else is read.
		expect(() => setup?.(options as never)).toThrow(`--site (or SITE_URL)=${JSON.stringify(site)}`);
	});

	it('should stop a real `astro build --site` with a path before reading any content', () => {
		// Into a folder of its own: were the check missing, the site would be built there, not over dist/.
		const outDir = mkdtempSync(join(tmpdir(), 'treaty-site-flag-'));
		const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir, '--site', 'https://treaty-reader.example/reader/'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
			timeout: 120_000,
		});
		rmSync(outDir, { recursive: true, force: true });
		expect(run.status).not.toBe(0);
		expect(`${run.stdout}${run.stderr}`).toContain('--site (or SITE_URL)="https://treaty-reader.example/reader/": must be an origin without a path');
	});
});
