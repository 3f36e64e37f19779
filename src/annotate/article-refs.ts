/**
 * Article citations: explicit (`Article 4`, `Art. 4`, `Articles 11 and 13`,
 * `Articles 3 to 5`, `Article 4(1)`, `Article Four`), ordinal (`the
 * treaty's second article`, `its sixteenth article`, `the fourth article of
 * the pact`) and implicit (an article's `implicitPhrases`), recognised by one
 * combined regex.
 *
 * Conservative by design: whose article it is, the context decides
 * (`instruments.ts`, with the words of `content/instruments.yaml`):
 *
 * - `… of <phrase>`: ours only when the phrase names this treaty ("of the
 *   sanctions-busting accord"); another instrument ("of the 1961 treaty", "of
 *   the UN Charter") or a phrase the lists cannot place ("of which", "of the
 *   much-criticised pact") leaves it plain.
 * - Otherwise ("Article 3, of which …" included) the instrument named last
 *   before it, in its sentence or the one before, decides ("The 2000 treaty
 *   was shorter. Article 22, under which …" is the 2000 treaty's); one named
 *   again after the citation in its sentence is not its own ("the fourth
 *   article ties assistance to the Charter's clause"). When none is named,
 *   it is ours: the commentaries are about this treaty.
 * - An ordinal needs "the", "its", "whose" or an instrument's possessive
 *   before it: "his second article", "a second article" are not articles of
 *   a treaty.
 * - A subject phrase inside quotation marks attributed to another instrument
 *   is that instrument's words; one inside another instrument's name ("the
 *   US-ROK Mutual Defense Treaty") is part of that name.
 *
 * A number the treaty does not have is reported, never linked.
 */
import { compileImplicitPhrases, type ImplicitPhraseSource, type SpellingTable } from './implicit-articles.ts';
import { compileInstruments, wordKey, type InstrumentMention } from './instruments.ts';
import { originalSpan, toMatchingText } from './matching-text.ts';
import { matcherAt, scan, type Hit, type Recogniser } from './recogniser.ts';
import { TREATY_ARTICLE_COUNT } from '../schemas/article.ts';
import type { Instruments } from '../schemas/instrument.ts';

/** What one article hit stands for. */
export interface ArticleHit {
	/** Article number as written. */
	number: number;
	/** Named by subject (an implicit phrase), not by number. */
	implicit: boolean;
	/**
	 * Set on a number the treaty does not have (outside 1–`articleCount`): it
	 * must be reported and left as plain text.
	 */
	outOfRange?: true;
	/**
	 * A range with numbers between its ends (`Articles 3 to 5`, `Articles
	 * 3–5`): the hit spans the whole range; its ends, and the numbers strictly
	 * between them, which have no words of their own.
	 */
	range?: { low: number; high: number; interior: number[] };
}

/** Options of the article recogniser. */
export interface ArticleRecogniserOptions {
	/** Articles whose `implicitPhrases` are recognised (default: `[]`). */
	articles?: ReadonlyArray<ImplicitPhraseSource> | null | undefined;
	/** Number of articles in the treaty (default: `TREATY_ARTICLE_COUNT`; the pipeline passes the registry's count). */
	articleCount?: number | null | undefined;
	/**
	 * How instruments are named (`content/instruments.yaml`; default: none,
	 * so that no phrase after "of" is known to be this treaty and such a
	 * citation stays plain).
	 */
	instruments?: Readonly<Instruments> | null | undefined;
	/** Variant spellings folded in subject phrases (`content/spellings.yaml`; default: none). */
	spellings?: SpellingTable | null | undefined;
}

/** Why a citation was left plain (see `findPlainArticleCitations`). */
export type PlainReason =
	/** Another instrument is named after "of", before it, or around its quotation. */
	| 'other-instrument'
	/** The phrase after "of" names an instrument the lists cannot place, or names none ("of which"). */
	| 'unclear-instrument'
	/** An ordinal owned by something that is no instrument ("his second article", "a second article"). */
	| 'no-instrument';

/** A citation left plain, and why. */
export interface PlainCitation {
	start: number;
	end: number;
	reason: PlainReason;
}

