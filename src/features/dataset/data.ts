/**
 * What the dataset of this build is made from, read from the collections and
 * the corpus once and shared by the `/data/` endpoints and the Data page.
 * Only the inputs are kept (the corpus and related claims, which the other
 * pages keep anyway, and the registries): each endpoint makes the
 * commentaries' entries as it prints them (`dataset.ts`), so the whole
 * dataset as objects never outlives the file it is printed into.
 */
import { getCollection } from 'astro:content';
import { getActors } from '../../corpus/actors.ts';
import { getArticles } from '../../corpus/articles.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { getMatters, getRelated } from '../related/data.ts';
import { datasetJson, datasetView, type DatasetInputs, type DatasetView } from './dataset.ts';
import { routes } from '../../utils/routes.ts';

let inputs: Promise<DatasetInputs> | undefined;

/**
 * @param site
 *   The site's address (Astro's `site`).
 * @returns
 *   What the dataset is made from.
 */
function getDatasetInputs(site: URL | undefined): Promise<DatasetInputs> {
	if (!site) throw new Error('astro.config.mjs: site: the published dataset needs the site’s address');
	inputs ??= (async () => {
		const [corpus, articles, actors, events, notes, related, matters] = await Promise.all([
			getCorpus(),
			getArticles(),
			getActors(),
			getCollection('events'),
			getCollection('notes'),
			getRelated(),
			getMatters(),
		]);
		return {
			site,
			routes,
			corpus,
			articles,
			actors: [...actors].sort((a, b) => a.id.localeCompare(b.id)),
			events: events.map((event) => event.data).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
			notes: [...notes].sort((a, b) => a.id.localeCompare(b.id)),
			related,
			matters,
		};
	})();
	return inputs;
}

/**
 * The dataset, its commentaries made as they are read (for the CSV files and
 * the Data page's counts).
 *
 * @param site
 *   The site's address (Astro's `site`).
 * @returns
 *   The dataset's registries and its commentaries, lazily.
 */
export async function getDataset(site: URL | undefined): Promise<DatasetView> {
	return datasetView(await getDatasetInputs(site));
}

/**
 * `/data/corpus.json`, validated, as a stream of UTF-8 chunks (one
 * commentary each), so that neither the whole dataset nor its text as one
 * string is held while Astro collects the body.
 *
 * @param site
 *   The site's address (Astro's `site`).
 * @returns
 *   The file's body.
 */
export async function datasetJsonBody(site: URL | undefined): Promise<ReadableStream<Uint8Array>> {
	const chunks = datasetJson(await getDatasetInputs(site));
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			const next = chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(next.value);
		},
	});
}
