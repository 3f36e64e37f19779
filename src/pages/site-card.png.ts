/** The card of every page without one of its own, drawn once at build time. */
import type { APIRoute } from 'astro';
import { drawShareCard } from '../features/cards/share-card-image.ts';
import { siteCard } from '../features/cards/share-card-content.ts';

export const GET: APIRoute = () => {
	const png = drawShareCard(siteCard());
	return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
