/**
 * The site's Astro integration: it sets up the Markdown pipeline once the
 * final configuration is known (so `astro build --base /reader/` reaches the
 * plugins) and reads what the plugins need, validated, before any page is
 * rendered: a bad registry entry, note or ledger stops the build here, naming
 * its file, line and field. After the build it writes the search index
 * (./pagefind.ts) and the security headers (./security-headers.ts).
 */
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { loadPipelineInputs, markdownPlugins, processorSettings } from './markdown-pipeline.ts';
import { buildSearchIndex } from './pagefind.ts';
import { writeSecurityHeaders } from './security-headers.ts';

/**
 * @returns
 *   The integration.
 */
export default function treatyReader(): AstroIntegration {
	let base = '/';
	return {
		name: 'treaty-reader',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base;
				const root = fileURLToPath(config.root);
				const inputs = loadPipelineInputs(root);
				updateConfig({
					markdown: {
						processor: unified({ ...processorSettings, ...markdownPlugins(inputs, { base: config.base }) }),
					},
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				await buildSearchIndex(outDir, logger);
				await writeSecurityHeaders(outDir, base);
			},
		},
	};
}
