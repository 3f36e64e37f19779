/**
 * Find a published claim again after its sentence was reworded, the way
 * Hypothesis re-attaches an annotation: fuzzy search for the old quote, then
 * score each candidate by how much of the quote and of its surrounding text
 * (prefix and suffix) still match.
 */
import search from 'approx-string-match';
import { normaliseClaimText } from './normalise.ts';
import type { AnchorCandidate, LedgerEntry, ReanchorResult } from './types.ts';

/** Length of the context stored on each side of a claim in the ledger. */
export const CONTEXT_LENGTH = 32;

export interface ReanchorOptions {
	/**
	 * Ids that may not be successors: claims that already existed beside the
	 * old one cannot be its new wording (default: none).
	 */
	exclude?: ReadonlySet<string>;
	/** Lowest accepted score, 0–1 (default: `0.6`). */
	minScore?: number;
}

/**
 * Edits allowed between the old quote and a candidate: a quarter of the
 * quote, at most 64. Hypothesis allows half (it must find a highlight in any
 * page); a claim permalink must not land on a different sentence, so it is
 * stricter: a sentence rewritten by more than a quarter counts as new.
 *
 * @param quoteLength
 *   Length of the normalised old quote.
 * @returns
 *   Maximum number of errors.
 */
export function maxErrorsFor(quoteLength: number): number {
	return Math.min(64, Math.floor(quoteLength / 4));
}

/** Weights of the score (Hypothesis uses 50 / 20 / 20, plus 2 for position, which the ledger does not store). */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;

/** Levenshtein distance (the context strings are at most 32 characters, so the quadratic table is cheap). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** Similarity 0–1 of two short strings. */
function similarity(a: string, b: string): number {
	const longest = Math.max(a.length, b.length);
	return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * Plain text of a commentary for quote selectors: its claims joined by single
 * spaces, in reading order.
 *
 * @param claims
 *   Current claims in reading order.
 * @returns
 *   Plain text.
 */
export function commentaryPlainText(claims: readonly { text: string }[]): string {
	return claims.map((claim) => claim.text).join(' ');
}

/**
 * Quote selector context of the claim at `index`: up to 32 characters of the
 * plain text on each side.
 *
 * @param claims
 *   Current claims in reading order.
 * @param index
 *   Position of the claim.
 * @returns
 *   Prefix and suffix.
 */
export function contextOf(claims: readonly { text: string }[], index: number): { prefix: string; suffix: string } {
	// Only the neighbours that reach CONTEXT_LENGTH characters are joined: joining the whole text for every
	// claim made the ledger quadratic in a commentary's length (out of memory at 1 MB).
	let before = '';
	for (let at = index - 1; at >= 0 && before.length < CONTEXT_LENGTH; at--) before = `${claims[at]!.text} ${before}`;
	let after = '';
	for (let at = index + 1; at < claims.length && after.length < CONTEXT_LENGTH; at++) after = `${after} ${claims[at]!.text}`;
	return { prefix: before.slice(-CONTEXT_LENGTH), suffix: after.slice(0, CONTEXT_LENGTH) };
}

/**
 * Find where a ledger entry's sentence is now.
 *
 * @param entry
 *   The old claim: id plus its ledger entry (text, prefix, suffix).
 * @param currentClaims
 *   Current claims of the same commentary, in reading order.
 * @param commentaryText
 *   `commentaryPlainText(currentClaims)`.
 * @param options
 *   Configuration (optional).
 * @returns
 *   `same` when the id still exists, `edited` with the best successor, or `lost`.
 */
export function reanchor(
	entry: Readonly<Pick<LedgerEntry, 'text' | 'prefix' | 'suffix'>> & { id: string },
	currentClaims: readonly AnchorCandidate[],
	commentaryText: string,
	options?: Readonly<ReanchorOptions> | null,
): ReanchorResult {
	if (currentClaims.some((claim) => claim.id === entry.id)) {
		return { status: 'same', successorId: entry.id, oldText: entry.text, score: 1 };
	}
	const exclude = options?.exclude ?? new Set<string>();
	const minScore = options?.minScore ?? 0.6;

	const text = normaliseClaimText(commentaryText);
	const quote = normaliseClaimText(entry.text);
	if (quote.length === 0 || text.length === 0) return { status: 'lost' };

	// Where each claim sits in the normalised text.
	const spans: Array<{ id: string; start: number; end: number }> = [];
	let cursor = 0;
	for (const claim of currentClaims) {
		const normal = normaliseClaimText(claim.text);
		const start = text.indexOf(normal, cursor);
		if (start < 0) throw new Error(`reanchor: claim ${claim.id} (“${claim.text}”) is not in the commentary text; pass commentaryPlainText(currentClaims)`);
		spans.push({ id: claim.id, start, end: start + normal.length });
		cursor = start + normal.length;
	}

	const prefix = normaliseClaimText(entry.prefix);
	const suffix = normaliseClaimText(entry.suffix);
	// Context is compared without the space that separates claims, which normalisation trims away.
	const prefixWanted = entry.prefix.length > 0 && /\s$/.test(entry.prefix) ? `${prefix} ` : prefix;
	const suffixWanted = entry.suffix.length > 0 && /^\s/.test(entry.suffix) ? ` ${suffix}` : suffix;

	let best: { id: string; score: number } | undefined;
	for (const match of search(text, quote, maxErrorsFor(quote.length))) {
		// The claim that holds most of the match.
		let owner: { id: string; overlap: number } | undefined;
		for (const span of spans) {
			const overlap = Math.min(span.end, match.end) - Math.max(span.start, match.start);
			if (overlap > 0 && (!owner || overlap > owner.overlap)) owner = { id: span.id, overlap };
		}
		if (!owner || exclude.has(owner.id)) continue;
		const quoteScore = 1 - match.errors / quote.length;
		const prefixScore = similarity(prefixWanted, text.slice(Math.max(0, match.start - prefixWanted.length), match.start));
		const suffixScore = similarity(suffixWanted, text.slice(match.end, match.end + suffixWanted.length));
		const score =
			(QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore) /
			(QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT);
		if (!best || score > best.score) best = { id: owner.id, score };
	}
	if (!best || best.score < minScore) return { status: 'lost' };
	return { status: 'edited', successorId: best.id, oldText: entry.text, score: Math.round(best.score * 1000) / 1000 };
}
