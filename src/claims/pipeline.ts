/**
 * The claims of a commentary without Astro: the same Markdown pipeline as
 * `astro.config.mjs` (GFM, no SmartyPants, raw HTML dropped, directives and
 * commentary blocks) followed by `rehype-claims`. The ledger script and the
 * edit tests use it.
 *
 * The annotation plugins are not run: they only wrap existing text in links,
 * which changes neither the sentences nor their ids (a test guards this).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import remarkCommentaryBlocks from '../plugins/remark-commentary-blocks.ts';
import rehypeClaims, { commentarySlug, type Options as ClaimsOptions } from '../plugins/rehype-claims.ts';
import type { Claim } from './types.ts';

export interface PipelineOptions {
	/** Extra remark plugins, run after the commentary blocks (default: none). */
	remarkPlugins?: PluggableList;
	/** Options of `rehype-claims`; `include` is ignored (every file given is a commentary). */
	claims?: Omit<ClaimsOptions, 'include'>;
}

export interface RenderedCommentary {
	slug: string;
	claims: Claim[];
	/** Body HTML as the claims plugin leaves it. */
	html: string;
}

/**
 * Render one commentary's Markdown and collect its claims.
 *
 * @param markdown
 *   File content, frontmatter included.
 * @param path
 *   Path of the file (gives the slug and appears in error messages).
 * @param options
 *   Configuration (optional).
 * @returns
 *   Slug, claims and HTML.
 * @throws {Error}
 *   Starting with `path:line:column` when the Markdown is rejected.
 */
export async function renderCommentary(markdown: string, path: string, options?: Readonly<PipelineOptions> | null): Promise<RenderedCommentary> {
	// Blank the frontmatter but keep its lines, so that positions in messages match the file.
	const { content } = parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' });
	const file = new VFile({ value: content, path });
	const processor = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkDirective)
		.use(remarkCommentaryBlocks)
		.use(options?.remarkPlugins ?? [])
		.use(remarkRehype, { allowDangerousHtml: false })
		.use(rehypeClaims, { ...options?.claims, include: () => true })
		.use(rehypeStringify);
	try {
		const result = await processor.process(file);
		return { slug: commentarySlug(file), claims: result.data.claims ?? [], html: String(result.value) };
	} catch (error) {
		const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
		const point = place && 'start' in place && place.start ? place.start : place;
		const where = point?.line ? `${path}:${point.line}:${point.column ?? 1}` : path;
		const reason = (error as { reason?: string }).reason ?? (error as Error).message;
		throw new Error(`${where}: ${reason}`, { cause: error });
	}
}

/**
 * Claims of every published commentary in a folder (`*.md`, except drafts
 * whose name starts with `_`), by slug, slugs sorted.
 *
 * @param directory
 *   Folder such as `content/commentaries`.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Slug → claims in reading order.
 */
export async function claimsOfDirectory(directory: string, options?: Readonly<PipelineOptions> | null): Promise<Map<string, Claim[]>> {
	const names = (await readdir(directory)).filter((name) => name.endsWith('.md') && !name.startsWith('_')).sort();
	const result = new Map<string, Claim[]>();
	for (const name of names) {
		const path = join(directory, name);
		const rendered = await renderCommentary(await readFile(path, 'utf8'), path, options);
		if (result.has(rendered.slug)) throw new Error(`${path}: another file in ${basename(directory)} has the slug “${rendered.slug}”`);
		result.set(rendered.slug, rendered.claims);
	}
	return result;
}
