/**
 * Fidelity: proof that a reading page carries every word of the author's text,
 * in the author's order, with the author's spelling and punctuation.
 *
 * The source side is a raw capture minus the lines listed in the debris list;
 * the page side is the visible text of the built HTML. Both are cut into tokens
 * the same way (Unicode word segmentation, plus each punctuation mark), and
 * each source token must be found on the page after the previous one. Extra
 * page text (navigation, labels, editorial notes) is allowed; a changed,
 * dropped or moved word is not. A curly apostrophe is not a straight one, and
 * `the the` stays `the the`.
 *
 * All functions are pure: files are read by the callers.
 */
import type { Nodes as HastNodes, Element as HastElement } from 'hast';
import type { DebrisEntry } from './debris.ts';

/** A unit of text compared between the capture and the page. */
export interface Token {
	/** The characters, NFC-normalised. */
	value: string;
	/** `word`: a word-like segment (letters or digits, with inner apostrophes, points…); `mark`: one punctuation or symbol character. */
	kind: 'word' | 'mark';
	/** 1-based line in the text it came from. */
	line: number;
}

export interface TokenizeOptions {
	/** Compare punctuation and symbols as well as words (default: `true`). */
	marks?: boolean;
	/**
	 * Characters that, first on a line, are list markers rather than text: the
	 * page shows them as list structure, not as characters (default: `'•◦▪‣'`).
	 */
	listMarkers?: string;
}

/** Where the first source token not found on the page is, and what precedes it. */
export interface Missing {
	/** The token that was not found. */
	token: Token;
	/** Its 0-based position among the source tokens. */
	index: number;
	/** Up to 8 source words before it, to find the place. */
	before: string[];
}

export interface InOrderResult {
	/** True when every source token was found in order. */
	ok: boolean;
	/** Source tokens found before the first miss (all of them when `ok`). */
	matched: number;
	/** Number of source tokens. */
	total: number;
	/** The first miss, or `null` when `ok`. */
	missing: Missing | null;
}

const CONTEXT_WORDS = 8;
const DEFAULT_LIST_MARKERS = '•◦▪‣';

/**
 * Cut text into word and mark tokens. Whitespace is never a token; text is
 * NFC-normalised, which is the only change an HTML page may legitimately make
 * to characters.
 *
 * @param text
 *   Any text.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Tokens in text order.
 */
export function tokenize(text: string, options?: Readonly<TokenizeOptions> | null): Token[] {
	const marks = options?.marks ?? true;
	const listMarkers = options?.listMarkers ?? DEFAULT_LIST_MARKERS;
	const normalised = text.normalize('NFC');
	const lineStarts = [0];
	for (let i = 0; i < normalised.length; i++) if (normalised[i] === '\n') lineStarts.push(i + 1);
	const lineAt = (offset: number): number => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};

	const tokens: Token[] = [];
	let lastLine = 0;
	const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
	for (const { segment, index, isWordLike } of segmenter.segment(normalised)) {
		if (isWordLike) {
			lastLine = lineAt(index);
			tokens.push({ value: segment, kind: 'word', line: lastLine });
			continue;
		}
		if (!marks) continue;
		let offset = index;
		for (const char of segment) {
			const at = offset;
			offset += char.length;
			if (/\s/u.test(char)) continue;
			const line = lineAt(at);
			// A bullet glyph opening a line is list structure, shown as <li> on the page.
			if (listMarkers.includes(char) && line !== lastLine) continue;
			lastLine = line;
			tokens.push({ value: char, kind: 'mark', line });
		}
	}
	return tokens;
}

/**
 * Blank out the debris lines of a capture, keeping line numbers.
 *
 * Each entry must match exactly one whole line (runs of whitespace count as one
 * space), or the line it names with `line`; anything else is an error, so the
 * debris list cannot drift from the captures.
 *
 * @param captureText
 *   Raw capture.
 * @param entries
 *   Its debris entries.
 * @param file
 *   Capture file name, for errors.
 * @returns
 *   The capture with those lines emptied.
 * @throws
 *   `Error` naming the capture file and the entry that was not found, was ambiguous or overlaps another.
 */
export function removeDebris(captureText: string, entries: readonly DebrisEntry[], file: string): string {
	const lines = captureText.split('\n');
	const squashed = lines.map(squash);
	const removed = new Set<number>();
	for (const entry of entries) {
		const text = squash(entry.text);
		let index: number;
		if (entry.line !== undefined) {
			index = entry.line - 1;
			if (squashed[index] !== text) {
				throw new Error(
					`${file}: debris entry “${entry.text}” (${entry.reason}) is not line ${entry.line}, which reads “${squashed[index] ?? '(past the end of the file)'}”`,
				);
			}
		} else {
			const found = squashed.flatMap((line, i) => (line === text ? [i] : []));
			if (found.length === 0) {
				throw new Error(`${file}: debris entry “${entry.text}” (${entry.reason}) matches no line of the capture`);
			}
			if (found.length > 1) {
				throw new Error(
					`${file}: debris entry “${entry.text}” (${entry.reason}) matches lines ${found.map((i) => i + 1).join(', ')}; add \`line:\` to say which`,
				);
			}
			index = found[0]!;
		}
		if (removed.has(index)) {
			throw new Error(`${file}: debris entry “${entry.text}” (${entry.reason}) removes line ${index + 1} a second time`);
		}
		removed.add(index);
	}
	return lines.map((line, i) => (removed.has(i) ? '' : line)).join('\n');
}

