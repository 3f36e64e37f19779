/** `/data/corpus.schema.json`: the JSON Schema of `/data/corpus.json`, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { routes } from '../../utils/routes';
import { datasetJsonSchema } from '../../schemas/dataset';

export const GET: APIRoute = ({ site }) =>
	new Response(`${JSON.stringify(datasetJsonSchema(new URL(routes.dataFile('corpus.schema.json'), site).href), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/schema+json' },
	});
