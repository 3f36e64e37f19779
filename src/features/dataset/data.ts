/**
 * The dataset of this build, read from the collections and the corpus once
 * and shared by the `/data/` endpoints and the Data page.
 */
import { getCollection } from 'astro:content';
import type { Dataset } from '../../schemas/dataset.ts';
import { getActors } from '../../corpus/actors.ts';
import { getArticles } from '../../corpus/articles.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { getMatters, getRelated } from '../related/data.ts';
import { buildDataset } from './dataset.ts';
import { routes } from '../../utils/routes.ts';

let dataset: Promise<Dataset> | undefined;

/**
 * @param site
 *   The site's address (Astro's `site`).
 * @returns
 *   The validated dataset.
 */
export function getDataset(site: URL | undefined): Promise<Dataset> {
	if (!site) throw new Error('astro.config.mjs: site: the published dataset needs the site’s address');
	dataset ??= (async () => {
		const [corpus, articles, actors, events, notes, related, matters] = await Promise.all([
			getCorpus(),
			getArticles(),
			getActors(),
			getCollection('events'),
			getCollection('notes'),
			getRelated(),
			getMatters(),
		]);
		return buildDataset({
			site,
			routes,
			corpus,
			articles,
			actors: [...actors].sort((a, b) => a.id.localeCompare(b.id)),
			events: events.map((event) => event.data).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
			notes: [...notes].sort((a, b) => a.id.localeCompare(b.id)),
			related,
			matters,
		});
	})();
	return dataset;
}
