// @ts-check
import { defineConfig } from 'astro/config';
import treatyReader from './src/integrations/treaty-reader.ts';

export default defineConfig({
	site: 'https://treaty-reader.example',
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// Strict CSP: no inline <style>, every stylesheet is a file.
		inlineStylesheets: 'never',
	},
	// Fail the build instead of letting two pages silently claim one route.
	prerenderConflictBehavior: 'error',
	// The Markdown pipeline (src/integrations/markdown-pipeline.ts) is set up by the integration,
	// once the final `base` is known.
	integrations: [treatyReader()],
	vite: {
		build: {
			// Strict CSP: scripts and assets are always separate files, never inlined.
			assetsInlineLimit: 0,
		},
	},
});
