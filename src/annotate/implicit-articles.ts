/**
 * Implicit article references: phrases that cite an article by its subject
 * ("a mutual defence pact" for Article 4). The phrases are editorial data in
 * `content/articles/*.yaml` (`implicitPhrases`); this module only turns them
 * into one regex alternative and maps a matched phrase back to its article.
 */
import { foldForMatching } from './matching-text.ts';
import { escapeRegex } from './recogniser.ts';

/** The part of an article record this module reads. */
export interface ImplicitPhraseSource {
	number: number;
	/** (default: `[]`) */
	implicitPhrases?: ReadonlyArray<{ readonly phrase: string }> | undefined;
}

/** Compiled implicit phrases. */
export interface ImplicitPhrases {
	/**
	 * Regex source (for a `giu` regex) matching any phrase, longest first,
	 * whole words, any run of white space (line breaks included) between words;
	 * empty when there are no phrases.
	 */
	source: string;
	/**
	 * @param text
	 *   Matched text.
	 * @returns
	 *   The article the phrase cites, or `undefined`.
	 */
	lookup(text: string): number | undefined;
}

/**
 * Canonical form of a phrase for lookup: folded as the text is (curly and
 * straight apostrophes alike), lower case, single spaces.
 *
 * @param text
 *   Phrase as written.
 * @returns
 *   Normalised phrase.
 */
export function normalisePhrase(text: string): string {
	return foldForMatching(text).trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Compile every article's implicit phrases.
 *
 * @param articles
 *   Article records.
 * @returns
 *   Regex source and lookup.
 * @throws
 *   When one phrase is given to two articles: it would be a guess.
 */
export function compileImplicitPhrases(articles: ReadonlyArray<ImplicitPhraseSource>): ImplicitPhrases {
	const byPhrase = new Map<string, number>();
	for (const article of articles) {
		for (const { phrase } of article.implicitPhrases ?? []) {
			const key = normalisePhrase(phrase);
			const previous = byPhrase.get(key);
			if (previous !== undefined && previous !== article.number) {
				throw new Error(`Implicit phrase “${phrase}” is given to both Article ${previous} and Article ${article.number}`);
			}
			byPhrase.set(key, article.number);
		}
	}
	// Longest first so that "mutual defence pact" wins over "defence pact".
	const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
	const source =
		phrases.length === 0
			? ''
			: `(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => p.split(' ').map(escapeRegex).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`;
	return { source, lookup: (text) => byPhrase.get(normalisePhrase(text)) };
}
