/**
 * The published dataset in dist/data/ against its schema and against the
 * built pages: the same claims, the same mentions, annotations whose quotes
 * land once in the page's body text and whose selectors point at their element.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/schemas/dataset.ts';
import { hasBuild, parsePage, readDistFile } from '../support/dist';

const built = hasBuild();

/** Elements of a page, in document order, that pass a test. */
function elements(tree: Root, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

const isClaim = (node: Element) => node.properties['dataClaim'] !== undefined && node.tagName === 'span';

describe('the published dataset', () => {
	it('should have a built site to check', () => {
		expect(built).toBe(true);
	});
	if (!built) return;

	const dataset = JSON.parse(readDistFile('data/corpus.json')) as Dataset;
	const pages = new Map(dataset.commentaries.map((commentary) => [commentary.slug, parsePage(`commentaries/${commentary.slug}/index.html`)]));

	it('should write the large JSON exports without indentation (a fifth to a third of their bytes), one line each', () => {
		for (const file of ['data/corpus.json', 'data/annotations.jsonld']) {
			const text = readDistFile(file);
			expect(text, file).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
		}
	});

	it('should fit its published JSON Schema', () => {
		const schema = JSON.parse(readDistFile('data/corpus.schema.json')) as Record<string, unknown>;
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		const validate = ajv.compile(schema);
		expect(validate(dataset), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
		// The schema is not vacuous: a claim without its text is refused.
		const broken = structuredClone(dataset) as unknown as { commentaries: { claims: Record<string, unknown>[] }[] };
		delete broken.commentaries[0]!.claims[0]!['text'];
		expect(validate(broken)).toBe(false);
	});

	it('should hold exactly the claims of the reading pages, in order', () => {
		for (const commentary of dataset.commentaries) {
			const onPage = elements(pages.get(commentary.slug)!, isClaim).map((node) => String(node.properties['id']));
			expect(onPage.length, commentary.slug).toBeGreaterThan(0);
			expect(commentary.claims.map((claim) => claim.id), commentary.slug).toEqual(onPage);
		}
	});

	it('should hold one mention per annotation link on the reading pages', () => {
		for (const commentary of dataset.commentaries) {
			const tree = pages.get(commentary.slug)!;
			const links = elements(tree, (node) => node.properties['dataMention'] !== undefined);
			const mentions = commentary.claims.flatMap((claim) => claim.mentions);
			expect(mentions.length, commentary.slug).toBe(links.length);
			expect(mentions.map((mention) => mention.ref)).toEqual(links.map((node) => String(node.properties['dataRef'])));
		}
	});

	it('should give each claim the text it has on its page', () => {
		for (const commentary of dataset.commentaries) {
			const texts = elements(pages.get(commentary.slug)!, isClaim).map((node) => toString(node).replace(/\s+/g, ' ').trim());
			expect(commentary.claims.map((claim) => claim.text)).toEqual(texts);
		}
	});

	it('should have one row per claim in claims.csv', () => {
		const rows = parse(readDistFile('data/claims.csv'), { columns: true, bom: true }) as Record<string, string>[];
		const claims = dataset.commentaries.flatMap((commentary) => commentary.claims.map((claim) => ({ commentary, claim })));
		expect(rows).toHaveLength(claims.length);
		rows.forEach((row, index) => {
			const { commentary, claim } = claims[index]!;
			expect(row['id']).toBe(claim.id);
			expect(row['commentary']).toBe(commentary.slug);
			expect(row['text']).toBe(claim.text);
			expect(row['permalink']).toBe(claim.permalink);
		});
	});

	it('should count each article’s citing sentences in article-matrix.csv', () => {
		const rows = parse(readDistFile('data/article-matrix.csv'), { columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(dataset.articles.length);
		for (const row of rows) {
			for (const commentary of dataset.commentaries) {
				const citing = commentary.claims.filter((claim) => claim.mentions.some((m) => m.kind === 'article' && m.ref === row['article'])).length;
				expect(Number(row[commentary.slug]), `${commentary.slug} × Article ${row['article']}`).toBe(citing);
			}
		}
	});

	it('should relate claims only to claims of other commentaries, by published matters, best first', () => {
		const commentaryOf = new Map(dataset.commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, commentary.slug])));
		const matters = new Set(dataset.matters.map((matter) => matter.id));
		expect(matters.size).toBeGreaterThan(0);
		let pairs = 0;
		for (const commentary of dataset.commentaries) {
			for (const claim of commentary.claims) {
				for (const related of claim.related) {
					pairs += 1;
					expect(commentaryOf.get(related.id), `${claim.id} → ${related.id}`).toBeDefined();
					expect(commentaryOf.get(related.id), `${claim.id} → ${related.id}`).not.toBe(commentary.slug);
					for (const matter of related.matters) expect(matters.has(matter), matter).toBe(true);
					// Related by a shared matter, unless the editors confirmed the pair.
					expect(related.confirmed || related.matters.length > 0, `${claim.id} → ${related.id}`).toBe(true);
				}
				// Confirmed first, then more shared matters.
				const ranks = claim.related.map((related) => [related.confirmed ? 1 : 0, related.matters.length] as const);
				const sorted = [...ranks].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
				expect(ranks, claim.id).toEqual(sorted);
			}
		}
		expect(pairs).toBeGreaterThan(0);
	});

	it('should link each sentence to its related claims by one linking annotation whose bodies are their permalinks', () => {
		const collection = JSON.parse(readDistFile('data/annotations.jsonld')) as {
			first: { items: { id: string; motivation: string; body: { id: string }[]; target: { source: string; selector: [{ exact: string }] } }[] };
		};
		const claims = new Map(dataset.commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, { claim, commentary }])));
		const expected = [...claims.values()]
			.filter(({ claim }) => claim.related.length > 0)
			.map(({ claim, commentary }) => [commentary.url, claim.text, claim.related.map((related) => claims.get(related.id)?.claim.permalink)]);
		const linking = collection.first.items.filter((item) => item.motivation === 'linking');
		expect(linking.map((item) => [item.target.source, item.target.selector[0].exact, item.body.map((body) => body.id)])).toEqual(expected);
	});

	it('should quote every annotation once in its page’s body, with context inside its paragraph, and point at its element', () => {
		const collection = JSON.parse(readDistFile('data/annotations.jsonld')) as {
			'@context': string;
			total: number;
			first: {
				items: {
					motivation: string;
					target: {
						source: string;
						selector: [
							{ type: string; exact: string; prefix: string; suffix: string },
							{ type: string; value: string; refinedBy?: { type: string; start: number; end: number } },
							{ type: string; start: number; end: number },
						];
					};
				}[];
			};
		};
		expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
		const items = collection.first.items;
		expect(collection.total).toBe(items.length);
		const mentions = dataset.commentaries.reduce((sum, c) => sum + c.claims.reduce((n, claim) => n + claim.mentions.length, 0), 0);
		expect(items.filter((item) => item.motivation === 'identifying')).toHaveLength(mentions);
		expect(items.filter((item) => item.motivation === 'commenting')).toHaveLength(dataset.notes.length);
		const related = dataset.commentaries.reduce((sum, c) => sum + c.claims.filter((claim) => claim.related.length > 0).length, 0);
		expect(items.filter((item) => item.motivation === 'linking')).toHaveLength(related);
		const blockTags = new Set(['p', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figcaption', 'aside', 'div']);
		const measured = new Map(
			dataset.commentaries.map((commentary) => {
				const tree = pages.get(commentary.slug)!;
				// The body's text as the DOM's textContent gives it, and each element with an id with its nearest block.
				const body = elements(tree, (node) => node.tagName === 'body')[0]!;
				const byId = new Map<string, { element: Element; block: Element }>();
				visitParents(body, 'element', (node, ancestors) => {
					if (typeof node.properties['id'] !== 'string') return;
					const block = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && blockTags.has(ancestor.tagName));
					byId.set(node.properties['id'], { element: node, block: block ?? body });
				});
				return [commentary.url, { text: toString(body), byId }];
			}),
		);
		for (const { target } of items) {
			const page = measured.get(target.source)!;
			const [quote, css, position] = target.selector;
			expect([quote.type, css.type, position.type]).toEqual(['TextQuoteSelector', 'CssSelector', 'TextPositionSelector']);
			const whole = quote.prefix + quote.exact + quote.suffix;
			expect(page.text.split(whole).length - 1, whole).toBe(1);
			expect(page.text.slice(position.start, position.end)).toBe(quote.exact);
			const { element, block } = page.byId.get(css.value.slice(1))!;
			expect(toString(block), `${css.value}: the quote’s context leaves its block`).toContain(whole);
			const own = toString(element);
			if (css.refinedBy) expect(own.slice(css.refinedBy.start, css.refinedBy.end)).toBe(quote.exact);
			else expect(own).toBe(quote.exact);
		}
	});
});
