/**
 * How the reading page finds the words a search result marked (`?mark=`,
 * src/utils/search-marks.ts) in the sentence it lands on. Pure.
 */

/**
 * A pattern matching any of the words as whole words, in any case, longest
 * first (so `Kim Jong Un` wins over `Kim`).
 *
 * @param words
 *   The words, as `decodeSearchMarks` reads them (trimmed, none blank).
 * @returns
 *   A global, case-insensitive, Unicode pattern, or `undefined` for no words.
 */
export function searchMarkPattern(words: readonly string[]): RegExp | undefined {
	if (words.length === 0) return undefined;
	const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
	return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** A piece of text: as it is, or to be marked. */
export type MarkedPart = { text: string; marked: boolean };

/**
 * Split a text around the pattern's matches.
 *
 * @param text
 *   A text node's text.
 * @param pattern
 *   From `searchMarkPattern`.
 * @returns
 *   The pieces in order (empty pieces between matches kept), or `undefined`
 *   when nothing matches.
 */
export function splitMarks(text: string, pattern: RegExp): MarkedPart[] | undefined {
	const parts: MarkedPart[] = [];
	let at = 0;
	for (const match of text.matchAll(pattern)) {
		parts.push({ text: text.slice(at, match.index), marked: false }, { text: match[0], marked: true });
		at = match.index + match[0].length;
	}
	if (at === 0) return undefined;
	parts.push({ text: text.slice(at), marked: false });
	return parts;
}
