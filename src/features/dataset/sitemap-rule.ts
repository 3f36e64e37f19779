/**
 * Which pages the sitemap lists. Share pages (`/c/<claim id>/`) are left
 * out: there is one per sentence ever published, each says its canonical
 * address is the sentence in its reading page, and the reading page is
 * listed. The not-found page is left out too. Every other page is listed.
 */

/** A share page's path ends in `/c/c-` + 10 hex digits + `/` (under any base). */
const SHARE_PAGE = /\/c\/c-[0-9a-f]{10}\/$/;

/**
 * @param page
 *   Absolute address of a built page, as `@astrojs/sitemap` passes it.
 * @returns
 *   Whether the sitemap lists it.
 */
export function inSitemap(page: string): boolean {
	const { pathname } = new URL(page);
	return !SHARE_PAGE.test(pathname) && !/\/404\/?$/.test(pathname);
}
