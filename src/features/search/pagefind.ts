/**
 * After the build: the search index, through Pagefind's Node API.
 *
 * - Commentaries: one record per commentary, made from the corpus model
 *   with its filters and sent by the search page through the build's channel
 *   (`src/build/channel.ts`) while it is built: a small HTML document whose
 *   claims are elements with an id and `data-pagefind-title`, so each claim
 *   is a sub-result of its own.
 * - Pages: the article, actor and timeline pages as built, without the site
 *   chrome and without the commentary passages they quote (those are found as
 *   sentences, each linking to its place in the commentary). Only a topic's
 *   first page is indexed: its further pages (`/actors/<id>/page/2/`) hold
 *   passages only. Each page is marked with the filter `type: page` as it
 *   is handed to Pagefind (the published HTML is left as built): sentences
 *   carry no `type`, so telling the two apart loads a filter the size of the
 *   pages, not one listing every sentence.
 *
 * Reading pages, share pages (`/c/…`) and compare pages are not indexed.
 * Every error Pagefind reports fails the build with a message saying which
 * step failed; the Pagefind service is always closed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, glob, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../../build/channel.ts';
import { splitIntoShards } from './shards.ts';

/**
 * Built pages indexed as pages (relative to the output directory): the
 * indexes, each article and actor (not their `page/N/` pages), the timeline.
 */
export const PAGE_GLOB = '{articles,actors,timeline}/{index.html,*/index.html}';

/**
 * Parts of those pages that are not theirs to be found by: site chrome and
 * paging, the quoted passages (found as sentences), lists of other entries,
 * source lists and provenance, popovers and previews, permalink controls and
 * notes' labels. Less text also keeps the index chunks a search fetches small.
 */
export const EXCLUDED_SELECTORS: readonly string[] = [
	'.skip-link',
	'.site-header',
	'.site-footer',
	'.breadcrumbs',
	'.pager',
	'.topic-pager',
	'.eyebrow',
	'.passages',
	'.card-list',
	'.source-list',
	'.provenance',
	'.editor-note-label',
	'[popover]',
	'.claim-link',
	'.visually-hidden',
];

/** The filter that marks a page (not a sentence) in the index. */
export const PAGE_FILTER = 'type:page';

/**
 * Closing tags of elements whose text a reader sees apart from the next
 * element's (table cells, list items, headings, paragraphs): Pagefind joins
 * adjacent elements' text as written, so `<td>Article</td><td>Subject</td>`
 * would be indexed, and excerpted, as “ArticleSubject”.
 */
const SEPARATE_TEXT_AFTER = /<\/(?:td|th|tr|li|dt|dd|p|h[1-6]|caption|figcaption|blockquote)>(?=<)/giu;

/**
 * A built page as Pagefind should read it: its `<body>` carries the page
 * filter, and a space follows each cell, item, heading and paragraph so their
 * texts stay apart in the index and its excerpts. The HTML is our own
 * build's, so its one `<body` tag is found as text.
 *
 * @param html
 *   The page as built.
 * @param file
 *   Its path, for the error.
 * @returns
 *   The HTML with the filter on its body.
 */
export function markAsPage(html: string, file: string): string {
	const body = /<body(?=[\s>])/.exec(html);
	if (!body) throw new Error(`Search index: ${file} has no <body> to mark as a page`);
	const marked = `${html.slice(0, body.index)}<body data-pagefind-filter="${PAGE_FILTER}"${html.slice(body.index + body[0].length)}`;
	return marked.replace(SEPARATE_TEXT_AFTER, '$& ');
}

/** Logs progress. */
export interface IndexLogger {
	info(message: string): void;
}

/** What was indexed. */
export interface IndexSummary {
	pages: number;
	records: number;
}

/**
 * Throw a clear error when a Pagefind step reports errors.
 *
 * @param step
 *   What was being done.
 * @param errors
 *   Pagefind's `errors` array.
 */
