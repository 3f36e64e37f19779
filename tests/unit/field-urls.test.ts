/**
 * The one URL rule of every address field (src/schemas/safe-url.ts): the
 * rule itself on every trick, each schema's URL field, and the content check
 * on a copy of the project, which names the file, the line and the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentUrl } from '../../src/schemas/safe-url.ts';
import { commentarySchema } from '../../src/schemas/commentary.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { noteSchema } from '../../src/schemas/note.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { createRoutes } from '../../src/utils/routes.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';

const REFUSED = [
	'javascript:alert(1)',
	'JavaScript:alert(1)',
	'JAVASCRIPT:alert(1)',
	'java\tscript:alert(1)',
	'java\nscript:alert(1)',
	'java\u0000script:alert(1)',
	' javascript:alert(1)',
	'\u200bjavascript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'vbscript:msgbox(1)',
	'//evil.example/x',
	'/\\evil.example/x',
	'HTTPS://example.org/',
	'https:example.org',
	'https://user:secret@example.org/',
	'ftp://example.org/file',
	'mailto:someone@example.org',
	'file:///etc/passwd',
	'\u202Ehttps://example.org/',
	'https://exa mple.org/',
	'example.org/page',
	'',
];

const ALLOWED = ['https://example.org/', 'http://news.sbs.co.kr/news/endPage.do?news_id=N1007691362', 'https://hani.co.kr/arti/x.html#top', '/articles/4/', '/actors/russia/'];

describe('the URL rule', () => {
	it.each(REFUSED.map((url) => [JSON.stringify(url), url]))('should refuse %s', (_shown, url) => {
		const verdict = checkContentUrl(url);
		expect(verdict.ok).toBe(false);
		if (!verdict.ok) expect(verdict.reason).toMatch(/allowed|lowercase|host|credentials|valid/);
	});

	it.each(ALLOWED)('should accept %s', (url) => {
		expect(checkContentUrl(url).ok).toBe(true);
	});

	it.each([
		['https:///evil.example/x', /no host right after \/\//],
		['https:////evil.example/x', /no host right after \/\//],
		['https://good.example\\@evil.example/', /backslash/],
		['https://evil.example\\@good.example/', /backslash/],
		['https:\\\\evil.example/', /backslash/],
		['/articles\\4/', /backslash/],
		['https://[::1]/', /IP address/],
		['https://127.0.0.1/admin', /IP address/],
		['https://0x7f.1/', /IP address/],
		['http://192.168.0.1/', /IP address/],
		['http://localhost/', /public host name/],
		['https://./', /public host name/],
		['https://a..example/', /public host name/],
		['https://example.org./', /public host name/],
		['https://example.org/<script>', /“<”.*%3C/],
		['https://example.org/"onmouseover="x', /“"”.*%22/],
		['https://example.org/`x`', /“`”/],
		['https://example.org/},note={x', /“}”/],
		['https://example.org/a|b', /“\|”/],
		['/articles/4/"x', /“"”/],
		['https://@example.org/', /credentials/],
		['https://:@example.org/', /credentials/],
		['https://example.org/%zz', /% not followed by two hex digits/],
		['https://example.org/100%', /% not followed by two hex digits/],
		[`https://example.org/${'a'.repeat(3000)}`, /3,0\d\d characters long; an address is at most 2,048/],
		['javascript:{alert(1)}', /uses javascript:/],
	])('should refuse %j, saying why', (url, reason) => {
		const verdict = checkContentUrl(url);
		expect(verdict.ok).toBe(false);
		if (!verdict.ok) expect(verdict.reason).toMatch(reason);
	});

	it.each(['https://пример.рф/', 'https://xn--e1afmkfd.xn--p1ai/', 'https://example.org:8443/x', 'https://example.org/%E2%80%94?q=a+b&c=d#top', '/articles/4/?q=1#x', `https://example.org/${'a'.repeat(2000)}`])('should accept %s', (url) => {
		expect(checkContentUrl(url).ok).toBe(true);
	});

	it('should say which scheme a hidden character disguises', () => {
		const verdict = checkContentUrl('java\tscript:alert(1)');
		expect(verdict.ok || verdict.reason).toMatch(/reads as javascript:/);
	});
});

const commentary = {
	title: 'T',
	authors: [{ name: 'A', affiliation: 'B' }],
	outlet: 'O',
	published: { date: '2024' },
	source: { url: 'https://example.org/', capture: 'x.txt' },
	kind: 'commentary',
	summary: 'S.',
};
const article = { number: 4, status: 'verified', title: 'T', summary: 'S', sources: [{ label: 'L', url: 'https://example.org/', supports: 'number', quote: 'Q' }] };
const note = { commentary: 'x', quote: 'qq', kind: 'context', sources: [{ label: 'L', url: 'https://example.org/' }] };
const event = { id: 'e', date: '2024', label: 'L', sources: [{ label: 'L', url: 'https://example.org/' }] };

/** Every URL field of every content schema: a valid value, and how to put another address in it. */
const FIELDS = [
	{ name: 'commentary source.url', schema: commentarySchema, valid: commentary, put: (url: string) => ({ ...commentary, source: { ...commentary.source, url } }), path: ['source', 'url'] },
	{ name: 'article sources[].url', schema: articleSchema, valid: article, put: (url: string) => ({ ...article, sources: [{ ...article.sources[0], url }] }), path: ['sources', 0, 'url'] },
	{ name: 'note sources[].url', schema: noteSchema, valid: note, put: (url: string) => ({ ...note, sources: [{ label: 'L', url }] }), path: ['sources', 0, 'url'] },
	{ name: 'event sources[].url', schema: eventSchema, valid: event, put: (url: string) => ({ ...event, sources: [{ label: 'L', url }] }), path: ['sources', 0, 'url'] },
] as const;

