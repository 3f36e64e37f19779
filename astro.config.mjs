// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkCommentaryBlocks from './src/plugins/remark-commentary-blocks.ts';
import remarkEditorNoteAnchors from './src/plugins/remark-editor-note-anchors.ts';
import rehypeClaims from './src/plugins/rehype-claims.ts';
import rehypeEditorNotes from './src/plugins/rehype-editor-notes.ts';
import rehypeClaimRedirects from './src/plugins/rehype-claim-redirects.ts';
import rehypeMentionPreviews from './src/plugins/rehype-mention-previews.ts';
import remarkActorMentions from './src/plugins/remark-actor-mentions.ts';
import remarkArticleMentions from './src/plugins/remark-article-mentions.ts';
import remarkDateMentions from './src/plugins/remark-date-mentions.ts';
import { loadRegistry } from './src/annotate/registry.ts';
import { readFileSync } from 'node:fs';
import { LEDGER_PATH, parseLedger } from './src/claims/ledger.ts';
import { listCommentarySlugs, loadEditorNotes } from './src/notes/load-notes.ts';

const root = new URL('.', import.meta.url).pathname;
// The article and actor registries, validated by the collection schemas;
// a bad entry stops the build here, naming its file, line and field.
const registry = loadRegistry(root);
// Notes are read once per build, through the same schema as the collection;
// a bad note stops the build here with its file name.
const notes = loadEditorNotes(root, listCommentarySlugs(root));
// Every published claim id; the build fails if one can no longer be found.
const ledger = parseLedger(readFileSync(new URL(LEDGER_PATH, import.meta.url), 'utf8'));

export default defineConfig({
	site: 'https://treaty-reader.example',
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// Strict CSP ahead: no inline <style>, every stylesheet is a file.
		inlineStylesheets: 'never',
	},
	// Fail the build instead of letting two pages silently claim one route.
	prerenderConflictBehavior: 'error',
	markdown: {
		processor: unified({
			// Fidelity: SmartyPants would rewrite the authors' quotes and dashes.
			smartypants: false,
			gfm: true,
			// Our Markdown holds no raw HTML; drop any rather than pass it through.
			remarkRehype: { allowDangerousHtml: false },
			remarkPlugins: [
				remarkDirective,
				remarkCommentaryBlocks,
				// First, while paragraphs are plain text: notes quote the authors' words as written.
				[remarkEditorNoteAnchors, { notes }],
				[remarkArticleMentions, { articles: registry.articles }],
				[remarkActorMentions, { actors: registry.actors }],
				remarkDateMentions,
			],
			rehypePlugins: [
				// Claims first: the editors' notes placed afterwards never become claims.
				rehypeClaims,
				[rehypeClaimRedirects, { ledger }],
				[rehypeMentionPreviews, registry],
				[rehypeEditorNotes, { notes }],
			],
		}),
	},
	vite: {
		build: {
			// Strict CSP ahead: scripts and assets are always separate files, never inlined.
			assetsInlineLimit: 0,
		},
	},
});
