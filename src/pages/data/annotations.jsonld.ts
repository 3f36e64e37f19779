/** `/data/annotations.jsonld`: every mention and editor's note as a W3C Web Annotation. */
import type { APIRoute } from 'astro';
import { webAnnotations } from '../../features/dataset/dataset';
import { getDataset } from '../../features/dataset/data';
import { routes } from '../../utils/routes';

export const GET: APIRoute = async ({ site }) => {
	const dataset = await getDataset(site);
	const id = new URL(routes.dataFile('annotations.jsonld'), site).href;
	return new Response(`${JSON.stringify(webAnnotations(dataset, id, routes), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/ld+json' },
	});
};
