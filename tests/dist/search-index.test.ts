/**
 * The built site's search index and security policy: Pagefind's bundle is
 * there with its WebAssembly engine, the intermediate records file is gone,
 * every page carries the Content-Security-Policy in a meta element and
 * `_headers` sends the same one for every path.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/utils/csp';
import { distDir, hasBuild, listPages, readDistFile } from '../support/dist';

const built = hasBuild();

describe('search index and security policy in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	it('should hold the Pagefind bundle, a fragment per sentence and page, and no leftover records file', () => {
		expect(existsSync(join(distDir, 'pagefind', 'pagefind.js'))).toBe(true);
		expect(existsSync(join(distDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
		expect(readdirSync(join(distDir, 'pagefind', 'fragment')).length).toBeGreaterThan(250);
		expect(existsSync(join(distDir, 'search', 'records.json'))).toBe(false);
		expect(existsSync(join(distDir, 'search', 'vocabulary.json'))).toBe(true);
	});

	it('should send the policy for every path in _headers', () => {
		expect(readDistFile('_headers')).toBe(`/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
	});

	it('should carry the same policy in a meta element on every page, before anything it governs', () => {
		const missing = listPages().filter((page) => {
			const html = readDistFile(page.file);
			const head = html.slice(0, html.search(/<(?:link|script|style)\b/));
			return !head.includes(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
		});
		expect(missing.map((page) => page.path)).toEqual([]);
	});
});
