/**
 * The claims of commentaries without Astro, through the site's own Markdown
 * pipeline (`src/markdown/pipeline.ts`). The ledger command and
 * the tests use it.
 */
import { basename, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { createCommentaryProcessor } from './pipeline.ts';
import { commentarySlug } from './scope.ts';
import type { Claim } from '../schemas/corpus.ts';
import { listPublished } from '../loaders/published.ts';
import { propertyOf } from '../loaders/content-problems.ts';
import { readContentText } from '../loaders/read-text.ts';

/** A processor made by `createCommentaryProcessor`. */
export type CommentaryProcessor = ReturnType<typeof createCommentaryProcessor>;

export interface RenderedCommentary {
	slug: string;
	claims: Claim[];
	/** Body HTML as the pipeline leaves it. */
	html: string;
}

/**
 * Render one commentary's Markdown and collect its claims.
 *
 * @param markdown
 *   File content, frontmatter included.
 * @param path
 *   Path of the file (gives the slug and appears in error messages).
 * @param processor
 *   The site's pipeline (`createCommentaryProcessor`).
 * @returns
 *   Slug, claims and HTML.
 * @throws {Error}
 *   Starting with `path:line:column` when the Markdown is rejected.
 */
export async function renderCommentary(markdown: string, path: string, processor: CommentaryProcessor): Promise<RenderedCommentary> {
	// Blank the frontmatter but keep its lines, so that positions in messages match the file.
	const { content, frontmatter } = parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' });
	const file = new VFile({ value: content, path, data: { astro: { frontmatter } } });
	try {
		const result = await processor.process(file);
		return { slug: commentarySlug(file), claims: result.data.claims ?? [], html: String(result.value) };
	} catch (error) {
		// Several problems at once (an AggregateError of VFileMessages): one line each.
		const nested = propertyOf(error, 'errors');
		const parts: unknown[] = Array.isArray(nested) && nested.length > 0 ? nested : [error];
		throw new Error(parts.map((part) => describeProblem(part, path)).join('\n'), { cause: error });
	}
}

/**
 * One problem of a rejected file as `path:line:column: reason`.
 *
 * @param problem
 *   A VFileMessage (with its place) or any other error.
 * @param path
 *   The file.
 * @returns
 *   The line.
 */
function describeProblem(problem: unknown, path: string): string {
	// A VFileMessage's place is a point or a span; other errors have none.
	const place = propertyOf(problem, 'place');
	const point = propertyOf(place, 'start') || place;
	const line = propertyOf(point, 'line');
	const column = propertyOf(point, 'column');
	const where = typeof line === 'number' && line > 0 ? `${path}:${line}:${typeof column === 'number' ? column : 1}` : path;
	const reason = String(propertyOf(problem, 'reason') ?? propertyOf(problem, 'message'));
	return `${where}: ${reason}`;
}

/**
 * Claims of every published commentary in a folder (`*.md`, except drafts
 * whose name starts with `_`), by slug, slugs sorted.
 *
 * @param directory
 *   Folder such as `content/commentaries`.
 * @param processor
 *   The site's pipeline (`createCommentaryProcessor`).
 * @returns
 *   Slug → claims in reading order.
 */
export async function claimsOfDirectory(directory: string, processor: CommentaryProcessor): Promise<Map<string, Claim[]>> {
	const names = listPublished(directory, '.md');
	const result = new Map<string, Claim[]>();
	for (const name of names) {
		const path = join(directory, name);
		// Read as the site reads it (a byte-order mark where the file starts is dropped), so positions agree.
		const rendered = await renderCommentary(readContentText(path, path), path, processor);
		if (result.has(rendered.slug)) throw new Error(`${path}: another file in ${basename(directory)} has the slug “${rendered.slug}”`);
		result.set(rendered.slug, rendered.claims);
	}
	return result;
}
