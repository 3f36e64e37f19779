/**
 * The text recognisers read: the author's text with the differences that do
 * not change a word folded away — curly and straight apostrophes read alike,
 * non-breaking and thin spaces read as spaces, non-breaking hyphens as hyphens, and invisible characters (soft
 * hyphens, zero-width spaces and joiners, word joiners, byte-order marks) are
 * skipped. Every character keeps a map back to the original, so what is linked
 * is always the author's text as written (and sentence ids, computed from
 * that text, never change).
 */

/** Text as recognisers read it, with the way back to the original. */
export interface MatchingText {
	/** Folded text. */
	text: string;
	/**
	 * Offset in the original of each character of `text`, plus one entry for
	 * the end (`origin[text.length]` is the original's length).
	 */
	origin: number[];
}

/** Characters that are not there for a reader. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
/** Apostrophes and their look-alikes, read as `'`. */
const APOSTROPHE = /[\u2018\u2019\u02bc\u2032]/u;
/** Spaces that only differ in how they break or how wide they are, read as ` `. */
const SPACE = /[\u00a0\u2007\u2009\u202f]/u;
/** Hyphens that only differ in how they break (Unicode hyphen, non-breaking hyphen), read as `-`. */
const HYPHEN = /[\u2010\u2011]/u;
/** Whether a string has anything to fold (most do not). */
const FOLDABLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u2018\u2019\u02bc\u2032\u00a0\u2007\u2009\u202f\u2010\u2011]/u;

/**
 * Fold a string for matching.
 *
 * @param input
 *   Text as written.
 * @returns
 *   Folded text and the map back.
 */
export function toMatchingText(input: string): MatchingText {
	const origin: number[] = [];
	if (!FOLDABLE.test(input)) {
		for (let index = 0; index <= input.length; index++) origin.push(index);
		return { text: input, origin };
	}
	let text = '';
	for (let index = 0; index < input.length; index++) {
		const character = input.charAt(index);
		if (INVISIBLE.test(character)) continue;
		text += APOSTROPHE.test(character) ? "'" : SPACE.test(character) ? ' ' : HYPHEN.test(character) ? '-' : character;
		origin.push(index);
	}
	origin.push(input.length);
	return { text, origin };
}

/**
 * A registry string (an actor's form, an implicit phrase) folded the same way,
 * so that it matches the folded text.
 *
 * @param value
 *   String as listed.
 * @returns
 *   Folded string.
 */
export function foldForMatching(value: string): string {
	return toMatchingText(value).text;
}

/**
 * The span in the original text of a span of the folded text.
 *
 * @param matching
 *   Folded text with its map.
 * @param start
 *   Start in the folded text.
 * @param end
 *   End (exclusive) in the folded text.
 * @returns
 *   `[start, end)` in the original.
 */
export function originalSpan(matching: MatchingText, start: number, end: number): [number, number] {
	const from = matching.origin[start] ?? 0;
	const to = end > start ? (matching.origin[end - 1] ?? from) + 1 : from;
	return [from, to];
}
