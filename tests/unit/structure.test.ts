import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { cssForeignUrls, pageProblems, styleAttributes } from '../support/structure';

const siteOrigin = 'https://site.example';

/** A page that meets the contract; `head` and `body` extras are spliced in. */
function page({ head = '', body = '', h1 = '<h1>Title</h1>', skip = '<a href="#main">Skip</a>' } = {}): string {
	// Extras sit at the start of their own lines, so positions in messages are predictable:
	// head extras on line 2, the skip link and h1 on line 4, body extras on line 5.
	return `<!doctype html><html lang="en"><head><title>T</title><meta name="description" content="D">\n${head}\n</head><body>\n${skip}<main id="main">${h1}\n${body}\n</main></body></html>`;
}

const problemsOf = (html: string) => pageProblems(fromHtml(html), { path: '/p/', siteOrigin });

describe('page contract', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/structure')).sort()).toEqual([
			'attribute',
			'cssForeignUrls',
			'elements',
			'pageProblems',
			'styleAttributes',
		]);
	});

	it('should accept a page that meets the contract', () => {
		expect(
			problemsOf(
				page({
					head: '<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://site.example/p/"><script type="module" src="/search.js"></script>',
					body: '<a href="https://example.org/original">The original</a><img src="data:image/gif;base64,R0lGOD" alt="">',
				}),
			),
		).toEqual([]);
	});

	it.each([
		['no lang', page().replace(' lang="en"', ''), '<html> has no lang attribute'],
		['no title', page().replace('<title>T</title>', ''), 'expected one <title>, found 0'],
		['an SVG title but no document title', page({ body: '<svg><title>Chart</title></svg>' }).replace('<title>T</title>', ''), 'expected one <title>, found 0'],
		['empty title', page().replace('<title>T</title>', '<title> </title>'), '<title> is empty'],
		['no description', page().replace('<meta name="description" content="D">', ''), 'expected one <meta name="description">, found 0'],
		['two h1', page({ h1: '<h1>A</h1><h1>B</h1>' }), 'expected one <h1>, found 2: <h1> at 4:41, <h1> at 4:51'],
		['no h1', page({ h1: '' }), 'expected one <h1>, found 0'],
		['main without id', page().replace('<main id="main">', '<main>'), '<main> must have id="main" (the skip link target)'],
		['no skip link', page({ skip: '<a href="/">Home</a>' }), 'the first link in <body> must be the skip link to #main (or to a target inside <main>, followed by the one to #main), found href="/"'],
		['a skip link to a target outside <main>', page({ skip: '<a href="#nav">Skip</a><a href="#main">Skip to content</a>' }), 'the first link in <body> must be the skip link to #main (or to a target inside <main>, followed by the one to #main), found href="#nav"'],
		['inline script', page({ body: '<script>alert(1)</script>' }), 'inline script <script> at 5:1: put it in a module file'],
		['broken JSON-LD', page({ head: '<script type="application/ld+json">{"a":</script>' }), 'JSON-LD <script> at 2:1 is not valid JSON'],
		['script typed as data but not JSON-LD', page({ head: '<script type="text/plain">x</script>' }), 'inline script <script> at 2:1: put it in a module file'],
		['classic script', page({ head: '<script src="/a.js"></script>' }), '<script> at 2:1 src="/a.js" must be type="module"'],
		['inline style', page({ head: '<style>p{}</style>' }), 'inline stylesheet <style> at 2:1: stylesheets must be files'],
		['event handler', page({ body: '<button onclick="go()">Go</button>' }), 'inline event handler onclick on <button> at 5:1'],
		['unknown handler', page({ body: '<div onpointerrawupdate="x()"></div>' }), 'inline event handler onpointerrawupdate on <div> at 5:1'],
		['javascript: URL', page({ body: '<a href="javascript:go()">Go</a>' }), 'javascript: URL in <a href="javascript:go()"> at 5:1'],
		['duplicate id', page({ body: '<p id="x"></p><p id="x"></p>' }), 'id "x" is used more than once'],
		['foreign stylesheet', page({ head: '<link rel="stylesheet" href="https://fonts.example/x.css">' }), 'loads from another origin (https://fonts.example): <link href="https://fonts.example/x.css"> at 2:1'],
		['foreign image', page({ body: '<img src="//img.example/a.png" alt="">' }), 'loads from another origin (https://img.example): <img src="//img.example/a.png"> at 5:1'],
		['foreign script', page({ head: '<script type="module" src="https://cdn.example/s.js"></script>' }), 'loads from another origin (https://cdn.example): <script src="https://cdn.example/s.js"> at 2:1'],
		['foreign iframe', page({ body: '<iframe src="https://video.example/e" title="v"></iframe>' }), 'loads from another origin (https://video.example): <iframe src="https://video.example/e"> at 5:1'],
	])('should report a page with %s', (_name, html, expected) => {
		expect(problemsOf(html)).toEqual([expected]);
	});

	it('should accept a first skip link to a target inside <main> when the one to #main follows it', () => {
		expect(problemsOf(page({ skip: '<a href="#text">Skip to the text</a><a href="#main">Skip to content</a>', body: '<div id="text">Words</div>' }))).toEqual([]);
	});

	it('should accept JSON-LD that parses: it is data, which a strict CSP does not run', () => {
		expect(problemsOf(page({ head: '<script type="application/ld+json">{"@context":"https://schema.org"}</script>' }))).toEqual([]);
	});

	it('should list style attributes without calling them problems', () => {
		const tree = fromHtml(page({ body: '<p style="color: red">x</p>' }));
		expect(pageProblems(tree, { path: '/p/', siteOrigin })).toEqual([]);
		expect(styleAttributes(tree)).toEqual(['<p> at 5:1 style="color: red"']);
	});

	it('should find foreign URLs in a stylesheet, and only those', () => {
		const css = [
			'@import "https://fonts.example/a.css";',
			'@import url(/local.css);',
			'@font-face { src: url("/_astro/f.woff2") format("woff2"), url(https://cdn.example/f.woff) }',
			'body { background: url(data:image/png;base64,AAAA) }',
		].join('\n');
		expect(cssForeignUrls(css, '/_astro/s.css', siteOrigin)).toEqual([
			'https://fonts.example/a.css (line 1)',
			'https://cdn.example/f.woff (line 3)',
		]);
	});
});
