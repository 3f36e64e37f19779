/** The card of every page without one of its own, drawn once at build time. */
import type { APIRoute } from 'astro';
import { drawShareCard } from '../features/cards/share-card-image.ts';
import { siteCard } from '../features/cards/share-card-content.ts';

export const GET: APIRoute = () => {
	const png = drawShareCard(siteCard());
	// A copy typed as a plain `Uint8Array`, which `Response` takes (Node's `Buffer` type is not a `BodyInit`).
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
