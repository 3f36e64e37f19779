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
 * - A day or a month without a year ("November 12", "in June") takes the
 *   year that puts it closest before or on the reference date (the
 *   commentary's publication date), unless its clause looks ahead ("will meet
 *   on", "is expected on"): then the closest on or after it. "this year",
 *   "last year", "last month", "last weekend" are read back from the reference
 *   date, "next month" and "next year" forward. All are marked inferred; when
 *   the reference is not precise enough (a month-only date for "last
 *   weekend") they are left unlinked.
 */
import { isIsoPartialDate } from '../schemas/iso-date.ts';
import { matcherAt, scan, type Recogniser } from './recogniser.ts';

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
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
/** A weekday that names a holiday or an event, not a day of the week: "Good Friday", "Super Tuesday". */
const NOT_A_WEEKDAY_BEFORE = /(?:^|[^\p{L}])(?:Good|Black|Cyber|Super|Easter|Holy|Palm|Ash|Maundy|Bloody|Blue|Manic|Casual)\s+$/u;
/** What must come before a bare ordinal day for it to be a day of the month: "on the 3rd". */
const BARE_DAY_BEFORE = /(?:^|[^\p{L}])[Oo]n\s+$/u;

/**
 * Alternatives in priority order: at one position the first that matches wins. Alternatives that share the
 * lookbehind they start with are grouped under one (it is checked at every position of every text: fewer
 * groups, less time); within a group the order is kept, and groups start with different characters.
 */
const PATTERN = [
	String.raw`(?<![\p{L}\p{N}/.-])(?<iso>\d{4}-\d{2}-\d{2})(?![\p{N}]|-\p{N})`,
	String.raw`(?<![\p{L}\p{N}])(?:(?<xmdyM1>${MONTH})\s+(?<xmdyD1>${DAY})\s*[–-]\s*(?<xmdyM2>${MONTH})\s+(?<xmdyD2>${DAY})(?:,?\s+(?<xmdyY>${YEAR}))?(?![\p{N}]|:\p{N})|(?<mdyM>${MONTH})\s+(?<mdyD>${DAY})(?:\s*[–-]\s*(?<mdyD2>${DAY}))?(?:,?\s+(?<mdyY>${YEAR}))?(?![\p{N}]|:\p{N})|(?<myM>${MONTH})(?:\s+of)?,?\s+(?<myY>${YEAR}))`,
	String.raw`(?<![\p{L}\p{N}.,$-])(?:(?<xdmyD1>${DAY})\s+(?<xdmyM1>${MONTH})\s*[–-]\s*(?<xdmyD2>${DAY})\s+(?<xdmyM2>${MONTH})(?:,?\s+(?<xdmyY>${YEAR}))?|(?<dmyD>${DAY})(?:\s*[–-]\s*(?<dmyD2>${DAY}))?\s+(?:of\s+)?(?<dmyM>${MONTH})(?:,?\s+(?<dmyY>${YEAR}))?|(?<bdThe>[Tt]he\s+)(?<bd>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\p{L}\p{N}]))`,
	String.raw`(?<=(?:^|[^\p{L}])(?:(?:in|since|by|until|till|during|before|after|early|late)\s+|mid-\s*))(?<moM>${MONTH})(?![\s,]*\p{N}|-)`,
	String.raw`(?<![\p{L}\p{N}])(?:(?<dq1>${QUALIFIER})[\s-]+)?(?<dec1>${DECADE})(?:\s+(?:to|until|through|and)\s+(?:the\s+)?(?:(?<dq2>${QUALIFIER})[\s-]+)?(?<dec2>${DECADE}))?(?![\p{L}\p{N}])`,
	String.raw`(?<![\p{L}\p{N}$.,-])(?<ry1>${YEAR})\s*[–—-]\s*(?<ry2>\d{4}|\d{2})(?![\p{N}]|[.,]\p{N})`,
	String.raw`(?<=(?:[Ff]rom|[Bb]etween)\s+)(?<ft1>${YEAR})\s+(?:to|and|until|through)\s+(?<ft2>${YEAR})`,
	String.raw`(?<![\p{L}\p{N}$€£¥.,+/])(?<year>${YEAR})(?![\p{L}]|[.,]\p{N})`,
	String.raw`(?<![\p{L}])(?:(?:(?<wdRel>[Ll]ast|[Nn]ext)\s+)?(?<wd>${WEEKDAY})(?![\p{L}])(?!,?\s+(?:${MONTH}\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}))|(?<day>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![\p{L}])|(?<rel>(?:(?:[Ee]arlier|[Ll]ater)\s+)?[Tt]his\s+(?:year|month)|[Ll]ast\s+(?:year|month|weekend)|[Nn]ext\s+(?:year|month))(?![\p{L}]))`,
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

/** Prefixes that make a year part of a compound and still a year: "mid-2023", "the post-2000 order", "pre-1991". */
const YEAR_COMPOUND_PREFIX = /(?:^|[^\p{L}])(?:mid|pre|post|early|late)-$/iu;
/** Suffixes that make a year part of a compound and still a year: "2000-era", "1991-vintage". */
const YEAR_COMPOUND_SUFFIX = /^-(?:era|vintage|style)(?![\p{L}])/iu;
/** Words after "on the 3rd" that leave it a day of the month; any other word makes it a rank ("the 3rd floor"). */
const AFTER_BARE_DAY = /^(?:\s*$|\s*[,.;:!?)—–]|\s+(?:and|or|at|in|when|after|before|but|with|as|while|amid|during|for|to|from|by|until|that|this|he|she|they|it|we)(?![\p{L}]))/u;
/** "the 9th of the same month": the month is the one the text last named. */
const SAME_MONTH_AFTER = /^\s+of\s+the\s+same\s+month(?![\p{L}])/u;
/** Month names with the year that may follow them ("November 11, 2024", "November 2024"), for `sameMonthDayValue`. */
const MONTH_WITH_YEAR = new RegExp(String.raw`(?<![\p{L}])(?<month>${MONTH})(?:\s+(?:${DAY}),?)?(?:\s+(?<year>${YEAR}))?|(?<![\p{L}\p{N}])${DAY}\s+(?:of\s+)?(?<month2>${MONTH})(?:,?\s+(?<year2>${YEAR}))?`, 'gu');

/** Words right before "today" that make it the present in general, not a day: "the Russia of today", "even today". */
const GENERIC_TODAY_BEFORE = /(?:^|[^\p{L}])(?:of|than|like|even|still|until|till)\s+$/iu;

/** Words in the clause before a date that say it is ahead of the text ("will meet on", "is expected on"). */
const LOOKS_AHEAD =
	/(?:^|[^\p{L}])(?:will|shall|'ll|is\s+to|are\s+to|(?:is|are)\s+due|due\s+to|expected|scheduled|planned|plans?\s+to|set\s+to|(?:is|are)\s+going\s+to|upcoming|forthcoming|next)(?![\p{L}])/iu;

/** The reference date as the interpreters read it. */
interface Reference {
	/** ISO partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
	iso: string;
	year: number;
}

/** Value of an ISO day string as a UTC date. */
function toUtc(day: string): Date {
	return new Date(`${day}T00:00:00Z`);
}

/** Two digits. */
function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** Month number (1–12) of a month name or abbreviation. */
function monthNumber(name: string): number {
	const key = name.toLowerCase().replace('.', '').slice(0, 3);
	// Every name the pattern matches has three letters before any dot: one look-up, not a search of the names.
	return MONTH_BY_PREFIX.get(key) ?? MONTH_NAMES.findIndex((month) => month.startsWith(key)) + 1;
}

/** Month number (1–12) by the first three letters of its name. */
const MONTH_BY_PREFIX = new Map(MONTH_NAMES.map((month, index) => [month.slice(0, 3), index + 1]));

/** A value written in full: nothing inferred, nothing approximate. */
function exact(iso: string): DateValue {
	return { iso, inferred: false, approximate: false };
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
 * Whether the clause leading up to a date looks ahead of the text's own date
 * ("the ministers will meet on January 15", "talks are expected on April 2").
 *
 * @param input
 *   Scanned text.
 * @param index
 *   Where the date starts.
 * @returns
 *   Whether the date is read forward from the reference date.
 */
export function looksAhead(input: string, index: number): boolean {
	const before = input.slice(Math.max(0, index - 100), index);
	const clause = before.slice(Math.max(...[...'.;:!?,—–('].map((mark) => before.lastIndexOf(mark))) + 1);
	return LOOKS_AHEAD.test(clause);
}

/**
 * The year of a month (and day) written without one: the year that puts it
 * closest before or on the reference date, or, when the text looks ahead,
 * closest on or after it. Compared at the reference's precision (a month-only
 * reference cannot order two days of its month, so its own month counts as
 * "on" it).
 *
 * @param month
 *   Month number.
 * @param day
 *   Day, when written.
 * @param reference
 *   Reference date.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Year.
 */
export function inferYear(month: number, day: number | undefined, reference: Reference, forward: boolean): number {
	if (reference.iso.length === 4) return reference.year;
	const at = (year: number) => (day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`).slice(0, reference.iso.length);
	if (forward) return at(reference.year) >= reference.iso.slice(0, at(reference.year).length) ? reference.year : reference.year + 1;
	return at(reference.year) <= reference.iso ? reference.year : reference.year - 1;
}

/**
 * The note of a value whose year was inferred.
 *
 * @param year
 *   Inferred year.
 * @param reference
 *   Reference date.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Reader-facing explanation.
 */
function yearNote(year: number, reference: Reference, forward: boolean): string {
	if (!forward && year === reference.year) return `Year inferred from the publication date (${reference.year})`;
	const reading = forward ? 'the text looks ahead, so the first such date after it' : 'the last such date before it';
	return `Year inferred from the publication date (${reference.iso}): ${reading}, in ${year}`;
}

/**
 * A day (or day range) in a month; the year from the text or inferred.
 *
 * @param month
 *   Month name as written.
 * @param d1
 *   Day as written.
 * @param d2
 *   Last day of a day range ("12–14 June"), if any.
 * @param year
 *   Year as written, if any.
 * @param reference
 *   Reference date, for a day without a year.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` when it is not a real date or cannot be placed.
 */
function dayValue(month: string, d1: string, d2: string | undefined, year: string | undefined, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	const m = monthNumber(month);
	const first = Number.parseInt(d1, 10);
	if (year === undefined && reference === undefined) return undefined;
	const y = year === undefined ? inferYear(m, first, reference!, forward) : Number(year);
	const start = `${y}-${pad(m)}-${pad(first)}`;
	const last = d2 === undefined ? undefined : `${y}-${pad(m)}-${pad(Number.parseInt(d2, 10))}`;
	if (!isIsoPartialDate(start) || (last !== undefined && (!isIsoPartialDate(last) || last <= start))) return undefined;
	const iso = last === undefined ? start : `${start}/${last}`;
	if (year !== undefined) return exact(iso);
	return { iso, inferred: true, approximate: false, note: yearNote(y, reference!, forward) };
}

/**
 * A month without a day or year ("in June"), its year inferred.
 *
 * @param month
 *   Month name as written.
 * @param reference
 *   Reference date.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` without a reference date.
 */
function monthValue(month: string, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	if (reference === undefined) return undefined;
	const m = monthNumber(month);
	const year = inferYear(m, undefined, reference, forward);
	return { iso: `${year}-${pad(m)}`, inferred: true, approximate: false, note: yearNote(year, reference, forward) };
}

/**
 * "last year", "earlier this year", "next month", "last weekend", … read
 * from the reference date.
 *
 * @param words
 *   The expression as written.
 * @param reference
 *   Reference date.
 * @returns
 *   Value, or `undefined` when the reference is not precise enough.
 */
function relativeValue(words: string, reference: Reference | undefined): DateValue | undefined {
	if (reference === undefined) return undefined;
	const { iso: ref, year } = reference;
	const text = words.toLowerCase().replace(/\s+/gu, ' ');
	const quoted = `“${words.replace(/\s+/gu, ' ')}”`;
	const inferred = (iso: string, note: string): DateValue => ({ iso, inferred: true, approximate: false, note });
	if (text.endsWith('this year')) return inferred(String(year), `Year inferred from the publication date (${year})`);
	if (text === 'last year') return inferred(String(year - 1), `${quoted} read from the publication date (${year}): ${year - 1}`);
	if (text === 'next year') return inferred(String(year + 1), `${quoted} read from the publication date (${year}): ${year + 1}`);
	if (ref.length < 7) return undefined;
	const month = Number(ref.slice(5, 7));
	if (text.endsWith('this month')) return inferred(ref.slice(0, 7), `${quoted} read from the publication date (${ref.slice(0, 7)})`);
	if (text === 'last month' || text === 'next month') {
		const shifted = month + (text === 'last month' ? -1 : 1);
		const iso = shifted === 0 ? `${year - 1}-12` : shifted === 13 ? `${year + 1}-01` : `${year}-${pad(shifted)}`;
		return inferred(iso, `${quoted} read from the publication date (${ref.slice(0, 7)}): ${iso}`);
	}
	if (text === 'last weekend' && ref.length === 10) {
		// The last Sunday strictly before the reference day, and the Saturday before it.
		const sunday = toUtc(ref);
		do sunday.setUTCDate(sunday.getUTCDate() - 1);
		while (sunday.getUTCDay() !== 0);
		const saturday = new Date(sunday);
		saturday.setUTCDate(sunday.getUTCDate() - 1);
		const iso = `${saturday.toISOString().slice(0, 10)}/${sunday.toISOString().slice(0, 10)}`;
		return inferred(iso, `${quoted} read from the publication date (${ref}): the weekend before it`);
	}
	return undefined;
}

/** An ISO day shifted by some days. */
function addDays(day: string, days: number): string {
	const date = toUtc(day);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Weekday names, Sunday first (as `Date#getUTCDay` counts). */
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * A range of days across two months ("30 November–1 December", "November 30 –
 * December 1, 2024"): a written year is the last day's (and the first day's,
 * unless the range crosses the new year); without one the first day takes the
 * year rule of a day without a year.
 *
 * @param m1
 *   First month as written.
 * @param d1
 *   First day as written.
 * @param m2
 *   Last month as written.
 * @param d2
 *   Last day as written.
 * @param year
 *   Year as written, if any.
 * @param reference
 *   Reference date, for a range without a year.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` when a day does not exist, the range does not run forward or cannot be placed.
 */
function crossMonthValue(m1: string, d1: string, m2: string, d2: string, year: string | undefined, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	const [first, last] = [monthNumber(m1), monthNumber(m2)];
	const [day1, day2] = [Number.parseInt(d1, 10), Number.parseInt(d2, 10)];
	if (year === undefined && reference === undefined) return undefined;
	const startYear = year === undefined ? inferYear(first, day1, reference!, forward) : Number(year) - (last < first ? 1 : 0);
	const endYear = last < first ? startYear + 1 : startYear;
	const start = `${startYear}-${pad(first)}-${pad(day1)}`;
	const end = `${endYear}-${pad(last)}-${pad(day2)}`;
	if (!isIsoPartialDate(start) || !isIsoPartialDate(end) || end <= start || first === last) return undefined;
	if (year !== undefined) return exact(`${start}/${end}`);
	return { iso: `${start}/${end}`, inferred: true, approximate: false, note: yearNote(startYear, reference!, forward) };
}

/**
 * A weekday ("on Tuesday", "signed Friday", "last Monday"): the most recent
 * such day on or before the reference day, or, when the text looks ahead, the
 * first on or after it; "last" and "next" exclude the reference day itself.
 *
 * @param name
 *   Weekday as written.
 * @param relative
 *   "last" or "next", if written.
 * @param words
 *   The expression as written (for the note).
 * @param reference
 *   Reference date.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` unless the reference is a day.
 */
function weekdayValue(name: string, relative: string | undefined, words: string, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	if (reference === undefined || reference.iso.length < 10) return undefined;
	const target = WEEKDAY_NAMES.findIndex((day) => day === name);
	const today = toUtc(reference.iso).getUTCDay();
	const ahead = relative === undefined ? forward : relative.toLowerCase() === 'next';
	const strict = relative !== undefined;
	let shift = ahead ? (target - today + 7) % 7 : -((today - target + 7) % 7);
	if (strict && shift === 0) shift = ahead ? 7 : -7;
	const iso = addDays(reference.iso, shift);
	const which = ahead ? `the first ${name} ${strict ? 'after' : 'on or after'} it` : `the last ${name} ${strict ? 'before' : 'on or before'} it`;
	return {
		iso,
		inferred: true,
		approximate: false,
		note: `“${words.replace(/\s+/gu, ' ')}” read from the publication date (${reference.iso}, a ${WEEKDAY_NAMES[today]}): ${which}${ahead && !strict ? ' (the text looks ahead)' : ''}`,
	};
}

/**
 * "today", "yesterday", "tomorrow", where they name a day: not possessive
 * ("today's Russia" may be the present in general), not after "of", "than",
 * "even", "until" ("the Russia of today"), and not capitalised inside a
 * sentence ("Russia Today", an outlet).
 *
 * @param word
 *   The word as written.
 * @param input
 *   Scanned text.
 * @param index
 *   Where the word starts.
 * @param reference
 *   Reference date.
 * @returns
 *   Value, or `undefined` when it is not used as a day or the reference is not a day.
 */
function dayWordValue(word: string, input: string, index: number, reference: Reference | undefined): DateValue | undefined {
	if (reference === undefined || reference.iso.length < 10) return undefined;
	const before = input.slice(Math.max(0, index - 24), index);
	const after = input.slice(index + word.length, index + word.length + 2);
	if (/^'s?(?![\p{L}])/u.test(after)) return undefined;
	if (GENERIC_TODAY_BEFORE.test(before) && !/(?:^|[^\p{L}])as\s+of\s+$/iu.test(before)) return undefined;
	if (/^\p{Lu}/u.test(word) && /[\p{L}\p{N},]\s*$/u.test(before)) return undefined;
	const lower = word.toLowerCase();
	const shift = lower === 'yesterday' ? -1 : lower === 'tomorrow' ? 1 : 0;
	const iso = addDays(reference.iso, shift);
	return { iso, inferred: true, approximate: false, note: `“${word}” read from the publication date (${reference.iso})${shift === 0 ? '' : `: ${iso}`}` };
}

/**
 * A day of the month without its month ("on the 3rd"): that day of the
 * reference month, or of the month before when it is after the reference day;
 * when the text looks ahead, of the reference month or the month after.
 *
 * @param day
 *   Day as written.
 * @param words
 *   The expression as written (for the note).
 * @param reference
 *   Reference date.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` unless the reference is a day, or when that month lacks the day.
 */
function bareDayValue(day: string, words: string, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	if (reference === undefined || reference.iso.length < 10) return undefined;
	const d = Number.parseInt(day, 10);
	const refDay = Number(reference.iso.slice(8, 10));
	let month = Number(reference.iso.slice(5, 7)) + (forward ? (d < refDay ? 1 : 0) : d > refDay ? -1 : 0);
	let year = reference.year;
	if (month === 0) [month, year] = [12, year - 1];
	if (month === 13) [month, year] = [1, year + 1];
	const iso = `${year}-${pad(month)}-${pad(d)}`;
	if (!isIsoPartialDate(iso)) return undefined;
	const which = forward ? 'the first such day on or after it (the text looks ahead)' : 'the last such day on or before it';
	return { iso, inferred: true, approximate: false, note: `Month and year of “${words}” inferred from the publication date (${reference.iso}): ${which}` };
}

/**
 * "on the 9th of the same month": the day in the month the text named last
 * before it ("ratified … on November 11, and … on the 9th of the same
 * month"), with that month's written year, or its year inferred as for a day
 * without one.
 *
 * @param day
 *   Day as written.
 * @param words
 *   The expression as written (for the note).
 * @param before
 *   The text before the expression.
 * @param reference
 *   Reference date, for a month without a year.
 * @param forward
 *   Whether the text looks ahead.
 * @returns
 *   Value, or `undefined` when no month was named before it or the day does not exist.
 */
function sameMonthDayValue(day: string, words: string, before: string, reference: Reference | undefined, forward: boolean): DateValue | undefined {
	const last = [...before.matchAll(MONTH_WITH_YEAR)].at(-1)?.groups;
	const name = last?.['month'] ?? last?.['month2'];
	if (name === undefined) return undefined;
	const written = last?.['year'] ?? last?.['year2'];
	const value = dayValue(name, day, undefined, written, reference, forward);
	if (!value) return undefined;
	const month = MONTH_NAMES[monthNumber(name) - 1] ?? name;
	const yearPart = written === undefined ? `, ${value.note?.replace(/^Year/u, 'year') ?? ''}` : '';
	return { iso: value.iso, inferred: true, approximate: false, note: `Month of “${words}” taken from the date before it (${month.charAt(0).toUpperCase()}${month.slice(1)})${yearPart}` };
}

/**
 * A decade or a span of decades ("the 1990s", "the early 1960s to the late
 * 1980s"): whole decades, approximate when qualified.
 *
 * @param match
 *   The expression as written.
 * @param groups
 *   Its named groups.
 * @returns
 *   Value, or `undefined` when the span runs backwards.
 */
function decadeValue(match: string, groups: Record<string, string | undefined>): DateValue | undefined {
	const first = Number.parseInt(groups['dec1'] ?? '', 10);
	const last = groups['dec2'] === undefined ? first : Number.parseInt(groups['dec2'], 10);
	if (last < first) return undefined;
	const qualified = groups['dq1'] !== undefined || groups['dq2'] !== undefined;
	if (!qualified) return exact(`${first}/${last + 9}`);
	return {
		iso: `${first}/${last + 9}`,
		inferred: false,
		approximate: true,
		note: `Approximate: “${match.replace(/\s+/gu, ' ')}” is shown as whole decades (${first}–${last + 9})`,
	};
}

/**
 * A span of years written "1960–88" or "1960–1988".
 *
 * @param from
 *   First year.
 * @param to
 *   Last year, in two or four digits.
 * @returns
 *   Value, or `undefined` when it does not run forward.
 */
function yearRangeValue(from: string, to: string): DateValue | undefined {
	const first = Number.parseInt(from, 10);
	const last = to.length === 2 ? Math.floor(first / 100) * 100 + Number.parseInt(to, 10) : Number.parseInt(to, 10);
	return last > first && last <= 2100 ? exact(`${first}/${last}`) : undefined;
}

/**
 * Whether a bare four-digit number at `index` is used as a year.
 *
 * @param input
 *   Scanned text.
 * @param index
 *   Where the number starts.
 * @param end
 *   Where it ends.
 * @returns
 *   Whether to read it as a year.
 */
function isYearInContext(input: string, index: number, end: number): boolean {
	const before = input.slice(Math.max(0, index - 24), index);
	const after = input.slice(end);
	// "Covid-2019" is a name; "mid-2023", "post-2000", "pre-1991" read as years.
	if (before.endsWith('-')) return YEAR_COMPOUND_PREFIX.test(before) && !COUNT_WORD.test(after);
	if (COUNT_WORD.test(after)) return false;
	if (YEAR_NOUN.test(after) || YEAR_COMPOUND_SUFFIX.test(after)) return true;
	const prefix = YEAR_PREFIX.exec(before)?.[1]?.toLowerCase();
	if (prefix === undefined) return false;
	// "the 2000 soldiers": a plural noun after a determiner makes a count.
	if (COUNTING_PREFIX.has(prefix) && /^\s+\p{Ll}+s(?![\p{L}])/u.test(after)) return false;
	return true;
}

/**
 * An open range when the expression follows "since".
 *
 * @param input
 *   Scanned text.
 * @param index
 *   Where the expression starts.
 * @param value
 *   Its value.
 * @returns
 *   `start/..` after "since", else `value`.
 */
function sinceRange(input: string, index: number, value: DateValue): DateValue {
	if (!/(?:^|[^\p{L}])since\s+(?:the\s+)?$/iu.test(input.slice(Math.max(0, index - 12), index))) return value;
	return { ...value, iso: `${value.iso.split('/')[0]}/..` };
}

/**
 * The value of one match, by the alternative that matched.
 *
 * @param groups
 *   Named groups of the match.
 * @param input
 *   Scanned text.
 * @param index
 *   Where the match starts.
 * @param match
 *   Matched text.
 * @param reference
 *   Reference date, if any.
 * @returns
 *   Value, `undefined` when the match is not a date after all.
 */
function interpretMatch(groups: Record<string, string | undefined>, input: string, index: number, match: string, reference: Reference | undefined): DateValue | undefined {
	const end = index + match.length;
	const g = groups;
	if (g['iso'] !== undefined) return isIsoPartialDate(g['iso']) ? exact(g['iso']) : undefined;
	if (g['xmdyM1'] !== undefined && g['xmdyD1'] !== undefined && g['xmdyM2'] !== undefined && g['xmdyD2'] !== undefined) {
		return crossMonthValue(g['xmdyM1'], g['xmdyD1'], g['xmdyM2'], g['xmdyD2'], g['xmdyY'], reference, looksAhead(input, index));
	}
	if (g['xdmyM1'] !== undefined && g['xdmyD1'] !== undefined && g['xdmyM2'] !== undefined && g['xdmyD2'] !== undefined) {
		return crossMonthValue(g['xdmyM1'], g['xdmyD1'], g['xdmyM2'], g['xdmyD2'], g['xdmyY'], reference, looksAhead(input, index));
	}
	if (g['mdyM'] !== undefined && g['mdyD'] !== undefined) return dayValue(g['mdyM'], g['mdyD'], g['mdyD2'], g['mdyY'], reference, looksAhead(input, index));
	if (g['dmyM'] !== undefined && g['dmyD'] !== undefined) return dayValue(g['dmyM'], g['dmyD'], g['dmyD2'], g['dmyY'], reference, looksAhead(input, index));
	if (g['myM'] !== undefined && g['myY'] !== undefined) return exact(`${g['myY']}-${pad(monthNumber(g['myM']))}`);
	if (g['moM'] !== undefined) return monthValue(g['moM'], reference, looksAhead(input, index));
	if (g['dec1'] !== undefined) return decadeValue(match, g);
	if (g['ry1'] !== undefined && g['ry2'] !== undefined) return yearRangeValue(g['ry1'], g['ry2']);
	if (g['ft1'] !== undefined && g['ft2'] !== undefined) return g['ft2'] > g['ft1'] ? exact(`${g['ft1']}/${g['ft2']}`) : undefined;
	if (g['year'] !== undefined) return isYearInContext(input, index, end) ? exact(g['year']) : undefined;
	// Lookbehinds cost at every position of every text: the words before a weekday or a bare day are read here instead.
	const before = input.slice(Math.max(0, index - 12), index);
	if (g['wd'] !== undefined && NOT_A_WEEKDAY_BEFORE.test(before)) return undefined;
	if (g['bd'] !== undefined && !BARE_DAY_BEFORE.test(before)) return undefined;
	if (g['wd'] !== undefined) return weekdayValue(g['wd'], g['wdRel'], match, reference, looksAhead(input, index));
	if (g['day'] !== undefined) return dayWordValue(g['day'], input, index, reference);
	if (g['bd'] !== undefined) {
		if (SAME_MONTH_AFTER.test(input.slice(end, end + 24))) return sameMonthDayValue(g['bd'], match, input.slice(0, index), reference, looksAhead(input, index));
		return AFTER_BARE_DAY.test(input.slice(end, end + 12)) ? bareDayValue(g['bd'], match, reference, looksAhead(input, index)) : undefined;
	}
	if (g['rel'] !== undefined) {
		// "the last year of the war" is not the year before publication.
		if (/(?:^|[^\p{L}])the\s+$/iu.test(input.slice(Math.max(0, index - 6), index))) return undefined;
		return relativeValue(g['rel'], reference);
	}
	return undefined;
}

/** The pattern, compiled once for every recogniser (it does not depend on the reference date); `scan` runs a copy. */
const DATE_PATTERN = new RegExp(PATTERN, 'gu');
/** The pattern's match at one position, for its named groups. */
const dateMatchAt = matcherAt(DATE_PATTERN);
/**
 * Where a date can start: every alternative of the pattern starts with a digit,
 * the first three letters of a month or a weekday, or one of the words "early",
 * "earlier", "mid", "last", "late", "later", "next", "this", "the" before a
 * digit, "today", "tomorrow", "yesterday" (in either case), and never right
 * after a letter. Matching the words, not just their first letter, keeps the
 * pattern from being tried at every "the", "to" and "that" of a text. The
 * words come first and the look-behind last, so the engine skips to the
 * characters a date word starts with and looks behind only where one does:
 * the many "e", "t" and "n" inside other words are passed over without it (the
 * same positions as a look-behind first, in 0.6 of the time over the corpus's
 * text). A match is the first
 * character alone, the rest of each word a look-ahead, so that where it starts
 * is known from `lastIndex` and `test` can find it without making an array.
 */
const DATE_STARTS =
	/(?:[0-9]|J(?=an|u[nl])|F(?=eb|ri)|M(?=a[ry]|on|id)|A(?=pr|ug)|S(?=ep|at|un)|O(?=ct)|N(?=ov|ext)|D(?=ec)|T(?=ue|hu|h(?:e\s+\d|is)|o(?:day|morrow))|W(?=ed)|[Ee](?=arl)|m(?=id)|[Ll](?=a[st])|n(?=ext)|t(?=h(?:e\s+\d|is)|o(?:day|morrow))|[Yy](?=esterday))(?<![\p{L}].)/gu;

/**
 * The first match of the date pattern at or after `from`, as its global `exec`
 * finds it, trying the pattern only where a date can start (a few positions
 * in a sentence instead of every one).
 *
 * @param input
 *   Scanned text.
 * @param from
 *   Where to start.
 * @returns
 *   Match, or `null`.
 */
function findDate(input: string, from: number): RegExpExecArray | null {
	DATE_STARTS.lastIndex = from;
	// Each start is one character (ASCII), so the search goes on from the next one: a start word may hold the next
	// start ("the 1990s": the decade starts at its digit).
	while (DATE_STARTS.test(input)) {
		const match = dateMatchAt(input, DATE_STARTS.lastIndex - 1);
		if (match) return match;
	}
	return null;
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
	const iso = parseReferenceDate(options?.referenceDate);
	const reference = iso === undefined ? undefined : { iso, year: Number(iso.slice(0, 4)) };
	const pattern = DATE_PATTERN;
	const at = dateMatchAt;
	return {
		pattern,
		find: findDate,
		interpret(input, index, match, found) {
			// The scanner's match is the pattern's at `index` (see `findDate`): its groups need no second run.
			const groups = (found ?? at(input, index))?.groups;
			const value = groups && interpretMatch(groups, input, index, match, reference);
			if (!value) return false;
			return [{ start: index, end: index + match.length, data: sinceRange(input, index, value) }];
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

/** Words that name a day relative to publication, linked only where the rules can place them. */
const RELATIVE_DAY_WORDS = new RegExp(
	String.raw`(?<![\p{L}])(?:${WEEKDAY}|[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![\p{L}])|(?<=(?:^|[^\p{L}])[Oo]n\s+the\s+)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\p{L}\p{N}])`,
	'gu',
);

/**
 * Every word that may name a day relative to publication (a weekday,
 * "today", "yesterday", "tomorrow", "on the 3rd"), linked or not: what
 * `npm run names` checks against the links, so that what the rules could not
 * place ("today's Russia", a weekday in a text published without its day) is
 * listed for an editor.
 *
 * @param text
 *   Text to scan.
 * @returns
 *   The words and where they are.
 */
export function findRelativeDayWords(text: string): Array<{ text: string; start: number; end: number }> {
	return [...text.matchAll(RELATIVE_DAY_WORDS)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}
