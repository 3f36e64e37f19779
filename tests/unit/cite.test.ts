/**
 * Citations: every format from one CSL-JSON record, each parsed back with a
 * real parser (citation-js's BibTeX and RIS parsers), and the formatted
 * styles checked for what reference managers and readers expect.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEDGER_PATH, parseLedger } from '../../src/claims/ledger';
import {
	citableWork,
	citationTemplateKey,
	claimCitations,
	commentaryCitations,
	cslRecord,
	itemType,
	nameParts,
	type CitableClaim,
	type CitableWork,
	type CitationTemplateStore,
	type CitationTemplates,
} from '../../src/features/sharing/cite';
import { diskTemplateStore } from '../../src/features/sharing/citation-template-cache';
import { splitFrontmatter } from '../../src/loaders/frontmatter';
import { commentarySchema } from '../../src/schemas/commentary';

const op: CitableClaim = {
	id: 'c-1a2b3c4d5e',
	text: 'Bilateral trade increased by nine times & exceeded $34 billion last year.',
	url: 'https://treaty-reader.example/commentaries/bhadrakumar/#c-1a2b3c4d5e',
	commentary: {
		slug: 'bhadrakumar',
		title: 'Russia and DPRK rustle up an alliance',
		titleSupplied: false,
		authors: [{ name: 'M. K. Bhadrakumar', affiliation: 'Retired diplomat', role: 'author' }],
		outlet: 'Indian Punchline',
		published: { date: '2024-06', circa: true },
		kind: 'op-ed',
		citationType: 'post-weblog',
		originalUrl: null,
	},
};

const interview: CitableClaim = {
	...op,
	commentary: {
		...op.commentary,
		title: 'Russia–North Korea Rapprochement',
		authors: [
			{ name: 'Andrei Lankov', affiliation: 'Korea Risk Group', role: 'interviewee' },
			{ name: 'Andrew Pruden', affiliation: 'NBR', role: 'interviewer' },
		],
		outlet: 'NBR',
		published: { date: '2024', circa: false },
		kind: 'interview',
		citationType: 'webpage',
	},
};

const dated: CitableClaim = {
	...op,
	commentary: {
		...op.commentary,
		authors: [
			{ name: 'Abhishek Sharma', affiliation: 'a', role: 'author' },
			{ name: 'Rajoli Siddharth Jayaprakash', affiliation: 'b', role: 'author' },
		],
		outlet: 'Financial Express Online',
		published: { date: '2024-07-11', circa: false },
		citationType: 'article-newspaper',
		originalUrl: 'https://asiandiplomacy.example/russia-north-korea/',
	},
};

const ACCESSED = '2026-12-02';

describe('nameParts', () => {
	it.each([
		['M. K. Bhadrakumar', { family: 'Bhadrakumar', given: 'M. K.' }],
		['Rajoli Siddharth Jayaprakash', { family: 'Jayaprakash', given: 'Rajoli Siddharth' }],
		['Rekha J', { literal: 'Rekha J' }],
		['Plato', { literal: 'Plato' }],
	])('should split %s as %j', (name, expected) => {
		expect(nameParts(name)).toEqual(expected);
	});
});

describe('cslRecord', () => {
	it('should type the piece by its outlet, with the access date, the interviewer and the quote', () => {
		expect(cslRecord(op, ACCESSED)).toMatchObject({
			type: 'post-weblog',
			issued: { 'date-parts': [[2024, 6]], circa: true },
			accessed: { 'date-parts': [[2026, 12, 2]] },
			URL: op.url,
		});
		// An interview is an interview whatever its outlet, with the interviewer in their own role.
		expect(cslRecord(interview, ACCESSED)).toMatchObject({
			type: 'interview',
			author: [{ family: 'Lankov', given: 'Andrei' }],
			interviewer: [{ family: 'Pruden', given: 'Andrew' }],
			'container-title': 'NBR',
		});
		expect(String(cslRecord(op, ACCESSED)['note'])).toContain(`Quoted: “${op.text}”`);
		// A report names its outlet as the institution that issued it.
		const report = cslRecord({ ...op, commentary: { ...op.commentary, kind: 'commentary', citationType: 'report', outlet: 'NIICE' } }, ACCESSED);
		expect(report).toMatchObject({ type: 'report', publisher: 'NIICE' });
		expect(report['container-title']).toBeUndefined();
	});

	it.each([
		['op-ed', 'post-weblog', { csl: 'post-weblog', zotero: 'blogPost', schemaOrg: 'BlogPosting' }],
		['op-ed', 'article-newspaper', { csl: 'article-newspaper', zotero: 'newspaperArticle', schemaOrg: 'OpinionNewsArticle' }],
		['analysis', 'article-newspaper', { csl: 'article-newspaper', zotero: 'newspaperArticle', schemaOrg: 'AnalysisNewsArticle' }],
		['analysis', 'article-magazine', { csl: 'article-magazine', zotero: 'magazineArticle', schemaOrg: 'Article' }],
		['commentary', 'report', { csl: 'report', zotero: 'report', schemaOrg: 'Report' }],
		['commentary', 'webpage', { csl: 'webpage', zotero: 'webpage', schemaOrg: 'Article' }],
		['interview', 'webpage', { csl: 'interview', zotero: 'interview', schemaOrg: 'Article' }],
		['interview', 'article-newspaper', { csl: 'interview', zotero: 'interview', schemaOrg: 'Article' }],
	] as const)('should call a %s of type %s what each vocabulary calls it', (kind, citationType, expected) => {
		expect(itemType({ kind, citationType })).toEqual(expected);
	});
});

describe('claimCitations', () => {
	const all = [op, interview, dated].map((claim) => ({ claim, out: claimCitations(claim, ACCESSED) }));

	it('should format APA, Chicago and MLA as web pieces, never as a preprint or a chapter', () => {
		for (const { claim, out } of all) {
			for (const text of [out.apa, out.chicago, out.mla]) {
				expect(text).not.toMatch(/Preprint|\bIn /);
				expect(text).toContain(claim.url);
				expect(text).toContain(claim.commentary.outlet);
			}
		}
		const [first] = all;
		expect(first!.out.apa).toMatch(/^Bhadrakumar, M\. K\. \(ca\. 2024, June\)\. Russia and DPRK rustle up an alliance\. Indian Punchline\./);
		expect(first!.out.chicago).toMatch(/^Bhadrakumar, M\. K\. \[2024\?\]\. “Russia and DPRK Rustle up an Alliance\.” Indian Punchline/);
		expect(first!.out.mla).toMatch(/^Bhadrakumar, M\. K\. “Russia and DPRK Rustle up an Alliance\.” Indian Punchline, /);
		expect(all[1]!.out.chicago).toContain('Interview by Andrew Pruden');
		expect(all[1]!.out.mla).toContain('Interview by Andrew Pruden. NBR');
		// The outlet is named once, not again as publisher.
		for (const text of [all[1]!.out.apa, all[1]!.out.chicago, all[1]!.out.mla]) expect(text.split('NBR')).toHaveLength(2);
		expect(all[2]!.out.apa).toMatch(/^Sharma, A\., & Jayaprakash, R\. S\. \(2024, July 11\)\./);
	});

	it('should write BibTeX as @misc with year, month, howpublished, url and the access date, and parse back', () => {
		for (const { claim, out } of all) {
			expect(out.bibtex).toMatch(/^@misc\{[a-z]+\d{4}_c[0-9a-f]{10},\n/);
			for (const field of ['author', 'title', 'year', 'howpublished', 'url', 'note']) expect(out.bibtex).toMatch(new RegExp(`\\n\\s*${field} = \\{`));
			expect(out.bibtex).not.toMatch(/\n\s*date = /); // biblatex only
			expect(out.bibtex).toContain(`Accessed ${ACCESSED}`);
			const [parsed] = new Cite(out.bibtex).data;
			expect(parsed).toMatchObject({ title: claim.commentary.title, URL: claim.url });
			expect((parsed!['issued'] as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(Number(claim.commentary.published.date.slice(0, 4)));
			expect(String(parsed!['note'])).toContain(claim.commentary.outlet);
		}
		expect(all[0]!.out.bibtex).toContain('month = {6}');
		expect(all[2]!.out.bibtex).toContain('month = {7}'); // A month, never `jun 21`.
		// Two sentences of one piece never share a key.
		expect(claimCitations({ ...op, id: 'c-ffffffffff' }, ACCESSED).bibtex.split('\n')[0]).not.toBe(all[0]!.out.bibtex.split('\n')[0]);
	});

	it('should write RIS that a RIS parser reads back whole, one tag a line', () => {
		for (const { claim, out } of all) {
			for (const line of out.ris.split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
			const [parsed] = new Cite(out.ris, { forceType: '@ris/file' }).data;
			expect(parsed).toMatchObject({ title: claim.commentary.title, URL: claim.url });
			expect([parsed!['container-title'], parsed!['publisher']]).toContain(claim.commentary.outlet);
			expect(String(parsed!['note'])).toContain(claim.text);
		}
		expect(all[0]!.out.ris.startsWith('TY  - BLOG\n')).toBe(true);
		expect(all[2]!.out.ris.startsWith('TY  - NEWS\n')).toBe(true);
	});

	it('should give CSL-JSON that parses to the record', () => {
		for (const { claim, out } of all) expect(JSON.parse(out.csl)).toEqual([cslRecord(claim, ACCESSED)]);
	});
});

describe('commentaryCitations', () => {
	const root = join(import.meta.dirname, '..', '..');
	const dir = join(root, 'content', 'commentaries');
	/** The real commentaries, as the share pages cite them (the fields `citableCommentary` reads). */
	const real: CitableWork[] = readdirSync(dir)
		.filter((file) => file.endsWith('.md') && !file.startsWith('_'))
		.map((file) => citableWork(file.replace(/\.md$/, ''), commentarySchema.parse(parse(splitFrontmatter(readFileSync(join(dir, file), 'utf8'), file).frontmatter))));
	const ledger = parseLedger(readFileSync(join(root, LEDGER_PATH), 'utf8'));
	const awkwardness = (text: string) => (text.match(/[^\x20-\x7e]|[&{}$%#_~^\\<>"'`]/g) ?? []).length;
	/** Each commentary's real sentences with the most quotes, ampersands, dashes and other non-ASCII characters. */
	const realClaims = (slug: string) =>
		Object.entries(ledger.claims)
			.filter(([, claim]) => claim.commentary === slug)
			.map(([id, { text }]) => ({ id, text }))
			.sort((a, b) => awkwardness(b.text) - awkwardness(a.text))
			.slice(0, 6);
	const awkward = [
		'Trade “rose nine times” & exceeded $34 {billion} — 50% of it ‘in kind’ … per <i>cent</i>, <b>bold</b> <span class="x">a</span>.',
		'Kim Jong-un met Шойгу in 평양 (Pyongyang) and Tōkyō’s envoy; naïve façade, Straße, ﬁnal ǅ, e\u0301 combining, 😀 emoji.',
		'Quoted at https://example.org/a_b?c=1&d=%20#frag~x and http://[::1]:8080/x — see "it" and \'that\' and `this`.',
		'Backslash \\ and caret ^ and tilde ~ and hash # and underscore _ and dollar $ and braces {} }{ and the end.',
		'A sentence that ends in an apostrophe\' then “nested ‘quotes’ here”',
		'note: a line that looks like a field, Quoted: again, and original-date: 1961.',
		'  Spaces  at   the edges and a\u00a0no-break space  ',
	];
	const fixtures = [
		op.commentary,
		interview.commentary,
		dated.commentary,
		{ ...dated.commentary, title: 'A & B: {Braces} — “quoted” title', titleSupplied: true },
		// Note-field syntax in the commentary's own part of the note: every sentence is formatted whole.
		{ ...op.commentary, originalUrl: 'https://example.org/{:genre: Odd}' },
	];
	const urlFor = (base: string, slug: string) => (id: string) => `${base}/commentaries/${slug}/#${id}`;

	afterEach(() => vi.restoreAllMocks());

	it('should give every format exactly as citation-js gives it, for real sentences and awkward ones', () => {
		const cases = [
			...real.map((work) => ({ work, base: 'http://127.0.0.1:4321', claims: [...realClaims(work.slug), ...awkward.slice(0, 2).map((text, i) => ({ id: `c-00000000a${i}`, text }))] })),
			...fixtures.map((work) => ({ work, base: 'https://treaty-reader.example/reader', claims: awkward.map((text, i) => ({ id: `c-abcdef012${i}`, text })) })),
		];
		expect(real).toHaveLength(5);
		for (const { work, base, claims } of cases) {
			const urlOf = urlFor(base, work.slug);
			const cite = commentaryCitations(work, urlOf, ACCESSED, root);
			expect(claims.length).toBeGreaterThan(0);
			for (const claim of claims) {
				expect(cite(claim), `${work.slug} ${claim.id}`).toEqual(claimCitations({ ...claim, url: urlOf(claim.id), commentary: work }, ACCESSED, root));
			}
		}
	}, 120_000);

	it('should format each style once per commentary, not once per sentence', () => {
		const format = vi.spyOn(Cite.prototype, 'format');
		const cite = commentaryCitations(op.commentary, urlFor('https://e.example', 'op'), ACCESSED, root);
		const styled = () => format.mock.calls.filter(([kind]) => kind === 'bibliography').length;
		expect(styled()).toBe(3);
		for (const [i, text] of awkward.entries()) cite({ id: `c-00000000b${i}`, text });
		expect(styled()).toBe(3);
	});

	it('should format whole a sentence the templates cannot stand for, and give the same result', () => {
		const urlOf = urlFor('https://e.example', 'op');
		const cite = commentaryCitations(op.commentary, urlOf, ACCESSED, root);
		// citeproc reads `{:key: value}` in a note, and `key: value` on a later line, as fields of the item: the quote changes the reference.
		const hack = { id: 'c-00000000c1', text: 'It says {:genre: Fancy} here.' };
		const line = { id: 'c-00000000c2', text: 'It says\noriginal-date: 1961' };
		const odd = { id: 'legacy-id', text: 'An id of another shape.' };
		const format = vi.spyOn(Cite.prototype, 'format');
		const fast = [hack, line, odd].map(cite);
		expect(format.mock.calls.filter(([kind]) => kind === 'bibliography')).toHaveLength(3 * 3);
		expect(fast).toEqual([hack, line, odd].map((claim) => claimCitations({ ...claim, url: urlOf(claim.id), commentary: op.commentary }, ACCESSED, root)));
		expect(cite(hack).apa).toContain('[Fancy]');
		expect(cite(line).apa).toContain('(Original work published 1961)');
	});

	describe('with templates kept between builds', () => {
		/** A store in memory that counts what it is asked. */
		const memoryStore = () => {
			const kept = new Map<string, CitationTemplates | null>();
			const store: CitationTemplateStore = { get: (key) => kept.get(key), set: (key, value) => void kept.set(key, value) };
			return { kept, store };
		};
		const sentences = [...awkward.slice(0, 3).map((text, i) => ({ id: `c-00000000d${i}`, text })), { id: 'legacy-id', text: 'Another shape.' }];

		it('should format a commentary with citeproc once, then fill from the kept templates, with the same result', () => {
			const { kept, store } = memoryStore();
			for (const work of fixtures) {
				const urlOf = urlFor('https://e.example', work.slug);
				const first = commentaryCitations(work, urlOf, ACCESSED, root, { store, code: 'code-1' });
				const firstResults = sentences.map(first);
				const format = vi.spyOn(Cite.prototype, 'format');
				// The next build: a fresh formatter, the same store.
				const next = commentaryCitations(work, urlOf, ACCESSED, root, { store, code: 'code-1' });
				const nextResults = sentences.map(next);
				// Only the sentence of another id shape is formatted whole (three styles); the templates are not made again.
				expect(format.mock.calls.filter(([kind]) => kind === 'bibliography').length, work.title).toBe(kept.get(citationTemplateKey(work, urlOf, ACCESSED, 'code-1', root)) === null ? 3 * sentences.length : 3);
				expect(nextResults, work.title).toEqual(firstResults);
				expect(nextResults, work.title).toEqual(sentences.map((claim) => claimCitations({ ...claim, url: urlOf(claim.id), commentary: work }, ACCESSED, root)));
				vi.restoreAllMocks();
			}
			// The commentary whose own note has note-field syntax has no templates, and that is kept too.
			expect([...kept.values()].filter((value) => value === null)).toHaveLength(1);
		}, 120_000);

		it('should key the templates by every input: the commentary, its addresses, the access date and the code', () => {
			const work = op.commentary;
			const urlOf = urlFor('https://e.example', 'op');
			const key = citationTemplateKey(work, urlOf, ACCESSED, 'code-1', root);
			const variants = [
				citationTemplateKey({ ...work, title: `${work.title}!` }, urlOf, ACCESSED, 'code-1', root),
				citationTemplateKey({ ...work, authors: [{ ...work.authors[0]!, name: 'M. Bhadrakumar' }] }, urlOf, ACCESSED, 'code-1', root),
				citationTemplateKey({ ...work, published: { date: '2024-07', circa: false } }, urlOf, ACCESSED, 'code-1', root),
				citationTemplateKey(work, urlFor('https://other.example', 'op'), ACCESSED, 'code-1', root),
				citationTemplateKey(work, urlOf, '2030-01-01', 'code-1', root),
				citationTemplateKey(work, urlOf, ACCESSED, 'code-2', root),
			];
			expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
			expect(citationTemplateKey({ ...work }, urlFor('https://e.example', 'op'), ACCESSED, 'code-1', root)).toBe(key);
		});

		it('should give an edited commentary its new citation, never the kept one', () => {
			const { store } = memoryStore();
			const urlOf = urlFor('https://e.example', 'op');
			const claim = { id: 'c-00000000e1', text: 'A sentence.' };
			commentaryCitations(op.commentary, urlOf, ACCESSED, root, { store, code: 'code-1' })(claim);
			const edited = { ...op.commentary, title: 'A new title for the piece' };
			const after = commentaryCitations(edited, urlOf, ACCESSED, root, { store, code: 'code-1' })(claim);
			expect(after.apa).toContain('A new title for the piece');
			expect(after).toEqual(claimCitations({ ...claim, url: urlOf(claim.id), commentary: edited }, ACCESSED, root));
		});

		it('should keep templates on disk, read them back whole, and treat a damaged file or a clean build as a miss', () => {
			const dir = mkdtempSync(join(tmpdir(), 'citations-'));
			try {
				const urlOf = urlFor('https://e.example', 'op');
				const key = citationTemplateKey(op.commentary, urlOf, ACCESSED, 'code-1', root);
				const claim = { id: 'c-00000000f1', text: 'A sentence “quoted” & kept.' };
				const made = commentaryCitations(op.commentary, urlOf, ACCESSED, root, { store: diskTemplateStore(dir, { reuse: true }), code: 'code-1' })(claim);
				const stored = diskTemplateStore(dir, { reuse: true }).get(key);
				expect(stored).toBeTruthy();
				const format = vi.spyOn(Cite.prototype, 'format');
				const again = commentaryCitations(op.commentary, urlOf, ACCESSED, root, { store: diskTemplateStore(dir, { reuse: true }), code: 'code-1' })(claim);
				expect(format.mock.calls.filter(([kind]) => kind === 'bibliography')).toHaveLength(0);
				expect(again).toEqual(made);
				expect(diskTemplateStore(dir, { reuse: false }).get(key)).toBeUndefined();
				writeFileSync(join(dir, `${key}.json`), '{"styles": {"apa": 1}}');
				expect(diskTemplateStore(dir, { reuse: true }).get(key)).toBeUndefined();
				writeFileSync(join(dir, `${key}.json`), '{"styles": ');
				expect(diskTemplateStore(dir, { reuse: true }).get(key)).toBeUndefined();
				expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		});
	});
});
