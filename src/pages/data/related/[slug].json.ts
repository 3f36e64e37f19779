/**
 * Every sentence of one commentary that other commentaries discuss, with
 * their sentences, precomputed at build time: the reading page's claim panel
 * fetches this file when it first opens on such a sentence.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRelatedGroups } from '../../../features/sharing/data.ts';
import { getCorpus, type CorpusEntry } from '../../../corpus/corpus.ts';
import { encodeRelatedFile } from '../../../features/reader/related-file.ts';

export const getStaticPaths = (async () => {
	const corpus = await getCorpus();
	return corpus.map((commentary) => ({ params: { slug: commentary.slug }, props: { commentary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ commentary: CorpusEntry }> = async ({ props }) => {
	const relatedTo = await getRelatedGroups();
	const body = encodeRelatedFile(new Map(props.commentary.claims.map((claim) => [claim.id, relatedTo(claim.id)])));
	return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
