/**
 * The one rule for every address a content file gives (a commentary's
 * `source.url`, every `sources[].url` of articles, notes and events, and any
 * URL field added later): an absolute `http://` or `https://` address of a
 * public host, or a site-relative path (`/articles/4/`). Anything else —
 * `javascript:`, `data:`, `vbscript:`, a protocol-relative `//host`, a scheme
 * written in capitals, or one split by white space or control characters
 * (`java\tscript:`, which browsers read as `javascript:`) — is refused, since
 * the address is published as a live link, in citation metadata and in the
 * data exports. So is what browsers repair but other readers of the exports
 * (BibTeX, RIS, CSL, corpus.json) read otherwise: a backslash
 * (`https://good.example\@evil.example/` is good.example to a browser and
 * evil.example to an RFC 3986 parser), the other ASCII characters RFC 3986
 * never allows unencoded (`"` `<` `>` `^` `` ` `` `{` `|` `}`: a `}` ends a
 * BibTeX field), a `%` not followed by two hex digits, nothing or extra
 * slashes between `//` and the host (`https:///x`), an `@` in the host part
 * (credentials, even empty), and an address longer than 2,048 characters. The
 * host must be a public domain name: not an IP address (a link to
 * `http://192.168.0.1/` points at the reader's own network), with a dot and no
 * empty label. Whether a site-relative path names a page the site builds is
 * checked against the content (`src/loaders/site-paths.ts`), which the schema
 * cannot see; a commentary's `source.url` names the original elsewhere and
 * must be absolute (`absoluteUrlSchema`).
 */
import { z } from 'astro/zod';

/** White space, C0 and C1 controls, and the invisible format characters a browser strips from a URL before reading it. */
const HIDDEN_IN_URL = /[\s\p{Cc}\p{Cf}]/u;

/** ASCII characters RFC 3986 never allows unencoded in an address (the backslash is told apart, for its message). */
const NOT_IN_URL = /["<>^`{|}]/;

/** The longest address accepted: what every browser and reference manager takes. */
export const MAX_URL_LENGTH = 2048;

/** What an address is, by its rule. */
export type UrlKind = 'absolute' | 'site-path';

/** Why an address is refused, or what kind it is. */
export type UrlVerdict = { ok: true; kind: UrlKind } | { ok: false; reason: string };

/**
 * The scheme a browser would see in `value`: its text before the first `:`,
 * with white space and control characters dropped and in lowercase (`undefined`
 * when it has none).
 *
 * @param value
 *   The address as written.
 * @returns
 *   The scheme with its colon, e.g. `javascript:`.
 */
function schemeOf(value: string): string | undefined {
	const folded = value.replace(new RegExp(HIDDEN_IN_URL.source, 'gu'), '').toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(folded)?.[1]?.concat(':');
}

/**
 * Check an address against the site's URL rule.
 *
 * @param value
 *   The address as written in the content file.
 * @returns
 *   Its kind, or why it is refused (one clause, for `field: message`).
 */
export function checkContentUrl(value: string): UrlVerdict {
	const shown = value.length > 120 ? `${JSON.stringify(value.slice(0, 100))}…` : JSON.stringify(value);
	const allowed = 'only http(s) addresses (https://…) and site-relative paths (/articles/4/) are allowed';
	if (value === '') return { ok: false, reason: `the address is empty; ${allowed}` };
	if (value.length > MAX_URL_LENGTH) return { ok: false, reason: `${shown} is ${value.length.toLocaleString('en')} characters long; an address is at most ${MAX_URL_LENGTH.toLocaleString('en')} (give the page's short address)` };
	if (HIDDEN_IN_URL.test(value)) {
		const scheme = schemeOf(value);
		const hint = scheme && scheme !== 'http:' && scheme !== 'https:' ? `, which a browser reads as ${scheme}` : '';
		return { ok: false, reason: `${shown} contains white space or an invisible or control character${hint}; ${allowed}` };
	}
	if (value.startsWith('//') || value.startsWith('/\\')) return { ok: false, reason: `${shown} is protocol-relative (it would load from whatever host it names); ${allowed}` };
	// The scheme first: a `javascript:` address is refused as such, whatever else it holds.
	const scheme = value.startsWith('/') ? undefined : schemeOf(value);
	if (!value.startsWith('/')) {
		if (scheme === undefined) return { ok: false, reason: `${shown} is neither an absolute address nor a site-relative path (start it with https:// or /); ${allowed}` };
		if (scheme !== 'http:' && scheme !== 'https:') return { ok: false, reason: `${shown} uses ${scheme}; ${allowed}` };
	}
	if (value.includes('\\')) return { ok: false, reason: `${shown} contains a backslash, which browsers read as / and other readers do not; write / (or %5C in a query)` };
	const unencoded = NOT_IN_URL.exec(value)?.[0];
	if (unencoded !== undefined) {
		const code = `%${unencoded.charCodeAt(0).toString(16).toUpperCase()}`;
		return { ok: false, reason: `${shown} contains “${unencoded}”, which an address never holds unencoded; write it as ${code}` };
	}
	if (/%(?![0-9A-Fa-f]{2})/.test(value)) return { ok: false, reason: `${shown} has a % not followed by two hex digits; write a % itself as %25` };
	if (value.startsWith('/')) return { ok: true, kind: 'site-path' };
	if (!/^https?:\/\//.test(value)) return { ok: false, reason: `${shown}: write the scheme in lowercase followed by // (https://…)` };
	const authority = /^https?:\/\/([^/?#]*)/.exec(value)![1]!;
	if (authority === '') return { ok: false, reason: `${shown} has no host right after // (write https://example.org/…)` };
	if (authority.includes('@')) return { ok: false, reason: `${shown} carries credentials (user:password@, even empty); leave them out` };
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { ok: false, reason: `${shown} is not a valid address` };
	}
	const host = url.hostname;
	if (host === '') return { ok: false, reason: `${shown} has no host` };
	if (host.startsWith('[') || /^\d+(?:\.\d+){3}$/.test(host)) return { ok: false, reason: `${shown} names its host by an IP address; give the source's domain name (a link to an address would point at the reader's own network)` };
	if (!host.includes('.') || host.split('.').some((label) => label === '')) return { ok: false, reason: `${shown} has no public host name (a domain such as example.org, with no empty part between dots)` };
	return { ok: true, kind: 'absolute' };
}

/**
 * The URL field of every content schema: a string that passes `checkContentUrl`.
 * Refinements are zod's, so a refused address is reported like any other
 * field, as `file:line: field: message`.
 */
export const contentUrlSchema = z
	.string()
	.superRefine((value, ctx) => {
		const verdict = checkContentUrl(value);
		if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.reason });
	})
	.describe('An http(s) address or a site-relative path.');

/**
 * An address that must be absolute: a commentary's `source.url` names its
 * original on another site, and goes into citation metadata and BibTeX,
 * where a path of this site means nothing.
 */
export const absoluteUrlSchema = z
	.string()
	.superRefine((value, ctx) => {
		const verdict = checkContentUrl(value);
		if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.reason });
		else if (verdict.kind !== 'absolute') ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is a path of this site; the original is elsewhere: give its https:// address` });
	})
	.describe('An http(s) address.');
