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

/** What each foldable character reads as, by UTF-16 code unit (all are one code unit; `''`: skipped). */
const FOLDED: ReadonlyMap<number, string> = new Map([
	// Characters that are not there for a reader: soft hyphen, zero-width space, non-joiner and joiner, word joiner,
	// byte-order mark.
	...[0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].map((code) => [code, ''] as const),
	// Apostrophes and their look-alikes.
	...[0x2018, 0x2019, 0x02bc, 0x2032].map((code) => [code, "'"] as const),
	// Spaces that only differ in how they break or how wide they are.
	...[0x00a0, 0x2007, 0x2009, 0x202f].map((code) => [code, ' '] as const),
	// Hyphens that only differ in how they break (Unicode hyphen, non-breaking hyphen).
	...[0x2010, 0x2011].map((code) => [code, '-'] as const),
]);
/** The smallest foldable code unit: anything below it is kept without a look-up. */
const LOWEST_FOLDED = Math.min(...FOLDED.keys());
/** Whether a string has anything to fold (most do not). */
const FOLDABLE = new RegExp(`[${[...FOLDED.keys()].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`);

/** The folded characters that are dropped (those that are not there for a reader). */
const DROPPED = new RegExp(`[${[...FOLDED].filter(([, folded]) => folded === '').map(([code]) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`);
/** Every folded character, for replacing them all at once. */
const FOLDABLE_EVERYWHERE = new RegExp(FOLDABLE.source, 'g');

/**
 * The folded text when folding keeps every offset (each folded character
 * becomes exactly one: an apostrophe, a space or a hyphen, none dropped), so
 * that a match's offsets need no map back; `undefined` when some character
 * is dropped (use `toMatchingText`).
 *
 * @param input
 *   Text that needs folding.
 * @returns
 *   Folded text of the same length, or `undefined`.
 */
export function foldKeepingOffsets(input: string): string | undefined {
	if (DROPPED.test(input)) return undefined;
	return input.replace(FOLDABLE_EVERYWHERE, (character) => FOLDED.get(character.charCodeAt(0)) ?? character);
}

/**
 * Whether a string reads differently once folded (most do not).
 *
 * @param input
 *   Text as written.
 * @returns
 *   Whether `toMatchingText` changes it.
 */
export function needsFolding(input: string): boolean {
	return FOLDABLE.test(input);
}

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
	// Runs of characters that stay as they are are copied whole: most of the text.
	const pieces: string[] = [];
	let run = 0;
	for (let index = 0; index < input.length; index++) {
		const code = input.charCodeAt(index);
		const folded = code < LOWEST_FOLDED ? undefined : FOLDED.get(code);
		if (folded === undefined) {
			origin.push(index);
			continue;
		}
		pieces.push(input.slice(run, index));
		run = index + 1;
		if (folded === '') continue;
		pieces.push(folded);
		origin.push(index);
	}
	pieces.push(input.slice(run));
	origin.push(input.length);
	return { text: pieces.join(''), origin };
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
