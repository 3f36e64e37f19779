/**
 * Sentence segmentation for claims. `Intl.Segmenter` (ICU) does the work; a
 * short list of exceptions, kept here as data, stops it from ending a
 * sentence after abbreviations, titles and initials that the commentaries use.
 */

/**
 * A place where a full stop does not end a sentence.
 *
 * A sentence break proposed by `Intl.Segmenter` is dropped when the text
 * before it (trailing spaces removed) matches `before`, the text after it
 * matches `after` (when given), and the text before it does not match
 * `unless` (when given).
 */
export interface NonTerminalRule {
	/** Short name, used in test tables and error messages. */
	name: string;
	/**
	 * Must match at the end of the text before the break: anchor it with `$`,
	 * best as `$(?<=…)`, which the engine rejects at once everywhere but the
	 * end instead of trying the rest at every character of the text before.
	 */
	before: RegExp;
	/** Must match at the start of the text after the break (anchor it with `^`). */
	after?: RegExp;
	/** Keeps the break when it matches the text before the break. */
	unless?: RegExp;
	/** Why the rule exists, with an example from the commentaries. */
	why: string;
}

/** Start of a token: start of text, or a character that cannot be part of an abbreviation. */
const TOKEN_START = String.raw`(?:^|[^\p{L}\p{N}.])`;

/**
 * The exceptions (default of `SegmentOptions.rules`).
 *
 * Dotted country abbreviations: ICU already keeps `U.S.` together when a
 * lowercase word or a hyphen follows (`the U.S. military presence`,
 * `U.S.-ROK-Japan`). Before a capital it would break, which is wrong far more
 * often in this genre (`U.N. Security Council`, `U.S. President`) than right:
 * a sentence that really ends in `the U.S.` followed by a new sentence is
 * rare, and the cost of getting it wrong is only that two sentences share one
 * permalink. So these abbreviations never end a sentence.
 */
