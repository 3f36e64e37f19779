/**
 * Which URLs content may hold, said once: the Markdown plugin that checks
 * commentaries and the loader that checks editors' notes both ask here.
 *
 * Allowed: `http:`, `https:` and `mailto:` links, and site-relative addresses
 * (`/articles/4/`, `#c-…`). Images must be site-relative: nothing is loaded
 * from another origin. Everything else (`javascript:`, `data:`, `vbscript:`)
 * is refused. A link to another site, or a path of this one, follows the same
 * rule as every URL field of the content (`checkContentUrl`): no
 * protocol-relative `//host`, credentials, IP hosts, backslashes or
 * characters an address never holds unencoded, so a body and a frontmatter
 * field never disagree on what an address is.
 */
import { checkContentUrl } from '../schemas/safe-url.ts';

/** The origin relative addresses are resolved against; never a real host. */
const SITE = 'https://site.invalid/';

/** Schemes a content link may use. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** How a URL is used. */
export type UrlUse = 'link' | 'image';

/**
 * Why a content URL is refused, or `undefined` when it is allowed.
 *
 * The URL is parsed as a browser would (WHATWG URL: leading spaces, tabs and
 * newlines inside the scheme are ignored), so `java\tscript:` is caught too.
 *
 * @param url
 *   The URL as written.
 * @param use
 *   `link` or `image`.
 * @returns
 *   A reason, or `undefined`.
 */
export function refusedUrl(url: string, use: UrlUse): string | undefined {
	// “http:x” with no “//” is relative to the page when its scheme matches and a host name otherwise: no address at all.
	if (/^\s*https?:(?!\/\/)/i.test(url)) return `${use} URL “${url}” is not a valid address (an http or https address starts with “http://” or “https://”)`;
	let parsed: URL;
	try {
		parsed = new URL(url, SITE);
	} catch {
		return `${use} URL “${url}” is not a valid address`;
	}
	const sameSite = parsed.origin === new URL(SITE).origin;
	if (use === 'image') {
		return sameSite ? undefined : `image “${url}” is loaded from another origin (${parsed.protocol.replace(/:$/, '')}); only site-relative images are allowed`;
	}
	if (!sameSite && !LINK_PROTOCOLS.has(parsed.protocol)) {
		return `link URL “${url}” uses ${parsed.protocol} (only http, https, mailto and site-relative links are allowed)`;
	}
	// A fragment or query of this page, and a mailto: address, are not addresses of the field rule.
	if (parsed.protocol === 'mailto:' || !/^\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{1,2})/i.test(url)) return undefined;
	const verdict = checkContentUrl(url);
	return verdict.ok ? undefined : `link URL: ${verdict.reason}`;
}

/**
 * Whether an allowed link leaves the site (it gets `rel="noopener noreferrer"`).
 *
 * @param url
 *   An allowed link URL.
 * @returns
 *   `true` for `http(s):` links to another origin.
 */
export function isExternalLink(url: string): boolean {
	try {
		const parsed = new URL(url, SITE);
		return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin !== new URL(SITE).origin;
	} catch {
		return false;
	}
}
