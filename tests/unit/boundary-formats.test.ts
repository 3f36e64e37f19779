/**
 * The strings that cross from the build to the browser, each written and read
 * by one module: a search record's `hits`, the `?mark=` words a result hands
 * to the reading page, a fragment's element id, the search page's address,
 * the search vocabulary file and the filter names on the form's selects.
 * Each is checked both ways: what the writer produces, the reader gets back.
 */
import { describe, expect, it } from 'vitest';
import { decodeHits, encodeHits, type MentionHit } from '../../src/features/search/hits.ts';
import { decodeSearchMarks, encodeSearchMarks } from '../../src/utils/search-marks.ts';
import { decodeFragmentId, encodeFragmentId } from '../../src/utils/fragment-id.ts';
import { decodeSearchState, encodeSearchState, planSearch, type SearchState } from '../../src/features/search/search-state.ts';
import { decodeSearchCommentaries, decodeSearchVocabulary, encodeSearchCommentaries, encodeSearchVocabulary } from '../../src/features/search/vocabulary-file.ts';
import { FORM_FILTERS, isSearchFilter, SEARCH_FILTER_LABELS } from '../../src/features/search/filters.ts';
import { SEARCH_FILTERS, type SearchVocabulary } from '../../src/features/search/records.ts';
import { routes } from '../../src/utils/routes.ts';

describe('search hits', () => {
	const hits: MentionHit[] = [
		{ kind: 'actor', ref: 'russia', start: 0, end: 6 },
		{ kind: 'article', ref: '4', start: 16, end: 35 },
		{ kind: 'actor', ref: 'kim-jong-un', start: 40, end: 40 },
	];

	it('should write the record format and read it back', () => {
		expect(encodeHits(hits)).toBe('actor:russia 0 6|article:4 16 35|actor:kim-jong-un 40 40');
		expect(decodeHits(encodeHits(hits))).toEqual(hits);
		expect(encodeHits([])).toBe('');
		expect(decodeHits('')).toEqual([]);
	});

	it('should refuse what it could not read back', () => {
		expect(() => encodeHits([{ kind: 'actor', ref: 'two words', start: 0, end: 1 }])).toThrow(/cannot encode/);
		expect(() => encodeHits([{ kind: 'actor', ref: 'a|b', start: 0, end: 1 }])).toThrow(/cannot encode/);
		expect(() => encodeHits([{ kind: 'article', ref: '4', start: 5, end: 2 }])).toThrow(/bad offsets/);
		expect(() => encodeHits([{ kind: 'article', ref: '4', start: 0.5, end: 2 }])).toThrow(/bad offsets/);
	});

	it('should skip parts that are not hits and keep the rest', () => {
		expect(decodeHits('date:2024 0 4|actor:russia 0 6|article:4 x 9|article:4 3|nonsense||article:5 1 2 3')).toEqual([
			{ kind: 'actor', ref: 'russia', start: 0, end: 6 },
		]);
	});
});

describe('?mark= words', () => {
	it('should carry words with spaces, ampersands and non-Latin letters through an address', () => {
		const words = ['sanctions', 'Kim Jong Un', 'R&D', 'Путин', '50%'];
		const address = routes.claim('a-piece', 'c-0123456789', words);
		const url = new URL(address, 'https://example.org');
		expect(decodeSearchMarks(url.search)).toEqual(words);
		expect(decodeFragmentId(url.hash)).toBe('c-0123456789');
	});

	it('should leave out blanks and write nothing for no words', () => {
		expect(encodeSearchMarks([])).toBe('');
		expect(encodeSearchMarks([' ', ''])).toBe('');
		expect(encodeSearchMarks([' Kim '])).toBe('?mark=Kim');
		expect(decodeSearchMarks('?mark=&mark=%20&mark=Kim&other=x')).toEqual(['Kim']);
		expect(routes.claim('a', 'c-1')).toBe('/commentaries/a/#c-1');
	});
});

describe('fragment ids', () => {
	it('should read back what it writes, with or without the #', () => {
		for (const id of ['c-0123456789', 'd-2023-09_open', 'a b', 'é#?']) {
			expect(decodeFragmentId(encodeFragmentId(id))).toBe(id);
			expect(decodeFragmentId(encodeFragmentId(id).slice(1))).toBe(id);
		}
		expect(decodeFragmentId('')).toBe('');
	});

	it('should take a fragment that is not percent-encoding as it is', () => {
		expect(decodeFragmentId('#c-%E0%A4%A')).toBe('c-%E0%A4%A');
	});
});

