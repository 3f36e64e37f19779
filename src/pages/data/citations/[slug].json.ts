/**
 * The citations of every sentence of one commentary, precomputed at build
 * time: the reading page's cite panel fetches this file when it first opens,
 * so no citation library is shipped to the browser.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationsOf, commentaryFilePaths } from '../../../features/sharing/data.ts';
import type { CorpusEntry } from '../../../corpus/corpus.ts';
import { encodeCitationsFile } from '../../../features/sharing/citations-file.ts';

// Under the commentary's slug and every slug it had before a recorded rename.
export const getStaticPaths = (() => commentaryFilePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ commentary: CorpusEntry }> = ({ props }) => {
	const { entry, claims } = props.commentary;
	const body = encodeCitationsFile(new Map(claims.map((claim) => [claim.id, citationsOf(claim, entry)])));
	return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
