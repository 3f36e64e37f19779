import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { stringify } from 'csv-stringify/sync';
import { articleMatrixCsv, buildDataset, claimsCsv, datasetJson, datasetSummary, datasetView, type DatasetInputs } from '../../src/features/dataset/dataset.ts';
import { webAnnotations, type MeasuredPage } from '../../src/features/dataset/annotations.ts';
import { measurePageText } from '../../src/features/dataset/page-text.ts';
import { createRoutes } from '../../src/utils/routes.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import type { Claim } from '../../src/schemas/corpus.ts';
import { datasetJsonSchema, datasetSchema } from '../../src/schemas/dataset.ts';
import { sampleMetadata } from '../support/commentary-metadata.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const routes = createRoutes('/reader/');
const metadata = sampleMetadata('A, “quoted” title');
const claims: Claim[] = [
	{ id: 'c-0000000001', text: 'Russia signed, “twice”.', block: 'p', blockIndex: 0, index: 0, mentions: [{ kind: 'actor', ref: 'russia', text: 'Russia', start: 0, end: 6 }] },
	{ id: 'c-0000000002', text: 'Article 4 binds Russia.', block: 'p', blockIndex: 0, index: 1, mentions: [
		{ kind: 'article', ref: '4', text: 'Article 4', start: 0, end: 9 },
		{ kind: 'actor', ref: 'russia', text: 'Russia', start: 16, end: 22 },
	] },
];

function inputs(notes: DatasetInputs['notes'] = []): DatasetInputs {
	return {
		site: new URL('https://example.org'),
		routes,
		corpus: [{ slug: 'one', entry: { data: metadata }, claims }],
		// The real registry entries, so the test follows the article schema.
		articles: ['04', '05'].map((name) => ({ data: articleSchema.parse(parseYaml(readFileSync(`${ROOT}content/articles/${name}.yaml`, 'utf8'))) })),
		actors: [],
		events: [],
		notes,
		related: new Map(),
		matters: [],
	};
}

/** Two commentaries, a claim of each related to the other's (a shared matter, and a confirmed pair). */
function relatedInputs(): DatasetInputs {
	const other: Claim = { id: 'c-00000000b1', text: 'The pact binds Moscow.', block: 'p', blockIndex: 0, index: 0, mentions: [] };
	return {
		...inputs(),
		corpus: [
			{ slug: 'one', entry: { data: metadata }, claims },
			{ slug: 'two', entry: { data: metadata }, claims: [other] },
		],
		related: new Map([
			['c-0000000002', [{ id: 'c-00000000b1', matters: [{ id: 'mutual-assistance' }], confirmed: false }]],
			['c-00000000b1', [{ id: 'c-0000000002', matters: [{ id: 'mutual-assistance' }], confirmed: false }, { id: 'c-0000000001', matters: [], confirmed: true }]],
		]),
		matters: [{ id: 'mutual-assistance', title: 'Mutual assistance', question: 'Must each defend the other?', articles: [4] }],
	};
}

/** The reading page of `one` as the build writes it: a line break inside a sentence, an editor's note beside the paragraph. */
const pageOne = `<!doctype html><html><head><title>One</title></head><body><header><p>One</p></header><main><div class="with-note"><p><span class="claim" data-claim id="c-0000000001"><a data-mention="actor">Russia</a> signed,
“twice”.</span> <span class="claim" data-claim id="c-0000000002"><a data-mention="article">Article 4</a> <mark id="noted-n">binds <a data-mention="actor">Russia</a></mark>.</span></p><aside class="editor-note"><p>Russia signed it.</p></aside></div></main><footer><p>Data</p></footer></body></html>`;
const pageTwo = `<!doctype html><html><body><main><p><span class="claim" data-claim id="c-00000000b1">The pact binds Moscow.</span></p></main></body></html>`;

/** Measured pages of the fixture commentaries. */
function pagesOf(html: Record<string, string>): Map<string, MeasuredPage> {
	return new Map(Object.entries(html).map(([slug, page]) => [slug, { url: `https://example.org/reader/commentaries/${slug}/`, text: measurePageText(fromHtml(page), slug) }]));
}

