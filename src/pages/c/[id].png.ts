/**
 * The card image of each share page, `/c/<id>.png`, drawn at build time: for
 * every id the ledger knows (live, edited or withdrawn).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSharePages, sharePageId, type SharePage } from '../../lib/claim-pages.ts';
import { renderShareCard } from '../../lib/share-card.ts';
import { shareCardOf } from '../../lib/share-card-content.ts';

export const getStaticPaths = (async () => {
	const pages = await getSharePages();
	return pages.map((page) => ({ params: { id: sharePageId(page) }, props: { page } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: SharePage }> = async ({ props }) => {
	const png = await renderShareCard(shareCardOf(props.page));
	return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
