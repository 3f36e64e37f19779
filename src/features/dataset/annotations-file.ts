/**
 * Writes `/data/annotations.jsonld` after the build, from what the build
 * published: `/data/corpus.json` and each commentary's reading page, read as
 * a DOM client reads it (./page-text.ts). Selectors measured on the built
 * pages cannot drift from them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { datasetSchema } from '../../schemas/dataset.ts';
import { createRoutes } from '../../utils/routes.ts';
import { webAnnotations, type MeasuredPage } from './annotations.ts';
import { measurePageText } from './page-text.ts';

/**
 * @param outDir
 *   The build's output directory.
 * @param base
 *   Astro's `base`.
 * @returns
 *   How many annotations were written.
 * @throws
 *   When the dataset or a reading page is missing, or a passage cannot be anchored.
 */
export async function writeAnnotations(outDir: string, base: string): Promise<number> {
	const routes = createRoutes(base);
	const fileOf = (path: string) => join(outDir, decodeURI(path).slice(routes.base.length));
	const corpusFile = fileOf(routes.dataFile('corpus.json'));
	const dataset = datasetSchema.parse(JSON.parse(await readFile(corpusFile, 'utf8')));
	const pages = new Map<string, MeasuredPage>();
	for (const commentary of dataset.commentaries) {
		const file = join(fileOf(new URL(commentary.url).pathname), 'index.html');
		const html = await readFile(file, 'utf8').catch((error: unknown) => {
			throw new Error(`/data/annotations.jsonld: the reading page of ${commentary.slug} was not built (${file})`, { cause: error });
		});
		pages.set(commentary.slug, { url: commentary.url, text: measurePageText(fromHtml(html), file) });
	}
	const id = new URL(routes.dataFile('annotations.jsonld'), dataset.site).href;
	const collection = webAnnotations(dataset, pages, id, routes);
	// Unindented: indentation was a fifth of the file (about 2 KB per sentence), and JSON tools print it readably.
	await writeFile(fileOf(routes.dataFile('annotations.jsonld')), `${JSON.stringify(collection)}\n`);
	return Number(collection['total']);
}
