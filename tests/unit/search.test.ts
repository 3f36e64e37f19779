/**
 * Search's pure parts: the records built from claims (filters from the
 * mentions, never from HTML), the vocabulary from the registries, and how a
 * query is read (article references, every actor form from the registry).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/loaders/registry.ts';
import { commentaryRecords, reattributedArticles, searchVocabulary } from '../../src/features/search/records.ts';
import { decodeClaimIndex, encodeClaimIndex } from '../../src/features/search/hits.ts';
import { editDistance, suggestQuery, vocabularyWords } from '../../src/features/search/suggest.ts';
import { markAsPage, PAGE_FILTER } from '../../src/features/search/pagefind.ts';
import { articleNumber, foldName, readQuery, spellingVariants } from '../../src/features/search/query.ts';
import { resultSummary } from '../../src/features/search/summary.ts';
import { holdsEveryWord, shownClaims, wordRanges } from '../../src/features/search/client/claims.ts';
import { buildContext } from '../../src/build/context.ts';
import { CONTENT_SECURITY_POLICY, headersFile } from '../../src/utils/csp.ts';
import type { Claim } from '../../src/schemas/corpus.ts';

const registry = loadRegistry(join(import.meta.dirname, '..', '..'));
const vocabulary = searchVocabulary({
	articles: registry.articles,
	actors: registry.actors,
	commentaries: [{ slug: 'a-piece', data: { title: 'A piece', authors: [{ name: 'A. Writer', affiliation: 'Somewhere', role: 'author' }], published: { date: '2024-07-11', circa: false } } }],
	spellings: buildContext(join(import.meta.dirname, '..', '..')).matters.spellings,
});

describe('commentaryRecords', () => {
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
		{ id: 'c-abcdefabcd', text: 'No mentions <here> & “there”.', block: 'p', blockIndex: 1, index: 1, mentions: [] },
		{
			id: 'c-8888888888',
			text: 'Security guarantees as mentioned in Article 8.',
			block: 'p',
			blockIndex: 1,
			index: 2,
			mentions: [{ kind: 'article', ref: '8', text: 'Article 8', start: 36, end: 45 }],
		},
	];
	const data = {
		title: 'A piece',
		authors: [{ name: 'A. Writer', affiliation: 'Somewhere', role: 'author' as const }],
		outlet: 'An Outlet',
		kind: 'analysis' as const,
		published: { date: '2024-07-11', circa: false },
	};
	const notes = [
		{ id: 'wrong-article', kind: 'misattribution', articles: [8, 4] },
		{ id: 'just-context', kind: 'context', articles: [14] },
	];
	const [record] = commentaryRecords(
		[{ slug: 'a-piece', data, claims, noteClaims: { 'wrong-article': ['c-8888888888'], 'just-context': ['c-abcdefabcd'] } }],
		notes,
	);
	const attribute = (name: string, html: string) => [...html.matchAll(new RegExp(`data-pagefind-${name}="([^"]+)\\[content\\]" content="([^"]*)"`, 'g'))].map((m) => [m[1], m[2]]);

	it('should make one record per commentary, at its reading page, each claim starting at an element with its id and pinpoint', () => {
		expect(record!.url).toBe('/commentaries/a-piece/');
		const ids = [...record!.content.matchAll(/<span id="(c-[0-9a-f]{10})" data-pagefind-title="([^"]+)"><\/span>/g)].map((m) => [m[1], m[2]]);
		expect(ids).toEqual([
			['c-0123456789', 'para. 1, sentence 1'],
			['c-abcdefabcd', 'para. 2, sentence 1'],
			['c-8888888888', 'para. 2, sentence 2'],
		]);
		// The authors' words, escaped as HTML text, in reading order.
		expect(record!.content).toContain('No mentions &#x3C;here> &#x26; “there”.');
	});

	it('should take the filters from every claim’s mentions, each ref once, the editor’s re-attribution and the commentary', () => {
		const filters = attribute('filter', record!.content);
		expect(filters).toEqual([
			['commentary', 'a-piece'],
			['author', 'A. Writer'],
			['outlet', 'An Outlet'],
			['kind', 'analysis'],
			['year', '2024'],
			['article', '4'],
			['article', '8'],
			['actor', 'russia'],
		]);
	});

	it('should carry, per claim, its paragraph, where its mentions stand and what a misattribution note moves it to', () => {
		const meta = Object.fromEntries(attribute('meta', record!.content));
		expect(meta['title']).toBe('A piece');
		expect(meta['date']).toBe('11 July 2024');
		const index = decodeClaimIndex(meta['claims']!.replaceAll('&#x26;', '&'));
		expect(index).toEqual([
			{
				id: 'c-0123456789',
				block: 0,
				hits: [
					{ kind: 'actor', ref: 'russia', start: 0, end: 6 },
					{ kind: 'article', ref: '4', start: 16, end: 35 },
					{ kind: 'article', ref: '4', start: 42, end: 51 },
				],
				reattributed: [],
			},
			{ id: 'c-abcdefabcd', block: 1, hits: [], reattributed: [] },
			{ id: 'c-8888888888', block: 1, hits: [{ kind: 'article', ref: '8', start: 36, end: 45 }], reattributed: [4] },
		]);
	});

	it('should re-attribute only what a misattribution note names and the claim does not cite', () => {
		expect([...reattributedArticles(claims, { n: ['c-0123456789', 'c-8888888888'] }, [{ id: 'n', kind: 'misattribution', articles: [4, 8] }])]).toEqual([
			['c-0123456789', [8]],
			['c-8888888888', [4]],
		]);
		expect(reattributedArticles(claims, { n: ['c-8888888888'] }, [{ id: 'n', kind: 'factual-error', articles: [4] }]).size).toBe(0);
	});
});

describe('the claim index of a record', () => {
	it('should read back what it wrote and skip what is not a claim', () => {
		const claims = [
			{ id: 'c-0123456789', block: 3, hits: [{ kind: 'article' as const, ref: '4', start: 1, end: 9 }], reattributed: [4, 12] },
			{ id: 'c-abcdefabcd', block: 4, hits: [], reattributed: [] },
		];
		expect(decodeClaimIndex(encodeClaimIndex(claims))).toEqual(claims);
		expect(decodeClaimIndex(`${encodeClaimIndex(claims)};junk;c-1,x,,`)).toEqual(claims);
		expect(() => encodeClaimIndex([{ id: 'c;1', block: 0, hits: [], reattributed: [] }])).toThrow(/claim id/);
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
	it('marks a built page’s body with the page filter, leaving the rest as built but for a space after blocks', () => {
		const html = '<!DOCTYPE html><html lang="en"><head><title>Russia</title></head><body class="page"><h1>Russia</h1></body></html>';
		expect(markAsPage(html, 'actors/russia/index.html')).toBe(
			`<!DOCTYPE html><html lang="en"><head><title>Russia</title></head><body data-pagefind-filter="${PAGE_FILTER}" class="page"><h1>Russia</h1> </body></html>`,
		);
		expect(markAsPage('<html><body><p>x</p></body></html>', 'x.html')).toBe('<html><body data-pagefind-filter="type:page"><p>x</p> </body></html>');
	});

	it('keeps the texts of table cells, items and headings apart (a snippet never reads “ArticleSubjectRoy”)', () => {
		const html = '<body><table><tr><th>Article</th><th>Subject</th></tr><tr><td>Roy</td><td>4</td></tr></table><ul><li>a</li><li>b</li></ul><h2>x</h2><p>y</p></body>';
		expect(markAsPage(html, 'x.html')).toBe(
			'<body data-pagefind-filter="type:page"><table><tr><th>Article</th> <th>Subject</th> </tr> <tr><td>Roy</td> <td>4</td> </tr> </table><ul><li>a</li> <li>b</li> </ul><h2>x</h2> <p>y</p> </body>',
		);
	});

	it('names the file that has no body', () => {
		expect(() => markAsPage('<html><bodyguard></bodyguard></html>', 'timeline/index.html')).toThrow(/timeline\/index\.html has no <body>/);
	});
});

describe('the search status line', () => {
	it('should count sentences, commentaries and pages, and say how many commentaries are still to show', () => {
		expect(resultSummary({ sentences: 0, commentaries: 0, pages: 0, unread: 0 })).toBe('No results.');
		expect(resultSummary({ sentences: 0, commentaries: 0, pages: 1, unread: 0 })).toBe('0 sentences in 0 commentaries, 1 page.');
		expect(resultSummary({ sentences: 1, commentaries: 1, pages: 0, unread: 0 })).toBe('1 sentence in 1 commentary, 0 pages.');
		expect(resultSummary({ sentences: 25, commentaries: 5, pages: 2, unread: 1 })).toBe('25 sentences in 5 commentaries (1 more commentary to show), 2 pages.');
	});
});

describe('reading a subject, a Roman numeral, a spelling', () => {
	it('should read the subject of an article in any registered phrase, spelling or number', () => {
		for (const query of ['mutual defence', 'mutual defense', 'Mutual Defense Pacts', 'the mutual assistance clause', 'mutual military assistance']) {
			const read = readQuery(query, vocabulary);
			expect(read, query).toMatchObject({ text: '', articles: [4], actors: [] });
			// The subject's words are kept, to be searched as text too.
			expect(read.subject?.articles, query).toEqual([4]);
			expect(read.subject?.words.toLowerCase(), query).toBe(query.toLowerCase().replace(/^the /, ''));
		}
		expect(readQuery('mutual defense sanctions', vocabulary)).toEqual({ text: 'sanctions', articles: [4], actors: [], subject: { words: 'mutual defense', articles: [4] } });
		// By number, no subject words.
		expect(readQuery('Article 4', vocabulary).subject).toBeUndefined();
	});

	it('should name no article by filler words a phrase happens to hold, nor by a word several articles share', () => {
		expect(readQuery('sanctions in the event', vocabulary).articles).toEqual([]);
		expect(readQuery('defence', vocabulary).articles).toEqual([]);
	});

	it('should read Roman numerals the usual way only', () => {
		expect(readQuery('Article IV', vocabulary)).toEqual({ text: '', articles: [4], actors: [] });
		expect(readQuery('art. xxiii', vocabulary).articles).toEqual([23]);
		expect([articleNumber('IV'), articleNumber('ix'), articleNumber('IIII'), articleNumber('VX'), articleNumber('civil')]).toEqual([4, 9, undefined, undefined, undefined]);
	});

	it('should search each registered spelling of the words', () => {
		expect(spellingVariants('mutual defence', vocabulary)).toEqual(['mutual defence', 'mutual defense']);
		expect(spellingVariants('labor programs', vocabulary)).toEqual(['labor programs', 'labor programmes', 'labour programs', 'labour programmes']);
		expect(spellingVariants('sanctions', vocabulary)).toEqual(['sanctions']);
	});
});

describe('did you mean', () => {
	const words = vocabularyWords(vocabulary);

	it('should correct a misspelt name or word from the vocabulary the site ships', () => {
		expect(suggestQuery('Pyongang', words)).toBe('Pyongyang');
		expect(suggestQuery('Lavorv visit', words)).toBe('Lavrov visit');
		expect(suggestQuery('mutual defnce', words)).toBe('mutual defence');
	});

	it('should leave known words and short words alone', () => {
		expect(suggestQuery('Pyongyang', words)).toBeUndefined();
		expect(suggestQuery('xyz', words)).toBeUndefined();
	});

	it('should count edits, a swap of neighbours as one', () => {
		expect(editDistance('pyongang', 'pyongyang', 2)).toBe(1);
		expect(editDistance('lavorv', 'lavrov', 2)).toBe(1);
		expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
	});
});

describe('the claims a commentary result shows', () => {
	const content = 'Moscow signed a “mutual defense pact” in 2024. Then nothing. Sanctions followed the pact, said Lankov.';
	const data = {
		url: '/commentaries/a-piece/',
		content,
		excerpt: '',
		meta: {
			claims: encodeClaimIndex([
				{ id: 'c-0000000001', block: 0, hits: [{ kind: 'actor', ref: 'russia', start: 0, end: 6 }, { kind: 'article', ref: '4', start: 16, end: 37 }], reattributed: [] },
				{ id: 'c-0000000002', block: 0, hits: [], reattributed: [4] },
				{ id: 'c-0000000003', block: 1, hits: [], reattributed: [] },
			]),
		},
		anchors: [
			{ id: 'c-0000000001', title: '¶ 1', location: 0 },
			{ id: 'c-0000000002', title: '¶ 1', location: 8 },
			{ id: 'c-0000000003', title: '¶ 2', location: 10 },
		],
	};

	it('should list by filters alone every claim that carries them, re-attributed ones marked, with their paragraph around them', () => {
		const shown = shownClaims(data, [], { articles: ['4'], actors: [] });
		expect(shown.map((claim) => [claim.id, claim.text, claim.label, claim.reattributed])).toEqual([
			['c-0000000001', 'Moscow signed a “mutual defense pact” in 2024.', '¶ 1', []],
			['c-0000000002', 'Then nothing.', '¶ 1', [4]],
		]);
		expect(shown[0]!.after).toEqual(['Then nothing.']);
		expect(shown[1]!.before).toEqual(['Moscow signed a “mutual defense pact” in 2024.']);
		expect(shown[0]!.marks).toEqual([{ start: 16, end: 37 }]);
	});

	it('should list for words only the claims holding every word, marking the words without their quotation marks', () => {
		const found = { ...data, sub_results: [
			{ url: '', excerpt: '', anchor: data.anchors[0], locations: [3, 5] },
			{ url: '', excerpt: '', anchor: data.anchors[2], locations: [13] },
		] };
		const shown = shownClaims(found, [['pact']], { articles: [], actors: [] });
		expect(shown.map((claim) => claim.id)).toEqual(['c-0000000001', 'c-0000000003']);
		expect(shown[0]!.marks).toEqual([{ start: 17, end: 23 }, { start: 32, end: 36 }]);
		expect(shownClaims(found, [['mutual'], ['sanctions']], { articles: [], actors: [] })).toEqual([]);
		expect(holdsEveryWord('Sanctions followed the pact', [0, 3], [['sanction'], ['pacts', 'pact']])).toBe(true);
		expect(wordRanges('a “b” c', new Set([1]))).toEqual([{ start: 3, end: 4 }]);
	});
});
