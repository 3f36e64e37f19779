/**
 * What the search page loads when it opens, besides the index: article
 * numbers and subjects, every registered form of every actor, commentary
 * titles. It reads `Art. 4` or `the Kremlin` in a query and labels filters.
 */
import type { APIRoute } from 'astro';
import { getActors } from '../../lib/actors';
import { getArticles } from '../../lib/articles';
import { getCommentaries } from '../../lib/commentaries';
import { searchVocabulary } from '../../lib/search-records';

export const GET: APIRoute = async () => {
	const vocabulary = searchVocabulary({
		articles: (await getArticles()).map((entry) => entry.data),
		actors: (await getActors()).map((entry) => ({ id: entry.id, ...entry.data })),
		commentaries: (await getCommentaries()).map((entry) => ({ slug: entry.id, data: entry.data })),
	});
	return new Response(JSON.stringify(vocabulary));
};
