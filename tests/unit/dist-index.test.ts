import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import {
	buildDistIndex,
	checkLinks,
	fileForPath,
	formatLinkProblem,
	indexPage,
	pathForFile,
	resolveLink,
	type DistIndex,
} from '../support/dist-index';
import { listFiles, listPages, loadDistIndex } from '../support/dist';

const fixture = fileURLToPath(new URL('../fixtures/dist-check/', import.meta.url));
const siteOrigin = 'https://site.example';

/** A site of inline pages: `{ 'index.html': '<p id=a>' }`. */
function site(pages: Record<string, string>, otherFiles: string[] = []): DistIndex {
	return buildDistIndex(
		Object.entries(pages).map(([file, html]) => ({ file, tree: fromHtml(html) })),
		otherFiles,
	);
}

describe('dist-index', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/dist-index')).sort()).toEqual([
			'buildDistIndex',
			'checkLinks',
			'fileForPath',
			'formatLinkProblem',
			'indexPage',
			'pathForFile',
			'resolveLink',
		]);
	});

	it.each([
		['index.html', '/'],
		['about/index.html', '/about/'],
		['actors/china/index.html', '/actors/china/'],
		['404.html', '/404.html'],
		['/feed.xml', '/feed.xml'],
	])('should serve %s at %s', (file, path) => {
		expect(pathForFile(file)).toBe(path);
	});

	it.each([
		['#x', '/a/', { kind: 'internal', path: '/a/', fragment: 'x' }],
		['#', '/a/', { kind: 'internal', path: '/a/', fragment: '' }],
		['../b/', '/a/c/', { kind: 'internal', path: '/a/b/', fragment: undefined }],
		['/b/#caf%C3%A9', '/', { kind: 'internal', path: '/b/', fragment: 'café' }],
		['/a%20b/', '/', { kind: 'internal', path: '/a b/', fragment: undefined }],
		['https://site.example/b/', '/', { kind: 'internal', path: '/b/', fragment: undefined }],
		['https://example.org/x', '/', { kind: 'external', origin: 'https://example.org' }],
		['//cdn.example.net/x.js', '/', { kind: 'external', origin: 'https://cdn.example.net' }],
		['http://site.example/', '/', { kind: 'external', origin: 'http://site.example' }],
		['mailto:a@b.c', '/', { kind: 'other', scheme: 'mailto:' }],
		['javascript:void(0)', '/', { kind: 'other', scheme: 'javascript:' }],
	] as const)('should resolve %s on %s', (href, from, expected) => {
		expect(resolveLink(href, from, siteOrigin)).toEqual(expected);
	});

	it('should find the file behind a path, and refuse a directory without its slash', () => {
		const index = site({ 'index.html': '', 'about/index.html': '' }, ['favicon.svg']);
		expect(fileForPath(index, '/')).toEqual({ file: 'index.html' });
		expect(fileForPath(index, '/about/')).toEqual({ file: 'about/index.html' });
		expect(fileForPath(index, '/favicon.svg')).toEqual({ file: 'favicon.svg' });
		expect(fileForPath(index, '/about').hint).toMatch(/did you mean \/about\//);
		expect(fileForPath(index, '/about', false)).toEqual({ file: 'about/index.html' });
		expect(fileForPath(index, '/nope/')).toEqual({});
	});

	it('should index ids, repeated ids and every kind of URL attribute', () => {
		const page = indexPage(
			'x/index.html',
			fromHtml(
				[
					'<head><link rel="stylesheet" href="/s.css"><meta property="og:image" content="/og.png">',
					'<meta name="description" content="/not-a-url"></head>',
					'<body><p id="a">1</p><p id="b">2</p><p id="a">3</p><a name="old"></a>',
					'<a href="/y/">y</a><img src="/i.png" srcset="/i.png 1x, /i2.png 2x" alt="">',
					'<script type="module" src="/s.js"></script><form action="/search/"></form>',
					'<blockquote cite="https://example.org/"></blockquote><template><a id="t" href="/t/">t</a></template></body>',
				].join('\n'),
			),
		);
		expect(page.path).toBe('/x/');
		expect(page.ids).toEqual(['a', 'b', 'old', 't']);
		expect(page.duplicateIds).toEqual(['a']);
		expect(page.links.map((l) => [l.element, l.attribute, l.value, l.navigational])).toEqual([
			['link', 'href', '/s.css', false],
			['meta', 'content', '/og.png', false],
			['a', 'href', '/y/', true],
			['img', 'src', '/i.png', false],
			['img', 'srcset', '/i.png', false],
			['img', 'srcset', '/i2.png', false],
			['script', 'src', '/s.js', false],
			['form', 'action', '/search/', false],
			['blockquote', 'cite', 'https://example.org/', true],
			['a', 'href', '/t/', true],
		]);
		expect(page.links[2]?.line).toBe(4);
	});

	it('should pass a site whose links all land', () => {
		const index = site({
			'index.html': '<a href="/a/#x">a</a><a href="#top" id="top">top</a><a href="https://example.org/#nope">out</a>',
			'a/index.html': '<h2 id="x">x</h2><a href="../">home</a><img src="/i.png" alt="">',
		}, ['i.png']);
		expect(checkLinks(index, { siteOrigin })).toEqual([]);
	});

	it('should catch a broken page link and a broken fragment link in the fixture site', () => {
		const problems = checkLinks(loadDistIndex(fixture), { siteOrigin });
		expect(problems.map((p) => [p.kind, p.page, p.link.value])).toEqual([
			['broken page link', '/', 'https://site.example/missing.png'],
			['broken page link', '/', '/missing/'],
			['broken fragment link', '/', '/about/#tema'],
			['broken fragment link', '/', '#gone'],
			['broken page link', '/', '/about'],
			['broken page link', '/', '/pic-2x.png'],
		]);
	});

	it('should name the ids that do exist, likeliest first, in a broken fragment report', () => {
		const [problem] = checkLinks(loadDistIndex(fixture), { siteOrigin }).filter((p) => p.link.value === '/about/#tema');
		expect(problem?.detail).toBe('no id "tema" on /about/; ids there include: team, main, dup, legacy, history');
		expect(formatLinkProblem(problem!)).toBe(
			'broken fragment link on / (index.html:16:4): <a href="/about/#tema">: no id "tema" on /about/; ids there include: team, main, dup, legacy, history',
		);
	});

	it('should say when a page has no ids at all, and flag a bare "#"', () => {
		const index = site({ 'index.html': '<a href="/a/#x">a</a><a href="#">nowhere</a>', 'a/index.html': '<p>no ids</p>' });
		expect(checkLinks(index, { siteOrigin }).map((p) => p.detail)).toEqual([
			'no id "x" on /a/; it has no ids at all',
			'empty fragment "#" on a link to /: it goes nowhere',
		]);
	});

	it('should limit the ids it suggests', () => {
		const index = site({ 'index.html': '<a href="#zz">z</a><i id="a"></i><i id="b"></i><i id="c"></i>' });
		expect(checkLinks(index, { siteOrigin, maxSuggestions: 2 })[0]?.detail).toBe(
			'no id "zz" on /; ids there include: a, b',
		);
	});

	it('should list the fixture files and pages', () => {
		expect(listFiles(fixture)).toEqual(['about/index.html', 'index.html', 'pic.png', 'style.css']);
		expect(listPages(fixture)).toEqual([
			{ file: 'index.html', path: '/' },
			{ file: 'about/index.html', path: '/about/' },
		]);
	});
});
