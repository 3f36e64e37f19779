import { describe, expect, it } from 'vitest';
import { browserSample, isSharePage, sharedSentence } from '../support/sample';

const page = (path: string) => ({ path, file: `${path.slice(1)}index.html` });
const others = ['/', '/actors/china/', '/articles/4/', '/commentaries/a/', '/commentaries/a/sentences/'].map(page);
const shares = Array.from({ length: 40 }, (_, i) => page(`/c/c-${String(i).padStart(10, '0')}/`));
const sentence = (i: number) => (i === 17 ? 'x'.repeat(300) : i === 23 ? 'Short.' : `Sentence number ${i} of the text.`);
const html = (p: { path: string }) => `<blockquote cite="x"><p>${sentence(shares.findIndex((s) => s.path === p.path))}</p></blockquote>`;

describe('browserSample', () => {
	it('should keep every page that is not a share page', () => {
		const sample = browserSample([...others, ...shares], html);
		for (const other of others) expect(sample).toContain(other);
	});

	it('should take the longest and shortest sentence and an even spread of share pages', () => {
		const sample = browserSample([...others, ...shares], html, 4).filter(isSharePage);
		expect(sample.map((p) => p.path)).toEqual(
			[0, 10, 17, 20, 23, 30].map((i) => `/c/c-${String(i).padStart(10, '0')}/`),
		);
	});

	it('should be the same on every run', () => {
		expect(browserSample([...others, ...shares], html)).toEqual(browserSample([...others, ...shares], html));
	});

	it('should take all share pages when there are fewer than the spread', () => {
		expect(browserSample([...others, ...shares.slice(0, 3)], html, 8).filter(isSharePage)).toHaveLength(3);
	});
});

describe('sharedSentence', () => {
	it('should read the blockquote text without markup', () => {
		expect(sharedSentence('<p>x</p><blockquote cite="u">\n<p>The <b>treaty</b> is short.</p></blockquote>')).toBe('The treaty is short.');
		expect(sharedSentence('<p>none</p>')).toBe('');
	});
});
