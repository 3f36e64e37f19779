/**
 * The commentaries' titles, authors and dates, which label the search page's
 * commentary filter: loaded with the filters, not with the first search (the
 * list grows with the corpus).
 */
import type { APIRoute } from 'astro';
import { getCommentaries } from '../../corpus/commentaries';
import { searchVocabulary } from '../../features/search/records';
import { encodeSearchCommentaries } from '../../features/search/vocabulary-file';

export const GET: APIRoute = async () => {
	const commentaries = (await getCommentaries()).map((entry) => ({ slug: entry.id, data: entry.data }));
	return new Response(encodeSearchCommentaries(searchVocabulary({ articles: [], actors: [], commentaries })));
};
