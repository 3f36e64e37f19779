/**
 * How often each of many strings occurs in one text, in one pass over the
 * text per round instead of one scan of the whole text per string: the
 * strings are indexed by a hash of their first characters, and a rolling hash
 * of the text's windows finds the only places worth comparing. The work is
 * linear in the text's length plus the candidates compared, so quoting every
 * mention of a long commentary does not grow with mentions × length.
 */

/** Counters of the work done, for tests that check how it grows. */
export interface CountWork {
	/** Windows of the text hashed. */
	windows: number;
	/** Candidate places compared with a string. */
	comparisons: number;
}

/**
 * How many leading characters index a string: 64, or for a shorter string
 * the largest power of two it holds (so at most seven passes over the text,
 * whatever the strings' lengths). Long keys keep the candidates few even in a
 * text of few distinct words.
 */
const KEY_LENGTH = 64;

/** The key length of a needle. */
function keyLengthOf(length: number): number {
	let key = KEY_LENGTH;
	while (key > length) key /= 2;
	return key;
}
/** Hash modulus (the Mersenne prime 2³¹ − 1) and base: every intermediate stays an exact integer in a double. */
const MODULUS = 2_147_483_647;
const BASE = 131;

/** Polynomial hash of `text[start, start + length)`. */
function hashOf(text: string, start: number, length: number): number {
	let hash = 0;
	for (let index = start; index < start + length; index++) hash = (hash * BASE + text.charCodeAt(index)) % MODULUS;
	return hash;
}

/**
 * Find the occurrences (overlapping ones too: every start position) of each
 * needle in `text`.
 *
 * @param text
 *   The text to search.
 * @param needles
 *   Non-empty strings.
 * @param work
 *   Counters to add the work to (optional).
 * @returns
 *   For each needle, in order, where it starts in `text` (ascending).
 */
export function findOccurrences(text: string, needles: readonly string[], work?: CountWork): number[][] {
	// Equal needles are counted once; needles are grouped by the length of their key.
	const distinct = new Map<string, number[]>();
	const byKeyLength = new Map<number, Map<number, string[]>>();
	for (const needle of needles) {
		if (needle === '') throw new Error('countOccurrences: an empty string occurs everywhere');
		if (distinct.has(needle)) continue;
		distinct.set(needle, []);
		const keyLength = keyLengthOf(needle.length);
		let buckets = byKeyLength.get(keyLength);
		if (!buckets) byKeyLength.set(keyLength, (buckets = new Map()));
		const key = hashOf(needle, 0, keyLength);
		const bucket = buckets.get(key);
		if (bucket) bucket.push(needle);
		else buckets.set(key, [needle]);
	}
	for (const [keyLength, buckets] of byKeyLength) {
		if (text.length < keyLength) continue;
		// BASE^(keyLength − 1), to take the leaving character out of the rolling hash.
		let leading = 1;
		for (let index = 1; index < keyLength; index++) leading = (leading * BASE) % MODULUS;
		let hash = hashOf(text, 0, keyLength);
		for (let start = 0; ; start++) {
			if (work) work.windows += 1;
			const bucket = buckets.get(hash);
			if (bucket) {
				for (const needle of bucket) {
					if (work) work.comparisons += 1;
					if (text.startsWith(needle, start)) distinct.get(needle)!.push(start);
				}
			}
			const next = start + keyLength;
			if (next >= text.length) break;
			hash = (hash - ((text.charCodeAt(start) * leading) % MODULUS) + MODULUS) % MODULUS;
			hash = (hash * BASE + text.charCodeAt(next)) % MODULUS;
		}
	}
	return needles.map((needle) => distinct.get(needle)!);
}

/**
 * Count the occurrences of each needle in `text` (see `findOccurrences`).
 *
 * @param text
 *   The text to search.
 * @param needles
 *   Non-empty strings.
 * @param work
 *   Counters to add the work to (optional).
 * @returns
 *   One count per needle, in order.
 */
export function countOccurrences(text: string, needles: readonly string[], work?: CountWork): number[] {
	return findOccurrences(text, needles, work).map((places) => places.length);
}