/** Spelled numbers, by value (1–99): "one" … "twenty-three" … "ninety-nine". */
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORDINALS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TEN_ORDINALS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/**
 * Every English number word from 1 to 99, cardinal or ordinal, by value.
 *
 * @param units
 *   Words for 1–9.
 * @param teens
 *   Words for 10–19.
 * @param tens
 *   Words for 20, 30, … 90 on their own.
 * @returns
 *   Map from the word (compounds with a hyphen) to its value.
 */
function numberWords(units: readonly string[], teens: readonly string[], tens: readonly string[]): Map<string, number> {
	const words = new Map<string, number>();
	units.forEach((word, index) => words.set(word, index + 1));
	teens.forEach((word, index) => words.set(word, index + 10));
	tens.forEach((word, index) => {
		words.set(word, (index + 2) * 10);
		UNITS.forEach((_, unit) => words.set(`${TENS[index]}-${units[unit]}`, (index + 2) * 10 + unit + 1));
	});
	return words;
}

const CARDINALS = numberWords(UNITS, TEENS, TENS);
const ORDINALS = numberWords(UNIT_ORDINALS, TEEN_ORDINALS, TEN_ORDINALS);

/** Regex source for a set of number words, longest first, a compound's hyphen also a space or dash. */
function wordsSource(words: ReadonlyMap<string, number>): string {
	return [...words.keys()]
		.sort((a, b) => b.length - a.length)
		.map((word) => word.replace('-', String.raw`[\s\u2010-\u2015-]`))
		.join('|');
}

/**
 * The value of a number word as written ("Four", "twenty-third", "Twenty Three").
 *
 * @param word
 *   Word as matched.
 * @param words
 *   Cardinals or ordinals.
 * @returns
 *   Value, or `undefined`.
 */
function valueOf(word: string, words: ReadonlyMap<string, number>): number | undefined {
	return words.get(word.toLowerCase().replace(/[\s\u2010-\u2015-]+/gu, '-'));
}

