/**
 * Which pages the sitemap lists. Share pages (`/c/<claim id>/`) are left
 * out: there is one per sentence ever published, each says its canonical
 * address is the sentence in its reading page, and the reading page is
 * listed. The share pages' frame, which the build fills and removes, is left out
 * with them. The not-found page is left out too. Every other page is listed.
 */
import { SHARE_FRAME_ID } from '../sharing/page-frame.ts';

/** A share page's path ends in `/c/c-` + 10 hex digits + `/` (under any base), their frame's in `/c/frame/`. */
const SHARE_PAGE = new RegExp(`/c/(c-[0-9a-f]{10}|${SHARE_FRAME_ID})/$`);

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
