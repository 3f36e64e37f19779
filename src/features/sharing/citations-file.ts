/**
 * A commentary's citations file (`/data/citations/<slug>.json`): every
 * sentence's citations, keyed by its id (written compactly, see
 * `encodeCitationsFile`), precomputed by the build and fetched
 * by the reading page's claim panel when it first opens. Pure; the endpoint
 * writes it and the panel reads it with this module.
 */
import type { CitationStyle, ClaimCitations } from './cite.ts';

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
 * A sentence's id as it appears inside its citations: without its `c-`
 * (the BibTeX and CSL keys drop the hyphen), or nothing when too short to
 * be worth standing in for.
 *
 * @param id
 *   `c-0123456789`.
 */
function idCore(id: string): string {
	const core = id.slice(id.lastIndexOf('-') + 1);
	return core.length >= 4 ? core : '';
}

/**
 * A character no citation contains, to stand for each sentence's id core.
 *
 * @param values
 *   Every citation string of the file.
 * @returns
 *   A control character, or nothing when every one occurs.
 */
function freeSeparator(values: readonly string[]): string | undefined {
	for (let code = 1; code < 32; code++) {
		const separator = String.fromCharCode(code);
		if (!values.some((value) => value.includes(separator))) return separator;
	}
	return undefined;
}

/** Length of the longest prefix all strings share. */
function commonPrefix(values: readonly string[]): number {
	const [first = ''] = values;
	let length = first.length;
	for (const value of values) {
		let at = 0;
		while (at < length && at < value.length && value[at] === first[at]) at++;
		length = at;
	}
	return length;
}

/** Length of the longest suffix all strings share after their first `skip` characters. */
function commonSuffix(values: readonly string[], skip: number): number {
	const [first = ''] = values;
	let length = first.length - skip;
	for (const value of values) {
		let at = 0;
		while (at < length && at < value.length - skip && value[value.length - 1 - at] === first[first.length - 1 - at]) at++;
		length = at;
	}
	return length;
}

/**
 * Write the citations file. A commentary's sentences are cited alike but
 * for their id and their words, so each style is written once, as the text
 * every sentence's citation starts and ends with (`shared`), and each
 * sentence keeps only its middle (`sentences`, in `FIELDS` order); the id,
 * wherever a citation names it (the anchor, a BibTeX or CSL key), is the
 * `separator` character. A third of the bytes of writing every citation
 * out, and read back exactly.
 *
 * @param citations
 *   Claim id → that sentence's citations, in reading order.
 * @returns
 *   Its JSON text.
 */
export function encodeCitationsFile(citations: ReadonlyMap<string, ClaimCitations>): string {
	const separator = freeSeparator([...citations.values()].flatMap((entry) => FIELDS.map((field) => entry[field])));
	const templated = [...citations].map(([id, entry]) => {
		const core = idCore(id);
		return FIELDS.map((field) => (separator && core ? entry[field].split(core).join(separator) : entry[field]));
	});
	const shared = FIELDS.map((_, index) => {
		const values = templated.map((fields) => fields[index]!);
		const prefix = commonPrefix(values);
		const suffix = commonSuffix(values, prefix);
		return { prefix, suffix, text: [values[0]?.slice(0, prefix) ?? '', values[0]?.slice(values[0].length - suffix) ?? ''] };
	});
	const sentences = Object.fromEntries(
		[...citations.keys()].map((id, row) => [id, templated[row]!.map((value, index) => value.slice(shared[index]!.prefix, value.length - shared[index]!.suffix))]),
	);
	return JSON.stringify({
		separator: separator ?? null,
		shared: Object.fromEntries(FIELDS.map((field, index) => [field, shared[index]!.text])),
		sentences,
	});
}

/**
 * A pair of strings, or nothing.
 *
 * @param value
 *   Parsed JSON.
 */
function readPair(value: unknown): readonly [string, string] | undefined {
	if (!Array.isArray(value) || value.length !== 2) return undefined;
	const [start, end]: unknown[] = value;
	return typeof start === 'string' && typeof end === 'string' ? [start, end] : undefined;
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
 *   When the text is not JSON or not a citations file.
 */
export function decodeCitationsFile(text: string): Map<string, ClaimCitations> {
	const data: unknown = JSON.parse(text);
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('Citations file: not an object');
	const separator: unknown = Reflect.get(data, 'separator');
	const shared: unknown = Reflect.get(data, 'shared');
	const sentences: unknown = Reflect.get(data, 'sentences');
	if ((separator !== null && typeof separator !== 'string') || typeof shared !== 'object' || shared === null || typeof sentences !== 'object' || sentences === null) {
		throw new Error('Citations file: no shared text and sentences');
	}
	const frames = FIELDS.map((field) => readPair(Reflect.get(shared, field)));
	const citations = new Map<string, ClaimCitations>();
	for (const [id, middles] of Object.entries(sentences)) {
		if (!Array.isArray(middles) || middles.length !== FIELDS.length) continue;
		const core = idCore(id);
		const values = FIELDS.map((_, index) => {
			const frame = frames[index];
			const middle: unknown = middles[index];
			if (!frame || typeof middle !== 'string') return undefined;
			const value = frame[0] + middle + frame[1];
			return separator && core ? value.split(separator).join(core) : value;
		});
		const [url, apa, chicago, mla, bibtex, ris, csl] = values;
		if (url === undefined || apa === undefined || chicago === undefined || mla === undefined) continue;
		if (bibtex === undefined || ris === undefined || csl === undefined) continue;
		citations.set(id, { url, apa, chicago, mla, bibtex, ris, csl });
	}
	return citations;
}
