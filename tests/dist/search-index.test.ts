/**
 * The built site's search index and security policy: Pagefind's bundle is
 * there with its WebAssembly engine and one record per commentary, each
 * sentence a sub-result, the intermediate records file is gone,
 * every page carries the Content-Security-Policy in a meta element and
 * `_headers` sends the same one for every path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
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

	it('should hold the Pagefind bundle, one record per commentary whose every sentence is a sub-result, and no leftover records file', () => {
		expect(existsSync(join(distDir, 'pagefind', 'pagefind.js'))).toBe(true);
		expect(existsSync(join(distDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
		const fragments = readdirSync(join(distDir, 'pagefind', 'fragment')).map((file) => {
			// A fragment is gzipped: a signature, then JSON.
			const text = gunzipSync(readFileSync(join(distDir, 'pagefind', 'fragment', file))).toString('utf8');
			return JSON.parse(text.slice(text.indexOf('{'))) as {
				url: string;
				content: string;
				anchors: { id: string; title?: string; location: number }[];
				meta: Record<string, string>;
			};
		});
		const slugs = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
		const records = fragments.filter((fragment) => fragment.url.startsWith('/commentaries/'));
		expect(records.map((record) => record.url).sort()).toEqual(slugs.map((slug) => `/commentaries/${slug}/`).sort());
		for (const record of records) {
			const html = readDistFile(`${record.url.slice(1)}index.html`);
			const claims = [...html.matchAll(/data-claim="" id="(c-[0-9a-f]{10})"/g)].map((match) => match[1]);
			expect(record.anchors.filter((anchor) => anchor.title).map((anchor) => anchor.id), record.url).toEqual(claims);
			expect(record.meta['claims']?.split(';').map((claim) => claim.split(',')[0]), record.url).toEqual(claims);
		}
		// Each sentence is read back from the record's words, from its anchor to the next: exactly as the author wrote it.
		const corpus = JSON.parse(readDistFile('data/corpus.json')) as { commentaries: { slug: string; claims: { id: string; text: string }[] }[] };
		for (const commentary of corpus.commentaries) {
			const record = records.find((item) => item.url === `/commentaries/${commentary.slug}/`);
			const words = record?.content.trim().split(/\s+/u) ?? [];
			const starts = (record?.anchors ?? []).map((anchor) => anchor.location);
			const read = (record?.anchors ?? []).map((anchor, index) => words.slice(anchor.location, starts[index + 1] ?? words.length).join(' '));
			expect(read, commentary.slug).toEqual(commentary.claims.map((claim) => claim.text));
		}
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
