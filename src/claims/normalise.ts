/**
 * Normalisation of claim text before hashing and fuzzy matching, so that
 * typographic corrections (straight to curly quotes, a hyphen to an en dash,
 * a doubled space, a capital letter) never change a permalink.
 */

/** Characters folded to `'` (apostrophes and single quotation marks of every kind). */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02BB`´]/g;
/** Characters folded to `"` (double quotation marks and guillemets). */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A]/g;
/** Characters folded to `-` (hyphens, dashes and minus). */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Invisible characters that authors and editors add or drop without meaning to. */
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;

/**
 * Fold a claim's text to the form its id is computed from.
 *
 * Steps, in order: Unicode NFC; drop soft hyphens and zero-width characters;
 * fold curly, prime and angle quotes to `'` and `"`; fold hyphens, dashes and
 * minus to `-`; `…` to `...`; collapse every run of whitespace (including
 * no-break spaces) to one space and trim; lowercase (locale-independent).
 *
 * Words, digits and punctuation other than quotes and dashes are kept, so a
 * change of wording always changes the result.
 *
 * @param text
 *   Claim text as it appears on the page.
 * @returns
 *   Normalised text.
 */
export function normaliseClaimText(text: string): string {
	let folded = text.normalize('NFC');
	// Most sentences hold few of the characters folded here (a curly apostrophe, a dash): one search finds whether
	// any is there, instead of one pass of the text for each kind.
	if (FOLDED.test(folded)) {
		folded = folded
			.replace(INVISIBLE, '')
			.replace(SINGLE_QUOTES, "'")
			.replace(DOUBLE_QUOTES, '"')
			.replace(DASHES, '-')
			.replace(/\u2026/g, '...');
	}
	return collapseWhitespace(folded).toLowerCase();
}

/** Any character `normaliseClaimText` drops or replaces, whitespace aside. */
const FOLDED = new RegExp(`${INVISIBLE.source}|${SINGLE_QUOTES.source}|${DOUBLE_QUOTES.source}|${DASHES.source}|\u2026`);

/**
 * Collapse whitespace and trim, nothing else: the display form of a claim.
 *
 * @param text
 *   Raw text of a run of nodes.
 * @returns
 *   Text with single spaces.
 */
export function collapseWhitespace(text: string): string {
	// Most text already has single spaces only: replacing each of them with itself would build the string again.
	return (SPACING_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace other than a single space: any other whitespace character, or two spaces in a row. */
const SPACING_TO_COLLAPSE = /[^\S ]| {2}/;
