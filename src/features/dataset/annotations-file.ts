/**
 * Writes `/data/annotations.jsonld` after the build, from what the build
 * published: `/data/corpus.json` and each commentary's reading page, read as
 * a DOM client reads it (./page-text.ts). Selectors measured on the built
 * pages cannot drift from them.
 *
 * The file is written commentary by commentary: each reading page is read,
 * measured and annotated, its annotations appended to the file, and the page
 * let go before the next (at 1,000 commentaries the whole collection, its
 * measured pages and its text at once took gigabytes).
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { datasetSchema } from '../../schemas/dataset.ts';
import { createRoutes } from '../../utils/routes.ts';
import { annotationCollection, annotationsOfCommentary, countAnnotations, permalinksOf } from './annotations.ts';
import { measurePageText } from './page-text.ts';

/** Annotations printed and written at a time. */
const WRITE_SLICE = 2000;

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
	const id = new URL(routes.dataFile('annotations.jsonld'), dataset.site).href;
	const total = countAnnotations(dataset);
	const { before, after } = annotationCollection(id, total);
	const context = { dataset, id, routes, permalinkOf: permalinksOf(dataset) };
	const target = fileOf(routes.dataFile('annotations.jsonld'));
	// Unindented: indentation was a fifth of the file (about 2 KB per sentence), and JSON tools print it readably.
	const file = await open(target, 'w');
	let written = 0;
	try {
		await file.write(before);
		for (const commentary of dataset.commentaries) {
			const page = join(fileOf(new URL(commentary.url).pathname), 'index.html');
			const html = await readFile(page, 'utf8').catch((error: unknown) => {
				throw new Error(`/data/annotations.jsonld: the reading page of ${commentary.slug} was not built (${page})`, { cause: error });
			});
			const items = annotationsOfCommentary(commentary, { url: commentary.url, text: measurePageText(fromHtml(html), page) }, context);
			// In slices: a commentary of 5 MB has some 150,000 annotations, whose text at once would be hundreds of MB.
			for (let from = 0; from < items.length; from += WRITE_SLICE) {
				const slice = items.slice(from, from + WRITE_SLICE);
				await file.write(`${written > 0 ? ',' : ''}${slice.map((item) => JSON.stringify(item)).join(',')}`);
				written += slice.length;
			}
		}
		if (written !== total) throw new Error(`/data/annotations.jsonld: ${written} annotations made, ${total} counted in the dataset`);
		await file.write(`${after}\n`);
	} catch (error) {
		await file.close();
		await rm(target, { force: true });
		throw error;
	}
	await file.close();
	return total;
}
