/**
 * Reading a search query: a reference to a treaty article (`Article 4`,
 * `Art. 4`, `art 4`, `Article IV`), its subject in any registered phrase or
 * spelling (`mutual defense`), or a name of an actor in any registered form (`DPRK`,
 * `the Kremlin`, `Jack Sullivan`) becomes a filter on the annotations, and
 * the rest stays words for the full-text index. That is how a query finds the
 * sentences that cite Article 4 by its subject, or name Kim Jong Un as “Kim”.
 * Pure; the search page runs it over the vocabulary it loads.
 */
import type { SearchVocabulary } from './records.ts';

/** A query, read. */
export interface ReadQuery {
	/** Words left for full-text search (may be empty). */
	text: string;
	/** Article numbers the query names (by number, Roman numeral or subject). */
	articles: number[];
	/** Actor ids the query names. */
	actors: string[];
	/**
	 * The words that named an article by its subject (`mutual defense`), when
	 * any: searched as text too, so a sentence using them about something
	 * else (another treaty's mutual defence clause) is found beside the
	 * article's. Absent when no article was named by subject.
	 */
	subject?: { words: string; articles: number[] } | undefined;
}

/**
 * `Article 4`, `article 4`, `Art. 4`, `Art.4`, `art 4`, `Arts 4`, `Article IV`
 * (not `Article 51 of the UN Charter`: see below).
 */
const articlePattern = /\b(?:articles?|arts?)\s*\.?\s*(\d{1,3}|[ivxlc]{1,7})\b/giu;

/** Roman numeral letters and their values. */
const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/**
 * The number an article reference gives: digits, or a Roman numeral written
 * the usual way (`IV`, `xxiii`).
 *
 * @param value
 *   Digits or Roman numerals.
 * @returns
 *   The number, or `undefined` for a malformed numeral (`IIII`, `VX`).
 */
export function articleNumber(value: string): number | undefined {
	if (/^\d+$/u.test(value)) return Number(value);
	const letters = value.toLowerCase();
	let total = 0;
	for (let at = 0; at < letters.length; at++) {
		const here = ROMAN[letters.charAt(at)] ?? 0;
		const next = ROMAN[letters.charAt(at + 1)] ?? 0;
		total += here < next ? -here : here;
	}
	return toRoman(total) === letters ? total : undefined;
}

/**
 * A number as Roman numerals, lower case.
 *
 * @param value
 *   A whole number from 1.
 */
function toRoman(value: number): string {
	const steps: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
	let rest = value;
	let out = '';
	for (const [step, letters] of steps) {
		while (rest >= step) {
			out += letters;
			rest -= step;
		}
	}
	return out;
}

/** Words a subject phrase may start with that say nothing by themselves. */
const leadingWords = new Set(['the', 'a', 'an']);

/**
 * Fold a word as the spellings table does, and drop a plural `s` the table
 * does not list (`pacts` is read as `pact`).
 *
 * @param word
 *   A word, lower case.
 * @param spellings
 *   Variant → folded form.
 */
export function foldWord(word: string, spellings: ReadonlyMap<string, string>): string {
	const folded = spellings.get(word) ?? word;
	if (folded.length > 3 && folded.endsWith('s') && !folded.endsWith('ss')) {
		const singular = folded.slice(0, -1);
		return spellings.get(singular) ?? singular;
	}
	return folded;
}

/** A subject phrase of an article, as folded words. */
interface SubjectPhrase {
	article: number;
	words: string[];
}

/**
 * Every article's subject phrases (its title and its implicit phrases), as
 * folded words without a leading article word.
 *
 * @param vocabulary
 *   The articles and the spellings table.
 */
function subjectPhrases(vocabulary: SearchVocabulary, spellings: ReadonlyMap<string, string>): SubjectPhrase[] {
	return vocabulary.articles.flatMap((article) =>
		[...(article.title ? [article.title] : []), ...article.phrases].map((phrase) => {
			const words = foldName(phrase).split(' ').filter(Boolean).map((word) => foldWord(word, spellings));
			while (words.length > 1 && leadingWords.has(words[0] ?? '')) words.shift();
			return { article: article.number, words };
		}),
	);
}

