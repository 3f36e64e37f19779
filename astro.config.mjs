// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import treatyReader from './src/integrations/treaty-reader.ts';
import { resolveSiteUrl } from './src/utils/site-url.ts';
import { inSitemap } from './src/features/dataset/sitemap-rule.ts';

export default defineConfig({
	// The one setting for the public address (README: SITE_URL); a bad value stops the build here.
	site: resolveSiteUrl(process.env.SITE_URL),
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// Strict CSP: no inline <style>, every stylesheet is a file.
		inlineStylesheets: 'never',
	},
	// Fail the build instead of letting two pages silently claim one route.
	prerenderConflictBehavior: 'error',
	// The Markdown pipeline (src/markdown/pipeline.ts) is set up by the integration,
	// once the final `base` is known.
	integrations: [treatyReader(), sitemap({ filter: inSitemap })],
	experimental: {
		// Repeated `astro build`s re-render only pages whose cache key changed (src/features/sharing/page-cache-keys.ts);
		// `npm run build` is incremental; `npm run build -- --clean` passes --force and is cold (scripts/build.mjs).
		incrementalBuild: true,
	},
	vite: {
		build: {
			// Strict CSP: scripts and assets are always separate files, never inlined.
			assetsInlineLimit: 0,
		},
	},
});
