import { spawnSync } from 'node:child_process';
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