describe('the published dataset', () => {
	it('should give every claim its addresses under the base', () => {
		const dataset = buildDataset(inputs());
		expect(dataset.site).toBe('https://example.org/reader/');
		expect(dataset.commentaries[0]!.claims[1]!.permalink).toBe('https://example.org/reader/commentaries/one/#c-0000000002');
		expect(dataset.commentaries[0]!.claims[1]!.share).toBe('https://example.org/reader/c/c-0000000002/');
		expect(datasetSummary(dataset)).toEqual({ version: 1, commentaries: 1, claims: 2, mentions: 3, articles: 2, actors: 0 });
	});

	it('should refuse a mention whose offsets do not hold its words', () => {
		const bad = inputs();
		bad.corpus = [{ slug: 'one', entry: { data: metadata }, claims: [{ ...claims[0]!, mentions: [{ kind: 'actor', ref: 'russia', text: 'Russia', start: 1, end: 7 }] }] }];
		expect(() => buildDataset(bad)).toThrow(/offsets 1–7 do not hold “Russia”/);
	});

	it('should quote commas, quotes and line ends in CSV so a parser reads them back', () => {
		const rows = parse(claimsCsv(buildDataset(inputs())), { columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(2);
		expect(rows[0]!['text']).toBe('Russia signed, “twice”.');
		expect(rows[1]!['articles']).toBe('4');
		expect(rows[1]!['actors']).toBe('russia');
		const matrix = parse(articleMatrixCsv(buildDataset(inputs())), { columns: true }) as Record<string, string>[];
		expect(matrix).toEqual([
			{ article: '4', one: '1', total: '1' },
			{ article: '5', one: '0', total: '0' },
		]);
	});

	it('should anchor mentions and notes on the page as it is built', () => {
		const note = { id: 'n', body: 'It binds both.', data: { commentary: 'one', quote: 'binds Russia', kind: 'context' as const, articles: [4], sources: [{ url: 'https://x.org/', label: 'X' }] } };
		const collection = webAnnotations(buildDataset(inputs([note])), pagesOf({ one: pageOne }), 'https://example.org/reader/data/annotations.jsonld', routes) as {
			total: number;
			first: { items: { motivation: string; body: string | { value?: string }; target: { selector: [{ exact: string; prefix: string; suffix: string }, { value: string; refinedBy?: { start: number; end: number } }, { start: number; end: number }] } }[] };
		};
		expect(collection.total).toBe(4);
		const [russia, article, second, commenting] = collection.first.items;
		expect(russia!.body).toBe('https://example.org/reader/actors/russia/');
		expect(article!.body).toBe('https://example.org/reader/articles/4/');
		// The second mention of Russia: in its sentence's element, at the sentence's offsets.
		expect(second!.target.selector[1]).toEqual({ type: 'CssSelector', value: '#c-0000000002', refinedBy: { type: 'TextPositionSelector', start: 16, end: 22 } });
		// Its quote's context stops at the paragraph's end: not into the editor's note beside it.
		expect(second!.target.selector[0]).toMatchObject({ exact: 'Russia', suffix: '.' });
		const text = measurePageText(fromHtml(pageOne), 'one').text;
		expect(text.slice(second!.target.selector[2].start, second!.target.selector[2].end)).toBe('Russia');
		expect(commenting!.motivation).toBe('commenting');
		expect(commenting!.body).toMatchObject({ value: 'It binds both.' });
		expect(commenting!.target.selector[0].exact).toBe('binds Russia');
		expect(commenting!.target.selector[1]).toEqual({ type: 'CssSelector', value: '#noted-n' });
	});

	it('should link each claim to its related claims with one linking annotation on the claim, a body per related claim', () => {
		const collection = webAnnotations(buildDataset(relatedInputs()), pagesOf({ one: pageOne, two: pageTwo }), 'https://example.org/reader/data/annotations.jsonld', routes) as {
			first: { items: { id: string; motivation: string; body: string[]; target: { source: string; selector: [{ exact: string }, { value: string; refinedBy?: unknown }] } }[] };
		};
		const linking = collection.first.items.filter((item) => item.motivation === 'linking');
		expect(linking.map((item) => [item.target.source, item.target.selector[0].exact, item.body])).toEqual([
			['https://example.org/reader/commentaries/one/', 'Article 4 binds Russia.', ['https://example.org/reader/commentaries/two/#c-00000000b1']],
			['https://example.org/reader/commentaries/two/', 'The pact binds Moscow.', ['https://example.org/reader/commentaries/one/#c-0000000002', 'https://example.org/reader/commentaries/one/#c-0000000001']],
		]);
		expect(linking[0]!.target.selector[1]).toEqual({ type: 'CssSelector', value: '#c-0000000002' });
		expect(linking.map((item) => item.id)).toEqual(['https://example.org/reader/data/annotations.jsonld#c-0000000002-related', 'https://example.org/reader/data/annotations.jsonld#c-00000000b1-related']);
	});

	it('should refuse a related claim the corpus does not hold', () => {
		const bad = relatedInputs();
		bad.related = new Map([['c-0000000001', [{ id: 'c-00000000ff', matters: [], confirmed: true }]]]);
		expect(() => webAnnotations(buildDataset(bad), pagesOf({ one: pageOne, two: pageTwo }), 'https://x/a.jsonld', routes)).toThrow(/c-0000000001 is related to c-00000000ff, which is no claim of the corpus/);
	});

	it('should refuse a note whose passage is not marked on its page', () => {
		const note = { id: 'lost', body: 'x', data: { commentary: 'one', quote: 'not there', kind: 'context' as const, articles: [], sources: [{ url: 'https://x.org/', label: 'X' }] } };
		expect(() => webAnnotations(buildDataset(inputs([note])), pagesOf({ one: pageOne }), 'https://x/a.jsonld', routes)).toThrow(/the passage of the editor’s note lost: no element #noted-lost/);
	});

	it('should refuse a page whose mention links differ from the dataset’s mentions', () => {
		const missing = pageOne.replace('<a data-mention="article">Article 4</a>', 'Article 4');
		expect(() => webAnnotations(buildDataset(inputs()), pagesOf({ one: missing }), 'https://x/a.jsonld', routes)).toThrow(/sentence c-0000000002 has 1 mention links, the dataset 2 mentions/);
	});

	it('should print corpus.json commentary by commentary as the whole dataset validated at once prints', () => {
		const notes = [{ id: 'n', body: 'It binds both.', data: { commentary: 'one', quote: 'binds Russia', kind: 'context' as const, articles: [4], sources: [{ url: 'https://x.org/', label: 'X' }] } }];
		const whole = { ...relatedInputs(), notes };
		const chunks = [...datasetJson(whole)];
		// One chunk per commentary and one for the registries after them.
		expect(chunks).toHaveLength(3);
		const text = Buffer.concat(chunks).toString('utf8');
		// What the endpoint printed before: one `datasetSchema` parse of the whole, stringified (the schema's key order).
		expect(text).toBe(`${JSON.stringify(datasetSchema.parse(JSON.parse(JSON.stringify(buildDataset(whole)))))}\n`);
		expect(text).toBe(`${JSON.stringify(buildDataset(whole))}\n`);
	});

	it('should refuse a commentary that does not fit the schema before printing it, naming it', () => {
		const bad = relatedInputs();
		bad.corpus = [bad.corpus[0]!, { slug: 'two', entry: { data: metadata }, claims: [{ ...claims[0]!, mentions: [{ kind: 'actor', ref: 'russia', text: 'Russia', start: 1, end: 7 }] }] }];
		const chunks = datasetJson(bad);
		expect(chunks.next().done).toBe(false);
		expect(() => chunks.next()).toThrow(/commentary “two”.*offsets 1–7 do not hold “Russia”/s);
	});

	it('should print the CSV files and counts from commentaries made as they are read, as from the whole dataset', () => {
		const view = datasetView(relatedInputs());
		const whole = buildDataset(relatedInputs());
		// Each pass makes the entries afresh: nothing of a pass is kept.
		expect([...view.commentaries][0]).not.toBe([...view.commentaries][0]);
		expect(claimsCsv(view)).toBe(claimsCsv(whole));
		expect(articleMatrixCsv(view)).toBe(articleMatrixCsv(whole));
		expect(datasetSummary(view)).toEqual({ version: 1, commentaries: 2, claims: 3, mentions: 3, articles: 2, actors: 0 });
		// The rows printed commentary by commentary are the rows printed at once.
		const columns = ['commentary', 'author', 'published', 'id', 'index', 'section', 'block', 'text', 'articles', 'actors', 'dates', 'permalink'];
		const rows = parse(claimsCsv(view), { columns: true }) as Record<string, string>[];
		expect(claimsCsv(view)).toBe(stringify(rows, { header: true, record_delimiter: 'windows', columns }));
	});

	it('should generate a JSON Schema with its own address', () => {
		const schema = datasetJsonSchema('https://example.org/data/corpus.schema.json');
		expect(schema['$id']).toBe('https://example.org/data/corpus.schema.json');
		expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(JSON.stringify(schema)).toContain('"permalink"');
		expect(JSON.stringify(schema)).toContain('"related"');
		expect(JSON.stringify(schema)).toContain('"matters"');
	});
});
