/**
 * The words a search result marked, carried to the sentence it links to as
 * `?mark=` parameters (`/commentaries/x/?mark=sanctions&mark=Kim#c-…`): the
 * search page writes them (through `routes.claim`), the reading page reads
 * them to mark the same words. Pure; both sides use this module.
 */

/** The query parameter, once per word. */
export const MARK_PARAMETER = 'mark';

/**
 * The words worth marking: trimmed, blanks left out.
 *
 * @param words
 *   Words as found.
 */
function cleanWords(words: readonly string[]): string[] {
	return words.map((word) => word.trim()).filter((word) => word.length > 0);
}

/**
 * Write words as a query string.
 *
 * @param words
 *   Words to mark (blank ones are left out).
 * @returns
 *   `?mark=…&mark=…`, or an empty string when there is nothing to mark.
 */
export function encodeSearchMarks(words: readonly string[]): string {
	const kept = cleanWords(words);
	return kept.length > 0 ? `?${new URLSearchParams(kept.map((word) => [MARK_PARAMETER, word]))}` : '';
}

/**
 * Read the words to mark from a query string.
 *
 * @param search
 *   `location.search` (with or without its `?`).
 * @returns
 *   The words, trimmed, in the order given; blank ones are left out.
 */
export function decodeSearchMarks(search: string): string[] {
	return cleanWords(new URLSearchParams(search).getAll(MARK_PARAMETER));
}