describe.each(FIELDS)('the $name field', ({ schema, valid, put, path }) => {
	it('should accept the fixture as it is', () => {
		expect(schema.safeParse(valid).success).toBe(true);
	});

	it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)'])('should refuse %j at its path', (url) => {
		const result = schema.safeParse(put(url));
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
	});

	it('should take a site-relative path for a source, never for a commentary’s original', () => {
		const result = schema.safeParse(put('/articles/4/'));
		if (schema === commentarySchema) {
			expect(result.success).toBe(false);
			expect(result.error?.issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path))?.message).toMatch(/a path of this site; the original is elsewhere/);
		} else expect(result.success).toBe(true);
	});
});

describe('the link of a content address', () => {
	it('should put a site-relative source under the base, and leave an http(s) address as written', () => {
		const routes = createRoutes('/reader/');
		expect(routes.contentUrl('/articles/4/')).toBe('/reader/articles/4/');
		expect(routes.contentUrl('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
		expect(createRoutes('/').contentUrl('/actors/russia/')).toBe('/actors/russia/');
	});
});

describe('addresses in the content files', () => {
	let copy: string;
	let problems: string[];
	const lineOf = (file: string, needle: string) => {
		const text = readFileSync(join(copy, file), 'utf8');
		const at = text.indexOf(needle);
		if (at < 0) throw new Error(`fixture: ${needle} not in ${file}`);
		return text.slice(0, at).split('\n').length;
	};
	const replace = (file: string, from: string, to: string) => {
		const path = join(copy, file);
		const text = readFileSync(path, 'utf8');
		if (!text.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
		writeFileSync(path, text.replace(from, to));
	};

	beforeAll(() => {
		copy = copyProject('treaty-field-urls');
		replace('content/commentaries/rekha-j-niice-commentary.md', /url: .*\n/.exec(readFileSync(join(copy, 'content/commentaries/rekha-j-niice-commentary.md'), 'utf8'))![0], 'url: "javascript:alert(1)"\n');
		replace('content/articles/04.yaml', 'url: https://hani.co.kr/arti/english_edition/e_northkorea/1145928.html', 'url: "data:text/html,<script>alert(1)</script>"');
		replace('content/notes/roy-scared-struggle.md', 'url: https://censor.net/', 'url: "java\\tscript:alert(1)//https://censor.net/');
		writeFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), readFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), 'utf8').replace(/(url: "java\\tscript:alert\(1\)\/\/https:\/\/censor\.net\/[^\n]*)/, '$1"'));
		replace('content/events/events.yaml', 'url: https://dprk.mid.ru/en/countries', 'url: //evil.example/countries');
		replace('content/articles/05.yaml', 'url: https://moneytimes.jp/archives/362895/2', 'url: /articles/99/');
		replace('content/articles/06.yaml', /url: .*\n/.exec(readFileSync(join(copy, 'content/articles/06.yaml'), 'utf8'))![0], 'url: /actors/russia/\n');
		problems = contentProblems(copy);
	});
	afterAll(() => removeCopy(copy));

	it('should name the file, line and field of a javascript: source URL of a commentary', () => {
		const file = 'content/commentaries/rekha-j-niice-commentary.md';
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${lineOf(file, 'url: "javascript:')}: source\\.url: "javascript:alert\\(1\\)" uses javascript:`)));
	});

	it('should name the file, line and field of a data: URL of an article source', () => {
		const file = 'content/articles/04.yaml';
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${lineOf(file, 'url: "data:')}: sources\\[0\\]\\.url: .* uses data:`)));
	});

	it('should name the file, line and field of a tab-split javascript: URL of a note source', () => {
		const file = 'content/notes/roy-scared-struggle.md';
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${lineOf(file, 'url: "java')}: sources\\[1\\]\\.url: .*reads as javascript:`)));
	});

	it('should name the file, line and field of a protocol-relative URL of an event source', () => {
		const file = 'content/events/events.yaml';
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${lineOf(file, 'url: //evil')}: \\[\\d+\\]\\.sources\\[0\\]\\.url: .*protocol-relative`)));
	});

	it('should accept a site-relative path to a page the site builds', () => {
		expect(problems.filter((line) => line.startsWith('content/articles/06.yaml'))).toEqual([]);
	});

	it('should refuse a site-relative path to a page the site does not build', () => {
		const file = 'content/articles/05.yaml';
		expect(problems).toContainEqual(`${file}:${lineOf(file, 'url: /articles/99/')}: sources[0].url: "/articles/99/" is a site-relative path to no page the site builds; give the page's path (/articles/4/, /actors/russia/) or an https:// address`);
	});
});
