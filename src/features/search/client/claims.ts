/**
 * The claims a commentary result shows: those the words were found in
 * (Pagefind's sub-results) and that carry every article and actor the search
 * names or the filters choose (claim-level, from the record's claim index),
 * or, without words, every claim that carries them. Each with the ranges to
 * mark and the sentences around it. Pure: it reads Pagefind's data, no DOM.
 */
import { decodeClaimIndex, type IndexedClaim } from '../hits.ts';
import type { PagefindAnchor, PagefindResultData, PagefindSubResult } from './pagefind-api.ts';

/** The articles and actors a claim must carry. */
export interface ClaimFacets {
	articles: readonly string[];
	actors: readonly string[];
}

/** A stretch of a sentence to mark. */
export interface MarkRange {
	start: number;
	end: number;
}

/** A claim as a result shows it. */
export interface ShownClaim {
	id: string;
	/** The sentence as the author wrote it. */
	text: string;
	/** Its short label, its pinpoint (`para. 3, sentence 2`). */
	label: string;
	/** What to mark: the words found and the mentions of what the search names. */
	marks: MarkRange[];
	/** Articles the search names that the claim is about only by an editor's note. */
	reattributed: number[];
	/** The sentences before and after it in its paragraph. */
	before: string[];
	after: string[];
}

/**
 * Whether a claim carries every article and actor asked for (an article an
 * editor's note re-attributes it to counts).
 *
 * @param claim
 *   The claim's index entry.
 * @param facets
 *   What it must carry.
 */
export function claimMatches(claim: IndexedClaim, facets: ClaimFacets): boolean {
	const refs = new Set(claim.hits.map((hit) => `${hit.kind}:${hit.ref}`));
	for (const number of claim.reattributed) refs.add(`article:${number}`);
	return facets.articles.every((ref) => refs.has(`article:${ref}`)) && facets.actors.every((ref) => refs.has(`actor:${ref}`));
}

/**
 * Character ranges of the words at given positions of a sentence, counting
 * words as Pagefind does (separated by white space).
 *
 * @param text
 *   The sentence.
 * @param positions
 *   Word positions within it.
 */
export function wordRanges(text: string, positions: ReadonlySet<number>): MarkRange[] {
	const ranges: MarkRange[] = [];
	let index = 0;
	for (const match of text.matchAll(/\S+/gu)) {
		if (positions.has(index)) {
			// Leave quotation marks and punctuation around a word unmarked.
			const word = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(match[0]);
			const start = (match.index ?? 0) + (word?.index ?? 0);
			ranges.push({ start, end: start + (word ? word[0].length : match[0].length) });
		}
		index++;
	}
	return ranges;
}

/**
 * The letters of a word, lower case (`“Sanctions,”` → `sanctions`).
 *
 * @param word
 *   A word as written.
 */
