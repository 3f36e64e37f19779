/**
 * The site's Astro integration: it checks `content/` and sets up the Markdown
 * pipeline once the final configuration is known (so `astro build --base
 * /reader/` reaches the plugins). Everything that can be checked before a page
 * is rendered is checked here, and every problem of every file is reported at
 * once as `file:line: field: message`; the build stops before rendering.
 * During a build it draws the share cards (./share-cards.ts) beside page
 * generation; after it, it writes the search index (./pagefind.ts), the cards
 * and the security headers (./security-headers.ts).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { SHARE_CARD_SINK, type ShareCardSink } from '../features/cards/share-card.ts';
import { checkContent } from '../loaders/content-checks.ts';
import { loadPipelineInputs, markdownPlugins, processorSettings } from '../markdown/pipeline.ts';
import { buildSearchIndex } from '../features/search/pagefind.ts';
import { renameRedirects } from './rename-redirects.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { CARD_CACHE_DIR, createShareCardRun, type ShareCardRun } from '../features/cards/share-cards.ts';

/** Claim ids of the share pages among the built pages (`c/<id>/`). */
function sharePageIds(pages: readonly { pathname: string }[]): string[] {
	return pages.flatMap(({ pathname }) => /^c\/([^/]+)\/$/.exec(pathname)?.[1] ?? []);
}

/**
 * @returns
 *   The integration.
 */
export default function treatyReader(): AstroIntegration {
	let base = '/';
	let root = '';
	let cards: ShareCardRun | undefined;
	const sinkHolder = globalThis as { [SHARE_CARD_SINK]?: ShareCardSink };
	// For the benchmark's build without cards (`npm run bench`): share pages are built, their cards are not.
	const drawCards = process.env['TREATY_READER_SHARE_CARDS'] !== 'off';
	return {
		name: 'treaty-reader',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base;
				root = fileURLToPath(config.root);
				checkContent(root);
				const inputs = loadPipelineInputs(root);
				updateConfig({
					markdown: {
						processor: unified({ ...processorSettings, ...markdownPlugins(inputs, { base: config.base }) }),
					},
					redirects: renameRedirects(inputs.renames ?? new Map()),
				});
			},
			'astro:build:start': ({ logger }) => {
				if (!drawCards) {
					logger.warn('share cards are off (TREATY_READER_SHARE_CARDS=off): share pages will point at missing images');
					return;
				}
				const run = createShareCardRun({ cacheDir: join(root, CARD_CACHE_DIR) });
				cards = run;
				sinkHolder[SHARE_CARD_SINK] = (requests) => run.request(requests);
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				delete sinkHolder[SHARE_CARD_SINK];
				const outDir = fileURLToPath(dir);
				try {
					// While the card threads finish drawing.
					await buildSearchIndex(outDir, logger);
				} catch (error) {
					await cards?.close();
					throw error;
				}
				if (cards) {
					const stats = await cards.finish(outDir, sharePageIds(pages));
					cards = undefined;
					logger.info(
						`share cards: ${stats.cards} (${stats.drawn} drawn, ${stats.cached} from cache) by ${stats.workers} thread(s), ` +
							`${(stats.bytes / 1024).toFixed(0)} KiB, ${(stats.drawMs / Math.max(1, stats.drawn)).toFixed(1)} ms per drawing ` +
							`(${(stats.drawCpuMs / Math.max(1, stats.drawn)).toFixed(1)} ms CPU), ` +
							`ready ${(stats.wallMs / 1000).toFixed(1)} s after the first request`,
					);
				}
				await writeSecurityHeaders(outDir, base);
			},
		},
	};
}
