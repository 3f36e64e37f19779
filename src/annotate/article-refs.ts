/**
 * Article citations: explicit (`Article 4`, `Art. 4`, `Articles 11 and 13`,
 * `Articles 3 to 5`, `Article 4(1)`) and implicit (an article's
 * `implicitPhrases`), recognised by one combined regex.
 *
 * Conservative by design: an article of another instrument (`Article 51 of
 * the UN Charter`, `article 5 of the 1961 treaty`) is left alone, and a number
 * the treaty does not have is reported, never linked.
 */
import { compileImplicitPhrases, type ImplicitPhraseSource } from './implicit-articles.ts';
import { matcherAt, scan, type Hit, type Recogniser } from './recogniser.ts';
import { TREATY_ARTICLE_COUNT } from '../schemas/article.ts';

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
}

/** A number, with any paragraph reference after it: `4`, `4(1)`, `4(1)(b)`. */
const NUMBER = String.raw`\d{1,3}(?![\p{N}])(?:\([0-9a-z]{1,4}\))*`;
/** Between two numbers of a list or a range. */
const SEPARATOR = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[–—-]\s*|\s*&\s*)`;
/** Singular keywords take one number; only plurals take lists (conservative). */
const EXPLICIT = String.raw`(?<![\p{L}\p{N}])(?:(?<plural>articles|arts\.)\s+(?<list>${NUMBER}(?:${SEPARATOR}${NUMBER})*)|(?<single>article|art\.)\s+(?<one>${NUMBER}))`;

/**
 * What may follow `of` for the article to be ours: "of the treaty", "of the
 * Treaty", "of the 2024 Treaty", "of the new pact", "of the Russia–DPRK
 * treaty". Anything else after `of` names another instrument.
 */
const OWN_INSTRUMENT =
	/^(?:(?:the|this|that|our|its)\s+)?(?:(?:new|present|current|same|2024|bilateral|landmark|comprehensive|strategic|partnership|Russia[-–]DPRK|DPRK[-–]Russia|Russia[-–]North\s+Korea|North\s+Korea[-–]Russia|Russian[-–]DPRK)\s+)*(?:treaty|pact|agreement|document|accord|deal)(?![\p{L}])/iu;

/** Nouns that name an instrument, whose possessive before a citation makes the article that instrument's. */
const INSTRUMENT_NOUN = /^(?:treaty|pact|agreement|document|accord|deal|charter|convention|covenant|protocol|statute|constitution|declaration)$/iu;

/** A possessive right before a citation: "the 1961 treaty's Article 1", "the UN Charter's Article 51". */
const POSSESSOR = /([\p{L}\p{N}][\p{L}\p{N}.–-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}.–-]*){0,4})'s?\s+$/u;

/**
 * Whether the words after a citation keep it ours: no `of …`, or `of` naming
 * this treaty.
 *
 * @param after
 *   Text right after the cited number(s).
 * @returns
 *   False when `of …` names another instrument (`of the UN Charter`,
 *   `of the Charter`, `of the 1961 treaty`, `of the Vienna Convention`).
 */
export function isOwnInstrument(after: string): boolean {
	const of = /^\s*,?\s+of\s+/u.exec(after);
	if (!of) return true;
	return OWN_INSTRUMENT.test(after.slice(of[0].length));
}

/**
 * Whether a possessive right before a citation gives the article to another
 * instrument: an instrument noun or an acronym ("NPT's", "NATO's") that is
 * not this treaty ("the treaty's Article 4" stays ours; "the 1961 treaty's
 * Article 1" and "the UN Charter's Article 51" do not).
 *
 * @param before
 *   Text right before the citation (folded: apostrophes are `'`).
 * @returns
 *   True when the article is another instrument's.
 */
export function isOtherInstrumentsPossessive(before: string): boolean {
	const possessor = POSSESSOR.exec(before)?.[1];
	if (possessor === undefined) return false;
	const words = possessor.split(/\s+/u);
	const last = words[words.length - 1] ?? '';
	if (!INSTRUMENT_NOUN.test(last) && !/^\p{Lu}{2,}$/u.test(last)) return false;
	// Ours only when a determiner starts a phrase that names this treaty ("the treaty's", "the new pact's").
	const from = words.findLastIndex((word) => /^(?:the|this|that|our|its)$/iu.test(word));
	if (from === -1) return true;
	const phrase = words.slice(from).join(' ');
	return OWN_INSTRUMENT.exec(phrase)?.[0].length !== phrase.length;
}

/**
 * Build the article recogniser: one `giu` regex (explicit citations, then
 * implicit phrases) and its interpreter.
 *
 * @param options
 *   Articles (for implicit phrases) and article count.
 * @returns
 *   Recogniser.
 */
export function createArticleRecogniser(options?: Readonly<ArticleRecogniserOptions> | null): Recogniser<ArticleHit> {
	const count = options?.articleCount ?? TREATY_ARTICLE_COUNT;
	const implicit = compileImplicitPhrases(options?.articles ?? []);
	const source = implicit.source === '' ? EXPLICIT : `${EXPLICIT}|(?<implicit>${implicit.source})`;
	const pattern = new RegExp(source, 'giu');
	const at = matcherAt(pattern);

	return {
		pattern,
		interpret(input, index, match) {
			const groups = at(input, index)?.groups;
			if (!groups) return false;
			const end = index + match.length;
			if (groups['implicit'] !== undefined) {
				const number = implicit.lookup(match);
				return number === undefined ? false : [{ start: index, end, data: { number, implicit: true } }];
			}
			// Another instrument's article: consume it so no part of it is read again.
			if (!isOwnInstrument(input.slice(end)) || isOtherInstrumentsPossessive(input.slice(Math.max(0, index - 80), index))) return [];
			const check = (number: number): Pick<ArticleHit, 'outOfRange'> =>
				number >= 1 && number <= count ? {} : { outOfRange: true };

			if (groups['one'] !== undefined) {
				const number = Number.parseInt(groups['one'], 10);
				return [{ start: index, end, data: { number, implicit: false, ...check(number) } }];
			}

			return listHits(groups['list'] ?? '', index, end, check);
		},
	};
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
