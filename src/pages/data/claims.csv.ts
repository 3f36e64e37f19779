/** `/data/claims.csv`: one row per claim, for spreadsheets. */
import type { APIRoute } from 'astro';
import { claimsCsv } from '../../features/dataset/dataset';
import { getDataset } from '../../features/dataset/data';

export const GET: APIRoute = async ({ site }) =>
	new Response(claimsCsv(await getDataset(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
