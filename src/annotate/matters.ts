/**
 * Which matters a claim is about: the matters' phrase rules
 * (`content/matters/*.yaml`) compiled once, then every claim read once.
 *
 * A phrase matches the text of a claim when its words stand in the claim in
 * order, as whole words, letter case ignored, each separated from the next
 * by spaces, hyphens or line breaks only (`mutual defence` finds “mutual-
 * defence” and “Mutual\ndefence”, not “mutual, defence”). Curly and straight
 * apostrophes read alike. The phrase's last word also matches with a plural
 * `-s` (any word), `-es` (after s, x, z, ch, sh) or a possessive `'s`
 * (`worker` finds “workers” and “worker's”; `box` finds “boxes”), when it has
 * at least three letters (`US` does not find “uses”, nor `UN` “UNs”).
 * Spelling variants are folded through the editors'
 * table (`content/spellings.yaml`: `defense: defence`), in phrases and texts alike,
 * so either spelling finds both.
 *
 * A matter's rule matches when the claim holds one of its `phrases` and, if
 * it has `with`, one of those too; a match that lies inside a match of one of
 * the matter's `except` phrases does not count. A claim that mentions one of
 * the matter's `articles` is about it as well.
 */
import type { MatterRule } from '../schemas/matter.ts';
import type { Spellings } from '../schemas/spellings.ts';
import { foldForMatching, needsFolding } from './matching-text.ts';

/** What the matcher needs of one matter. */
export interface MatterDefinition {
	/** The matter's id. */
	id: string;
	/** Article numbers: a claim mentioning one is about the matter. */
	articles: readonly number[];
	/** The phrase rules. */
	rules: readonly MatterRule[];
	/** Phrases that cancel a rule's match they contain. */
	except?: readonly string[] | undefined;
}

/** One word of a text, folded, with what separates it from the word before. */
interface TextWord {
	/** The word, lowercased and spelling-folded. */
	word: string;
	/** The forms the word reads as when it is a phrase's last word (the word itself, and without a plural or possessive ending). */
	lastForms: readonly string[];
	/** Whether only spaces and hyphens stand between this word and the one before. */
	joined: boolean;
}

/** A phrase's occurrence: word positions `[start, end)` in the text. */
interface PhraseMatch {
	phrase: number;
	start: number;
	end: number;
}

/** A rule compiled to phrase numbers. */
interface CompiledRule {
	phrases: ReadonlySet<number>;
	with: ReadonlySet<number> | undefined;
}

/** A matter compiled to phrase numbers. */
interface CompiledMatter {
	id: string;
	rules: readonly CompiledRule[];
	except: ReadonlySet<number>;
}

/** The matters' rules, compiled once. */
export interface MatterMatcher {
	/**
	 * The matters a claim is about, in the order the matters were given.
	 *
	 * @param text
	 *   The claim's text, as the author wrote it.
	 * @param articleRefs
	 *   The articles the claim mentions (numbers, or refs as the mentions record them).
	 * @returns
	 *   Matter ids.
	 */
	mattersOf(text: string, articleRefs?: Iterable<string | number>): string[];
}

/** A word: letters and digits, with apostrophes inside (`Russia's`, `DPRK's`). */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
/** What may stand between two words of one phrase. */
const JOINER = /^[\s-]+$/u;
/** Words whose plural takes `-es`. */
const ES_PLURAL = /(?:s|x|z|ch|sh)$/;

/**
 * Fold a word: lowercase, and its spelling variant's standard form.
 *
 * @param word
 *   A lowercased word.
 * @param spellings
 *   Variant → standard form.
 * @returns
 *   The folded word.
 */
function foldSpelling(word: string, spellings: ReadonlyMap<string, string>): string {
	return spellings.get(word) ?? word;
}

/**
 * The forms a text word reads as at the end of a phrase: itself, and its
 * stem without a plural or possessive ending (spelling-folded).
 *
 * @param word
 *   The lowercased word.
 * @param spellings
 *   Variant → standard form.
 * @returns
 *   Folded forms, the word's own first.
 */
