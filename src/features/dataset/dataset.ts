/**
 * The published dataset, built from the corpus model: `/data/corpus.json`,
 * two CSV files for spreadsheet users and every mention and editor's note as
 * a W3C Web Annotation (the data model Hypothesis and Recogito import). Pure
 * functions over plain data; the endpoints in `src/pages/data/` only call them.
 */
import { stringify } from 'csv-stringify/sync';
import { commentaryPlainText } from '../../claims/reanchor.ts';
import type { Actor } from '../../schemas/actor.ts';
import type { Article } from '../../schemas/article.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import type { Claim } from '../../schemas/corpus.ts';
import { DATASET_VERSION, datasetSchema, type Dataset, type DatasetCommentary, type DatasetMatter } from '../../schemas/dataset.ts';
import type { TimelineEvent } from '../../schemas/event.ts';
import type { EditorNote } from '../../schemas/note.ts';
import type { Routes } from '../../utils/routes.ts';

/** What the dataset is built from. */
export interface DatasetInputs {
	/** The site's address (Astro's `site`). */
	site: URL;
	/** Routes of the site (with its base). */
	routes: Routes;
	corpus: readonly { slug: string; entry: { data: Commentary }; claims: readonly Claim[] }[];
	articles: readonly { data: Article }[];
	actors: readonly { id: string; data: Actor }[];
	events: readonly TimelineEvent[];
	notes: readonly { id: string; body?: string | undefined; data: EditorNote }[];
	/** Each claim's related claims, best first (a claim absent: none). */
	related: ReadonlyMap<string, readonly { id: string; matters: readonly { id: string }[]; confirmed: boolean }[]>;
	/** The matters that relate them. */
	matters: readonly Readonly<Omit<DatasetMatter, 'articles'> & { articles: readonly number[] }>[];
}

/** How much context a quote selector carries on each side (the ledger uses the same). */
const CONTEXT = 32;

/**
 * Build and validate `/data/corpus.json`.
 *
 * @param inputs
 *   Corpus, registries, site address and routes.
 * @returns
 *   The dataset.
 * @throws
 *   When the result does not fit its schema (a defect, never published).
 */
export function buildDataset(inputs: Readonly<DatasetInputs>): Dataset {
	const { site, routes } = inputs;
	const absolute = (path: string) => new URL(path, site).href;
	const dataset = {
		version: DATASET_VERSION,
		site: absolute(routes.home()),
		commentaries: inputs.corpus.map(
			({ slug, entry, claims }): DatasetCommentary => ({
				slug,
				url: absolute(routes.commentary(slug)),
				metadata: entry.data,
				claims: claims.map((claim) => ({
					...claim,
					permalink: absolute(routes.claim(slug, claim.id)),
					share: absolute(routes.share(claim.id)),
					related: (inputs.related.get(claim.id) ?? []).map((related) => ({
						id: related.id,
						matters: related.matters.map((matter) => matter.id),
						confirmed: related.confirmed,
					})),
				})),
			}),
		),
		articles: inputs.articles.map(({ data }) => ({ number: data.number, url: absolute(routes.article(data.number)), data })),
		actors: inputs.actors.map(({ id, data }) => ({ id, url: absolute(routes.actor(id)), data })),
		events: [...inputs.events],
		notes: inputs.notes.map(({ id, body, data }) => ({ id, text: (body ?? '').trim(), data })),
		matters: inputs.matters.map(({ id, title, question, articles }) => ({ id, title, question, articles: [...articles] })),
	};
	const result = datasetSchema.safeParse(dataset);
	if (!result.success) throw new Error(`/data/corpus.json does not fit its schema: ${result.error.message}`);
	return result.data;
}

/** Distinct refs of a kind in a claim, in first-mention order. */
function refsOf(claim: Pick<Claim, 'mentions'>, kind: Claim['mentions'][number]['kind']): string[] {
	return [...new Set(claim.mentions.filter((mention) => mention.kind === kind).map((mention) => mention.ref))];
}

/**
 * `/data/claims.csv`: one row per claim, with its articles, actors and dates
 * (`;`-separated) and its addresses.
 *
 * @param dataset
 *   The dataset.
 * @returns
 *   CSV text (RFC 4180, header row, CRLF line ends).
 */
export function claimsCsv(dataset: Readonly<Dataset>): string {
	const rows = dataset.commentaries.flatMap(({ slug, metadata, claims }) =>
		claims.map((claim) => ({
			commentary: slug,
			author: metadata.authors.map((author) => author.name).join('; '),
			published: metadata.published.date,
			id: claim.id,
			index: claim.index,
			section: claim.section ?? '',
			block: claim.block,
			text: claim.text,
			articles: refsOf(claim, 'article').join(';'),
			actors: refsOf(claim, 'actor').join(';'),
			dates: refsOf(claim, 'date').join(';'),
			permalink: claim.permalink,
		})),
	);
	return stringify(rows, {
		header: true,
		record_delimiter: 'windows',
		columns: ['commentary', 'author', 'published', 'id', 'index', 'section', 'block', 'text', 'articles', 'actors', 'dates', 'permalink'],
	});
}

/**
 * `/data/article-matrix.csv`: one row per treaty article, one column per
 * commentary, each cell the number of its sentences that cite the article (by
 * number or by subject).
 *
 * @param dataset
 *   The dataset.
 * @returns
 *   CSV text.
 */
