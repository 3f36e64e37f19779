/**
 * Search's pure parts: the records built from claims (filters from the
 * mentions, never from HTML), the vocabulary from the registries, and how a
 * query is read (article references, every actor form from the registry).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/loaders/registry.ts';
import { claimRecords, searchVocabulary } from '../../src/features/search/records.ts';
import { markAsPage, PAGE_FILTER } from '../../src/features/search/pagefind.ts';
import { foldName, readQuery } from '../../src/features/search/query.ts';
import { commentaryCount, moreSummary, resultSummary } from '../../src/features/search/summary.ts';
import { CONTENT_SECURITY_POLICY, headersFile } from '../../src/utils/csp.ts';
import type { Claim } from '../../src/schemas/corpus.ts';

const registry = loadRegistry(join(import.meta.dirname, '..', '..'));
const vocabulary = searchVocabulary({
	articles: registry.articles,
	actors: registry.actors,
	commentaries: [{ slug: 'a-piece', data: { title: 'A piece', authors: [{ name: 'A. Writer', affiliation: 'Somewhere', role: 'author' }], published: { date: '2024-07-11', circa: false } } }],
});

describe('claimRecords', () => {
	const claims: Claim[] = [
		{
			id: 'c-0123456789',
			text: 'Moscow signed a mutual defence pact under Article 4.',
			block: 'p',
			blockIndex: 0,
			index: 0,
			mentions: [
				{ kind: 'actor', ref: 'russia', text: 'Moscow', start: 0, end: 6, form: 'metonym' },
				{ kind: 'article', ref: '4', text: 'mutual defence pact', start: 16, end: 35, implicit: true },
				{ kind: 'article', ref: '4', text: 'Article 4', start: 42, end: 51 },
			],
		},
		{ id: 'c-abcdefabcd', text: 'No mentions here.', block: 'p', blockIndex: 1, index: 1, mentions: [] },
	];
	const records = claimRecords([
		{
			slug: 'a-piece',
			data: {
				title: 'A piece',
				authors: [{ name: 'A. Writer', affiliation: 'Somewhere', role: 'author' }],
				outlet: 'An Outlet',
				kind: 'analysis',
				published: { date: '2024-07-11', circa: false },
			},
			claims,
		},
	]);

	it('should make one record per claim linking to its permalink', () => {
		expect(records.map((record) => record.url)).toEqual(['/commentaries/a-piece/#c-0123456789', '/commentaries/a-piece/#c-abcdefabcd']);
		expect(records[0]!.content).toBe(claims[0]!.text);
		expect(records[0]!.language).toBe('en');
	});

	it('should take the filters from the mentions, each ref once, and the commentary', () => {
		expect(records[0]!.filters).toEqual({
			commentary: ['a-piece'],
			author: ['A. Writer'],
			outlet: ['An Outlet'],
			kind: ['analysis'],
			year: ['2024'],
			article: ['4'],
			actor: ['russia'],
		});
		expect(records[1]!.filters.article).toEqual([]);
	});

	it('should carry where the mentions stand and keep reading order', () => {
		expect(records[0]!.meta.hits).toBe('actor:russia 0 6|article:4 16 35|article:4 42 51');
		expect(records[0]!.meta).toEqual({ slug: 'a-piece', claim: 'c-0123456789', hits: records[0]!.meta.hits });
		expect(vocabulary.commentaries).toEqual([{ slug: 'a-piece', title: 'A piece', author: 'A. Writer', date: '11 July 2024' }]);
		// Reading order is the index order a search without words lists: no sort index is needed.
		expect(records.map((record) => record.meta.claim)).toEqual(['c-0123456789', 'c-abcdefabcd']);
	});
});

describe('readQuery', () => {
	it.for(['Article 4', 'article 4', 'Art. 4', 'Art.4', 'art 4', 'ARTICLE 4', 'about Article 4'])('should read %s as Article 4 and nothing else', (query) => {
		expect(readQuery(query, vocabulary)).toEqual({ text: '', articles: [4], actors: [] });
	});

	it('should read every article 1–23 and leave numbers the treaty does not have as words', () => {
		for (let number = 1; number <= 23; number++) expect(readQuery(`Art. ${number}`, vocabulary).articles).toEqual([number]);
		expect(readQuery('Article 51 of the UN Charter', vocabulary)).toMatchObject({ articles: [], actors: ['un-charter'] });
	});

	it('should keep the other words for the full text', () => {
		expect(readQuery('Article 4 sanctions', vocabulary)).toEqual({ text: 'sanctions', articles: [4], actors: [] });
		expect(readQuery('labour migration', vocabulary)).toEqual({ text: 'labour migration', articles: [], actors: [] });
	});

	const formsOf = (actor: (typeof registry.actors)[number]) => actor.forms.map((item) => (typeof item === 'string' ? item : item.text));
	const owners = new Map<string, string[]>();
	for (const actor of registry.actors) for (const form of formsOf(actor)) owners.set(form, [...(owners.get(form) ?? []), actor.id]);

	it('should read every registered form of one actor as that actor', () => {
		for (const actor of registry.actors) {
			for (const form of formsOf(actor).filter((item) => owners.get(item)?.length === 1)) {
				expect(readQuery(form, vocabulary).actors, `${form} → ${actor.id}`).toEqual([actor.id]);
			}
		}
	});

	it('should leave a short form several actors share (a bare “Kim”) as a word', () => {
		expect(owners.get('Kim')?.length).toBeGreaterThan(1);
		expect(readQuery('Kim', vocabulary)).toEqual({ text: 'Kim', articles: [], actors: [] });
	});

	it('should read names as readers type them', () => {
		expect(readQuery('Kim Jong Un', vocabulary).actors).toEqual(['kim-jong-un']);
		expect(readQuery('kim jong-un', vocabulary).actors).toEqual(['kim-jong-un']);
		expect(readQuery('the Kremlin', vocabulary)).toEqual({ text: '', articles: [], actors: ['russia'] });
		expect(readQuery('Jack Sullivan', vocabulary).actors).toEqual(['jake-sullivan']);
		expect(readQuery('DPRK', vocabulary).actors).toEqual(['north-korea']);
	});

	it('should not read a two-letter acronym into a lower-case word', () => {
		expect(readQuery('what they told us', vocabulary).actors).toEqual([]);
		expect(readQuery('US sanctions', vocabulary)).toEqual({ text: 'sanctions', articles: [], actors: ['united-states'] });
	});

	it('should fold case, hyphens and possessives', () => {
		expect(foldName('Kim Jong-Un’s')).toBe('kim jong un');
	});
});

describe('the Content-Security-Policy', () => {
	it('should be strict and without unsafe-inline', () => {
		expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
		expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
		expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
		expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
	});

	it('should apply to every path under the base in _headers', () => {
		expect(headersFile('/reader/')).toBe(`/reader/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
	});
});

describe('markAsPage', () => {
	it('marks a built page’s body with the page filter, leaving the rest as built', () => {
		const html = '<!DOCTYPE html><html lang="en"><head><title>Russia</title></head><body class="page"><h1>Russia</h1></body></html>';
		expect(markAsPage(html, 'actors/russia/index.html')).toBe(
			`<!DOCTYPE html><html lang="en"><head><title>Russia</title></head><body data-pagefind-filter="${PAGE_FILTER}" class="page"><h1>Russia</h1></body></html>`,
		);
		expect(markAsPage('<html><body><p>x</p></body></html>', 'x.html')).toBe('<html><body data-pagefind-filter="type:page"><p>x</p></body></html>');
	});

	it('names the file that has no body', () => {
		expect(() => markAsPage('<html><bodyguard></bodyguard></html>', 'timeline/index.html')).toThrow(/timeline\/index\.html has no <body>/);
	});
});

describe('the search status line', () => {
	it('should count sentences, commentaries and pages, and say when only some are shown', () => {
		expect(resultSummary({ sentences: 0, shown: 0, commentaries: undefined, pages: 0 })).toBe('No results.');
		expect(resultSummary({ sentences: 0, shown: 0, commentaries: 0, pages: 1 })).toBe('0 sentences, 1 page.');
		expect(resultSummary({ sentences: 1, shown: 1, commentaries: 1, pages: 0 })).toBe('1 sentence in 1 commentary, 0 pages.');
		expect(resultSummary({ sentences: 25, shown: 10, commentaries: undefined, pages: 2 })).toBe('25 sentences (first 10 shown), 2 pages.');
		expect(moreSummary(20, 25)).toBe('Showing 20 of 25 sentences.');
	});

	it('should count commentaries from the filter counts, else from the sentences when all are fetched', () => {
		expect(commentaryCount({ a: 3, b: 0, c: 1 }, ['a'], 4)).toBe(2);
		expect(commentaryCount({}, ['a', 'b', 'a'], 3)).toBe(2);
		expect(commentaryCount(undefined, ['a', 'b'], 12)).toBeUndefined();
	});
});