describe('the search address', () => {
	it('should read back the search it writes, trimmed, filters in the form’s order', () => {
		const state: SearchState = { q: '  Art. 4 & sanctions ', filters: { year: '2024', actor: 'russia', commentary: 'a-piece' } };
		const address = encodeSearchState(state);
		expect(address).toBe('/search/?q=Art.+4+%26+sanctions&actor=russia&commentary=a-piece&year=2024');
		expect(decodeSearchState(new URL(address, 'https://example.org').search)).toEqual({
			q: 'Art. 4 & sanctions',
			filters: { actor: 'russia', commentary: 'a-piece', year: '2024' },
		});
	});

	it('should read what the form submits without JavaScript, ignoring empty and unknown parameters', () => {
		expect(decodeSearchState('?q=Kim&article=&actor=&commentary=&author=&outlet=&kind=analysis&year=&page=2')).toEqual({
			q: 'Kim',
			filters: { kind: 'analysis' },
		});
		expect(decodeSearchState('')).toEqual({ q: '', filters: {} });
		expect(encodeSearchState({ q: ' ', filters: {} })).toBe('/search/');
	});

	it('should plan filters from what the query names and the words that are left', () => {
		const plan = planSearch({ q: 'Art. 4 Kremlin aid', filters: { article: '2' } }, { text: 'aid', articles: [4], actors: ['russia'] });
		expect(plan).toEqual({ term: 'aid', filters: { article: ['2', '4'], actor: ['russia'] }, searchPages: false });
		expect(planSearch({ q: ' treaty ', filters: {} }, { text: 'treaty', articles: [], actors: [] })).toEqual({
			term: 'treaty',
			filters: {},
			searchPages: true,
		});
		expect(planSearch({ q: 'Art. 4', filters: {} }, { text: '', articles: [4], actors: [] })).toEqual({
			term: null,
			filters: { article: ['4'] },
			searchPages: false,
		});
		expect(planSearch({ q: '', filters: {} }, { text: '', articles: [], actors: [] }).term).toBeNull();
	});
});

describe('the search vocabulary files', () => {
	const vocabulary: SearchVocabulary = {
		articles: [
			{ number: 1, title: 'Peace', phrases: [] },
			{ number: 2, title: undefined, phrases: ['the mutual defence clause'] },
		],
		actors: [{ id: 'russia', name: 'Russia', forms: ['Russia', 'Moscow'] }],
		commentaries: [{ slug: 'a-piece', title: 'A piece', author: 'A. Writer', date: '11 July 2024' }],
		spellings: [['defense', 'defence']],
	};

	it('should read back the vocabulary it writes, the commentaries’ labels apart (loaded with the filters)', () => {
		expect(decodeSearchVocabulary(encodeSearchVocabulary(vocabulary))).toEqual({ ...vocabulary, commentaries: [] });
		expect(encodeSearchVocabulary(vocabulary)).not.toContain('a-piece');
		expect(decodeSearchCommentaries(encodeSearchCommentaries(vocabulary))).toEqual(vocabulary.commentaries);
	});

	it('should refuse a file that is not a vocabulary, saying where', () => {
		expect(() => decodeSearchVocabulary('[]')).toThrow(/not an object/);
		expect(() => decodeSearchVocabulary('{"articles":[],"actors":{},"spellings":[]}')).toThrow(/actors is not a list/);
		expect(() => decodeSearchVocabulary('{"articles":[{"number":"1"}],"actors":[],"spellings":[]}')).toThrow(/articles\[0\] is malformed/);
		expect(() => decodeSearchVocabulary('{"articles":[],"actors":[],"spellings":[["defense"]]}')).toThrow(/spellings\[0\] is malformed/);
		expect(() => decodeSearchCommentaries('[{"slug":1}]')).toThrow(/commentaries\[0\] is malformed/);
		expect(() => decodeSearchVocabulary('not json')).toThrow();
	});
});

describe('filter names on the form', () => {
	it('should list every filter once, in the labels’ order, and recognise only those', () => {
		expect([...FORM_FILTERS].sort()).toEqual([...SEARCH_FILTERS].sort());
		expect(Object.keys(SEARCH_FILTER_LABELS)).toEqual(FORM_FILTERS);
		for (const filter of FORM_FILTERS) expect(isSearchFilter(filter)).toBe(true);
		expect(isSearchFilter('type')).toBe(false);
		expect(isSearchFilter(undefined)).toBe(false);
	});
});
