/**
 * The site's Astro integration: it reads the build's context (`content/`,
 * checked, and the Markdown pipeline's inputs; src/build/context.ts) and sets
 * up the pipeline once the final configuration is known (so `astro build
 * --base /reader/` reaches the plugins). Everything that can be checked before
 * a page is rendered is checked here, and every problem of every file is
 * reported at once as `file:line: field: message`; the build stops before
 * rendering. During a build it receives what pages send (src/build/channel.ts):
 * it keeps the share cards they ask for and the search records. After it,
 * it fills the share pages and writes the security headers
 * (./security-headers.ts). The rest, under `npm run build`
 * (scripts/build.mjs), is left to processes started once the astro process
 * has exited (./shard-work.ts): the search index
 * (src/features/search/pagefind.ts), the cards
 * (src/features/cards/share-cards.ts) and the Web Annotations
 * (src/features/dataset/annotations-file.ts), so that they never sit beside
 * what Astro holds. Run directly (`astro build`), it does them itself: the
 * cards drawn beside page generation, then the index and the annotations.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { receiveFromPages, type FilledPages, type SearchRecord } from '../build/channel.ts';
import { installBuildContext, readBuildContext } from '../build/context.ts';
import { markdownPlugins, pipelineInputs, processorSettings } from '../markdown/pipeline.ts';
import { buildSearchIndex, SEARCH_SHARD_CACHE_DIR } from '../features/search/pagefind.ts';
import { searchShardSize } from '../features/search/shards.ts';
import { ANNOTATION_CACHE_DIR, describeAnnotations, writeAnnotations } from '../features/dataset/annotations-file.ts';
import { publishedPairRedirects, renameRedirects } from './rename-redirects.ts';
import { listPublished } from '../loaders/published.ts';
import { movedPageRedirects } from '../loaders/published-pages.ts';
import { resolveSiteUrl } from '../utils/site-url.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { CARD_CACHE_DIR, createShareCardRun, describeCards, type ShareCardRun } from '../features/cards/share-cards.ts';
import type { ShareCardRequest } from '../features/cards/share-card.ts';
import { SHARD_WORK_VARIABLE, writeShardWork } from './shard-work.ts';
import { describePageFonts, PAGE_CODE_POINTS_CACHE, writePageFonts } from '../features/reader/page-fonts.ts';
import { codeDigest, fillCpuSummary, SHARE_PAGE_CACHE_DIR, writeFilledPages } from '../features/sharing/share-page-files.ts';

/** Claim ids of the share pages among the written pages (`c/<id>/`). */
function sharePageIds(pages: readonly { pathname: string }[]): string[] {
	return pages.flatMap(({ pathname }) => /^c\/(c-[^/]+)\/$/.exec(pathname)?.[1] ?? []);
}

/**
 * @returns
 *   The integration.
 */
