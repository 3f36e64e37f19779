/**
 * The search index in the browser: Pagefind's JS API (its script and index
 * are fetched from the site when the search page loads them) and the search
 * vocabulary, with the filters' totals loaded only on demand.
 */
import { routes } from '../../../utils/routes.ts';
import type { SearchVocabulary } from '../records.ts';
import type { ChosenFilters } from '../search-state.ts';
import { decodeSearchVocabulary } from '../vocabulary-file.ts';

/** A result's data, as Pagefind gives it (the parts used here). */
export interface PagefindResultData {
	url: string;
	content: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

/** A result, whose data is fetched on demand (one fragment per result). */
export interface PagefindResult {
	id: string;
	data(): Promise<PagefindResultData>;
}

/** Filter name → value → how many results have it. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A search's results and the counts of each filter's values among them. */
export interface PagefindSearch {
	results: PagefindResult[];
	filters: FilterCounts;
}

/** Pagefind's filter argument: values to have, and under `not` values to lack. */
type PagefindFilters = ChosenFilters & { not?: ChosenFilters & { type?: string[] }; type?: string[] };

/** The parts of Pagefind's JS API used here. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch | null>;
}

/**
 * Whether a loaded module offers the API used here (Pagefind's script is
 * fetched at run time, so its shape is checked rather than assumed).
 *
 * @param module
 *   The imported module.
 */
function isPagefind(module: unknown): module is Pagefind {
	if (typeof module !== 'object' || module === null) return false;
	return ['options', 'init', 'filters', 'search'].every((name) => name in module && typeof Reflect.get(module, name) === 'function');
}

/** The page filter of Pagefind's records (src/features/search/pagefind.ts marks pages with it). */
const PAGE_TYPE = ['page'];

/**
 * The loaded index and vocabulary. Every filter value with its count over all
 * sentences (`totals`) is loaded only on request: loading it fetches every
 * filter chunk of the index, which grows with the corpus.
 */
export class SearchIndex {
	/** Counts over every sentence; empty until `loadTotals` has finished. */
	totals: FilterCounts = {};
	/** Articles, actors and commentaries, to read queries and label results. */
	readonly vocabulary: SearchVocabulary;
	readonly #pagefind: Pagefind;
	#totals: Promise<void> | undefined;

	/**
	 * @param pagefind
	 *   Pagefind's API, initialised.
	 * @param vocabulary
	 *   Articles, actors and commentaries.
	 */
	constructor(pagefind: Pagefind, vocabulary: SearchVocabulary) {
		this.#pagefind = pagefind;
		this.vocabulary = vocabulary;
	}

	/** Whether the totals were asked for (loaded or loading). */
	get totalsRequested(): boolean {
		return this.#totals !== undefined;
	}

	/** Load the totals once; later calls wait for the same load. */
	loadTotals(): Promise<void> {
		this.#totals ??= this.#pagefind.filters().then((counts) => {
			this.totals = counts;
		});
		return this.#totals;
	}

	/**
	 * Pages (articles, actors, timeline) matching words.
	 *
	 * @param term
	 *   The words.
	 */
	searchPages(term: string): Promise<PagefindSearch | null> {
		return this.#pagefind.search(term, { filters: { type: PAGE_TYPE } });
	}

	/**
	 * Sentences matching words and filters. Without words, Pagefind lists them
	 * in the order they were indexed: reading order (no sort index, which would
	 * add a number per sentence to the metadata every first search loads).
	 *
	 * @param term
	 *   The words, or `null` to list by filters alone.
	 * @param filters
	 *   Values the sentences must have.
	 */
	searchSentences(term: string | null, filters: ChosenFilters): Promise<PagefindSearch | null> {
		return this.#pagefind.search(term, { filters: { ...filters, not: { type: PAGE_TYPE } } });
	}
}

/**
 * Load Pagefind and the vocabulary, and initialise the index.
 *
 * @returns
 *   The index, ready to search.
 * @throws
 *   When either cannot be loaded or is not what this page expects.
 */
export async function loadSearchIndex(): Promise<SearchIndex> {
	const [module, vocabulary] = await Promise.all([
		import(/* @vite-ignore */ routes.searchIndex()),
		fetch(routes.searchVocabulary()).then(async (response) => {
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return decodeSearchVocabulary(await response.text());
		}),
	]);
	if (!isPagefind(module)) throw new Error('Pagefind: the loaded script lacks its search API');
	await module.options({ baseUrl: routes.base, excerptLength: 60 });
	await module.init();
	return new SearchIndex(module, vocabulary);
}
