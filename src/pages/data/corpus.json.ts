/** `/data/corpus.json`: every commentary, claim and mention, and the registries. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../features/dataset/data';

// Unindented: indentation was a third of the file, and JSON tools print it readably.
export const GET: APIRoute = async ({ site }) =>
	new Response(`${JSON.stringify(await getDataset(site))}\n`, { headers: { 'Content-Type': 'application/json' } });
