/**
 * The site's Astro integration: it checks `content/` and sets up the Markdown
 * pipeline once the final configuration is known (so `astro build --base
 * /reader/` reaches the plugins). Everything that can be checked before a page
 * is rendered is checked here, and every problem of every file is reported at
 * once as `file:line: field: message`; the build stops before rendering.
 * After the build it writes the search index (./pagefind.ts) and the security
 * headers (./security-headers.ts).
 */
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../loaders/content-checks.ts';
import { loadPipelineInputs, markdownPlugins, processorSettings } from './markdown-pipeline.ts';
import { buildSearchIndex } from './pagefind.ts';
import { renameRedirects } from './rename-redirects.ts';
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
				checkContent(root);
				const inputs = loadPipelineInputs(root);
				updateConfig({
					markdown: {
						processor: unified({ ...processorSettings, ...markdownPlugins(inputs, { base: config.base }) }),
					},
					redirects: renameRedirects(inputs.renames ?? new Map()),
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