function failOn(step: string, errors: readonly string[]): void {
	if (errors.length === 0) return;
	throw new Error(`Search index: ${step} failed:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
}

/** Where each shard's index is kept between builds, by the digest of its inputs (safe to delete). */
export const SEARCH_SHARD_CACHE_DIR = join('node_modules', '.cache', 'treaty-reader', 'search-shards');

/** What goes into one shard of the index. */
export interface SearchShard {
	/** Its number: 0 is the main index (`pagefind/`), which also holds the pages. */
	shard: number;
	/** The pages' files relative to the output directory (only in shard 0). */
	pages: readonly string[];
	/** Its commentaries' records, in reading order. */
	records: readonly SearchRecord[];
}

/** How a shard's index is cached. */
export interface ShardCacheOptions {
	/** The cache folder (absolute). */
	cacheDir: string;
	/** A digest of the site's code and configuration: any change re-indexes every shard. */
	code: string;
	/** Whether an earlier build's shard may be reused (`false` for a clean build: every shard is indexed afresh). */
	reuse: boolean;
}

/** What became of one shard. */
export interface ShardResult {
	shard: number;
	/** Whether it was copied from the cache rather than indexed. */
	cached: boolean;
	/** Its cache entry's name (the digest of its inputs). */
	key: string;
}

/**
 * The folder of a shard's index inside the output directory.
 *
 * @param outDir
 *   The output directory.
 * @param shard
 *   The shard's number.
 */
export function shardOutputDir(outDir: string, shard: number): string {
	return shard === 0 ? join(outDir, 'pagefind') : join(outDir, `pagefind-shard-${shard}`);
}

/**
 * Plan the shards: the pages that match `PAGE_GLOB` go into shard 0, the
 * records into consecutive shards of `size`.
 *
 * @param outDir
 *   The output directory (absolute).
 * @param records
 *   The commentaries' records in reading order.
 * @param size
 *   Commentaries per shard.
 */
export async function planSearchShards(outDir: string, records: readonly SearchRecord[], size: number): Promise<SearchShard[]> {
	const pages = (await Array.fromAsync(glob(PAGE_GLOB, { cwd: outDir }))).sort();
	if (pages.length === 0) throw new Error(`Search index: no page matched ${PAGE_GLOB} in ${outDir}`);
	return splitIntoShards(records, size).map((chunk, shard) => ({ shard, pages: shard === 0 ? pages : [], records: chunk }));
}

/**
 * The digest of everything a shard's index is made of: the site's code (with
 * the lockfile, so Pagefind's version), the excluded selectors, the pages as Pagefind reads them
 * and the records.
 *
 * @param shard
 *   The shard.
 * @param pageHtml
 *   Each page's HTML as handed to Pagefind, in the order of `shard.pages`.
 * @param code
 *   The code digest.
 */
function shardKey(shard: SearchShard, pageHtml: readonly string[], code: string): string {
	const hash = createHash('sha256');
	hash.update(`${code}\0${EXCLUDED_SELECTORS.join(',')}\0`);
	shard.pages.forEach((file, index) => hash.update(`page\0${file}\0${pageHtml[index] ?? ''}\0`));
	for (const record of shard.records) hash.update(`record\0${record.url}\0${record.content}\0`);
	return hash.digest('base64url');
}

/**
 * Index one shard into `shardOutputDir(outDir, shard)`, or copy its index
 * from the cache when its inputs are unchanged. A fresh index is written to
 * the cache first and then copied, so the cache never holds half an index.
 * The caller closes the Pagefind service (`pagefind.close()`).
 *
 * @param outDir
 *   The output directory (absolute).
 * @param shard
 *   The shard.
 * @param cache
 *   The cache's folder, the code digest and whether to reuse.
 */
export async function indexSearchShard(outDir: string, shard: SearchShard, cache: ShardCacheOptions): Promise<ShardResult> {
	const pageHtml = await Promise.all(shard.pages.map(async (file) => markAsPage(await readFile(join(outDir, file), 'utf8'), file)));
	const key = shardKey(shard, pageHtml, cache.code);
	const cached = join(cache.cacheDir, key);
	const target = shardOutputDir(outDir, shard.shard);
	if (cache.reuse && existsSync(join(cached, 'pagefind-entry.json'))) {
		await cp(cached, target, { recursive: true });
		return { shard: shard.shard, cached: true, key };
	}
	const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...EXCLUDED_SELECTORS] });
	failOn(`creating the index of shard ${shard.shard}`, errors);
	if (!index) throw new Error('Search index: Pagefind created no index');
	for (const [position, file] of shard.pages.entries()) {
		const added = await index.addHTMLFile({ sourcePath: file, content: pageHtml[position] ?? '' });
		failOn(`indexing the page ${file}`, added.errors);
	}
	// One at a time, in reading order: a search without words lists commentaries in the order they were indexed
	// (and the shards are merged in order, so across shards too).
	for (const record of shard.records) {
		const added = await index.addHTMLFile({ url: record.url, content: record.content });
		failOn(`indexing the commentary ${record.url}`, added.errors);
	}
	const writing = `${cached}.writing-${process.pid}`;
	await rm(writing, { recursive: true, force: true });
	const written = await index.writeFiles({ outputPath: writing });
	failOn(`writing the index of shard ${shard.shard}`, written.errors);
	await index.deleteIndex();
	await rm(cached, { recursive: true, force: true });
	await rename(writing, cached);
	await cp(cached, target, { recursive: true });
	return { shard: shard.shard, cached: false, key };
}

/**
 * Remove cached shards this build did not use, so the cache holds one
 * site's worth of index.
 *
 * @param cacheDir
 *   The cache folder.
 * @param keep
 *   The entries in use.
 */
export async function pruneShardCache(cacheDir: string, keep: Iterable<string>): Promise<void> {
	const used = new Set(keep);
	const entries = await readdir(cacheDir).catch(() => []);
	await Promise.all(entries.filter((entry) => !used.has(entry)).map((entry) => rm(join(cacheDir, entry), { recursive: true, force: true })));
}

/**
 * The line a build prints once the whole index is written (the benchmark
 * reads it: scripts/bench/build.mjs).
 *
 * @param summary
 *   Pages and commentary records indexed.
 * @param shards
 *   Every shard's result.
 * @param ms
 *   Milliseconds it took.
 * @returns
 *   `search index: … pages and … commentaries in … shard(s) (… indexed, … from cache) in … s`.
 */
export function describeSearchIndex(summary: IndexSummary, shards: readonly ShardResult[], ms: number): string {
	const copied = shards.filter((result) => result.cached).length;
	return (
		`search index: ${summary.pages} pages and ${summary.records} commentaries in ${shards.length} shard(s) ` +
		`(${shards.length - copied} indexed, ${copied} from cache) in ${(ms / 1000).toFixed(2)} s`
	);
}

/**
 * Build the search index: shard 0 into `<outDir>/pagefind/`, shard `k` into
 * `<outDir>/pagefind-shard-<k>/`, each copied from the cache when unchanged.
 *
 * @param outDir
 *   The build's output directory (absolute path).
 * @param records
 *   The commentaries' records in reading order, as the search page sent them
 *   (`undefined` when it sent none).
 * @param logger
 *   Where to report what was indexed.
 * @param options
 *   Commentaries per shard and the cache.
 * @returns
 *   How many pages and commentary records went in.
 */
export async function buildSearchIndex(
	outDir: string,
	records: readonly SearchRecord[] | undefined,
	logger: IndexLogger,
	options: ShardCacheOptions & { shardSize: number },
): Promise<IndexSummary> {
	if (!records) throw new Error('Search index: no commentary records were sent; the search page sends them while it is built (src/features/search/data.ts)');
	const started = performance.now();
	try {
		const shards = await planSearchShards(outDir, records, options.shardSize);
		const results: ShardResult[] = [];
		for (const shard of shards) results.push(await indexSearchShard(outDir, shard, options));
		await pruneShardCache(options.cacheDir, results.map((result) => result.key));
		const pages = shards[0]?.pages.length ?? 0;
		logger.info(describeSearchIndex({ pages, records: records.length }, results, performance.now() - started));
		return { pages, records: records.length };
	} finally {
		await pagefind.close();
	}
}
