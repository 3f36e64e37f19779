/**
 * The compare view's data as static JSON: `index.json` (commentaries, topic
 * labels and pages, the threshold) and one file per commentary (its claims,
 * mentions by offset, and editors' notes), so the script loads only the
 * columns a reader chooses.
 */
import type { APIRoute } from 'astro';
import { getCompareData } from '../../../features/compare/data';

export async function getStaticPaths() {
	const { commentaries } = await getCompareData();
	return [{ params: { name: 'index' } }, ...commentaries.map((c) => ({ params: { name: c.slug } }))];
}

export const GET: APIRoute = async ({ params }) => {
	const { index, columns } = await getCompareData();
	const body = params.name === 'index' ? index : columns.get(params.name ?? '');
	if (!body) throw new Error(`No compare data named “${params.name}”`);
	return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
