/**
 * A commentary's citations file (`/data/citations/<slug>.json`): every
 * sentence's citations, keyed by its id, precomputed by the build and fetched
 * by the reading page's claim panel when it first opens. Pure; the endpoint
 * writes it and the panel reads it with this module.
 */
import type { CitationStyle, ClaimCitations } from '../sharing/cite.ts';

/** The formatted styles the panel offers, in its order (those of `CITATION_STYLES`). */
export const PANEL_STYLES: readonly CitationStyle[] = ['apa', 'chicago', 'mla'];

/** The raw formats the panel shows under its disclosures. */
export const PANEL_FORMATS = ['bibtex', 'ris', 'csl'] as const;

/** Every field a sentence's citations carry. */
const FIELDS = ['url', ...PANEL_STYLES, ...PANEL_FORMATS] as const;

/**
 * Whether a string is a style the panel offers: how it reads its style
 * radios' values.
 *
 * @param value
 *   Any string.
 */
export function isPanelStyle(value: string): value is CitationStyle {
	return PANEL_STYLES.some((style) => style === value);
}

/**
 * Write the citations file.
 *
 * @param citations
 *   Claim id → that sentence's citations, in reading order.
 * @returns
 *   Its JSON text.
 */
export function encodeCitationsFile(citations: ReadonlyMap<string, ClaimCitations>): string {
	return JSON.stringify(Object.fromEntries(citations));
}

/**
 * One sentence's citations from the parsed file, when every field is text.
 *
 * @param value
 *   The parsed entry.
 */
function readCitations(value: unknown): ClaimCitations | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const text = (field: string): string | undefined => {
		const found: unknown = Reflect.get(value, field);
		return typeof found === 'string' ? found : undefined;
	};
	const [url, apa, chicago, mla, bibtex, ris, csl] = FIELDS.map(text);
	if (url === undefined || apa === undefined || chicago === undefined || mla === undefined) return undefined;
	if (bibtex === undefined || ris === undefined || csl === undefined) return undefined;
	return { url, apa, chicago, mla, bibtex, ris, csl };
}

/**
 * Read the citations file. Entries that are not citations are left out, so
 * the panel says it could not load those rather than show something wrong.
 *
 * @param text
 *   The file's JSON text.
 * @returns
 *   Claim id → that sentence's citations.
 * @throws
 *   When the text is not JSON or not an object.
 */
export function decodeCitationsFile(text: string): Map<string, ClaimCitations> {
	const data: unknown = JSON.parse(text);
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('Citations file: not an object');
	const citations = new Map<string, ClaimCitations>();
	for (const [id, entry] of Object.entries(data)) {
		const read = readCitations(entry);
		if (read) citations.set(id, read);
	}
	return citations;
}
