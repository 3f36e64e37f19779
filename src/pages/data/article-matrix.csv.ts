/** `/data/article-matrix.csv`: sentences citing each treaty article, per commentary. */
import type { APIRoute } from 'astro';
import { articleMatrixCsv } from '../../features/dataset/dataset';
import { getDataset } from '../../features/dataset/data';

export const GET: APIRoute = async ({ site }) =>
	new Response(articleMatrixCsv(await getDataset(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
