/**
 * After the build: the search index, through Pagefind's Node API.
 *
 * - Sentences: one custom record per claim, read from the records the build
 *   wrote (`search/records.json`, made from the corpus model with its
 *   filters); the file is removed once indexed.
 * - Pages: the article, actor and timeline pages as built, without the site
 *   chrome and without the commentary passages they quote (those are found as
 *   sentences, each linking to its place in the commentary). Only a topic's
 *   first page is indexed: its further pages (`/actors/<id>/page/2/`) hold
 *   passages only.
 *
 * Reading pages, share pages (`/c/…`) and compare pages are not indexed.
 * Every error Pagefind reports fails the build with a message saying which
 * step failed; the Pagefind service is always closed.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ClaimRecord } from '../lib/search-records.ts';

/** Where the records endpoint (src/pages/search/records.json.ts) writes them. */
export const RECORDS_FILE = 'search/records.json';

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

/**
 * Build the search index into `<outDir>/pagefind/`.
 *
 * @param outDir
 *   The build's output directory (absolute path).
 * @param logger
 *   Where to report what was indexed.
 * @returns
 *   How many pages and sentence records went in.
 */
export async function buildSearchIndex(outDir: string, logger: IndexLogger): Promise<IndexSummary> {
	const recordsPath = join(outDir, RECORDS_FILE);
	let records: ClaimRecord[];
	try {
		records = JSON.parse(await readFile(recordsPath, 'utf8')) as ClaimRecord[];
	} catch (error) {
		throw new Error(`Search index: cannot read the claim records at ${recordsPath}: ${(error as Error).message}`);
	}
	try {
		const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...EXCLUDED_SELECTORS] });
		failOn('creating the index', errors);
		if (!index) throw new Error('Search index: Pagefind created no index');
		const pages = await index.addDirectory({ path: outDir, glob: PAGE_GLOB });
		failOn(`indexing the pages ${PAGE_GLOB}`, pages.errors);
		if (pages.page_count === 0) throw new Error(`Search index: no page matched ${PAGE_GLOB} in ${outDir}`);
		for (const record of records) {
			const added = await index.addCustomRecord(record);
			failOn(`indexing the sentence ${record.url}`, added.errors);
		}
		const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		failOn('writing the index', written.errors);
		logger.info(`search index: ${pages.page_count} pages and ${records.length} sentences`);
		await rm(recordsPath);
		return { pages: pages.page_count, records: records.length };
	} finally {
		await pagefind.close();
	}
}
