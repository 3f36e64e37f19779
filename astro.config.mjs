// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkCommentaryBlocks from './src/plugins/remark-commentary-blocks.ts';

export default defineConfig({
	site: 'https://treaty-reader.example',
	trailingSlash: 'always',
	build: { format: 'directory' },
	// Fail the build instead of letting two pages silently claim one route.
	prerenderConflictBehavior: 'error',
	markdown: {
		processor: unified({
			// Fidelity: SmartyPants would rewrite the authors' quotes and dashes.
			smartypants: false,
			gfm: true,
			// Our Markdown holds no raw HTML; drop any rather than pass it through.
			remarkRehype: { allowDangerousHtml: false },
			remarkPlugins: [remarkDirective, remarkCommentaryBlocks],
			rehypePlugins: [],
		}),
	},
});
