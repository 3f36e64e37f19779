/**
 * The one rule for every address a content file gives (a commentary's
 * `source.url`, every `sources[].url` of articles, notes and events, and any
 * URL field added later): an absolute `http://` or `https://` address, or a
 * site-relative path (`/articles/4/`). Anything else — `javascript:`,
 * `data:`, `vbscript:`, a protocol-relative `//host`, a scheme written in
 * capitals, or one split by white space or control characters
 * (`java\tscript:`, which browsers read as `javascript:`) — is refused, since
 * the address is published as a live link, in citation metadata and in the
 * data exports. Whether a site-relative path names a page the site builds is
 * checked against the content (`src/loaders/site-paths.ts`), which the schema
 * cannot see.
 */
import { z } from 'astro/zod';

/** White space, C0 and C1 controls, and the invisible format characters a browser strips from a URL before reading it. */
const HIDDEN_IN_URL = /[\s\p{Cc}\p{Cf}]/u;

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
	const shown = JSON.stringify(value);
	const allowed = 'only http(s) addresses (https://…) and site-relative paths (/articles/4/) are allowed';
	if (value === '') return { ok: false, reason: `the address is empty; ${allowed}` };
	if (HIDDEN_IN_URL.test(value)) {
		const scheme = schemeOf(value);
		const hint = scheme && scheme !== 'http:' && scheme !== 'https:' ? `, which a browser reads as ${scheme}` : '';
		return { ok: false, reason: `${shown} contains white space or an invisible or control character${hint}; ${allowed}` };
	}
	if (value.startsWith('//') || value.startsWith('/\\')) return { ok: false, reason: `${shown} is protocol-relative (it would load from whatever host it names); ${allowed}` };
	if (value.startsWith('/')) {
		if (value.includes('\\')) return { ok: false, reason: `${shown} contains a backslash; ${allowed}` };
		return { ok: true, kind: 'site-path' };
	}
	const scheme = schemeOf(value);
	if (scheme === undefined) return { ok: false, reason: `${shown} is neither an absolute address nor a site-relative path (start it with https:// or /); ${allowed}` };
	if (scheme !== 'http:' && scheme !== 'https:') return { ok: false, reason: `${shown} uses ${scheme}; ${allowed}` };
	if (!/^https?:\/\//.test(value)) return { ok: false, reason: `${shown}: write the scheme in lowercase followed by // (https://…)` };
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { ok: false, reason: `${shown} is not a valid address` };
	}
	if (url.hostname === '') return { ok: false, reason: `${shown} has no host` };
	if (url.username !== '' || url.password !== '') return { ok: false, reason: `${shown} carries credentials (user:password@); leave them out` };
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
