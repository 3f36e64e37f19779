/**
 * The published dataset, built from the corpus model: `/data/corpus.json`,
 * and two CSV files for spreadsheet users (the Web Annotations are measured
 * on the built pages: ./annotations.ts). Pure functions over plain data; the
 * endpoints in `src/pages/data/` only call them.
 */
import type { z } from 'astro/zod';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../schemas/actor.ts';
import type { Article } from '../../schemas/article.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import type { Claim } from '../../schemas/corpus.ts';
import { DATASET_VERSION, datasetCommentarySchema, datasetSchema, type Dataset, type DatasetCommentary, type DatasetMatter } from '../../schemas/dataset.ts';
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
 * The dataset with its commentaries read one at a time: what the endpoints
 * and the Data page read. At 1,000 commentaries the whole dataset as objects
 * (every claim with its addresses and related ids), with zod's validated copy
 * beside it, was some hundreds of megabytes held for the rest of the build;
 * a commentary's entry is now made when it is read and let go after.
 */
export interface DatasetView extends Omit<Dataset, 'commentaries'> {
	/** The commentaries in reading order; each pass makes them again. */
	readonly commentaries: Iterable<DatasetCommentary>;
}

/** What a pass over the commentaries does with each entry. */
interface CommentaryPass {
	/** Validate each entry against the published schema (the JSON file does; the CSV files and counts read the same fields). */
	readonly validate: boolean;
}

/**
 * One commentary's entry of `/data/corpus.json`.
 *
 * @param inputs
 *   Site address, routes and related claims.
 * @param item
 *   The commentary and its claims.
 * @param pass
 *   Whether to validate it.
 * @returns
 *   Its entry (validated: zod's copy, keys in the schema's order).
 * @throws
 *   When it does not fit its schema (a defect, never published), naming the commentary.
 */
function datasetCommentary(inputs: Readonly<DatasetInputs>, item: DatasetInputs['corpus'][number], pass: CommentaryPass): DatasetCommentary {
	const { site, routes } = inputs;
	const absolute = (path: string) => new URL(path, site).href;
	const { slug, entry, claims } = item;
	const commentary: DatasetCommentary = {
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
	};
	if (!pass.validate) return commentary;
	const result = datasetCommentarySchema.safeParse(commentary);
	if (!result.success) throw new Error(`/data/corpus.json does not fit its schema (commentary “${slug}”): ${result.error.message}`);
	return result.data;
}

/**
 * The commentaries of the dataset, made one at a time each time they are
 * iterated.
 *
 * @param inputs
 *   Corpus, site address, routes and related claims.
 * @param pass
 *   Whether to validate each.
 * @returns
 *   An iterable that makes each entry as it is read.
 */
function datasetCommentaries(inputs: Readonly<DatasetInputs>, pass: CommentaryPass): Iterable<DatasetCommentary> {
	return {
		*[Symbol.iterator]() {
			for (const item of inputs.corpus) yield datasetCommentary(inputs, item, pass);
		},
	};
}

/**
 * Validate one top-level field of the dataset with its own schema.
 *
 * @param key
 *   The field, for the message.
 * @param schema
 *   Its schema (`datasetSchema.shape[key]`).
 * @param value
 *   Its value.
 * @returns
 *   zod's output.
 * @throws
 *   When it does not fit (a defect, never published).
 */
function validField<Output>(key: string, schema: z.ZodType<Output>, value: unknown): Output {
	const result = schema.safeParse(value);
	if (!result.success) throw new Error(`/data/corpus.json does not fit its schema (${key}): ${result.error.message}`);
	return result.data;
}

/**
 * The dataset's fields other than its commentaries, validated.
 *
 * @param inputs
 *   Registries, site address and routes.
 * @returns
 *   The fields, in the schema's order.
 */
function datasetRegistries(inputs: Readonly<DatasetInputs>): Omit<Dataset, 'commentaries'> {
	const { site, routes } = inputs;
	const absolute = (path: string) => new URL(path, site).href;
	return {
		version: validField('version', datasetSchema.shape.version, DATASET_VERSION),
		site: validField('site', datasetSchema.shape.site, absolute(routes.home())),
		articles: validField(
			'articles',
			datasetSchema.shape.articles,
			inputs.articles.map(({ data }) => ({ number: data.number, url: absolute(routes.article(data.number)), data })),
		),
		actors: validField(
			'actors',
			datasetSchema.shape.actors,
			inputs.actors.map(({ id, data }) => ({ id, url: absolute(routes.actor(id)), data })),
		),
		events: validField('events', datasetSchema.shape.events, [...inputs.events]),
		notes: validField(
			'notes',
			datasetSchema.shape.notes,
			inputs.notes.map(({ id, body, data }) => ({ id, text: (body ?? '').trim(), data })),
		),
		matters: validField(
			'matters',
			datasetSchema.shape.matters,
			inputs.matters.map(({ id, title, question, articles }) => ({ id, title, question, articles: [...articles] })),
		),
	};
}

/**
 * The dataset, its commentaries made (without validation) each time they are
 * read: for the CSV files and the Data page's counts.
 *
 * @param inputs
 *   Corpus, registries, site address and routes.
 * @returns
 *   The dataset's registries and its commentaries, lazily.
 */
