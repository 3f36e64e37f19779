/**
 * “Did you mean”: a query whose words find nothing is compared with the
 * words the site already ships to the search page (the vocabulary: actor
 * names and forms, article subjects and phrases, the spellings table), and
 * each word that is not among them but is one or two edits from one is
 * replaced by it (`Pyongang` → `Pyongyang`). Pure.
 */
import { foldName } from './query.ts';
import type { SearchVocabulary } from './records.ts';

/**
 * Edits between two words: insertions, deletions, substitutions and swaps of
 * neighbours (optimal string alignment), stopping early beyond `limit`.
 *
 * @param a
 *   A word.
 * @param b
 *   Another.
 * @param limit
 *   The most edits of interest.
 * @returns
 *   The distance, or `limit + 1` when it is larger.
 */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
			current.push(value);
			best = Math.min(best, value);
		}
		if (best > limit) return limit + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length] ?? limit + 1;
}

/**
 * The words of the vocabulary, each as it is shown: lower case where the
 * vocabulary writes it so (`defence`), else as first written (`Pyongyang`).
 *
 * @param vocabulary
 *   The search vocabulary.
 * @returns
 *   Folded word → as shown.
 */
export function vocabularyWords(vocabulary: SearchVocabulary): Map<string, string> {
	const words = new Map<string, string>();
	const texts = [
		...vocabulary.actors.flatMap((actor) => [actor.name, ...actor.forms]),
		...vocabulary.articles.flatMap((article) => [...(article.title ? [article.title] : []), ...article.phrases]),
		...vocabulary.spellings.flat(),
	];
	for (const text of texts) {
		for (const word of text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
			const folded = foldName(word);
			// Shown as written, in lower case when the vocabulary ever writes it so (a name keeps its capital).
			if (folded.length >= 3 && (!words.has(folded) || word === folded)) words.set(folded, word);
		}
	}
	return words;
}

/** The edits allowed for a word of this length: none for short words, one up to six letters, else two. */
function allowedEdits(length: number): number {
	if (length < 4) return 0;
	return length <= 6 ? 1 : 2;
}

/**
 * A corrected query, when some of its words are misspellings of words of the
 * vocabulary.
 *
 * @param query
 *   The query as typed.
 * @param words
 *   The vocabulary's words (`vocabularyWords`).
 * @returns
 *   The query with each such word replaced, or `undefined` when none is.
 */
export function suggestQuery(query: string, words: ReadonlyMap<string, string>): string | undefined {
	let changed = false;
	const corrected = query.replace(/[\p{L}\p{N}]+/gu, (word) => {
		const folded = foldName(word);
		const limit = allowedEdits(folded.length);
		if (limit === 0 || words.has(folded)) return word;
		let best: { distance: number; word: string } | undefined;
		for (const [candidate, shown] of words) {
			const distance = editDistance(folded, candidate, limit);
			if (distance <= limit && (!best || distance < best.distance)) best = { distance, word: shown };
		}
		if (!best) return word;
		changed = true;
		return best.word;
	});
	return changed ? corrected : undefined;
}