function lastFormsOf(word: string, spellings: ReadonlyMap<string, string>): string[] {
	const forms = [foldSpelling(word, spellings)];
	const add = (stem: string) => {
		// A word shorter than three letters (US, UN) has no plural here: “uses” is not “US” + -es.
		if (stem.length < 3) return;
		const folded = foldSpelling(stem, spellings);
		if (!forms.includes(folded)) forms.push(folded);
	};
	if (word.endsWith("'s")) add(word.slice(0, -2));
	else if (word.endsWith('es') && ES_PLURAL.test(word.slice(0, -2))) add(word.slice(0, -2));
	if (word.endsWith('s') && !word.endsWith("'s") && !word.endsWith('ss')) add(word.slice(0, -1));
	return forms;
}

/**
 * The words of a text, folded, each with what joins it to the word before.
 *
 * @param text
 *   Text as written.
 * @param spellings
 *   Variant → standard form.
 * @returns
 *   The words in order.
 */
function textWords(text: string, spellings: ReadonlyMap<string, string>): TextWord[] {
	const folded = foldText(text);
	const words: TextWord[] = [];
	let previousEnd = -1;
	for (const match of folded.matchAll(WORD)) {
		const word = match[0].toLowerCase();
		const joined = previousEnd >= 0 && JOINER.test(folded.slice(previousEnd, match.index));
		words.push({ word: foldSpelling(word, spellings), lastForms: lastFormsOf(word, spellings), joined });
		previousEnd = match.index + match[0].length;
	}
	return words;
}

/**
 * The folded words of a phrase (or of any text), for matching and for
 * similarity: lowercased, apostrophes alike, spelling variants folded.
 *
 * @param text
 *   Text as written.
 * @param spellings
 *   Variant → standard form.
 * @returns
 *   The words in order.
 */
export function foldedWords(text: string, spellings: ReadonlyMap<string, string>): string[] {
	return [...foldText(text).matchAll(WORD)].map((match) => foldSpelling(match[0].toLowerCase(), spellings));
}

/**
 * A text with apostrophes, spaces and hyphens folded as recognisers read
 * them; most texts have nothing to fold and are returned as they are
 * (without the map back to the original, which matching does not need).
 *
 * @param text
 *   Text as written.
 * @returns
 *   Folded text.
 */
function foldText(text: string): string {
	return needsFolding(text) ? foldForMatching(text) : text;
}

/**
 * The spellings table as a map, checked: a variant must not also be a
 * standard form (folding is one step), nor its own standard form.
 *
 * @param spellings
 *   The table as read (`content/spellings.yaml`).
 * @returns
 *   Variant → standard form.
 * @throws
 *   When the table chains or maps a word to itself.
 */
export function compileSpellings(spellings: Spellings): Map<string, string> {
	const table = new Map(Object.entries(spellings));
	const standards = new Set(table.values());
	for (const [variant, standard] of table) {
		if (variant === standard) throw new Error(`“${variant}” is mapped to itself`);
		if (standards.has(variant)) throw new Error(`“${variant}” is both a variant and a standard spelling; map every variant straight to its standard form`);
	}
	return table;
}

/**
 * Compile the matters' rules.
 *
 * @param matters
 *   The matters, in the order their ids are to be reported.
 * @param spellings
 *   Variant → standard form (`compileSpellings`).
 * @returns
 *   The matcher.
 * @throws
 *   When a phrase has no word, or an `except` phrase cancels nothing (holds
 *   none of its matter's phrases), naming the matter.
 */
