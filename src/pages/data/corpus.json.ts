/** `/data/corpus.json`: every commentary, claim and mention, and the registries. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../features/dataset/data';

export const GET: APIRoute = async ({ site }) =>
	new Response(`${JSON.stringify(await getDataset(site), null, '\t')}\n`, { headers: { 'Content-Type': 'application/json' } });
