/**
 * The search vocabulary as published (`/search/vocabulary.json`, and the
 * commentaries' labels apart in `/search/commentaries.json`): the
 * endpoints write them, the search page reads and checks it before use. Pure;
 * both sides use this module.
 */
import type { SearchCommentaryLabel, SearchVocabulary } from './records.ts';

/**
 * Write the vocabulary file.
 *
 * @param vocabulary
 *   From `searchVocabulary`.
 * @returns
 *   Its JSON text.
 */
export function encodeSearchVocabulary(vocabulary: SearchVocabulary): string {
	const { commentaries, ...published } = vocabulary;
	return JSON.stringify(published);
}

/**
 * Write the commentaries' labels file (`/search/commentaries.json`).
 *
 * @param vocabulary
 *   From `searchVocabulary`.
 * @returns
 *   Its JSON text.
 */
export function encodeSearchCommentaries(vocabulary: SearchVocabulary): string {
	return JSON.stringify(vocabulary.commentaries);
}

/**
 * Read the commentaries' labels file.
 *
 * @param text
 *   The file's JSON text.
 * @returns
 *   The labels.
 * @throws
 *   When the text is not JSON or not a list of labels.
 */
export function decodeSearchCommentaries(text: string): SearchCommentaryLabel[] {
	return readArray(JSON.parse(text), 'commentaries', ({ slug, title, author, date }) =>
		typeof slug === 'string' && typeof title === 'string' && typeof author === 'string' && typeof date === 'string' ? { slug, title, author, date } : undefined,
	);
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
		articles: readArray(data['articles'], 'articles', ({ number, title, phrases }) =>
			typeof number === 'number' && (title === undefined || typeof title === 'string') && isStringArray(phrases) ? { number, title, phrases } : undefined,
		),
		actors: readArray(data['actors'], 'actors', ({ id, name, forms }) =>
			typeof id === 'string' && typeof name === 'string' && isStringArray(forms) ? { id, name, forms } : undefined,
		),
		commentaries: [],
		spellings: readPairs(data['spellings']),
	};
}

/**
 * Read the spellings: pairs of words.
 *
 * @param value
 *   The parsed JSON.
 * @returns
 *   Variant and folded form, each pair.
 */
function readPairs(value: unknown): [string, string][] {
	if (!Array.isArray(value)) throw new Error('Search vocabulary: spellings is not a list');
	return value.map((pair, index) => {
		if (!isStringArray(pair) || pair.length !== 2) throw new Error(`Search vocabulary: spellings[${index}] is malformed`);
		const [variant = '', folded = ''] = pair;
		return [variant, folded];
	});
}
