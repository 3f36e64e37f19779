/**
 * The site's Content-Security-Policy, defined once. Every page carries it in
 * a `<meta http-equiv>` (src/layouts/Base.astro) and the build writes the same
 * policy for every path into `dist/_headers` (Netlify / Cloudflare Pages), so
 * it holds whether or not the host sends headers.
 *
 * Scripts, styles, images and fetches come only from the site itself; no
 * inline script, style or handler is allowed, ever. `'wasm-unsafe-eval'` lets
 * Pagefind compile its WebAssembly search engine (and nothing else).
 * `frame-ancestors` is left out: browsers ignore it (with a console error) in
 * a meta element, and the policy must be the same in both places.
 */

/** Directive → sources, in the order they are written. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'style-src': ["'self'"],
	'img-src': ["'self'", 'data:'],
	'font-src': ["'self'"],
	'connect-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'none'"],
	'form-action': ["'self'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
	.map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
	.join('; ');

/**
 * A `_headers` file (Netlify / Cloudflare Pages format) applying the policy
 * to every path of the site.
 *
 * @param base
 *   Astro's `base` (`/` or `/reader/`).
 * @returns
 *   The file's text.
 */
export function headersFile(base: string): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return `${prefix}*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`;
}
