/**
 * Pinpoints: where a sentence stands in its commentary, in the words a reader
 * cites with ("para. 4, sentence 2", as ICRC commentaries cite "para. N").
 * Paragraphs and list items are numbered in reading order; headings are not
 * paragraphs, so they are numbered on their own ("heading 2"). Pure: computed
 * from the claims' recorded blocks, the same on every page that shows them.
 */
import type { ClaimBlock } from '../schemas/corpus.ts';

/** What a pinpoint is computed from: a claim's block kind and block ordinal. */
export interface PinpointSource {
	block: ClaimBlock;
	blockIndex: number;
}

/** Where one sentence stands. */
export interface Pinpoint {
	/** Which numbered block holds the sentence: a paragraph (list items count as paragraphs) or a heading. */
	block: 'para.' | 'heading';
	/** That block's number among its kind (1-based). */
	number: number;
	/** The sentence's number within its paragraph or heading (1-based). */
	sentence: number;
}

/**
 * The pinpoint of every claim of one commentary.
 *
 * @param claims
 *   The commentary's claims, in reading order.
 * @returns
 *   One pinpoint per claim, in the same order.
 */
export function pinpoints(claims: readonly Readonly<PinpointSource>[]): Pinpoint[] {
	const out: Pinpoint[] = [];
	const counts = { 'para.': 0, heading: 0 };
	let sentence = 0;
	let previousBlock: number | undefined;
	for (const claim of claims) {
		const block = claim.block.startsWith('h') ? 'heading' : 'para.';
		if (claim.blockIndex !== previousBlock) {
			sentence = 0;
			counts[block] += 1;
			previousBlock = claim.blockIndex;
		}
		sentence += 1;
		out.push({ block, number: counts[block], sentence });
	}
	return out;
}

/**
 * A pinpoint as cited: `para. 4, sentence 2`, or `heading 2, sentence 1`.
 *
 * @param pinpoint
 *   The pinpoint.
 * @returns
 *   Its short text.
 */
export function pinpointText(pinpoint: Readonly<Pinpoint>): string {
	return `${pinpoint.block} ${pinpoint.number}, sentence ${pinpoint.sentence}`;
}

/**
 * The accessible name of a sentence's permalink control, different for every
 * sentence so a screen reader's list of links tells them apart.
 *
 * @param pinpoint
 *   The sentence's pinpoint.
 * @returns
 *   `Link to sentence 2 of para. 4`, or `Link to sentence 1 of heading 2`.
 */
export function claimLinkLabel(pinpoint: Readonly<Pinpoint>): string {
	return `Link to sentence ${pinpoint.sentence} of ${pinpoint.block} ${pinpoint.number}`;
}

/**
 * Read a pinpoint back from a permalink control's name (the reader's script
 * shows it in the claim panel without a second copy of it in the page).
 *
 * @param label
 *   The control's accessible name, as `claimLinkLabel` wrote it (anything may follow).
 * @returns
 *   The pinpoint, or `undefined` for any other name.
 */
export function pinpointFromLinkLabel(label: string): Pinpoint | undefined {
	const match = /^Link to sentence (\d+) of (para\.|heading) (\d+)/.exec(label);
	if (!match) return undefined;
	return { block: match[2] === 'heading' ? 'heading' : 'para.', number: Number(match[3]), sentence: Number(match[1]) };
}
