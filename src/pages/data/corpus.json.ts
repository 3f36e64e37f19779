/** `/data/corpus.json`: every commentary, claim and mention, and the registries. */
import type { APIRoute } from 'astro';
import { datasetJsonBody } from '../../features/dataset/data';

// Printed commentary by commentary (src/features/dataset/dataset.ts: `datasetJson`).
export const GET: APIRoute = async ({ site }) => new Response(await datasetJsonBody(site), { headers: { 'Content-Type': 'application/json' } });
