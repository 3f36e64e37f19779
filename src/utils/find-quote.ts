/**
 * Exact-quote matching for editor's notes (a W3C TextQuoteSelector without
 * the fuzziness: a note must point at words the authors actually wrote).
 */
export interface QuoteSelector {
	/** The exact words. */
	quote: string;
	/** Text that must come right before the quote (optional). */
	prefix?: string | undefined;
	/** Text that must come right after the quote (optional). */
	suffix?: string | undefined;
}

/**
 * Every start offset of `selector.quote` in `text` whose surroundings equal
 * the prefix and suffix. Context must be found in full within `text`: a
 * prefix cannot be satisfied by a text that starts at the quote.
 *
 * @param text
 *   Text to search.
 * @param selector
 *   Quote with optional context.
 * @returns
 *   Start offsets, in order.
 */
export function findQuote(text: string, selector: QuoteSelector): number[] {
	const { quote, prefix, suffix } = selector;
	const starts: number[] = [];
	if (quote.length === 0) return starts;
	let from = 0;
	for (;;) {
		const start = text.indexOf(quote, from);
		if (start === -1) break;
		from = start + 1;
		const end = start + quote.length;
		if (prefix) {
			if (text.slice(Math.max(0, start - prefix.length), start) !== prefix) continue;
		}
		if (suffix) {
			if (text.slice(end, end + suffix.length) !== suffix) continue;
		}
		starts.push(start);
	}
	return starts;
}