export const defaultNonTerminalRules: readonly NonTerminalRule[] = [
	{
		name: 'title',
		before: new RegExp(`$(?<=${TOKEN_START}(?:Dr|Mr|Mrs|Ms|Mx|Prof|Messrs|St|Sts|Gen|Lt|Col|Adm|Amb|Sen|Rep|Gov|Rev|Fr|Hon)\\.)`, 'u'),
		why: 'A title before a name: “Comrade Xi Jinping to Mr. Putin”, “Dr. Lankov is a scholar”.',
	},
	{
		name: 'latin',
		before: new RegExp(`$(?<=${TOKEN_START}(?:i\\.e|e\\.g|cf|viz|vs|approx)\\.)`, 'iu'),
		why: 'Latin and comparison abbreviations inside a sentence: “(i.e., sanctions)”, “Russia vs. the West”.',
	},
	{
		name: 'number-sign',
		before: new RegExp(`$(?<=${TOKEN_START}(?:No|Nos|Art|Arts|Para|Paras|para|paras|Vol|vol|pp?|Fig|fig)\\.)`, 'u'),
		after: /^(?:\d|[IVXLC]+\b|\()/u,
		why: 'An abbreviation before a number: “No. 5”, “Art. 4”. Only before a number, so a sentence may still end in “No.”',
	},
	{
		name: 'country',
		before: new RegExp(`$(?<=${TOKEN_START}(?:U\\.S|U\\.N|U\\.K|E\\.U|U\\.S\\.S\\.R|U\\.S\\.A|R\\.O\\.K)\\.)`, 'u'),
		why: 'Dotted country abbreviations: “the U.S. military presence”, “U.N. Security Council” (see the module comment).',
	},
	{
		name: 'initial',
		before: new RegExp(`$(?<=${TOKEN_START}\\p{Lu}\\.)`, 'u'),
		after: /^\p{Lu}/u,
		unless: /$(?<=(?:War|Article|Chapter|Part|Phase|Annex|Appendix|Title|Section|Schedule|Plan|Stage|Class|Category|Group|Type|Option|Vitamin|Grade|Table|Figure|Tier)\s+\p{Lu}\.)/u,
		why: 'An initial before a name: “M. K. Bhadrakumar”. Not after “World War I.” or “Plan B.”, which do end sentences.',
	},
];

/** A sentence as offsets into the segmented text. */
export interface SentenceRange {
	/** Offset of the first character (never whitespace). */
	start: number;
	/** Offset after the last character (trailing whitespace excluded). */
	end: number;
}

export interface SegmentOptions {
	/** Exceptions to the segmenter's breaks (default: `defaultNonTerminalRules`). */
	rules?: readonly NonTerminalRule[];
	/** Locale of the text (default: `'en'`). */
	locale?: string;
	/**
	 * Ranges that must never be cut, such as inline elements (default: none).
	 * A break inside one moves to its end.
	 */
	atomic?: ReadonlyArray<readonly [start: number, end: number]>;
}

/** Whether the text holds anything a reader would call a word or a number. */
function hasContent(text: string): boolean {
	return /[\p{L}\p{N}]/u.test(text);
}

/** One sentence segmenter per locale: making one is far dearer than using it, and it keeps no state between texts. */
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The sentence segmenter of a locale, made once.
 *
 * @param locale
 *   BCP 47 locale.
 * @returns
 *   Segmenter.
 */
function sentenceSegmenter(locale: string): Intl.Segmenter {
	let segmenter = segmenters.get(locale);
	if (!segmenter) {
		segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
		segmenters.set(locale, segmenter);
	}
	return segmenter;
}

/**
 * Where each sentence after the first starts, as ICU's segments give them:
 * stepped through with `containing` (each segment from the end of the one
 * before), which gives the same segments as iterating `segments` without an
 * iterator result per segment (about 0.6 of the time over the corpus's
 * paragraphs).
 *
 * @param segments
 *   ICU's sentence segments of a text.
 * @param length
 *   The text's length.
 * @returns
 *   Offsets of segment starts after 0, in order.
 */
function sentenceStarts(segments: Intl.Segments, length: number): number[] {
	const starts: number[] = [];
	let at = 0;
	while (at < length) {
		const segment = segments.containing(at)!;
		at = segment.index + segment.segment.length;
		if (at < length) starts.push(at);
	}
	return starts;
}

/**
 * Split text into sentences.
 *
 * @param text
 *   Text of one block (paragraph, list item, heading).
 * @param options
 *   Configuration (optional).
 * @returns
 *   Sentences in order, as trimmed offset ranges; empty when the text is blank.
 */
export function segmentSentences(text: string, options?: Readonly<SegmentOptions> | null): SentenceRange[] {
	const rules = options?.rules ?? defaultNonTerminalRules;
	const atomic = options?.atomic ?? [];
	const segmenter = sentenceSegmenter(options?.locale ?? 'en');

	// Candidate breaks: offsets where a new sentence starts.
	// ICU ends a sentence at every line break, but a line break inside a
	// Markdown paragraph is only wrapping. Same-length replacement keeps offsets.
	const flat = text.replace(/[\n\r\v\f\u0085\u2028\u2029]/g, ' ');
	const breaks = sentenceStarts(segmenter.segment(flat), flat.length);

	const kept: number[] = [];
	for (const offset of breaks) {
		const before = text.slice(0, offset).trimEnd();
		const after = text.slice(offset);
		const exception = rules.some(
			(rule) => rule.before.test(before) && (!rule.after || rule.after.test(after)) && !rule.unless?.test(before),
		);
		if (exception) continue;
		// Never cut an inline element: move the break to the element's end.
		let moved = offset;
		for (const [start, end] of atomic) if (start < moved && moved < end) moved = end;
		if (moved >= text.length) continue;
		if (kept.length === 0 || moved > kept[kept.length - 1]!) kept.push(moved);
	}

	const ranges: SentenceRange[] = [];
	let from = 0;
	for (const to of [...kept, text.length]) {
		const piece = text.slice(from, to);
		const start = from + (piece.length - piece.trimStart().length);
		const end = from + piece.trimEnd().length;
		from = to;
		if (end <= start) continue;
		// A piece with no words (a stray closing quote or bracket) belongs to the sentence before it.
		const previous = ranges[ranges.length - 1];
		if (!hasContent(text.slice(start, end)) && previous) {
			previous.end = end;
			continue;
		}
		if (previous && !hasContent(text.slice(previous.start, previous.end))) {
			previous.end = end;
			continue;
		}
		ranges.push({ start, end });
	}
	return ranges;
}

/**
 * Split text into sentence strings (convenience for tests and scripts).
 *
 * @param text
 *   Text to split.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Trimmed sentences.
 */
export function splitSentences(text: string, options?: Readonly<SegmentOptions> | null): string[] {
	return segmentSentences(text, options).map(({ start, end }) => text.slice(start, end));
}