/**
 * Whether `part` stands, word for word, inside `whole`.
 *
 * @param whole
 *   Words of a phrase.
 * @param part
 *   Words of the query.
 */
function containsRun(whole: readonly string[], part: readonly string[]): boolean {
	for (let at = 0; at + part.length <= whole.length; at++) {
		if (part.every((word, offset) => whole[at + offset] === word)) return true;
	}
	return false;
}

/**
 * The articles a query names by subject: a run of at least two of its words
 * (or a one-word phrase whole) that stands in the subject phrases of one
 * article only, in any registered spelling, singular or plural
 * (`mutual defense`, `mutual defence pacts`, `military assistance`). Longest
 * runs first; their words are taken out of the query. A run needs two words
 * that are not filler (`in the event` names nothing).
 *
 * @param words
 *   The query's words as typed (case and punctuation folded).
 * @param vocabulary
 *   The articles and the spellings table.
 * @returns
 *   The articles, and the words left.
 */
export function readSubjects(words: readonly string[], vocabulary: SearchVocabulary): { articles: number[]; rest: string[]; taken: string[] } {
	const spellings = new Map(vocabulary.spellings);
	const phrases = subjectPhrases(vocabulary, spellings);
	const folded = words.map((word) => foldWord(foldName(word), spellings));
	const taken = new Array<boolean>(words.length).fill(false);
	const articles: number[] = [];
	for (let length = folded.length; length >= 1; length--) {
		for (let start = 0; start + length <= folded.length; start++) {
			if (taken.slice(start, start + length).some(Boolean)) continue;
			const run = folded.slice(start, start + length);
			// Two words that say something (not `in the`), or a one-word phrase whole.
			if (length >= 2 ? run.filter((word) => !fillerWords.has(word)).length < 2 : fillerWords.has(run[0] ?? '')) continue;
			const owners = new Set(
				phrases.filter((phrase) => (length >= 2 ? containsRun(phrase.words, run) : phrase.words.length === 1 && phrase.words[0] === run[0])).map((phrase) => phrase.article),
			);
			if (owners.size !== 1) continue;
			const [article = 0] = owners;
			if (!articles.includes(article)) articles.push(article);
			taken.fill(true, start, start + length);
		}
	}
	return { articles, rest: words.filter((_, index) => !taken[index]), taken: words.filter((_, index) => taken[index]) };
}

/**
 * The ways a word may be spelt in the commentaries: itself and every variant
 * the spellings table folds to the same form (`defence` → `defense`).
 *
 * @param word
 *   A word as typed.
 * @param vocabulary
 *   The spellings table.
 * @returns
 *   The word first, then its other spellings.
 */
export function spellingsOf(word: string, vocabulary: Pick<SearchVocabulary, 'spellings'>): string[] {
	const lower = word.toLowerCase();
	const form = new Map(vocabulary.spellings).get(lower) ?? lower;
	const all = [form, ...vocabulary.spellings.filter(([, folded]) => folded === form).map(([variant]) => variant)];
	return [word, ...new Set(all.filter((item) => item !== lower))];
}

/**
 * Each word of a query with its spellings (`defence` → `defence`, `defense`),
 * without the words a search engine leaves out (`the`, `of`).
 *
 * @param text
 *   The words.
 * @param vocabulary
 *   The spellings table.
 */
export function wordSpellings(text: string, vocabulary: Pick<SearchVocabulary, 'spellings'>): string[][] {
	return text
		.split(/\s+/u)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word !== '' && !fillerWords.has(word.toLowerCase()))
		.map((word) => spellingsOf(word, vocabulary));
}

/**
 * The texts to search for a query's words: the words as typed and each
 * spelling they may have in the commentaries (at most `limit` texts, the
 * words as typed first).
 *
 * @param text
 *   The words.
 * @param vocabulary
 *   The spellings table.
 * @param limit
 *   How many texts at most.
 */
