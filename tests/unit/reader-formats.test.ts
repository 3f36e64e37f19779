/**
 * What the reading page's script reads from the build: the citations file its
 * claim panel fetches, the links on the page's `<article>`, and the `?mark=`
 * words it marks in the sentence a search result lands on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCitationsFile, encodeCitationsFile, isPanelStyle, PANEL_FORMATS, PANEL_STYLES } from '../../src/features/sharing/citations-file.ts';
import { readingLinkAttributes, readReadingLinks } from '../../src/features/reader/reading-links.ts';
import { searchMarkPattern, splitMarks } from '../../src/features/reader/search-marks.ts';
import { CITATION_STYLES, claimCitations, type CitableWork, type ClaimCitations } from '../../src/features/sharing/cite.ts';

const citations: ClaimCitations = {
	url: 'https://example.org/commentaries/a/#c-0123456789',
	apa: 'Writer, A. (2024). “A piece.”',
	chicago: 'Writer, A. 2024. “A piece.”',
	mla: 'Writer, A. “A piece.” 2024.',
	bibtex: '@online{writer2024,\n}',
	ris: 'TY  - ELEC\nER  - ',
	csl: '[{"id":"c-0123456789"}]',
};

describe('the citations file', () => {
	it('should read back every sentence’s citations, in order', () => {
		const file = new Map([
			['c-0123456789', citations],
			['c-abcdefabcd', { ...citations, apa: 'Other' }],
		]);
		const read = decodeCitationsFile(encodeCitationsFile(file));
		expect([...read.keys()]).toEqual(['c-0123456789', 'c-abcdefabcd']);
		expect(read).toEqual(file);
	});

	it('should leave out entries that are not citations, and refuse what is not a file of them', () => {
		const file = JSON.parse(encodeCitationsFile(new Map([['c-0123456789', citations]]))) as { sentences: Record<string, unknown> };
		const [middles] = Object.values(file.sentences);
		file.sentences = { 'c-1': middles, 'c-2': ['a', 'b', 'c', 'd', 'e', 3, 'g'], 'c-3': 'text', 'c-4': ['too', 'short'] };
		expect([...decodeCitationsFile(JSON.stringify(file)).keys()]).toEqual(['c-1']);
		expect(() => decodeCitationsFile('[]')).toThrow(/not an object/);
		expect(() => decodeCitationsFile(JSON.stringify({ 'c-1': citations }))).toThrow(/no shared text/);
		expect(() => decodeCitationsFile('<html>')).toThrow();
	});

	it('should read back exactly what a commentary’s real citations were, in a third of their bytes or less', () => {
		const ledger = JSON.parse(readFileSync(new URL('../../content/claims-ledger.json', import.meta.url), 'utf8')) as { claims: Record<string, { status: string; text?: string; commentary?: string }> };
		const [slug] = Object.values(ledger.claims).map((claim) => claim.commentary);
		const sentences = Object.entries(ledger.claims).filter(([, claim]) => claim.status === 'live' && claim.commentary === slug);
		expect(sentences.length).toBeGreaterThan(10);
		const work: CitableWork = { slug: slug!, title: 'Russia and DPRK rustle up an alliance', titleSupplied: false, authors: [{ name: 'M. K. Bhadrakumar', affiliation: 'Retired diplomat', role: 'author' }], outlet: 'Indian Punchline', published: { date: '2024-06', circa: true }, kind: 'op-ed', citationType: 'post-weblog', originalUrl: null };
		const file = new Map(sentences.map(([id, claim]) => [id, claimCitations({ id, text: claim.text!, url: `https://treaty-reader.example/commentaries/${slug}/#${id}`, commentary: work }, '2026-12-07')]));
		const text = encodeCitationsFile(file);
		expect(decodeCitationsFile(text)).toEqual(file);
		expect(text.length).toBeLessThanOrEqual(JSON.stringify(Object.fromEntries(file)).length / 3);
		// Formatting every sentence's citations through citation-js takes seconds, and more beside a build.
	}, 120_000);

	it('should read back exactly when an id’s digits occur in the words, a citation holds control characters, or there is one sentence or none', () => {
		const odd = new Map([
			['c-0123456789', { ...citations, apa: 'Figures 0123456789 and \u0001\u0002 “quoted”', ris: 'TY  - ELEC\nID  - c-0123456789\nER  - ' }],
			['c-abcdefabcd', { ...citations, url: 'https://example.org/commentaries/a/#c-abcdefabcd', apa: 'abcdefabcd\u0003', csl: '[{"id":"c-abcdefabcd"}]' }],
			['x', { ...citations, apa: '' }],
		]);
		expect(decodeCitationsFile(encodeCitationsFile(odd))).toEqual(odd);
		const one = new Map([['c-0123456789', citations]]);
		expect(decodeCitationsFile(encodeCitationsFile(one))).toEqual(one);
		expect(decodeCitationsFile(encodeCitationsFile(new Map()))).toEqual(new Map());
	});

	it('should offer the styles the build formats, and show every raw format', () => {
		expect(PANEL_STYLES).toEqual(Object.keys(CITATION_STYLES));
		for (const style of PANEL_STYLES) expect(isPanelStyle(style)).toBe(true);
		expect(isPanelStyle('bibtex')).toBe(false);
		expect(isPanelStyle('')).toBe(false);
		expect([...PANEL_STYLES, ...PANEL_FORMATS, 'url'].sort()).toEqual(Object.keys(citations).sort());
	});
});

describe('the reading page’s links', () => {
	it('should read back the links it writes as data attributes', () => {
		const links = { citations: '/data/citations/a.json', related: '/data/related/a.json', permalink: 'https://example.org/commentaries/a/' };
		const attributes = readingLinkAttributes(links);
		expect(attributes).toEqual({ 'data-citations': links.citations, 'data-related': links.related, 'data-permalink': links.permalink });
		// `dataset` names: `data-citations` → `citations`.
		const dataset = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name.replace(/^data-/, ''), value]));
		expect(readReadingLinks(dataset)).toEqual(links);
		expect(readReadingLinks({})).toEqual({ citations: '', related: '', permalink: '' });
	});
});

describe('marking a search’s words in a sentence', () => {
	it('should mark whole words in any case, the longest first, with pattern characters taken literally', () => {
		const pattern = searchMarkPattern(['Kim', 'Kim Jong Un', 'U.S.', '(a)'])!;
		const marked = (text: string) =>
			(splitMarks(text, pattern) ?? [])
				.filter((part) => part.marked)
				.map((part) => part.text);
		expect(marked('kim jong un met Kim; Kimchi is not a match')).toEqual(['kim jong un', 'Kim']);
		expect(marked('The U.S. and USxS, clause (a)')).toEqual(['U.S.', '(a)']);
		expect(splitMarks('nothing here', pattern)).toBeUndefined();
		expect(searchMarkPattern([])).toBeUndefined();
	});

	it('should split a text into pieces that join back to it', () => {
		const parts = splitMarks('Russia and russia.', searchMarkPattern(['Russia'])!)!;
		expect(parts).toEqual([
			{ text: '', marked: false },
			{ text: 'Russia', marked: true },
			{ text: ' and ', marked: false },
			{ text: 'russia', marked: true },
			{ text: '.', marked: false },
		]);
		expect(parts.map((part) => part.text).join('')).toBe('Russia and russia.');
	});
});