export function compileMatters(matters: readonly MatterDefinition[], spellings: ReadonlyMap<string, string>): MatterMatcher {
	/** Every distinct phrase, as folded words. */
	const phrases: string[][] = [];
	const numberOf = new Map<string, number>();
	/** Phrases by their first word: the words a scan starts from. */
	const byFirstWord = new Map<string, number[]>();

	const phraseNumber = (phrase: string, matter: string): number => {
		const words = foldedWords(phrase, spellings);
		if (words.length === 0) throw new Error(`${matter}: the phrase “${phrase}” has no word`);
		const key = words.join(' ');
		const known = numberOf.get(key);
		if (known !== undefined) return known;
		const number = phrases.length;
		phrases.push(words);
		numberOf.set(key, number);
		const first = words[0] ?? '';
		byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), number]);
		return number;
	};

	const compiled: CompiledMatter[] = matters.map((matter) => {
		const rules = matter.rules.map((rule) => ({
			phrases: new Set(rule.phrases.map((phrase) => phraseNumber(phrase, matter.id))),
			with: rule.with ? new Set(rule.with.map((phrase) => phraseNumber(phrase, matter.id))) : undefined,
		}));
		const except = new Set((matter.except ?? []).map((phrase) => phraseNumber(phrase, matter.id)));
		for (const number of except) {
			const cancels = rules.some((rule) => [...rule.phrases, ...(rule.with ?? [])].some((inner) => inner !== number && holds(phrases[number] ?? [], phrases[inner] ?? [])));
			if (!cancels) throw new Error(`${matter.id}: the except phrase “${(phrases[number] ?? []).join(' ')}” holds none of the matter's phrases, so it cancels nothing`);
		}
		return { id: matter.id, rules, except };
	});

	/** Matters each phrase takes part in, so a claim only tests the matters it touches. */
	const mattersOfPhrase = new Map<number, Set<number>>();
	compiled.forEach((matter, index) => {
		for (const rule of matter.rules) {
			for (const number of rule.phrases) mattersOfPhrase.set(number, (mattersOfPhrase.get(number) ?? new Set()).add(index));
		}
	});
	const byArticle = new Map<string, number[]>();
	matters.forEach((matter, index) => {
		for (const article of matter.articles) byArticle.set(String(article), [...(byArticle.get(String(article)) ?? []), index]);
	});

	const phraseMatches = (words: readonly TextWord[]): PhraseMatch[] => {
		const found: PhraseMatch[] = [];
		words.forEach((start, at) => {
			const starts = new Set<number>();
			// A one-word phrase may match the word's plural or possessive; a longer one starts on the word itself.
			for (const form of start.lastForms) for (const number of byFirstWord.get(form) ?? []) starts.add(number);
			for (const number of starts) {
				const phrase = phrases[number] ?? [];
				if (matchesAt(phrase, words, at)) found.push({ phrase: number, start: at, end: at + phrase.length });
			}
		});
		return found;
	};

	return {
		mattersOf(text, articleRefs = []) {
			const about = new Set<number>();
			for (const ref of articleRefs) for (const index of byArticle.get(String(ref)) ?? []) about.add(index);
			const matches = phraseMatches(textWords(text, spellings));
			const touched = new Set<number>();
			for (const match of matches) for (const index of mattersOfPhrase.get(match.phrase) ?? []) touched.add(index);
			for (const index of touched) {
				const matter = compiled[index];
				if (matter && !about.has(index) && matterMatches(matter, matches)) about.add(index);
			}
			return [...about].sort((a, b) => a - b).map((index) => compiled[index]?.id ?? '');
		},
	};
}

/**
 * Whether a phrase stands at a word position of a text.
 *
 * @param phrase
 *   The phrase's folded words.
 * @param words
 *   The text's words.
 * @param at
 *   Position of the first word.
 * @returns
 *   Whether every word is there, joined by spaces or hyphens only, the last one possibly plural.
 */
function matchesAt(phrase: readonly string[], words: readonly TextWord[], at: number): boolean {
	const last = phrase.length - 1;
	for (let offset = 0; offset <= last; offset++) {
		const word = words[at + offset];
		if (!word) return false;
		if (offset > 0 && !word.joined) return false;
		const wanted = phrase[offset] ?? '';
		if (offset === last ? !word.lastForms.includes(wanted) : word.word !== wanted) return false;
	}
	return true;
}

/**
 * Whether a phrase's words hold another phrase's words in a row.
 *
 * @param outer
 *   Folded words of the longer phrase.
 * @param inner
 *   Folded words of the shorter one.
 * @returns
 *   Whether `inner` occurs in `outer`.
 */
function holds(outer: readonly string[], inner: readonly string[]): boolean {
	for (let at = 0; at + inner.length <= outer.length; at++) {
		if (inner.every((word, offset) => outer[at + offset] === word)) return true;
	}
	return false;
}

/**
 * Whether a matter's rules match, given every phrase match of a claim.
 *
 * @param matter
 *   The compiled matter.
 * @param matches
 *   The claim's phrase matches.
 * @returns
 *   Whether a rule matches once the matter's `except` matches are set aside.
 */
function matterMatches(matter: CompiledMatter, matches: readonly PhraseMatch[]): boolean {
	const cancelling = matches.filter((match) => matter.except.has(match.phrase));
	const live = matches.filter((match) => !cancelling.some((outer) => outer !== match && outer.start <= match.start && match.end <= outer.end));
	return matter.rules.some(
		(rule) => live.some((match) => rule.phrases.has(match.phrase)) && (rule.with === undefined || live.some((match) => rule.with?.has(match.phrase))),
	);
}
