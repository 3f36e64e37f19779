/**
 * The published dataset, built from the corpus model: `/data/corpus.json`,
 * and two CSV files for spreadsheet users (the Web Annotations are measured
 * on the built pages: ./annotations.ts). Pure functions over plain data; the
 * endpoints in `src/pages/data/` only call them.
 */
import { stringify } from 'csv-stringify/sync';
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