/**
 * The tokens of a capture that the page must show: the capture minus its
 * debris lines, tokenised.
 *
 * @param captureText
 *   Raw capture.
 * @param entries
 *   Its debris entries (an empty list when it has none).
 * @param file
 *   Capture file name, for errors.
 * @param options
 *   Tokenizer configuration (optional).
 * @returns
 *   Source tokens, with lines of the capture.
 * @throws
 *   As `removeDebris`.
 */
export function sourceWords(
	captureText: string,
	entries: readonly DebrisEntry[],
	file: string,
	options?: Readonly<TokenizeOptions> | null,
): Token[] {
	return tokenize(removeDebris(captureText, entries, file), options);
}

/**
 * Check that every source token occurs in the page text, in order. Page text
 * between matches is allowed (labels, headings added by the layout…).
 *
 * @param source
 *   Tokens from `sourceWords`.
 * @param pageText
 *   Visible text of the page (see `visibleText`).
 * @param options
 *   Tokenizer configuration for the page; use the same as for the source (optional).
 * @returns
 *   Match count and the first miss.
 */
export function checkInOrder(
	source: readonly Token[],
	pageText: string,
	options?: Readonly<TokenizeOptions> | null,
): InOrderResult {
	const page = tokenize(pageText, options);
	let cursor = 0;
	for (let index = 0; index < source.length; index++) {
		const token = source[index]!;
		// Earliest match is safe: if any in-order matching exists, this one finds it.
		while (cursor < page.length && page[cursor]!.value !== token.value) cursor++;
		if (cursor === page.length) {
			const before = source
				.slice(0, index)
				.filter((t) => t.kind === 'word')
				.slice(-CONTEXT_WORDS)
				.map((t) => t.value);
			return { ok: false, matched: index, total: source.length, missing: { token, index, before } };
		}
		cursor++;
	}
	return { ok: true, matched: source.length, total: source.length, missing: null };
}

/**
 * A one-line report of a check, for test failures and logs.
 *
 * @param file
 *   What was checked, e.g. the capture file name and page.
 * @param result
 *   Result of `checkInOrder`.
 * @returns
 *   Message.
 */
export function formatInOrderResult(file: string, result: InOrderResult): string {
	if (!result.missing) return `${file}: all ${result.total} tokens found in order`;
	const { token, index, before } = result.missing;
	const after = before.length > 0 ? `after “…${before.join(' ')}”` : 'at the start';
	return `${file} line ${token.line}: ${token.kind} “${token.value}” (token ${index + 1} of ${result.total}) is missing from the page or out of order, ${after}`;
}

/** Elements whose content starts and ends a block of text, so words on either side never run together. */
const BLOCK_ELEMENTS = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
	'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
	'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Elements whose text is never shown as page text. */
const INVISIBLE_ELEMENTS = new Set(['head', 'script', 'style', 'template', 'noscript', 'svg']);

export interface VisibleTextOptions {
	/**
	 * Elements to leave out with their content, besides hidden ones, e.g. the
	 * editors' notes placed beside the author's text (default: none).
	 */
	skip?: ((element: HastElement) => boolean) | null;
}

/**
 * The text a reader sees in a HAST tree. Block boundaries become line breaks;
 * inline elements add nothing, so `<a>Putin</a>’s` stays one word. Hidden
 * elements (`hidden`, `aria-hidden="true"`) are left out: a visible label the
 * layout adds for sighted readers must never stand in for the author's text.
 *
 * @param node
 *   HAST node, e.g. the page's `<main>`.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Text.
 */
export function visibleText(node: HastNodes, options?: Readonly<VisibleTextOptions> | null): string {
	const skip = options?.skip;
	const parts: string[] = [];
	const walk = (current: HastNodes): void => {
		if (current.type === 'text') {
			parts.push(current.value);
			return;
		}
		if (current.type === 'element') {
			if (isHidden(current) || skip?.(current)) return;
			const block = BLOCK_ELEMENTS.has(current.tagName);
			if (block) parts.push('\n');
			for (const child of current.children) walk(child);
			if (block) parts.push('\n');
			return;
		}
		if (current.type === 'root') for (const child of current.children) walk(child);
	};
	walk(node);
	return parts.join('');
}

/**
 * First element named `tagName` in document order.
 *
 * @param node
 *   Tree to search.
 * @param tagName
 *   Lower-case element name.
 * @returns
 *   The element, or `undefined`.
 */
export function findElement(node: HastNodes, tagName: string): HastElement | undefined {
	if (node.type === 'element' && node.tagName === tagName) return node;
	if (node.type === 'element' || node.type === 'root') {
		for (const child of node.children) {
			const found = findElement(child, tagName);
			if (found) return found;
		}
	}
	return undefined;
}

function isHidden(element: HastElement): boolean {
	if (INVISIBLE_ELEMENTS.has(element.tagName)) return true;
	const { hidden, ariaHidden } = element.properties;
	// hast keeps `aria-hidden` as written (`"true"`); a tree built by hand may hold a boolean.
	return hidden === true || hidden === '' || String(ariaHidden) === 'true';
}

function squash(line: string): string {
	return line.replace(/\s+/gu, ' ').trim();
}
