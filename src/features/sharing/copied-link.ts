/**
 * The address a copied permalink carries. Pure: shared by the reading page's
 * claim panel and the share pages' copy buttons.
 */
/**
 * A permalink as the reader should copy it: on the site's public address, or,
 * when the build only knows the local preview address (`SITE_URL` unset) and
 * the page is served from elsewhere, on the address the page was served from,
 * so that a copied link leads back to where it was copied.
 *
 * @param permalink
 *   The absolute permalink the build wrote.
 * @param here
 *   The page's own origin (`location.origin`).
 * @param localDefault
 *   The build's address when `SITE_URL` is unset (`DEFAULT_SITE_URL`).
 * @returns
 *   The link to copy.
 */
export function linkFromHere(permalink: string, here: string, localDefault: string): string {
	const url = new URL(permalink);
	if (url.origin !== localDefault || here === localDefault || !/^https?:/.test(here)) return permalink;
	return `${here}${url.pathname}${url.search}${url.hash}`;
}
