/**
 * The share card image of each claim, `/c/<id>.png`, drawn at build time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getClaimPages, type ClaimPage } from '../../lib/claim-pages.ts';
import { creditLine } from '../../lib/credit.ts';
import { formatPublished } from '../../lib/format-date.ts';
import { renderShareCard } from '../../lib/share-card.ts';
import { SITE_NAME } from '../../site.ts';

export const getStaticPaths = (async () => {
	const pages = await getClaimPages();
	return pages.map((page) => ({ params: { id: page.claim.id }, props: { page } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: ClaimPage }> = async ({ props }) => {
	const { claim, entry } = props.page;
	const png = await renderShareCard({
		quote: claim.text,
		credit: creditLine(entry.data.authors).replace(/^By /, ''),
		source: `${entry.data.outlet}, ${formatPublished(entry.data.published)}`,
		site: SITE_NAME,
	});
	return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
