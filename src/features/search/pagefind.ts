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
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../../build/channel.ts';

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

/**
 * Build the search index into `<outDir>/pagefind/`.
 *
 * @param outDir
 *   The build's output directory (absolute path).
 * @param records
 *   The commentaries' records in reading order, as the search page sent them
 *   (`undefined` when it sent none).
 * @param logger
 *   Where to report what was indexed.
 * @returns
 *   How many pages and commentary records went in.
 */
export async function buildSearchIndex(outDir: string, records: readonly SearchRecord[] | undefined, logger: IndexLogger): Promise<IndexSummary> {
	if (!records) throw new Error('Search index: no commentary records were sent; the search page sends them while it is built (src/features/search/data.ts)');
	try {
		const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...EXCLUDED_SELECTORS] });
		failOn('creating the index', errors);
		if (!index) throw new Error('Search index: Pagefind created no index');
		const files = (await Array.fromAsync(glob(PAGE_GLOB, { cwd: outDir }))).sort();
		if (files.length === 0) throw new Error(`Search index: no page matched ${PAGE_GLOB} in ${outDir}`);
		for (const file of files) {
			const added = await index.addHTMLFile({ sourcePath: file, content: markAsPage(await readFile(join(outDir, file), 'utf8'), file) });
			failOn(`indexing the page ${file}`, added.errors);
		}
		const pages = { page_count: files.length };
		// One at a time, in reading order: a search without words lists commentaries in the order they were indexed.
		for (const record of records) {
			const added = await index.addHTMLFile({ url: record.url, content: record.content });
			failOn(`indexing the commentary ${record.url}`, added.errors);
		}
		const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		failOn('writing the index', written.errors);
		logger.info(`search index: ${pages.page_count} pages and ${records.length} commentaries`);
		return { pages: pages.page_count, records: records.length };
	} finally {
		await pagefind.close();
	}
}
