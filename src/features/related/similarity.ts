/**
 * How alike two claims' words are: a TF-IDF cosine over folded word stems.
 * It only ranks claims already related by a shared matter (or confirmed by
 * the editors); on its own it decides nothing, because two authors
 * discussing one clause rarely share a distinctive word (see
 * docs/decisions.md).
 */
import { foldedWords } from '../../annotate/matters.ts';

/** A claim's words as a unit-length sparse vector: stem numbers, ascending, and their weights. */
export interface StemVector {
	readonly stems: Int32Array;
	readonly weights: Float64Array;
}

/** A vector of no stem. */
export const EMPTY_VECTOR: StemVector = { stems: new Int32Array(0), weights: new Float64Array(0) };

/** Endings the stemmer takes off, longest first; each keeps a stem of at least three letters. */
const SUFFIXES: readonly (readonly [string, string])[] = [
	['ational', 'ate'],
	['ization', 'ize'],
	['isation', 'ise'],
	['fulness', 'ful'],
	['iveness', 'ive'],
	['ments', ''],
	['ment', ''],
	['ations', 'ate'],
	['ation', 'ate'],
	['ities', ''],
	['ity', ''],
	['ings', ''],
	['ing', ''],
	['ies', 'y'],
	['ied', 'y'],
	['edly', ''],
	['ed', ''],
	['ly', ''],
	['s', ''],
];

/**
 * A word's stem: a light suffix stripper, enough to read “guarantees”,
 * “guaranteed” and “guarantee” alike. Possessives go first; a stem keeps at
 * least three letters, a word ending in `ss`, `us` or `is` (“press”,
 * “status”, “basis”) keeps its `s`, and numbers are kept whole.
 *
 * @param word
 *   A lowercased, folded word.
 * @returns
 *   Its stem.
 */
export function stem(word: string): string {
	let current = word.endsWith("'s") ? word.slice(0, -2) : word.replace(/'/g, '');
	if (/\d/.test(current)) return current;
	// A plural in -es after a hissing sound (“taxes”, “churches”) loses the whole ending.
	if (current.length >= 5 && /(?:s|x|z|ch|sh)es$/.test(current)) return current.slice(0, -2);
	for (const [suffix, replacement] of SUFFIXES) {
		if (!current.endsWith(suffix)) continue;
		if (suffix === 's' && /(?:ss|us|is)$/.test(current)) break;
		const base = current.slice(0, -suffix.length);
		if (base.length < 3) continue;
		current = base + replacement;
		break;
	}
	// Final e's do not tell words apart (“guarantee”, “guaranteed”, “guarantees” → “guarant”; “taxes” → “tax”).
	while (current.length > 4 && current.endsWith('e')) current = current.slice(0, -1);
	return current;
}

/**
 * The stems of a text.
 *
 * @param text
 *   Text as written.
 * @param spellings
 *   Spelling variant → standard form.
 * @returns
 *   Stems in reading order.
 */
export function stemsOf(text: string, spellings: ReadonlyMap<string, string>): string[] {
	return foldedWords(text, spellings).map(stem);
}

/**
 * TF-IDF vectors of a set of texts, each of unit length: a stem's weight is
 * its count in the text (dampened, 1 + log) times log(N / texts holding it).
 * A stem every text holds weighs nothing and is left out. Stems are numbered
 * (in order of first appearance) and each vector keeps them sorted, so a
 * cosine is one merge of two short arrays.
 *
 * @param texts
 *   Each text's stems.
 * @returns
 *   One vector per text, in order.
 */
export function tfIdfVectors(texts: readonly (readonly string[])[]): StemVector[] {
	const numberOf = new Map<string, number>();
	const holding: number[] = [];
	const counts = texts.map((stems) => {
		const count = new Map<number, number>();
		for (const item of stems) {
			let number = numberOf.get(item);
			if (number === undefined) {
				number = numberOf.size;
				numberOf.set(item, number);
				holding.push(0);
			}
			count.set(number, (count.get(number) ?? 0) + 1);
		}
		for (const number of count.keys()) holding[number] = (holding[number] ?? 0) + 1;
		return count;
	});
	return counts.map((count) => {
		const kept = [...count]
			.map(([number, times]) => [number, (1 + Math.log(times)) * Math.log(texts.length / (holding[number] ?? 1))] as const)
			.filter(([, weight]) => weight > 0)
			.sort(([a], [b]) => a - b);
		const length = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0));
		return { stems: Int32Array.from(kept, ([number]) => number), weights: Float64Array.from(kept, ([, weight]) => weight / length) };
	});
}

/**
 * The cosine of two unit vectors.
 *
 * @param a
 *   One vector.
 * @param b
 *   The other.
 * @returns
 *   Their dot product, 0 to 1.
 */
export function cosine(a: StemVector, b: StemVector): number {
	let sum = 0;
	let i = 0;
	let j = 0;
	while (i < a.stems.length && j < b.stems.length) {
		const x = a.stems[i] ?? 0;
		const y = b.stems[j] ?? 0;
		if (x === y) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
		else if (x < y) i++;
		else j++;
	}
	return sum;
}