export function spellingVariants(text: string, vocabulary: Pick<SearchVocabulary, 'spellings'>, limit = 4): string[] {
	let texts: string[][] = [[]];
	for (const word of text.split(/\s+/u).filter(Boolean)) {
		const bare = /^([\p{P}]*)([\p{L}]+)([\p{P}]*)$/u.exec(word);
		const options = bare ? spellingsOf(bare[2] ?? '', vocabulary).map((spelt) => `${bare[1] ?? ''}${spelt}${bare[3] ?? ''}`) : [word];
		texts = texts.flatMap((words) => options.map((option) => [...words, option])).slice(0, limit);
	}
	return texts.map((words) => words.join(' ')).filter(Boolean);
}

/** Words that say nothing once an entity is recognised (`the Kremlin`, `about Article 4`). */
const fillerWords = new Set(['the', 'a', 'an', 'of', 'about', 'on', 'in', 'and', 'by']);

/**
 * Fold a string for comparing names as a reader types them: case, hyphens
 * and dots do not matter (`Kim Jong-un` = `kim jong un`).
 *
 * @param value
 *   Any text.
 * @returns
 *   Lower case words separated by single spaces.
 */
export function foldName(value: string): string {
	return value
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[’']s\b/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Whether a form must be matched as typed: a two-letter acronym (`US`, `UN`)
 * typed in lower case is an ordinary word (`us`, `un-`).
 */
function caseSensitive(form: string): boolean {
	return form.length <= 2 && form === form.toUpperCase();
}

/**
 * Read a query against the vocabulary.
 *
 * @param query
 *   What the reader typed.
 * @param vocabulary
 *   Articles and actors with every registered form.
 * @returns
 *   The articles and actors it names, and the remaining words.
 */
export function readQuery(query: string, vocabulary: SearchVocabulary): ReadQuery {
	const numbers = new Set(vocabulary.articles.map((article) => article.number));
	const articles: number[] = [];
	let rest = query.replace(articlePattern, (match, digits: string) => {
		const number = articleNumber(digits);
		if (number === undefined || !numbers.has(number)) return match;
		if (!articles.includes(number)) articles.push(number);
		return ' ';
	});

	const all = vocabulary.actors.flatMap((actor) => actor.forms.map((form) => ({ id: actor.id, form, folded: foldName(form) })));
	// A form several actors share (a bare `Kim`) names none of them for sure: it stays a word.
	const owners = new Map<string, Set<string>>();
	for (const { id, folded } of all) owners.set(folded, (owners.get(folded) ?? new Set()).add(id));
	const forms = all
		.filter((entry) => entry.folded !== '' && owners.get(entry.folded)?.size === 1)
		.sort((a, b) => b.folded.length - a.folded.length);
	const actors: string[] = [];
	// Longest forms first, so `Kim Jong Un` is read before `Kim`, `North Korea` before `Korea`.
	let words = ` ${foldName(rest)} `;
	const typed = ` ${rest.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
	for (const { id, form, folded } of forms) {
		const needle = ` ${folded} `;
		const at = words.indexOf(needle);
		if (at === -1) continue;
		if (caseSensitive(form) && !typed.includes(` ${form} `)) continue;
		if (!actors.includes(id)) actors.push(id);
		words = `${words.slice(0, at)} ${' '.repeat(folded.length)} ${words.slice(at + needle.length)}`;
	}
	if (actors.length > 0) rest = words;
	const subjects = readSubjects(rest.split(/\s+/u).filter(Boolean), vocabulary);
	const bySubject = subjects.articles.filter((number) => !articles.includes(number));
	articles.push(...bySubject);
	const left = subjects.rest;
	const recognised = articles.length > 0 || actors.length > 0;
	const text = (recognised ? left.filter((word) => !fillerWords.has(word.toLowerCase())) : left).join(' ');
	const subject = bySubject.length > 0 ? { words: subjects.taken.filter((word) => !fillerWords.has(word.toLowerCase())).join(' '), articles: bySubject } : undefined;
	return { text, articles, actors, ...(subject ? { subject } : {}) };
}
