/**
 * Date expressions in running text, normalised to ISO 8601 values with their
 * precision (`2024-06-19`, `2023-09`, `1961`), ranges (`1960/1988`) and open
 * ranges (`2023-09/..`, "since …"). One combined regex finds candidates; the
 * interpreter decides, because most of the decisions need context a regex
 * states badly (is this four-digit number used as a year?).
 *
 * Decisions (documented in README.md):
 *
 * - A bare four-digit number is a year only in 1800–2100 and only in a year
 *   context: after in/since/by/until/from/of/the/between/and/or/to/before/
 *   after/during/around/c./circa/mid-, or before treaty/treaties/versions/
 *   declarations (and a few like nouns). After "the", "of", "and", "or", "to"
 *   it is not a year when a plural noun follows ("the 2000 soldiers").
 * - "since X" is the open range `X/..`.
 * - A decade is its ten years (`the 1960s` → `1960/1969`); "early", "mid",
 *   "late" are not narrowed (no invented precision) but mark the value
 *   approximate.
 * - A day without a year, "this year", "last year", "last month" and
 *   "last weekend" are resolved from the reference date (the commentary's
 *   publication date) and marked inferred; when the reference is not precise
 *   enough (a month-only date for "last weekend") they are left unlinked.
 */
import { isIsoPartialDate } from '../schemas/iso-date.ts';
import { matcherAt, scan, type Recogniser } from './mention.ts';

/** What one date hit stands for. */
export interface DateValue {
	/** ISO value: date, `start/end` range, or `start/..` open range. */
	iso: string;
	/** Part of the value is not written (year from the reference date, relative expression). */
	inferred: boolean;
	/** The words are vaguer than the value ("the early 1960s"). */
	approximate: boolean;
	/** Reader-facing explanation, for inferred and approximate values. */
	note?: string;
}

/** A date expression found in a string. */
export interface DateExpression extends DateValue {
	start: number;
	end: number;
	/** The words as written. */
	text: string;
}

/** Options of the date recogniser. */
export interface DateRecogniserOptions {
	/**
	 * Date that relative and year-less expressions are read from, normally the
	 * commentary's publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
	 * (default: none; such expressions are then left unlinked).
	 */
	referenceDate?: string | null | undefined;
}

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
] as const;

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\p{L}])`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?![\p{N}])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d|2100)(?![\p{N}])`;
const DECADE = String.raw`(?:1[89]\d0|20\d0)s`;
const QUALIFIER = String.raw`(?:[Ee]arly|[Mm]id|[Ll]ate)`;

/** Alternatives in priority order: at one position the first that matches wins. */
const PATTERN = [
	String.raw`(?<![\p{L}\p{N}/.-])(?<iso>\d{4}-\d{2}-\d{2})(?![\p{N}]|-\p{N})`,
	String.raw`(?<![\p{L}\p{N}])(?<mdyM>${MONTH})\s+(?<mdyD>${DAY})(?:\s*[–-]\s*(?<mdyD2>${DAY}))?(?:,?\s+(?<mdyY>${YEAR}))?(?![\p{N}]|:\p{N})`,
	String.raw`(?<![\p{L}\p{N}.,$-])(?<dmyD>${DAY})(?:\s*[–-]\s*(?<dmyD2>${DAY}))?\s+(?:of\s+)?(?<dmyM>${MONTH})(?:,?\s+(?<dmyY>${YEAR}))?`,
	String.raw`(?<![\p{L}\p{N}])(?<myM>${MONTH})(?:\s+of)?,?\s+(?<myY>${YEAR})`,
	String.raw`(?<![\p{L}\p{N}])(?:(?<dq1>${QUALIFIER})[\s-]+)?(?<dec1>${DECADE})(?:\s+(?:to|until|through|and)\s+(?:the\s+)?(?:(?<dq2>${QUALIFIER})[\s-]+)?(?<dec2>${DECADE}))?(?![\p{L}\p{N}])`,
	String.raw`(?<![\p{L}\p{N}$.,-])(?<ry1>${YEAR})\s*[–—-]\s*(?<ry2>\d{4}|\d{2})(?![\p{N}]|[.,]\p{N})`,
	String.raw`(?<=(?:[Ff]rom|[Bb]etween)\s+)(?<ft1>${YEAR})\s+(?:to|and|until|through)\s+(?<ft2>${YEAR})`,
	String.raw`(?<![\p{L}\p{N}$€£¥.,+/])(?<year>${YEAR})(?![\p{L}]|[.,]\p{N})`,
	String.raw`(?<![\p{L}])(?<rel>(?:(?:[Ee]arlier|[Ll]ater)\s+)?[Tt]his\s+(?:year|month)|[Ll]ast\s+(?:year|month|weekend))(?![\p{L}])`,
].join('|');

