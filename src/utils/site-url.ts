/**
 * The site's public address, read from one setting: the environment variable
 * `SITE_URL` (Astro's `site`). Every absolute URL the site prints (canonical,
 * Open Graph, citations, sitemap, feed) is built on it. Unset, it is the local
 * preview address, so a build on a laptop links to itself.
 */

/** Address used when `SITE_URL` is not set: where `npm run preview` serves `dist/`. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

/**
 * Check and normalise `SITE_URL`.
 *
 * @param value
 *   The variable's value (`undefined` or empty when unset).
 * @param setting
 *   How the value was given, named in errors (default: `SITE_URL`; the
 *   integration passes `--site` for Astro's flag).
 * @returns
 *   The origin, without a trailing slash (`https://treaty-reader.example`).
 * @throws {Error}
 *   Naming the variable and what is wrong: not an absolute http(s) URL, or
 *   carrying a path, query, fragment or credentials (a sub-path belongs in
 *   `--base`, so that every route and asset follows it).
 */
export function resolveSiteUrl(value: string | undefined, setting = 'SITE_URL'): string {
	const raw = value?.trim() ?? '';
	if (raw === '') return DEFAULT_SITE_URL;
	const problem = (why: string) => new Error(`${setting}=${JSON.stringify(raw)}: ${why}`);
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw problem('not an absolute URL; expected e.g. https://treaty-reader.example');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem(`expected an http or https address, got ${url.protocol}`);
	if (url.username || url.password) throw problem('must not contain credentials');
	if (url.search || url.hash || raw.includes('?') || raw.includes('#')) throw problem('must not contain a query or fragment');
	if (url.pathname !== '/') throw problem(`must be an origin without a path (got ${url.pathname}); serve under a sub-path with --base`);
	return url.origin;
}
