import { describe, expect, it } from 'vitest';
import { browserSample, isSharePage, markupFeatures, sharedSentence, templateOf } from '../support/sample';

const page = (path: string) => ({ path, file: `${path.slice(1)}index.html` });
const singles = ['/', '/actors/', '/timeline/'].map(page);
const shares = Array.from({ length: 40 }, (_, i) => page(`/c/c-${String(i).padStart(10, '0')}/`));
const actors = Array.from({ length: 30 }, (_, i) => page(`/actors/a${String(i).padStart(2, '0')}/`));
const sentence = (i: number) => (i === 17 ? 'x'.repeat(300) : i === 23 ? 'Short.' : `Sentence number ${i} of the text.`);
/** Actor pages: a20 is the longest, a05 the shortest, a11 alone has a note, a12 alone a range. */
const actorHtml = (i: number) =>
	`<main><h1>Actor</h1><ol>${'<li class="passage">x</li>'.repeat(i === 20 ? 9 : i === 5 ? 1 : 3)}</ol>` +
	(i === 11 ? '<aside class="editor-note" role="note">n</aside>' : '') +
	(i === 12 ? '<span data-range>r</span>' : '') +
	'</main>';
const html = (p: { path: string }) => {
	const share = shares.findIndex((s) => s.path === p.path);
	if (share >= 0) return `<blockquote cite="x"><p>${sentence(share)}</p></blockquote>`;
	const actor = actors.findIndex((s) => s.path === p.path);
	if (actor >= 0) return actorHtml(actor);
	return '<main></main>';
};
const all = [...singles, ...shares, ...actors];

describe('templateOf', () => {
	it('should put a wildcard in the second segment only', () => {
		expect(templateOf('/actors/china/')).toBe('/actors/[slug]/');
		expect(templateOf('/commentaries/lankov/sentences/')).toBe('/commentaries/[slug]/sentences/');
		expect(templateOf('/c/c-0123456789/')).toBe('/c/[slug]/');
		expect(templateOf('/actors/')).toBe('/actors/');
		expect(templateOf('/')).toBe('/');
		expect(templateOf('/404.html')).toBe('/404.html');
	});
});

describe('markupFeatures', () => {
	it('should list elements, classes, attributes and roles, not ids, text or values', () => {
		expect([...markupFeatures('<p id="x" class="a  b">Text <a href="/y" data-implicit>y</a></p><aside role="note"></aside>')].sort()).toEqual(
			['a', 'a[data-implicit]', 'a[href]', 'aside', '[role=note]', 'p', 'p.a', 'p.b', 'p[id]'].sort(),
		);
	});
});

describe('browserSample', () => {
	it('should keep every page of a template with one or two pages', () => {
		const sample = browserSample(all, html);
		for (const single of singles) expect(sample).toContain(single);
	});

	it('should take the longest and the shortest sentence of the share pages', () => {
		const sample = browserSample(all, html).filter(isSharePage);
		// All share pages have the same markup: the extremes cover it.
		expect(sample.map((p) => p.path)).toEqual([17, 23].map((i) => `/c/c-${String(i).padStart(10, '0')}/`));
	});

	it('should take the largest and the smallest page of a template, and every page with a feature no other has', () => {
		const sample = browserSample(all, html).filter((p) => p.path.startsWith('/actors/a'));
		expect(sample.map((p) => p.path)).toEqual(['/actors/a05/', '/actors/a11/', '/actors/a12/', '/actors/a20/']);
	});

	it('should be the same on every run and in any input order', () => {
		expect(browserSample([...all].reverse(), html)).toEqual(browserSample(all, html));
	});
});

describe('sharedSentence', () => {
	it('should read the blockquote text without markup', () => {
		expect(sharedSentence('<p>x</p><blockquote cite="u">\n<p>The <b>treaty</b> is short.</p></blockquote>')).toBe('The treaty is short.');
		expect(sharedSentence('<p>none</p>')).toBe('');
	});
});