function bare(word: string): string {
	return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a word of a sentence is one the reader searched for, as Pagefind
 * matches them: the same stem (`sanction`, `sanctions`) or, for the word
 * being typed, its beginning (`sanc`).
 *
 * @param searched
 *   A searched word, bare.
 * @param written
 *   A word of the sentence, bare.
 */
function sameWord(searched: string, written: string): boolean {
	if (written.startsWith(searched) || searched.startsWith(written)) return true;
	let common = 0;
	while (common < searched.length && searched[common] === written[common]) common++;
	return common >= Math.max(4, Math.min(searched.length, written.length) - 2);
}

/**
 * Whether the words found in a sentence include every word searched: Pagefind
 * finds a commentary holding them all, and reports each sentence holding any.
 *
 * @param text
 *   The sentence.
 * @param positions
 *   Positions of the words found in it.
 * @param searched
 *   The words searched (in one spelling or another, any of them will do).
 */
export function holdsEveryWord(text: string, positions: readonly number[], searched: readonly (readonly string[])[]): boolean {
	const words = [...text.matchAll(/\S+/gu)].map((match) => bare(match[0]));
	const found = positions.map((at) => words[at] ?? '').filter(Boolean);
	return searched.every((spellings) => spellings.some((word) => found.some((written) => sameWord(bare(word), written))));
}

/**
 * The claims of one commentary result to show.
 *
 * @param data
 *   The result's data (its fragment).
 * @param searched
 *   The words searched, each with its spellings (none: list by filters, no
 *   words; else only the claims that hold every word).
 * @param facets
 *   The articles and actors every claim shown must carry.
 * @param phrase
 *   When an article was named by subject: the subject's words, and what a
 *   claim they were found in (`phrase_results`) must carry to be shown too.
 * @returns
 *   The claims, in reading order.
 */
export function shownClaims(
	data: PagefindResultData,
	searched: readonly (readonly string[])[],
	facets: ClaimFacets,
	phrase?: { words: readonly (readonly string[])[]; facets: ClaimFacets },
): ShownClaim[] {
	const searchedWords = searched.length > 0;
	const index = decodeClaimIndex(data.meta['claims'] ?? '');
	const anchors = new Map<string, PagefindAnchor>((data.anchors ?? []).map((anchor) => [anchor.id, anchor]));
	/** Word positions (within each claim) of the sub-results' hits, by claim id. */
	const positions = (subs: readonly PagefindSubResult[]) => {
		const byClaim = new Map<string, number[]>();
		for (const sub of subs) {
			const anchor = sub.anchor;
			if (anchor) byClaim.set(anchor.id, [...(byClaim.get(anchor.id) ?? []), ...sub.locations.map((at) => at - anchor.location)]);
		}
		return byClaim;
	};
	const found = positions(data.sub_results ?? []);
	const byWords = positions(data.phrase_results ?? []);
	const wantedHits = new Set([...facets.articles.map((ref) => `article:${ref}`), ...facets.actors.map((ref) => `actor:${ref}`)]);
	// A claim's text is the content's words from its anchor to the next one (records.ts writes them so).
	const words = data.content.trim().split(/\s+/u);
	const starts = [...anchors.values()].map((anchor) => anchor.location).sort((a, b) => a - b);
	const textOf = (claim: IndexedClaim) => {
		const start = anchors.get(claim.id)?.location;
		if (start === undefined) return '';
		return words.slice(start, starts.find((location) => location > start) ?? words.length).join(' ');
	};
	return index.flatMap((claim, at): ShownClaim[] => {
		const text = textOf(claim);
		if (!text) return [];
		const hits = found.get(claim.id) ?? [];
		const phraseHits = byWords.get(claim.id) ?? [];
		const named = !data.named_absent && (!searchedWords || holdsEveryWord(text, hits, searched)) && claimMatches(claim, facets);
		const byPhrase = phrase !== undefined && phraseHits.length > 0 && holdsEveryWord(text, phraseHits, phrase.words) && claimMatches(claim, phrase.facets);
		if (!named && !byPhrase) return [];
		const marks = [
			...wordRanges(text, new Set([...hits, ...(byPhrase ? phraseHits : [])])),
			...claim.hits.filter((hit) => wantedHits.has(`${hit.kind}:${hit.ref}`)).map(({ start, end }) => ({ start, end })),
		];
		const cited = new Set(claim.hits.filter((hit) => hit.kind === 'article').map((hit) => hit.ref));
		const sameBlock = (other: IndexedClaim | undefined) => other !== undefined && other.block === claim.block;
		const before: string[] = [];
		for (let back = at - 1; sameBlock(index[back]); back--) before.unshift(textOf(index[back] ?? claim));
		const after: string[] = [];
		for (let next = at + 1; sameBlock(index[next]); next++) after.push(textOf(index[next] ?? claim));
		return [
			{
				id: claim.id,
				text,
				label: anchors.get(claim.id)?.title ?? claim.id,
				marks,
				reattributed: claim.reattributed.filter((number) => facets.articles.includes(String(number)) && !cited.has(String(number))),
				before,
				after,
			},
		];
	});
}
