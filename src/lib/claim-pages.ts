/**
 * Everything a claim's share page and share card need, computed once from
 * the rendered corpus: the claim, its neighbours and its commentary.
 */
import type { Claim } from '../schemas/corpus.ts';
import type { CitableClaim } from './cite.ts';
import type { CommentaryEntry } from './commentaries.ts';
import { getCorpus } from './corpus.ts';
import { routes } from './routes.ts';

export interface ClaimPage {
	claim: Claim;
	previous: Claim | undefined;
	next: Claim | undefined;
	entry: CommentaryEntry;
}

/** One share page per claim of every commentary. */
export async function getClaimPages(): Promise<ClaimPage[]> {
	const corpus = await getCorpus();
	return corpus.flatMap(({ entry, claims }) =>
		claims.map((claim, index) => ({ claim, previous: claims[index - 1], next: claims[index + 1], entry })),
	);
}

/** The claim's permalink: its anchor in the reading page. */
export function claimPermalink(slug: string, id: string, site: URL | undefined): string {
	return new URL(routes.claim(slug, id), site).href;
}

/** What a citation says about a commentary (also handed to the reading page's script). */
export function citableCommentary(entry: CommentaryEntry): CitableClaim['commentary'] {
	const { data } = entry;
	return {
		slug: entry.id,
		title: data.title,
		titleSupplied: data.titleSupplied,
		authors: data.authors,
		outlet: data.outlet,
		published: data.published,
		kind: data.kind,
		originalUrl: data.source.url,
	};
}

/** Citation data for a claim of a commentary. */
export function citable(page: ClaimPage, site: URL | undefined): CitableClaim {
	return {
		id: page.claim.id,
		text: page.claim.text,
		url: claimPermalink(page.entry.id, page.claim.id, site),
		commentary: citableCommentary(page.entry),
	};
}
