/**
 * Every sentence of one commentary that other commentaries discuss, with
 * the ids of their sentences, and the texts of its own sentences that other
 * files point at, precomputed at build time: the reading page's claim panel
 * fetches this file when it first opens on such a sentence, and the files
 * its related claims are quoted from.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { commentaryFilePaths, getRelatedGroups } from '../../../features/sharing/data.ts';
import { getQuotedClaims } from '../../../features/related/data.ts';
import { shortCredit } from '../../../utils/credit.ts';
import type { CorpusEntry } from '../../../corpus/corpus.ts';
import { encodeRelatedFile } from '../../../features/sharing/related-file.ts';

// Under the commentary's slug and every slug it had before a recorded rename.
export const getStaticPaths = (() => commentaryFilePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ commentary: CorpusEntry }> = async ({ props }) => {
	const [relatedTo, quoted] = await Promise.all([getRelatedGroups(), getQuotedClaims()]);
	const { entry, claims } = props.commentary;
	const body = encodeRelatedFile({
		name: { credit: shortCredit(entry.data.authors), title: entry.data.title },
		quoted: new Map(claims.filter((claim) => quoted.has(claim.id)).map((claim) => [claim.id, claim.text])),
		related: new Map(claims.map((claim) => [claim.id, relatedTo(claim.id)])),
	});
	return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