/** A number, with any paragraph reference after it: `4`, `4(1)`, `4(1)(b)`. */
const NUMBER = String.raw`\d{1,3}(?![\p{N}])(?:\([0-9a-z]{1,4}\))*`;
/** Between two numbers of a list or a range. */
const SEPARATOR = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[–—-]\s*|\s*&\s*)`;
/** Singular keywords take one number; only plurals take lists (conservative). */
const EXPLICIT = String.raw`(?<![\p{L}\p{N}])(?:(?<plural>articles|arts\.)\s+(?<list>${NUMBER}(?:${SEPARATOR}${NUMBER})*)|(?<single>article|art\.)\s+(?<one>${NUMBER}))`;
/** "Article Four", "Article Twenty-Three" (the keyword capitalised; checked when interpreting). */
const SPELLED = String.raw`(?<![\p{L}\p{N}])(?<spelledKeyword>article)\s+(?<spelled>${wordsSource(CARDINALS)})(?![\p{L}\p{N}])`;
/** "second article", "twenty-third article", "4th article". */
const ORDINAL = String.raw`(?<![\p{L}\p{N}])(?<ordinal>${wordsSource(ORDINALS)}|\d{1,2}(?:st|nd|rd|th))\s+article(?![\p{L}\p{N}])`;

/** How far after a quotation the instrument it is attributed to may be named (",\u201d as the 1961 treaty put it"). */
const ATTRIBUTION_REACH = 16;

/** "of" right after a citation (a comma may come first: "Article 4, of the treaty"). */
const OF = /^\s*,?\s+of\s+/u;

/** A possessive acronym right before a citation: "NATO's Article 5", "the NPT's Article 6". */
const ACRONYM_POSSESSOR = /(?<![\p{L}\p{N}])(\p{Lu}{2,}|(?:\p{Lu}\.){2,})'s?\s+$/u;

/** What may stand right before an ordinal: "the", "its", "whose", or a possessive (checked to be an instrument's). */
const ORDINAL_LEAD = /(?<![\p{L}\p{N}])(?:(?<determiner>the|its|whose)|(?<possessor>[\p{L}\p{N}][\p{L}\p{N}.\u2010-\u2015-]*'s?))\s+$/iu;

/**
 * Where sentences start in a text, as far as the context needs: after a full
 * stop, question or exclamation mark (and any closing quote or bracket)
 * followed by a capital or a digit, not after an initial or a usual
 * abbreviation ("U.S.", "Art.", "Mr.").
 */
const SENTENCE_END = /(?<!(?:^|[\s.(])(?:\p{Lu}|Art|Arts|No|Nos|Mr|Mrs|Ms|Dr|St|vs|cf|e\.g|i\.e|Gen|Col|Lt|Sgt|Prof|Jr|Sr))[.!?]['"”’)\]]*\s+(?=['"“‘(\[]*[\p{Lu}\p{N}])/gu;

/**
 * The start of the sentence before the one an offset is in (or of its own
 * sentence, with `back` 0).
 *
 * @param text
 *   Folded text.
 * @param offset
 *   Offset inside a sentence.
 * @param back
 *   How many sentences before its own to go back.
 * @returns
 *   Offset where that sentence starts.
 */
function sentenceStart(text: string, offset: number, back: number): number {
	const ends: number[] = [];
	SENTENCE_END.lastIndex = 0;
	for (let match = SENTENCE_END.exec(text); match && match.index + match[0].length <= offset; match = SENTENCE_END.exec(text)) ends.push(match.index + match[0].length);
	return ends[ends.length - 1 - back] ?? 0;
}

/**
 * The end of the sentence an offset is in.
 *
 * @param text
 *   Folded text.
 * @param offset
 *   Offset inside a sentence.
 * @returns
 *   Offset where it ends.
 */
function sentenceEnd(text: string, offset: number): number {
	SENTENCE_END.lastIndex = offset;
	const match = SENTENCE_END.exec(text);
	return match ? match.index + 1 : text.length;
}

/**
 * Where the quotation holding an offset opens, if the offset is inside one
 * in its sentence: curly double quotes, straight double quotes, or curly
 * single quotes (which fold to `'`, so a single quote counts only when it
 * opens after a space or bracket and closes before a space or punctuation).
 *
 * @param text
 *   Folded text.
 * @param from
 *   Start of the sentence.
 * @param offset
 *   Offset.
 * @returns
 *   `[open, close]` (close: after the closing mark, or the sentence end), or `undefined`.
 */
