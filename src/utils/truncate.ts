/**
 * Shorten text at a word boundary, for labels and cards that must stay short:
 * no word is cut, trailing punctuation before the cut is dropped, and an
 * ellipsis (after a space, so it never reads as the author's own) marks it.
 *
 * @param text
 *   Text as written.
 * @param max
 *   Longest result, ellipsis included.
 * @returns
 *   `text` when it fits, else its opening words and ` …`.
 */
export function truncateAtWord(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, Math.max(1, max - 2));
	// The cut falls between words when a space follows it; otherwise drop the word it splits.
	const space = /\s/u.test(text.charAt(cut.length)) ? cut.length : cut.search(/\s\S*$/u);
	const words = space > 0 ? cut.slice(0, space) : cut;
	return `${words.replace(/[\s,;:–—-]+$/u, '')} …`;
}
