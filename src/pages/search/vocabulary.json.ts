/**
 * What the search page loads when it opens, besides the index: article
 * numbers, subjects and the phrases that name them, spelling variants, every registered form of every actor, commentary
 * titles. It reads `Art. 4` or `the Kremlin` in a query and labels filters.
 */
import type { APIRoute } from 'astro';
import { buildContext } from '../../build/context';
import { getActors } from '../../corpus/actors';
import { getArticles } from '../../corpus/articles';
import { getCommentaries } from '../../corpus/commentaries';
import { searchVocabulary } from '../../features/search/records';
import { encodeSearchVocabulary } from '../../features/search/vocabulary-file';

export const GET: APIRoute = async () => {
	const vocabulary = searchVocabulary({
		articles: (await getArticles()).map((entry) => entry.data),
		actors: (await getActors()).map((entry) => ({ id: entry.id, ...entry.data })),
		commentaries: (await getCommentaries()).map((entry) => ({ slug: entry.id, data: entry.data })),
		spellings: buildContext().matters.spellings,
	});
	return new Response(encodeSearchVocabulary(vocabulary));
};
