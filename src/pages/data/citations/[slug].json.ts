/**
 * The citations of every sentence of one commentary, precomputed at build
 * time: the reading page's cite panel fetches this file when it first opens,
 * so no citation library is shipped to the browser.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationsOf } from '../../../features/sharing/data.ts';
import { getCorpus, type CorpusEntry } from '../../../corpus/corpus.ts';
import { encodeCitationsFile } from '../../../features/sharing/citations-file.ts';

export const getStaticPaths = (async () => {
	const corpus = await getCorpus();
	return corpus.map((commentary) => ({ params: { slug: commentary.slug }, props: { commentary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ commentary: CorpusEntry }> = ({ props }) => {
	const { entry, claims } = props.commentary;
	const body = encodeCitationsFile(new Map(claims.map((claim) => [claim.id, citationsOf(claim, entry)])));
	return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
