/**
 * What might name something: runs of capitalised words ("Vienna Convention on
 * the Law of Treaties"), acronyms and model designations ("NPT", "S-400"), and
 * article citations ("Article 51"). Not a linker: it over-collects on purpose,
 * so that an editor adding a commentary sees every candidate the registries
 * do not link (`npm run names`).
 */
/** What a candidate looks like. */
export type NameCandidateKind = 'name' | 'acronym' | 'article';

/** A candidate found in a string. */
export interface NameCandidate {
	kind: NameCandidateKind;
	/** As written, without a possessive ending. */
	text: string;
	start: number;
	end: number;
	/** Whether it opens the sentence (where any word is capitalised). */
	opening: boolean;
}

/** A capitalised word (with inner apostrophes, dots and hyphens: "O'Neill", "U.S.", "Jong-un"). */
const WORD = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*`;
/** Small words that may sit inside a name between capitalised words. */
const JOINER = String.raw`(?:of|the|for|and|on|de|du|al|bin|van|von)`;
const PATTERN = new RegExp(
	[
		String.raw`(?<article>(?<![\p{L}])(?:Articles?|Art\.|Arts\.)\s+\d{1,3}(?![\p{N}]))`,
		String.raw`(?<name>(?<![\p{L}\p{N}'’-])${WORD}(?:\s+(?:${JOINER}\s+)*${WORD})*)`,
	].join('|'),
	'gu',
);

/**
 * Capitalised words that are not names on their own: sentence openers,
 * pronouns, months and weekdays (dates are the date recogniser's), titles.
 */
const NOT_A_NAME = new Set(
	`A An The This That These Those It Its He His She Her They Their Them We Our Us I You Your In On At For But And Or Nor So Yet
	As If While When Where Whether After Before Since With Without By From To Of Into Over Under Between Among Against During
	Despite Although Though However Moreover Furthermore Meanwhile Thus Therefore Also Even Still Only Not No Yes There Here
	What Which Who Whom Whose Why How All Any Both Each Every Few Many Most Much Some Such Other Another One Two Three First
	Second Third Last Next New Now Then Today Yesterday Tomorrow Mr Ms Mrs Dr President Prime Minister Chairman Leader
	January February March April May June July August September October November December
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday Q A Article Articles`.split(/\s+/u),
);

/**
 * Every candidate in a string, in order.
 *
 * @param text
 *   Text to scan (a sentence).
 * @returns
 *   Candidates.
 */
export function findNameCandidates(text: string): NameCandidate[] {
	const candidates: NameCandidate[] = [];
	for (const match of text.matchAll(PATTERN)) {
		const start = match.index;
		if (match.groups?.['article'] !== undefined) {
			candidates.push({ kind: 'article', text: match[0].replace(/\s+/gu, ' '), start, end: start + match[0].length, opening: isOpening(text, start) });
			continue;
		}
		// A possessive ends a name ("Russia's Kursk region" holds two).
		let offset = start;
		for (const part of match[0].split(/(?<=['’]s)\s+/u)) {
			const at = text.indexOf(part, offset);
			offset = at + part.length;
			const candidate = candidateOf(part, at, text);
			if (candidate) candidates.push(candidate);
		}
	}
	return candidates;
}

/**
 * The candidate in one run of capitalised words, if any.
 *
 * @param run
 *   Words as written.
 * @param start
 *   Where they start in `text`.
 * @param text
 *   Sentence.
 * @returns
 *   Candidate, or `undefined` when only sentence openers and titles remain.
 */
function candidateOf(run: string, start: number, text: string): NameCandidate | undefined {
	// A possessive or a closing full stop is not part of the name ("Pyongyang's", "the talks ended.").
	const words = run.replace(/['’]s$/u, '').replace(/(?<!\p{Lu})\.$/u, '');
	const trimmed = words.split(/\s+/u);
	while (trimmed.length > 0 && (NOT_A_NAME.has(trimmed[0]!) || !/^\p{Lu}/u.test(trimmed[0]!))) trimmed.shift();
	if (trimmed.length === 0) return undefined;
	const name = trimmed.join(' ');
	const offset = start + words.indexOf(trimmed[0]!);
	const kind: NameCandidateKind = /^(?:\p{Lu}\.?){2,}$|^\p{Lu}+-\d+$/u.test(name) ? 'acronym' : 'name';
	return { kind, text: name, start: offset, end: offset + name.length, opening: isOpening(text, offset) };
}

/**
 * Whether an offset opens its sentence: nothing but quotes, brackets and
 * spaces before it.
 *
 * @param text
 *   Sentence.
 * @param offset
 *   Offset of a word.
 * @returns
 *   Whether the word comes first.
 */
function isOpening(text: string, offset: number): boolean {
	return /^[\s"'“‘(\[—–-]*$/u.test(text.slice(0, offset));
}