export function articleMatrixCsv(dataset: Readonly<Dataset>): string {
	const slugs = dataset.commentaries.map((commentary) => commentary.slug);
	const rows = dataset.articles.map(({ number }) => {
		const cells = dataset.commentaries.map(
			({ claims }) => claims.filter((claim) => refsOf(claim, 'article').includes(String(number))).length,
		);
		return [number, ...cells, cells.reduce((sum, cell) => sum + cell, 0)];
	});
	return stringify(rows, { header: true, record_delimiter: 'windows', columns: ['article', ...slugs, 'total'] });
}

/** A W3C Web Annotation target on a commentary page. */
export interface AnnotationTarget {
	source: string;
	selector: [
		{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
		{ type: 'TextPositionSelector'; start: number; end: number },
	];
}

/**
 * A quote selector and a position selector for `text[start, end)`, with
 * enough context that prefix + exact + suffix occurs once in `text`.
 *
 * @param text
 *   The commentary's plain text.
 * @param start
 *   Offset of the quote.
 * @param end
 *   Offset after the quote.
 * @param source
 *   The page the text is on.
 * @returns
 *   The target.
 */
export function textTarget(text: string, start: number, end: number, source: string): AnnotationTarget {
	let context = CONTEXT;
	let prefix = text.slice(Math.max(0, start - context), start);
	let suffix = text.slice(end, end + context);
	// Widen the context until the quote is unambiguous (it always is with the whole text).
	while (countOccurrences(text, prefix + text.slice(start, end) + suffix) > 1) {
		context *= 2;
		prefix = text.slice(Math.max(0, start - context), start);
		suffix = text.slice(end, end + context);
	}
	return {
		source,
		selector: [
			{ type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix },
			{ type: 'TextPositionSelector', start, end },
		],
	};
}

/** Non-overlapping-agnostic count of `needle` in `haystack` (every start position). */
function countOccurrences(haystack: string, needle: string): number {
	let count = 0;
	for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count += 1;
	return count;
}

/**
 * `/data/annotations.jsonld`: every mention (body: the entity's page), every
 * editor's note (body: its text) and every related claim (motivation
 * `linking`: the target is the claim, the body the related claim's
 * permalink) as a W3C Web Annotation on the commentary's reading page, in
 * one AnnotationCollection. Positions count
 * characters of the commentary's plain text: its sentences joined by single
 * spaces, as the permalink ledger reads it.
 *
 * @param dataset
 *   The dataset.
 * @param id
 *   The collection's own address.
 * @param routes
 *   Routes of the site, for entity pages.
 * @returns
 *   JSON-LD document.
 * @throws
 *   When a note's quote is not found exactly once in its commentary's text.
 */
export function webAnnotations(dataset: Readonly<Dataset>, id: string, routes: Routes): Record<string, unknown> {
	const absolute = (path: string) => new URL(path, dataset.site).href;
	const items: Record<string, unknown>[] = [];
	const permalinkOf = new Map(dataset.commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, claim.permalink])));
	for (const commentary of dataset.commentaries) {
		const text = commentaryPlainText(commentary.claims);
		let offset = 0;
		for (const claim of commentary.claims) {
			claim.mentions.forEach((mention, index) => {
				items.push({
					id: `${id}#${claim.id}-${index + 1}`,
					type: 'Annotation',
					motivation: 'identifying',
					body: { id: absolute(routes.entity(mention.kind, mention.ref)), type: 'SpecificResource', purpose: 'identifying' },
					target: textTarget(text, offset + mention.start, offset + mention.end, commentary.url),
				});
			});
			if (claim.related.length > 0) {
				const target = textTarget(text, offset, offset + claim.text.length, commentary.url);
				for (const related of claim.related) {
					const permalink = permalinkOf.get(related.id);
					if (!permalink) throw new Error(`/data/annotations.jsonld: ${claim.id} is related to ${related.id}, which is no claim of the corpus`);
					items.push({
						id: `${id}#${claim.id}-related-${related.id}`,
						type: 'Annotation',
						motivation: 'linking',
						body: { id: permalink, type: 'SpecificResource', purpose: 'linking' },
						target,
					});
				}
			}
			offset += claim.text.length + 1;
		}
		for (const note of dataset.notes.filter((candidate) => candidate.data.commentary === commentary.slug)) {
			const { quote, prefix = '', suffix = '' } = note.data;
			const matches: number[] = [];
			for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
				if (text.slice(0, at).endsWith(prefix) && text.slice(at + quote.length).startsWith(suffix)) matches.push(at);
			}
			if (matches.length !== 1) {
				throw new Error(`content/notes/${note.id}.md: quote: found ${matches.length} times in the text of ${commentary.slug} (expected once)`);
			}
			const start = matches[0]!;
			items.push({
				id: `${id}#note-${note.id}`,
				type: 'Annotation',
				motivation: 'commenting',
				body: { type: 'TextualBody', value: note.text, format: 'text/markdown', language: 'en' },
				target: textTarget(text, start, start + quote.length, commentary.url),
			});
		}
	}
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		id,
		type: 'AnnotationCollection',
		label: 'Treaty Reader: mentions, editors’ notes and related claims',
		total: items.length,
		first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
	};
}

/** Counts shown on the Data page. */
export interface DatasetSummary {
	version: number;
	commentaries: number;
	claims: number;
	mentions: number;
	articles: number;
	actors: number;
}

/**
 * @param dataset
 *   The dataset.
 * @returns
 *   What it holds, counted.
 */
export function datasetSummary(dataset: Readonly<Dataset>): DatasetSummary {
	const claims = dataset.commentaries.flatMap((commentary) => commentary.claims);
	return {
		version: dataset.version,
		commentaries: dataset.commentaries.length,
		claims: claims.length,
		mentions: claims.reduce((sum, claim) => sum + claim.mentions.length, 0),
		articles: dataset.articles.length,
		actors: dataset.actors.length,
	};
}