export function datasetView(inputs: Readonly<DatasetInputs>): DatasetView {
	return { ...datasetRegistries(inputs), commentaries: datasetCommentaries(inputs, { validate: false }) };
}

/**
 * Build and validate `/data/corpus.json` whole (tests and tools; the build
 * prints it with `datasetJson`).
 *
 * @param inputs
 *   Corpus, registries, site address and routes.
 * @returns
 *   The dataset.
 * @throws
 *   When the result does not fit its schema (a defect, never published).
 */
export function buildDataset(inputs: Readonly<DatasetInputs>): Dataset {
	const { version, site, ...rest } = datasetRegistries(inputs);
	// The schema's key order, as one `datasetSchema.parse` of the whole gave it.
	return { version, site, commentaries: [...datasetCommentaries(inputs, { validate: true })], ...rest };
}

/**
 * `/data/corpus.json` as UTF-8 chunks, one commentary each (unindented:
 * indentation was a third of the file, and JSON tools print it readably).
 * The same bytes as `JSON.stringify(buildDataset(inputs))` and a line end,
 * printed field by field: only one commentary's entry exists at a time.
 *
 * @param inputs
 *   Corpus, registries, site address and routes.
 * @returns
 *   The file's bytes, in chunks.
 * @throws
 *   When a part does not fit its schema (a defect, never published).
 */
export function* datasetJson(inputs: Readonly<DatasetInputs>): Generator<Uint8Array> {
	const encoder = new TextEncoder();
	const { version, site, ...rest } = datasetRegistries(inputs);
	let head = `{"version":${JSON.stringify(version)},"site":${JSON.stringify(site)},"commentaries":[`;
	let first = true;
	for (const commentary of datasetCommentaries(inputs, { validate: true })) {
		yield encoder.encode(`${head}${first ? '' : ','}${JSON.stringify(commentary)}`);
		head = '';
		first = false;
	}
	const tail = Object.entries(rest).map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`);
	yield encoder.encode(`${head}]${tail.join('')}}\n`);
}

/** Distinct refs of a kind in a claim, in first-mention order. */
function refsOf(claim: Pick<Claim, 'mentions'>, kind: Claim['mentions'][number]['kind']): string[] {
	return [...new Set(claim.mentions.filter((mention) => mention.kind === kind).map((mention) => mention.ref))];
}

/** The columns of `/data/claims.csv`, in order. */
const CLAIMS_CSV_COLUMNS = ['commentary', 'author', 'published', 'id', 'index', 'section', 'block', 'text', 'articles', 'actors', 'dates', 'permalink'];

/**
 * `/data/claims.csv`: one row per claim, with its articles, actors and dates
 * (`;`-separated) and its addresses. Printed commentary by commentary (the
 * same text as all rows printed at once: every record ends with its line end).
 *
 * @param dataset
 *   The dataset (its commentaries are read once).
 * @returns
 *   CSV text (RFC 4180, header row, CRLF line ends).
 */
export function claimsCsv(dataset: Pick<DatasetView, 'commentaries'>): string {
	const parts = [stringify([], { header: true, record_delimiter: 'windows', columns: CLAIMS_CSV_COLUMNS })];
	for (const { slug, metadata, claims } of dataset.commentaries) {
		const author = metadata.authors.map((each) => each.name).join('; ');
		const rows = claims.map((claim) => ({
			commentary: slug,
			author,
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
		}));
		parts.push(stringify(rows, { header: false, record_delimiter: 'windows', columns: CLAIMS_CSV_COLUMNS }));
	}
	return parts.join('');
}

/**
 * How many of a commentary's claims cite each article (by number or by
 * subject; a claim citing one twice counts once).
 *
 * @param claims
 *   The commentary's claims.
 * @returns
 *   Article number (as the mentions write it) → claims citing it.
 */
function articleCounts(claims: readonly Pick<Claim, 'mentions'>[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const claim of claims) {
		for (const ref of refsOf(claim, 'article')) counts.set(ref, (counts.get(ref) ?? 0) + 1);
	}
	return counts;
}

/**
 * `/data/article-matrix.csv`: one row per treaty article, one column per
 * commentary, each cell the number of its sentences that cite the article (by
 * number or by subject).
 *
 * @param dataset
 *   The dataset (its commentaries are read once).
 * @returns
 *   CSV text.
 */
export function articleMatrixCsv(dataset: Pick<DatasetView, 'articles' | 'commentaries'>): string {
	const slugs: string[] = [];
	const columns: Map<string, number>[] = [];
	for (const { slug, claims } of dataset.commentaries) {
		slugs.push(slug);
		columns.push(articleCounts(claims));
	}
	const rows = dataset.articles.map(({ number }) => {
		const cells = columns.map((counts) => counts.get(String(number)) ?? 0);
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
 *   The dataset (its commentaries are read once).
 * @returns
 *   What it holds, counted.
 */
export function datasetSummary(dataset: Pick<DatasetView, 'version' | 'articles' | 'actors' | 'commentaries'>): DatasetSummary {
	let commentaries = 0;
	let claims = 0;
	let mentions = 0;
	for (const commentary of dataset.commentaries) {
		commentaries += 1;
		claims += commentary.claims.length;
		for (const claim of commentary.claims) mentions += claim.mentions.length;
	}
	return { version: dataset.version, commentaries, claims, mentions, articles: dataset.articles.length, actors: dataset.actors.length };
}
