/**
 * Test helper: Markdown through the production pipeline's remark side
 * (remark-parse, remark-directive, remark-commentary-blocks, the three
 * annotation plugins, remark-rehype, rehype-stringify). Not a test file.
 */
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkActorMentions, { type Options as ActorOptions } from '../../../src/markdown/plugins/remark-actor-mentions.ts';
import remarkArticleMentions, { type Options as ArticleOptions } from '../../../src/markdown/plugins/remark-article-mentions.ts';
import remarkCommentaryBlocks from '../../../src/markdown/plugins/remark-commentary-blocks.ts';
import remarkDateMentions, { type Options as DateOptions } from '../../../src/markdown/plugins/remark-date-mentions.ts';

export interface RenderOptions {
	articles?: ArticleOptions['articles'];
	actors?: ActorOptions['actors'];
	referenceDate?: DateOptions['referenceDate'];
	/** Frontmatter as Astro exposes it on `file.data.astro.frontmatter`. */
	frontmatter?: Record<string, unknown>;
	/** File path (default: none, so every plugin applies). */
	path?: string;
}

/**
 * Render Markdown to HTML with the annotation plugins.
 *
 * @returns
 *   HTML and the file (for `data` and `messages`).
 */
export async function render(markdown: string, options: RenderOptions = {}): Promise<{ html: string; file: VFile }> {
	const file = new VFile({ value: markdown, ...(options.path ? { path: options.path } : {}) });
	if (options.frontmatter) file.data.astro = { frontmatter: structuredClone(options.frontmatter) };
	const processor = unified()
		.use(remarkParse)
		.use(remarkDirective)
		.use(remarkCommentaryBlocks)
		.use(remarkArticleMentions, { articles: options.articles ?? [] })
		.use(remarkActorMentions, { actors: options.actors ?? [] })
		.use(remarkDateMentions, options.referenceDate ? { referenceDate: options.referenceDate } : {})
		.use(remarkRehype)
		.use(rehypeStringify);
	const html = String(await processor.process(file));
	return { html, file };
}
