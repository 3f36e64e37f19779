/**
 * Implicit article references: phrases that cite an article by its subject
 * ("a mutual defence pact" for Article 4). The phrases are editorial data in
 * `content/articles/*.yaml` (`implicitPhrases`); this module only turns them
 * into one regex alternative and maps a matched phrase back to its article.
 *
 * A phrase matches whatever its spelling (`content/spellings.yaml`: "defense"
 * and "defence" alike), the plural of its last word ("assistance pledges"),
 * a hyphen or a space between its words ("mutual-aid clause", "mutual aid
 * clause") and letter case.
 */
import { foldForMatching } from './matching-text.ts';
import { escapeRegex } from './recogniser.ts';

/** The part of an article record this module reads. */
export interface ImplicitPhraseSource {
	number: number;
	/** (default: `[]`) */
	implicitPhrases?: ReadonlyArray<{ readonly phrase: string }> | undefined;
}

/** Variant spellings: a variant → the spelling it is folded to (`content/spellings.yaml`). */
export type SpellingTable = Readonly<Record<string, string>>;

/** Compiled implicit phrases. */
export interface ImplicitPhrases {
	/**
	 * Regex source (for a `giu` regex) matching any phrase, longest first,
	 * whole words, spelling variants and the plural of the last word
	 * included; empty when there are no phrases.
	 */
	source: string;
	/**
	 * The same without the check that a phrase starts a word (a lookbehind, which keeps a regex engine from
	 * searching fast): for a scanner that checks the character before each match itself; empty when there are
	 * no phrases.
	 */
	scanSource: string;
	/**
	 * @param text
	 *   Matched text.
	 * @returns
	 *   The article the phrase cites, or `undefined`.
	 */
	lookup(text: string): number | undefined;
}

/** Between two words of a phrase: any run of white space (line breaks included), or a hyphen or dash. */
const WORD_JOIN = String.raw`(?:\s*[\u2010-\u2015-]\s*|\s+)`;

/**
 * The singular of an English plural, as far as matching needs it: the same
 * rule applied to a phrase and to a text makes "pledges" and "pledge",
 * "treaties" and "treaty" one key.
 *
 * @param word
 *   Lower-case word.
 * @returns
 *   Its singular (the word itself when it does not look plural).
 */
export function singular(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (/(?:ss|x|z|ch|sh)es$/u.test(word)) return word.slice(0, -2);
	if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
	return word;
}

/** The plurals a singular takes ("treaty" → "treaties", "pledge" → "pledges", "tax" → "taxes"). */
function plurals(word: string): string[] {
	if (/[^aeiou]y$/u.test(word)) return [`${word.slice(0, -1)}ies`];
	if (/(?:s|x|z|ch|sh)$/u.test(word)) return [`${word}es`];
	return [`${word}s`];
}

/** The words of a phrase or a matched text: folded, lower case, split at spaces, hyphens and dashes. */
function wordsOf(text: string): string[] {
	return foldForMatching(text)
		.toLowerCase()
		.split(/[\s\u2010-\u2015-]+/u)
		.filter((word) => word !== '');
}

/**
 * Canonical form of a phrase for lookup: folded as the text is (curly and
 * straight apostrophes alike), lower case, single spaces for spaces and
 * hyphens, each word in the spelling it is folded to, the last one singular.
 *
 * @param text
 *   Phrase as written.
 * @param spellings
 *   Variant spellings (default: none).
 * @returns
 *   Normalised phrase.
 */
export function normalisePhrase(text: string, spellings: SpellingTable = {}): string {
	const words = wordsOf(text);
	return words
		.map((word, index) => {
			const whole = spellings[word] ?? word;
			if (index < words.length - 1) return whole;
			const one = singular(word);
			return spellings[one] ?? singular(whole);
		})
		.join(' ');
}

/**
 * Compile every article's implicit phrases.
 *
 * @param articles
 *   Article records.
 * @param spellings
 *   Variant spellings folded before matching (default: none).
 * @returns
 *   Regex source and lookup.
 * @throws
 *   When one phrase (spelling and plural folded) is given to two articles: it would be a guess.
 */
export function compileImplicitPhrases(articles: ReadonlyArray<ImplicitPhraseSource>, spellings: SpellingTable = {}): ImplicitPhrases {
	const byPhrase = new Map<string, number>();
	for (const article of articles) {
		for (const { phrase } of article.implicitPhrases ?? []) {
			const key = normalisePhrase(phrase, spellings);
			const previous = byPhrase.get(key);
			if (previous !== undefined && previous !== article.number) {
				throw new Error(`Implicit phrase “${phrase}” is given to both Article ${previous} and Article ${article.number}`);
			}
			byPhrase.set(key, article.number);
		}
	}
	// Every way a folded word may be written: itself and each variant folded to it.
	const variants = new Map<string, Set<string>>();
	for (const [variant, form] of Object.entries(spellings)) {
		for (const word of [variant, form]) {
			const set = variants.get(form) ?? new Set([form]);
			set.add(word);
			variants.set(form, set);
		}
	}
	const writings = (word: string, last: boolean): string[] => {
		const forms = [...(variants.get(word) ?? [word])];
		return last ? [...new Set(forms.flatMap((form) => [form, ...plurals(form)]))] : forms;
	};
	// Longest first so that "mutual defence pact" wins over "defence pact".
	const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
	const wordSource = (words: readonly string[], index: number) => {
		const options = writings(words[index]!, index === words.length - 1).sort((a, b) => b.length - a.length);
		return options.length === 1 ? escapeRegex(options[0]!) : `(?:${options.map(escapeRegex).join('|')})`;
	};
	// A tree of words ("the (?:assistance pledge|consultation clause)"): a regex tries each alternative at every
	// offset, so shared first words tried once cost far less than every phrase tried in turn.
	interface WordNode {
		children: Map<string, WordNode>;
		end: boolean;
	}
	const root: WordNode = { children: new Map(), end: false };
	for (const key of phrases) {
		const words = key.split(' ');
		let node = root;
		words.forEach((_, index) => {
			const word = wordSource(words, index);
			const child = node.children.get(word) ?? { children: new Map(), end: false };
			node.children.set(word, child);
			node = child;
		});
		node.end = true;
	}
	const emit = (node: WordNode): string => {
		const branches = [...node.children].map(([word, child]) => {
			if (child.children.size === 0) return word;
			const rest = `${WORD_JOIN}${emit(child)}`;
			return child.end ? `${word}(?:${rest})?` : `${word}${rest}`;
		});
		return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
	};
	const alternatives = phrases.length === 0 ? [] : [emit(root)];
	const scanSource = phrases.length === 0 ? '' : `(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
	const source = phrases.length === 0 ? '' : `(?<![\\p{L}\\p{N}])${scanSource}`;
	return { source, scanSource, lookup: (text) => byPhrase.get(normalisePhrase(text, spellings)) };
}