/** Words after which a bare number is read as a year. */
const YEAR_PREFIX =
	/(?:^|[^\p{L}])(in|since|by|until|till|from|of|the|between|and|or|to|before|after|during|around|year|c\.|ca\.|circa|mid-|early|mid|late)\s*$/iu;
/** Prefixes after which a following plural noun means the number counts things. */
const COUNTING_PREFIX = new Set(['the', 'of', 'and', 'or', 'to']);
/** Nouns after which a bare number is a year whatever precedes it. */
const YEAR_NOUN =
	/^\s+(?:treaty|treaties|versions?|declarations?|agreements?|accords?|summits?|pact|visit|elections?|war|crisis|resolution|constitution|charter|talks|sanctions|census|budget|olympics)(?![\p{L}])/iu;
/** Words after a number that make it a count or an amount, never a year. */
const COUNT_WORD =
	/^\s*(?:%|(?:per\s*cent|percent|million|billion|trillion|thousand|hundred|years?|months?|weeks?|days?|hours?|decades?|centuries|people|persons|men|women|children|troops|soldiers|sailors|workers|jobs|units|tons|tonnes|km|kilometres|kilometers|miles|dollars|euros|roubles|rubles|won)(?![\p{L}]))/iu;

/** Value of an ISO day string as a UTC date. */
function toUtc(day: string): Date {
	return new Date(`${day}T00:00:00Z`);
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

function monthNumber(name: string): number {
	const key = name.toLowerCase().replace('.', '').slice(0, 3);
	return MONTH_NAMES.findIndex((month) => month.startsWith(key)) + 1;
}

/**
 * A reference date as the recogniser needs it, from frontmatter or options.
 *
 * @param value
 *   `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a `Date` (YAML turns unquoted dates into
 *   one), or anything else.
 * @returns
 *   ISO partial date, or `undefined` when `value` is not one.
 */
export function parseReferenceDate(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
	return typeof value === 'string' && isIsoPartialDate(value) ? value : undefined;
}

/**
 * Build the date recogniser.
 *
 * @param options
 *   Reference date.
 * @returns
 *   Recogniser whose hits carry ISO values.
 */
export function createDateRecogniser(options?: Readonly<DateRecogniserOptions> | null): Recogniser<DateValue> {
	const reference = parseReferenceDate(options?.referenceDate);
	const referenceYear = reference === undefined ? undefined : Number(reference.slice(0, 4));
	const pattern = new RegExp(PATTERN, 'gu');
	const at = matcherAt(pattern);

	/** A day (or day range) in a month; the year from the text or the reference. */
	function day(month: string, d1: string, d2: string | undefined, year: string | undefined): DateValue | undefined {
		const y = year === undefined ? referenceYear : Number(year);
		if (y === undefined) return undefined;
		const m = pad(monthNumber(month));
		const first = `${y}-${m}-${pad(Number.parseInt(d1, 10))}`;
		const last = d2 === undefined ? undefined : `${y}-${m}-${pad(Number.parseInt(d2, 10))}`;
		if (!isIsoPartialDate(first) || (last !== undefined && (!isIsoPartialDate(last) || last <= first))) return undefined;
		const iso = last === undefined ? first : `${first}/${last}`;
		if (year !== undefined) return { iso, inferred: false, approximate: false };
		return { iso, inferred: true, approximate: false, note: `Year inferred from the publication date (${y})` };
	}

	/** "last year", "earlier this year", "last weekend", … from the reference date. */
	function relative(words: string): DateValue | undefined {
		if (reference === undefined || referenceYear === undefined) return undefined;
		const text = words.toLowerCase().replace(/\s+/gu, ' ');
		const quoted = `“${words.replace(/\s+/gu, ' ')}”`;
		if (text.endsWith('this year')) {
			return { iso: String(referenceYear), inferred: true, approximate: false, note: `Year inferred from the publication date (${referenceYear})` };
		}
		if (text === 'last year') {
			const year = referenceYear - 1;
			return { iso: String(year), inferred: true, approximate: false, note: `${quoted} read from the publication date (${referenceYear}): ${year}` };
		}
		if (reference.length < 7) return undefined;
		const month = Number(reference.slice(5, 7));
		if (text.endsWith('this month')) {
			return { iso: reference.slice(0, 7), inferred: true, approximate: false, note: `${quoted} read from the publication date (${reference.slice(0, 7)})` };
		}
		if (text === 'last month') {
			const iso = month === 1 ? `${referenceYear - 1}-12` : `${referenceYear}-${pad(month - 1)}`;
			return { iso, inferred: true, approximate: false, note: `${quoted} read from the publication date (${reference.slice(0, 7)}): ${iso}` };
		}
		if (text === 'last weekend' && reference.length === 10) {
			// The last Sunday strictly before the reference day, and the Saturday before it.
			const sunday = toUtc(reference);
			do sunday.setUTCDate(sunday.getUTCDate() - 1);
			while (sunday.getUTCDay() !== 0);
			const saturday = new Date(sunday);
			saturday.setUTCDate(sunday.getUTCDate() - 1);
			const iso = `${saturday.toISOString().slice(0, 10)}/${sunday.toISOString().slice(0, 10)}`;
			return { iso, inferred: true, approximate: false, note: `${quoted} read from the publication date (${reference}): the weekend before it` };
		}
		return undefined;
	}

	/** Whether a bare four-digit number at `index` is used as a year. */
	function isYearInContext(input: string, index: number, end: number): boolean {
		const before = input.slice(Math.max(0, index - 24), index);
		const after = input.slice(end);
		// "Covid-2019" is a name; only "mid-2023" reads as a year.
		if (before.endsWith('-') && !/(?:^|[^\p{L}])mid-$/iu.test(before)) return false;
		if (COUNT_WORD.test(after)) return false;
		if (YEAR_NOUN.test(after)) return true;
		const prefix = YEAR_PREFIX.exec(before)?.[1]?.toLowerCase();
		if (prefix === undefined) return false;
		// "the 2000 soldiers": a plural noun after a determiner makes a count.
		if (COUNTING_PREFIX.has(prefix) && /^\s+\p{Ll}+s(?![\p{L}])/u.test(after)) return false;
		return true;
	}

	/** Open range when the expression follows "since". */
	function since(input: string, index: number, value: DateValue): DateValue {
		if (!/(?:^|[^\p{L}])since\s+(?:the\s+)?$/iu.test(input.slice(Math.max(0, index - 12), index))) return value;
		return { ...value, iso: `${value.iso.split('/')[0]}/..` };
	}

	return {
		pattern,
		interpret(input, index, match) {
			const groups = at(input, index)?.groups;
			if (!groups) return false;
			const end = index + match.length;
			let value: DateValue | undefined;

			if (groups['iso'] !== undefined) {
				value = isIsoPartialDate(groups['iso']) ? { iso: groups['iso'], inferred: false, approximate: false } : undefined;
			} else if (groups['mdyM'] !== undefined && groups['mdyD'] !== undefined) {
				value = day(groups['mdyM'], groups['mdyD'], groups['mdyD2'], groups['mdyY']);
			} else if (groups['dmyM'] !== undefined && groups['dmyD'] !== undefined) {
				value = day(groups['dmyM'], groups['dmyD'], groups['dmyD2'], groups['dmyY']);
			} else if (groups['myM'] !== undefined && groups['myY'] !== undefined) {
				value = { iso: `${groups['myY']}-${pad(monthNumber(groups['myM']))}`, inferred: false, approximate: false };
			} else if (groups['dec1'] !== undefined) {
				const first = Number.parseInt(groups['dec1'], 10);
				const last = groups['dec2'] === undefined ? first : Number.parseInt(groups['dec2'], 10);
				if (last < first) return false;
				const qualified = groups['dq1'] !== undefined || groups['dq2'] !== undefined;
				value = {
					iso: `${first}/${last + 9}`,
					inferred: false,
					approximate: qualified,
					...(qualified ? { note: `Approximate: “${match.replace(/\s+/gu, ' ')}” is shown as whole decades (${first}–${last + 9})` } : {}),
				};
			} else if (groups['ry1'] !== undefined && groups['ry2'] !== undefined) {
				const first = Number.parseInt(groups['ry1'], 10);
				const last = groups['ry2'].length === 2 ? Math.floor(first / 100) * 100 + Number.parseInt(groups['ry2'], 10) : Number.parseInt(groups['ry2'], 10);
				value = last > first && last <= 2100 ? { iso: `${first}/${last}`, inferred: false, approximate: false } : undefined;
			} else if (groups['ft1'] !== undefined && groups['ft2'] !== undefined) {
				value = groups['ft2'] > groups['ft1'] ? { iso: `${groups['ft1']}/${groups['ft2']}`, inferred: false, approximate: false } : undefined;
			} else if (groups['year'] !== undefined) {
				value = isYearInContext(input, index, end) ? { iso: groups['year'], inferred: false, approximate: false } : undefined;
			} else if (groups['rel'] !== undefined) {
				// "the last year of the war" is not the year before publication.
				if (/(?:^|[^\p{L}])the\s+$/iu.test(input.slice(Math.max(0, index - 6), index))) return false;
				value = relative(groups['rel']);
			}
			if (value === undefined) return false;
			return [{ start: index, end, data: since(input, index, value) }];
		},
	};
}

/**
 * Every date expression in a string (pure; what the plugin does per text node).
 *
 * @param text
 *   Text to scan.
 * @param options
 *   Reference date.
 * @returns
 *   Expressions in order, each with its offsets, words and ISO value.
 */
export function findDateExpressions(text: string, options?: Readonly<DateRecogniserOptions> | null): DateExpression[] {
	return scan(createDateRecogniser(options), text).map((hit) => ({
		start: hit.start,
		end: hit.end,
		text: text.slice(hit.start, hit.end),
		...hit.data,
	}));
}
