/**
 * Which stretches of a commentary deserve a permalink. A claim is something
 * a reader would quote: a sentence. An interview question is one (it ends
 * with a question mark) and keeps its permalink; a bare section title
 * (“Limits”, “Drivers of Ties”), the author's name heading a bio
 * (“M. K. Bhadrakumar”) or a dateline (“21 June 2024, NIICE Commentary
 * 9282”) is not, and gets none.
 */
import type { ClaimBlock } from '../schemas/corpus.ts';

/** What the rule looks at: the kind of block, the commentary block it stands in, and its text. */
export interface CitableUnit {
	block: ClaimBlock;
	container?: string | undefined;
	text: string;
}

/** Blocks that label the text rather than say something in it, unless they are sentences. */
const LABEL_CONTAINERS = new Set(['bio', 'dateline']);
/** Ends like a sentence: a full stop, question or exclamation mark, or an ellipsis, before closing quotes or brackets. */
const SENTENCE_END = /[.?!…]["'”’)\]]*$/u;
/** Holds a sentence somewhere: a sentence end followed by a space or the end. */
const HOLDS_SENTENCE = /[.?!…]["'”’)\]]*(?:\s|$)/u;
/** A bio or dateline line longer than this many words is prose even without a full stop. */
const LABEL_WORDS = 8;

/**
 * Whether a paragraph, list item or heading becomes claims.
 *
 * - A heading: only when it holds a sentence (a `.`, `?`, `!` or `…` ending
 *   one, as an interview question does).
 * - A paragraph of a bio or dateline: when it is a sentence, or longer than
 *   a name or a date line (more than eight words).
 * - Anything else: always (list items ending with `;` are the authors'
 *   sentences too).
 *
 * @param unit
 *   Block, container and text.
 * @returns
 *   Whether it is citable.
 */
export function isCitable(unit: Readonly<CitableUnit>): boolean {
	const prose = unit.block === 'p' || unit.block === 'li';
	const label = unit.container !== undefined && LABEL_CONTAINERS.has(unit.container);
	// Most blocks are paragraphs of prose, citable whatever their end: no need to read it.
	if (prose && !label) return true;
	const text = unit.text.trim();
	if (SENTENCE_END.test(text)) return true;
	if (!prose) return HOLDS_SENTENCE.test(text);
	return text.split(/\s+/).length > LABEL_WORDS;
}
