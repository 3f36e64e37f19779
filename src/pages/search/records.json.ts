/**
 * The claim records for the search index, built from the corpus model. The
 * `treaty-reader` integration feeds them to Pagefind after the build and
 * removes this file: the index is what the site publishes.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/corpus';
import { claimRecords } from '../../features/search/records';

export const GET: APIRoute = async () => {
	const corpus = await getCorpus();
	const records = claimRecords(corpus.map(({ slug, entry, claims }) => ({ slug, data: entry.data, claims })));
	return new Response(JSON.stringify(records));
};