export default function treatyReader(): AstroIntegration {
	let base = '/';
	let root = '';
	// Whether Astro writes into the staging folder of `npm run build` (scripts/build.mjs) or straight into the output.
	let staged = true;
	let cards: ShareCardRun | undefined;
	let records: SearchRecord[] | undefined;
	let filled: FilledPages | undefined;
	let stopReceiving: (() => void) | undefined;
	// For the benchmark's build without cards (`npm run bench`): share pages are built, their cards are not.
	const drawCards = process.env['TREATY_READER_SHARE_CARDS'] !== 'off';
	// `npm run build` and `npm run build:shards`: the search index, the cards and the annotations are left to jobs (./shard-work.ts).
	const shardWorkFile = process.env[SHARD_WORK_VARIABLE] || undefined;
	let deferredCards: ShareCardRequest[] = [];
	return {
		name: 'treaty-reader',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				// `astro build --site …` replaces the SITE_URL the config read: the same rule applies to it.
				if (config.site !== undefined) resolveSiteUrl(config.site, '--site (or SITE_URL)');
				base = config.base;
				root = fileURLToPath(config.root);
				staged = basename(fileURLToPath(config.outDir)).startsWith('.staging-');
				// Read once here; content.config.ts and the pages take the same context (src/build/context.ts).
				const context = readBuildContext(root);
				installBuildContext(context);
				updateConfig({
					markdown: {
						// No highlighter: Shiki and Prism write inline `style` attributes (the CSP forbids them); code is refused anyway.
						syntaxHighlight: false,
						processor: unified({ ...processorSettings, ...markdownPlugins(pipelineInputs(root, context), { base: config.base }) }),
					},
					redirects: {
						...renameRedirects(context.renames),
						// Compare pair pages published once and no longer built (content/published-pages.json).
						...publishedPairRedirects(context.publishedPages.compare ?? [], listPublished(join(root, 'content', 'commentaries'), '.md').map((name) => name.slice(0, -'.md'.length)), context.renames),
						// Actor and article pages recorded as moved (content/published-pages.json).
						...movedPageRedirects(context.publishedPages, {
							actors: new Set(context.registry.actors.map((actor) => actor.id)),
							articles: new Set(context.registry.articles.map((article) => article.number)),
						}),
					},
				});
			},
			'astro:build:start': ({ logger }) => {
				if (!staged) logger.warn('building straight into the output folder (`astro build` run directly): a build that fails leaves it half-built; `npm run build` swaps a finished site in, or keeps the previous one');
				if (!drawCards) logger.warn('share cards are off (TREATY_READER_SHARE_CARDS=off): share pages will point at missing images');
				const run = drawCards && !shardWorkFile ? createShareCardRun({ cacheDir: join(root, CARD_CACHE_DIR) }) : undefined;
				cards = run;
				records = undefined;
				filled = undefined;
				deferredCards = [];
				stopReceiving = receiveFromPages({
					shareCards: (requests) => (shardWorkFile ? deferredCards.push(...requests) : run?.request(requests)),
					searchRecords: (sent) => {
						records = [...(records ?? []), ...sent];
					},
					filledPages: (sent) => {
						filled = sent;
					},
				});
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				stopReceiving?.();
				installBuildContext(undefined);
				const outDir = fileURLToPath(dir);
				const written = [...pages];
				// `npm run build -- --clean` passes Astro's `--force`: nothing of an earlier build is reused.
				const reuse = !process.argv.includes('--force');
				const code = codeDigest(root);
				if (filled) {
					// The share pages: Astro rendered their frame once; each is that frame filled (src/features/sharing/share-page-files.ts).
					const started = performance.now();
					const stats = writeFilledPages(outDir, filled, {
						code,
						cacheDir: join(root, SHARE_PAGE_CACHE_DIR),
						reuse,
					});
					written.push(...filled.pages);
					filled = undefined;
					logger.info(
						`share pages: ${stats.pages} (${stats.filled} filled, ${stats.restored} restored) in ${((performance.now() - started) / 1000).toFixed(2)} s` +
							`${fillCpuSummary(stats)}\n${stats.lines.join('\n')}`,
					);
				}
				// Every page is written by now (the share pages just above): the faces for the scripts they show.
				const fontsStarted = performance.now();
				// A page the last build read (a share page linked from its cache) is not read again.
				const pageFonts = writePageFonts(outDir, { file: join(root, PAGE_CODE_POINTS_CACHE), reuse });
				logger.info(`${describePageFonts(pageFonts)} in ${((performance.now() - fontsStarted) / 1000).toFixed(2)} s`);
				if (shardWorkFile) {
					if (!records) throw new Error('Search index: no commentary records were sent; the search page sends them while it is built (src/features/search/data.ts)');
					writeShardWork(shardWorkFile, {
						shardSize: searchShardSize(),
						code,
						reuse,
						searchCacheDir: join(root, SEARCH_SHARD_CACHE_DIR),
						cardCacheDir: drawCards ? join(root, CARD_CACHE_DIR) : null,
						records,
						cards: deferredCards,
						sharePages: sharePageIds(written),
						annotations: { base, cacheDir: join(root, ANNOTATION_CACHE_DIR) },
					});
					logger.info(`search index, cards and annotations: left to the jobs after Astro (${records.length} commentaries, ${deferredCards.length} cards)`);
					records = undefined;
					deferredCards = [];
					await writeSecurityHeaders(outDir, base);
					return;
				}
				try {
					// While the card threads finish drawing.
					await buildSearchIndex(outDir, records, logger, { cacheDir: join(root, SEARCH_SHARD_CACHE_DIR), code, reuse, shardSize: searchShardSize() });
					// Indexed: the commentaries' records (a long one's text whole) are not held through the steps after.
					records = undefined;
				} catch (error) {
					await cards?.close();
					throw error;
				}
				if (cards) {
					const stats = await cards.finish(outDir, sharePageIds(written));
					cards = undefined;
					logger.info(describeCards(stats));
				}
				// Measured on the built reading pages, as annotation clients read them.
				const annotationsStarted = performance.now();
				const annotations = await writeAnnotations(outDir, base, { cacheDir: join(root, ANNOTATION_CACHE_DIR), code, reuse });
				logger.info(describeAnnotations(annotations, performance.now() - annotationsStarted));
				await writeSecurityHeaders(outDir, base);
			},
		},
	};
}
