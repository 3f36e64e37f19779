/**
 * The search vocabulary as published (`/search/vocabulary.json`): the
 * endpoint writes it, the search page reads and checks it before use. Pure;
 * both sides use this module.
 */
import type { SearchVocabulary } from './records.ts';

/**
 * Write the vocabulary file.
 *
 * @param vocabulary
 *   From `searchVocabulary`.
 * @returns
 *   Its JSON text.
 */
export function encodeSearchVocabulary(vocabulary: SearchVocabulary): string {
	return JSON.stringify(vocabulary);
}

/** Whether a value is a non-null object (its properties can then be read). */
function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is an array of strings. */
function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Read an array whose every item must pass a check.
 *
 * @param value
 *   The parsed JSON.
 * @param what
 *   Its name, for the error.
 * @param read
 *   Reads one item, or returns `undefined` when it is not one.
 * @returns
 *   The items as read.
 */
function readArray<Item>(value: unknown, what: string, read: (item: Record<string, unknown>) => Item | undefined): Item[] {
	if (!Array.isArray(value)) throw new Error(`Search vocabulary: ${what} is not a list`);
	return value.map((item, index) => {
		const result = isRecord(item) ? read(item) : undefined;
		if (result === undefined) throw new Error(`Search vocabulary: ${what}[${index}] is malformed`);
		return result;
	});
}

/**
 * Read the vocabulary file.
 *
 * @param text
 *   The file's JSON text.
 * @returns
 *   The vocabulary.
 * @throws
 *   When the text is not JSON or not a vocabulary: the search page then says
 *   the index could not be loaded.
 */
export function decodeSearchVocabulary(text: string): SearchVocabulary {
	const data: unknown = JSON.parse(text);
	if (!isRecord(data)) throw new Error('Search vocabulary: not an object');
	return {
		articles: readArray(data['articles'], 'articles', ({ number, title }) =>
			typeof number === 'number' && (title === undefined || typeof title === 'string') ? { number, title } : undefined,
		),
		actors: readArray(data['actors'], 'actors', ({ id, name, forms }) =>
			typeof id === 'string' && typeof name === 'string' && isStringArray(forms) ? { id, name, forms } : undefined,
		),
		commentaries: readArray(data['commentaries'], 'commentaries', ({ slug, title, author, date }) =>
			typeof slug === 'string' && typeof title === 'string' && typeof author === 'string' && typeof date === 'string'
				? { slug, title, author, date }
				: undefined,
		),
	};
}
