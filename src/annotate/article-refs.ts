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
import { matcherAt, scan, type Hit, type Recogniser } from './mention.ts';

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
	 * On the upper end of a range (`Articles 3 to 5`): the numbers strictly
	 * between the ends, which have no words of their own, and the range's text.
	 */
	range?: { interior: number[]; text: string };
}

/** Options of the article recogniser. */
export interface ArticleRecogniserOptions {
	/** Articles whose `implicitPhrases` are recognised (default: `[]`). */
	articles?: ReadonlyArray<ImplicitPhraseSource> | null | undefined;
	/** Number of articles in the treaty (default: `23`). */
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
	/^(?:(?:the|this|that|our|its)\s+)?(?:(?:new|present|current|same|2024|bilateral|landmark|comprehensive|strategic|partnership|Russia[-–]DPRK|DPRK[-–]Russia|Russia[-–]North\s+Korea|North\s+Korea[-–]Russia|Russian[-–]DPRK)\s+)*(?:treaty|pact)(?![\p{L}])/iu;

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
 * Build the article recogniser: one `giu` regex (explicit citations, then
 * implicit phrases) and its interpreter.
 *
 * @param options
 *   Articles (for implicit phrases) and article count.
 * @returns
 *   Recogniser.
 */
export function createArticleRecogniser(options?: Readonly<ArticleRecogniserOptions> | null): Recogniser<ArticleHit> {
	const count = options?.articleCount ?? 23;
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
			if (!isOwnInstrument(input.slice(end))) return [];
			const check = (number: number): Pick<ArticleHit, 'outOfRange'> =>
				number >= 1 && number <= count ? {} : { outOfRange: true };

			if (groups['one'] !== undefined) {
				const number = Number.parseInt(groups['one'], 10);
				return [{ start: index, end, data: { number, implicit: false, ...check(number) } }];
			}

			// A list: each number is its own hit, the words between stay text.
			const list = groups['list'] ?? '';
			const listStart = end - list.length;
			const numbers = [...list.matchAll(/\d{1,3}(?:\([0-9a-z]{1,4}\))*/giu)];
			const hits: Array<Hit<ArticleHit>> = [];
			numbers.forEach((item, position) => {
				const number = Number.parseInt(item[0], 10);
				const itemStart = listStart + (item.index ?? 0);
				const hit: Hit<ArticleHit> = {
					// The first link also covers the keyword: "Articles 11".
					start: position === 0 ? index : itemStart,
					end: itemStart + item[0].length,
					data: { number, implicit: false, ...check(number) },
				};
				const previous = numbers[position - 1];
				if (previous) {
					const between = list.slice((previous.index ?? 0) + previous[0].length, item.index);
					const low = Number.parseInt(previous[0], 10);
					if (/^\s*(?:to|through|[–—-])\s*$/iu.test(between) && low < number && !hit.data.outOfRange && low >= 1) {
						const interior: number[] = [];
						for (let n = low + 1; n < number; n++) interior.push(n);
						if (interior.length > 0) hit.data.range = { interior, text: match };
					}
				}
				hits.push(hit);
			});
			return hits;
		},
	};
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
