/**
 * `content/published-pages.json`: the record of what has been published that
 * a content file alone cannot vouch for, kept like the claims ledger
 * (append-only, updated by `npm run ledger`): every actor page and article
 * page ever published, each `live`, moved to another (`{"movedTo": …}`, the
 * build writes a redirect) or retired with a reason (`{"retired": "…"}`), and
 * every compare pair page ever published, and
 * how many sentence ids the ledger held, so that a ledger emptied or cut
 * short is refused rather than rewritten.
 */
import { z } from 'astro/zod';
import { visibleText } from './text.ts';

/** Format version written by `npm run ledger`. */
export const PUBLISHED_PAGES_VERSION = 1;

/** What became of a published page. */
export const publishedPageSchema = z.union([
	z.literal('live'),
	z.strictObject({
		/** The id (an actor) or number (an article, as a string) whose page replaces it; the build writes a redirect. */
		movedTo: visibleText(),
	}),
	z.strictObject({
		/** Why the page was withdrawn, for the record. */
		retired: visibleText(),
	}),
]);

/** The whole record. */
export const publishedPagesSchema = z.strictObject({
	version: z.literal(PUBLISHED_PAGES_VERSION),
	/** How many ids `content/claims-ledger.json` held when the record was last written; it may only grow. */
	claims: z.number().int().nonnegative(),
	/** How many actor, article and compare pair pages this record held when it was last written; it may only grow. */
	pages: z.number().int().nonnegative(),
	/** Actor pages (`/actors/<id>/`), by id. */
	actors: z.record(z.string(), publishedPageSchema),
	/** Article pages (`/articles/<n>/`), by number. */
	articles: z.record(z.string().regex(/^[1-9]\d*$/, 'expected an article number'), publishedPageSchema),
	/**
	 * Every pair page ever published (`/compare/<a>--<b>/`), by pair id. A pair
	 * whose page is no longer built (a commentary renamed, or the corpus grown
	 * past the pair-page threshold) gets a redirect page from the build.
	 */
	compare: z.array(z.string().regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*--[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'expected a pair id, two commentary slugs joined by --')).optional(),
});

export type PublishedPage = z.infer<typeof publishedPageSchema>;
export type PublishedPages = z.infer<typeof publishedPagesSchema>;