function quotationAround(text: string, from: number, offset: number): [number, number] | undefined {
	let open: number | undefined;
	for (let index = from; index < offset; index++) {
		const char = text[index];
		if (char === '“' || (char === '"' && open === undefined) || (char === "'" && open === undefined && /[\s(\[—–]/u.test(text[index - 1] ?? ' '))) open = index;
		else if (char === '”' || (char === '"' && open !== undefined)) open = undefined;
		else if (char === "'" && open !== undefined && text[open] === "'" && /[\s.,;:!?)—–]|$/u.test(text[index + 1] ?? '')) open = undefined;
	}
	if (open === undefined) return undefined;
	const closer = text[open] === '“' ? '”' : text[open];
	const end = sentenceEnd(text, offset);
	const close = text.indexOf(closer ?? '"', offset);
	return [open, close === -1 || close > end ? end : close + 1];
}

/**
 * Build the article recogniser and its context reader.
 *
 * @param options
 *   Articles (for implicit phrases), article count, instruments, spellings.
 * @param onPlain
 *   Called for each citation the context leaves plain (for the names report).
 * @returns
 *   Recogniser.
 */
function buildRecogniser(options: Readonly<ArticleRecogniserOptions> | null | undefined, onPlain?: (citation: PlainCitation) => void): Recogniser<ArticleHit> {
	const count = options?.articleCount ?? TREATY_ARTICLE_COUNT;
	const implicit = compileImplicitPhrases(options?.articles ?? [], options?.spellings ?? {});
	const reader = options?.instruments ? compileInstruments(options.instruments) : undefined;
	const parts = [EXPLICIT, SPELLED, ORDINAL, ...(implicit.source === '' ? [] : [`(?<implicit>${implicit.source})`])];
	const pattern = new RegExp(parts.join('|'), 'giu');
	const at = matcherAt(pattern);
	const find = fasterFind(implicit.scanSource, at);

	/**
	 * The instrument named last before an offset, in its sentence or the one before: `undefined` when none
	 * decides. An instrument named again after the citation in its sentence is not the citation's own ("the
	 * fourth article ties assistance to the Charter's self-defence clause": an article does not cite its own
	 * instrument by name), so the one before it decides.
	 */
	const namedBefore = (input: string, offset: number, end = offset): 'ours' | 'other' | undefined => {
		if (!reader) return undefined;
		const mentions = reader.mentionsIn(input, sentenceStart(input, offset, 1), offset);
		const namedAfter = new Set(reader.mentionsIn(input, end, sentenceEnd(input, end)).map((mention) => instrumentKey(input, mention)));
		for (let index = mentions.length - 1; index >= 0; index--) {
			const mention = mentions[index]!;
			// A phrase the lists cannot place decides nothing here: the one before it may.
			if (mention.side === 'unclear') continue;
			if (mention.side === 'other' && namedAfter.has(instrumentKey(input, mention))) continue;
			return mention.side;
		}
		return undefined;
	};

	/** Which instrument a mention names, to compare two: its registry id, or its words without a leading "the". */
	const instrumentKey = (text: string, mention: InstrumentMention): string =>
		mention.id ?? wordKey(text.slice(mention.start, mention.end).replace(/^the\s+/iu, ''));

	/** Whose a citation is, from the words after it ("of …") and the instruments named before it. */
	const decide = (input: string, index: number, end: number, form: 'number' | 'ordinal' | 'implicit'): 'ours' | PlainReason => {
		const of = OF.exec(input.slice(end));
		// "Article 3, of which only the second paragraph is quoted": a relative clause, the context decides.
		if (of && !/^(?:which|whom)(?![\p{L}])/iu.test(input.slice(end + of[0].length))) {
			const named = reader?.at(input.slice(end + of[0].length));
			if (named?.side === 'other') return 'other-instrument';
			if (named?.side === 'ours') return 'ours';
			// "of which", "of his series", "of the much-criticised pact": a subject phrase goes on to its context.
			if (form !== 'implicit') return 'unclear-instrument';
		}
		if (ACRONYM_POSSESSOR.test(input.slice(Math.max(0, index - 12), index))) {
			const owner = ACRONYM_POSSESSOR.exec(input.slice(Math.max(0, index - 12), index))?.[1] ?? '';
			if (reader?.at(owner)?.side !== 'ours' && !/^(?:DPRK|USSR)$/u.test(owner)) return 'other-instrument';
		}
		if (form === 'ordinal') {
			const lead = ORDINAL_LEAD.exec(input.slice(Math.max(0, index - 60), index));
			// "a second article", "his second article", "Lankov's second article": not an instrument's.
			if (!lead) return 'no-instrument';
			const possessor = lead.groups?.['possessor'];
			if (possessor !== undefined) {
				// The possessive must end an instrument's name: "the treaty's second article", "the 1961 pact's third article".
				const apostrophe = index - lead[0].length + possessor.replace(/'s?$/u, '').length;
				const owner = reader?.mentionsIn(input, sentenceStart(input, index, 0), apostrophe).at(-1);
				if (!owner || owner.end !== apostrophe) return 'no-instrument';
				if (owner.side === 'other') return 'other-instrument';
				return owner.side === 'ours' ? 'ours' : 'unclear-instrument';
			}
		}
		const named = namedBefore(input, index, end);
		if (named === 'other') return 'other-instrument';
		// None named: the commentaries are about this treaty.
		return 'ours';
	};

	/** Whether a subject phrase is another instrument's words: qualified as another's, inside its name, or quoted from it. */
	const quotedFromOther = (input: string, index: number, end: number): boolean => {
		if (!reader) return false;
		// A phrase that starts with its determiner ("the assistance pledge") has no qualifier before it.
		if (!/^(?:the|a|an)\s/iu.test(input.slice(index, end)) && reader.qualifiedBy(input.slice(wordStartBefore(input, index - 60), index)) === 'other') return true;
		const name = reader.covering(input, index, end);
		// Words before the phrase make the name another instrument's ("the US-ROK Mutual Defense Treaty"); the phrase's own words do not.
		if (name?.side === 'other' && !/^(?:(?:the|a|an|this|its|our)\s+)?$/iu.test(input.slice(name.start, index))) return true;
		const quote = quotationAround(input, sentenceStart(input, index, 0), index);
		if (!quote) return false;
		if (namedBefore(input, quote[0]) === 'other') return true;
		// Attributed right after the quotation: "…," the 1961 treaty said; "…" in the 1961 treaty.
		const after = reader.mentionsIn(input, quote[1], sentenceEnd(input, quote[1]))[0];
		return after?.side === 'other' && after.start - quote[1] <= ATTRIBUTION_REACH;
	};

	const plain = (index: number, end: number, reason: PlainReason): [] => {
		onPlain?.({ start: index, end, reason });
		return [];
	};

	return {
		pattern,
		find,
		interpret(input, index, match, found) {
			// `find` returns the one regex's match at `index`: its groups need no second run.
			const groups = (found ?? at(input, index))?.groups;
			if (!groups) return false;
			const end = index + match.length;
			const check = (number: number): Pick<ArticleHit, 'outOfRange'> => (number >= 1 && number <= count ? {} : { outOfRange: true });

			if (groups['implicit'] !== undefined) {
				const number = implicit.lookup(match);
				if (number === undefined) return false;
				if (quotedFromOther(input, index, end)) return plain(index, end, 'other-instrument');
				const side = decide(input, index, end, 'implicit');
				return side === 'ours' ? [{ start: index, end, data: { number, implicit: true } }] : plain(index, end, side);
			}
			if (groups['spelled'] !== undefined) {
				// "Article Four": the keyword capitalised, and "one" too ("the article one reads" is no citation).
				if (!/^A/u.test(match) || /^one$/u.test(groups['spelled'])) return false;
				const number = valueOf(groups['spelled'], CARDINALS);
				if (number === undefined) return false;
				const side = decide(input, index, end, 'number');
				return side === 'ours' ? [{ start: index, end, data: { number, implicit: false, ...check(number) } }] : plain(index, end, side);
			}
			if (groups['ordinal'] !== undefined) {
				const written = groups['ordinal'];
				const number = /^\d/u.test(written) ? Number.parseInt(written, 10) : valueOf(written, ORDINALS);
				if (number === undefined) return false;
				const side = decide(input, index, end, 'ordinal');
				return side === 'ours' ? [{ start: index, end, data: { number, implicit: false, ...check(number) } }] : plain(index, end, side);
			}
			// Another instrument's article: consume it so no part of it is read again.
			const side = decide(input, index, end, 'number');
			if (side !== 'ours') return plain(index, end, side);

			if (groups['one'] !== undefined) {
				const number = Number.parseInt(groups['one'], 10);
				return [{ start: index, end, data: { number, implicit: false, ...check(number) } }];
			}

			return listHits(groups['list'] ?? '', index, end, check);
		},
	};
}

/**
 * Where explicit citations and spelled numbers may start: their keyword. Without the word-start check (a
 * lookbehind keeps a regex engine from searching fast); the one regex, run there, checks it.
 */
const KEYWORD = /art(?:icles?|s?\.)/giu;
/** The keyword an ordinal ends with ("fourth article"), found the same way. */
const ORDINAL_KEYWORD = /article(?![\p{L}\p{N}])/giu;
/** The ordinal right before that keyword. */
const ORDINAL_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${wordsSource(ORDINALS)}|\d{1,2}(?:st|nd|rd|th))\s+$`, 'iu');
/**
 * The start of the word at an offset, or the offset when it starts none (so that a slice from it holds whole
 * words only).
 *
 * @param text
 *   Text.
 * @param offset
 *   Offset (clamped to 0).
 * @returns
 *   Offset of a word start, or of a non-word character.
 */
function wordStartBefore(text: string, offset: number): number {
	let at = Math.max(0, offset);
	while (at > 0 && WORD_CHARACTER.test(text[at - 1] ?? '')) at -= 1;
	return at;
}

/** A letter or digit: what may not come right before a match. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** How far before its keyword an ordinal may start ("twenty-third " and spaces). */
const ORDINAL_REACH = 40;

/**
 * Where an ordinal that runs up to a keyword starts, searching from an offset.
 *
 * @param input
 *   Text.
 * @param from
 *   Earliest start.
 * @param keyword
 *   Where the keyword "article" starts.
 * @returns
 *   Start, or -1.
 */
function ordinalStart(input: string, from: number, keyword: number): number {
	if (from >= keyword) return -1;
	const ordinal = ORDINAL_BEFORE.exec(input.slice(from, keyword));
	return ordinal ? from + ordinal.index : -1;
}

/**
 * The first match of the recogniser's pattern at or after an offset, found
 * the fast way (`Recogniser.find`): the one regex tries its long alternations
 * of ordinals and phrases at every offset of the text; here the keyword
 * citations, the ordinals (found from their keyword "article") and the
 * phrases are each found by their own regex, the earliest wins, and the one
 * regex is run there only, so the match and its groups are exactly the one
 * regex's.
 *
 * @param implicitSource
 *   The implicit phrases' regex source without its word-start check (may be empty).
 * @param at
 *   The one regex, run at an offset.
 * @returns
 *   `find` for the recogniser.
 */
function fasterFind(implicitSource: string, at: (input: string, index: number) => RegExpExecArray | undefined): (input: string, from: number) => RegExpExecArray | null {
	const phrases = implicitSource === '' ? undefined : new RegExp(implicitSource, 'giu');
	/** The next match of one regex at or after an offset, remembered per text: each is searched once per stretch. */
	const nextOf = (regex: RegExp, accept: (input: string, match: RegExpExecArray) => boolean) => {
		let memo: { input: string; from: number; index: number } | undefined;
		return (input: string, from: number): number => {
			if (memo && memo.input === input && memo.from <= from && (memo.index >= from || memo.index === -1)) return memo.index;
			regex.lastIndex = from;
			let match = regex.exec(input);
			while (match && !accept(input, match)) {
				regex.lastIndex = match.index + 1;
				match = regex.exec(input);
			}
			memo = { input, from, index: match ? match.index : -1 };
			return memo.index;
		};
	};
	const startsWord = (input: string, match: RegExpExecArray) => !WORD_CHARACTER.test(input[match.index - 1] ?? '');
	const nextKeyword = nextOf(KEYWORD, startsWord);
	// A phrase starts a word ("immutual defence pact" holds only "defence pact").
	const nextPhrase = phrases ? nextOf(phrases, startsWord) : () => -1;
	const nextOrdinalKeyword = nextOf(ORDINAL_KEYWORD, startsWord);
	return (input, from) => {
		let best = Number.POSITIVE_INFINITY;
		// A keyword starts a citation only if the one regex matches there ("the article says" holds none).
		for (let keyword = nextKeyword(input, from); keyword !== -1; keyword = nextKeyword(input, keyword + 1)) {
			const groups = at(input, keyword)?.groups;
			if (groups?.['plural'] !== undefined || groups?.['single'] !== undefined || groups?.['spelledKeyword'] !== undefined) {
				best = keyword;
				break;
			}
		}
		const phrase = nextPhrase(input, from);
		if (phrase !== -1 && phrase < best) best = phrase;
		for (let keyword = nextOrdinalKeyword(input, from); keyword !== -1 && keyword - ORDINAL_REACH < best; keyword = nextOrdinalKeyword(input, keyword + 1)) {
			// The earliest ordinal at or after `from` that runs to this keyword; the one regex decides (it checks the
			// ordinal starts a word, which a slice cannot show).
			let start = ordinalStart(input, Math.max(from, keyword - ORDINAL_REACH), keyword);
			while (start !== -1 && at(input, start)?.groups?.['ordinal'] === undefined) start = ordinalStart(input, start + 1, keyword);
			if (start === -1 || start >= best) continue;
			best = start;
			break;
		}
		return best === Number.POSITIVE_INFINITY ? null : (at(input, best) ?? null);
	};
}

/**
 * Build the article recogniser: one `giu` regex (explicit citations, spelled
 * numbers, ordinals, then implicit phrases) and its interpreter.
 *
 * @param options
 *   Articles (for implicit phrases), article count, instruments, spellings.
 * @returns
 *   Recogniser.
 */
export function createArticleRecogniser(options?: Readonly<ArticleRecogniserOptions> | null): Recogniser<ArticleHit> {
	return buildRecogniser(options);
}

/**
 * The citations in a string that the context leaves plain, and why (for
 * `npm run names`: what an editor may want to decide by hand).
 *
 * @param text
 *   Text to scan (a sentence, with the one before it for context).
 * @param options
 *   Articles, article count, instruments, spellings.
 * @returns
 *   Plain citations in order, offsets in `text`.
 */
export function findPlainArticleCitations(text: string, options?: Readonly<ArticleRecogniserOptions> | null): PlainCitation[] {
	const found: PlainCitation[] = [];
	const matching = toMatchingText(text);
	scan(
		buildRecogniser(options, (citation) => found.push(citation)),
		text,
	);
	// The recogniser reads the folded text: its offsets go back to the text as given.
	return found.map((citation) => {
		const [start, end] = originalSpan(matching, citation.start, citation.end);
		return { ...citation, start, end };
	});
}

/** Between two numbers of a list, the words that make it a range. */
const RANGE_SEPARATOR = /^\s*(?:to|through|[–—-])\s*$/iu;

/**
 * The hits of a plural citation: each number its own hit ("Articles 11" then
 * "13"), except a range with numbers between its ends, which is one hit over
 * the whole range ("Articles 3–5") carrying its ends and interior.
 *
 * @param list
 *   The numbers and separators as written (the end of the match).
 * @param index
 *   Start of the match (the keyword).
 * @param end
 *   End of the match.
 * @param check
 *   Flags a number the treaty does not have.
 * @returns
 *   Hits in order.
 */
function listHits(list: string, index: number, end: number, check: (number: number) => Pick<ArticleHit, 'outOfRange'>): Array<Hit<ArticleHit>> {
	const listStart = end - list.length;
	const numbers = [...list.matchAll(/\d{1,3}(?:\([0-9a-z]{1,4}\))*/giu)].map((item) => ({
		number: Number.parseInt(item[0], 10),
		start: listStart + (item.index ?? 0),
		end: listStart + (item.index ?? 0) + item[0].length,
	}));
	const hits: Array<Hit<ArticleHit>> = [];
	for (let position = 0; position < numbers.length; position++) {
		const item = numbers[position]!;
		const next = numbers[position + 1];
		// The first link also covers the keyword: "Articles 11".
		const start = position === 0 ? index : item.start;
		const between = next ? list.slice(item.end - listStart, next.start - listStart) : '';
		const isRange =
			next !== undefined && RANGE_SEPARATOR.test(between) && next.number > item.number + 1 && !check(item.number).outOfRange && !check(next.number).outOfRange;
		if (isRange) {
			const interior: number[] = [];
			for (let n = item.number + 1; n < next.number; n++) interior.push(n);
			hits.push({ start, end: next.end, data: { number: item.number, implicit: false, range: { low: item.number, high: next.number, interior } } });
			position += 1;
			continue;
		}
		hits.push({ start, end: item.end, data: { number: item.number, implicit: false, ...check(item.number) } });
	}
	return hits;
}

/**
 * Every article citation in a string (pure; what the plugin does per text node).
 *
 * @param text
 *   Text to scan.
 * @param options
 *   Articles (for implicit phrases) and article count.
 * @returns
 *   Hits in order, out-of-range numbers included (flagged).
 */
export function findArticleReferences(text: string, options?: Readonly<ArticleRecogniserOptions> | null): Array<Hit<ArticleHit>> {
	return scan(createArticleRecogniser(options), text);
}
