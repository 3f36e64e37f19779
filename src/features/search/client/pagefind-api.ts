/**
 * The search index in the browser: Pagefind's JS API (its script and index
 * are fetched from the site when the search page loads them) and the search
 * vocabulary, with the filters' totals loaded only on demand.
 */
import { routes } from '../../../utils/routes.ts';
import type { SearchVocabulary } from '../records.ts';
import type { ChosenFilters } from '../search-state.ts';
import { decodeSearchCommentaries, decodeSearchVocabulary } from '../vocabulary-file.ts';

/** An element of a result with an id (a claim), where its words start. */
export interface PagefindAnchor {
	id: string;
	text?: string | undefined;
	title?: string | undefined;
	/** Word position in the result's content. */
	location: number;
}

/** A part of a result the words were found in: one claim, by its anchor. */
export interface PagefindSubResult {
	url: string;
	excerpt: string;
	anchor?: PagefindAnchor | undefined;
	/** Word positions of the hits in the result's content. */
	locations: number[];
}

/** A result's data, as Pagefind gives it (the parts used here). */
export interface PagefindResultData {
	url: string;
	content: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	anchors?: PagefindAnchor[] | undefined;
	sub_results?: PagefindSubResult[] | undefined;
	/** The sub-results of a subject's words searched as text beside the article (see `joinPhraseSearch`). */
	phrase_results?: PagefindSubResult[] | undefined;
	/** Set when only the subject's words found the commentary (the article's search did not). */
	named_absent?: boolean | undefined;
}

/** A result, whose data is fetched on demand (one fragment per result). */
export interface PagefindResult {
	id: string;
	score: number;
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
	mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
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
	return ['options', 'init', 'mergeIndex', 'filters', 'search'].every((name) => name in module && typeof Reflect.get(module, name) === 'function');
}

/** The page filter of Pagefind's records (src/features/search/pagefind.ts marks pages with it). */
const PAGE_TYPE = ['page'];

/**
 * The loaded index and vocabulary. Every filter value with its count over all
 * commentaries (`totals`), and the commentaries' labels, are loaded only on request: loading it fetches every
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
		this.#totals ??= Promise.all([this.#pagefind.filters(), fetchText(routes.searchCommentaries())]).then(([counts, labels]) => {
			this.vocabulary.commentaries = decodeSearchCommentaries(labels);
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
	 * Commentaries matching words and filters, each with the claims the words
	 * were found in as sub-results. Without words, Pagefind lists them in the
	 * order they were indexed: reading order. Several spellings of the words
	 * (`defence`, `defense`) are searched side by side and their results
	 * merged, best first.
	 *
	 * @param terms
	 *   The words in each spelling, or `[]` to list by filters alone.
	 * @param filters
	 *   Values the commentaries must have.
	 */
	async searchCommentaries(terms: readonly string[], filters: ChosenFilters): Promise<PagefindSearch | null> {
		const options = { filters: { ...filters, not: { type: PAGE_TYPE } } };
		if (terms.length <= 1) return this.#pagefind.search(terms[0] ?? null, options);
		const searches = await Promise.all(terms.map((term) => this.#pagefind.search(term, options)));
		const found = searches.filter((search): search is PagefindSearch => search !== null);
		const [first] = found;
		if (!first) return null;
		return { results: mergeResults(found.map((search) => search.results)), filters: first.filters };
	}
}

/**
 * A search for an article named by subject, joined with the search for the
 * subject's words as text: every commentary either finds, those of the first
 * first (in its order), each with the words' sub-results as
 * `phrase_results`.
 *
 * @param named
 *   The search by the article (and any other words).
 * @param phrase
 *   The search for the subject's words.
 */
export function joinPhraseSearch(named: PagefindSearch, phrase: PagefindSearch | null): PagefindSearch {
	if (!phrase) return named;
	const phraseById = new Map(phrase.results.map((result) => [result.id, result]));
	const namedIds = new Set(named.results.map((result) => result.id));
	const join = (result: PagefindResult, other: PagefindResult | undefined, isNamed: boolean): PagefindResult => ({
		id: result.id,
		score: result.score,
		data: async () => {
			const [data, extra] = await Promise.all([result.data(), other?.data()]);
			if (!isNamed) return { ...data, sub_results: undefined, phrase_results: data.sub_results ?? [], named_absent: true };
			return { ...data, phrase_results: extra?.sub_results ?? [] };
		},
	});
	return {
		results: [
			...named.results.map((result) => join(result, phraseById.get(result.id), true)),
			...phrase.results.filter((result) => !namedIds.has(result.id)).map((result) => join(result, undefined, false)),
		],
		filters: named.filters,
	};
}

/**
 * The results of several searches as one list: each commentary once, its
 * claims from every search, ordered by the best score any search gave it.
 *
 * @param lists
 *   Each search's results.
 */
function mergeResults(lists: readonly PagefindResult[][]): PagefindResult[] {
	const byId = new Map<string, { result: PagefindResult; all: PagefindResult[]; score: number }>();
	for (const list of lists) {
		for (const result of list) {
			const seen = byId.get(result.id);
			if (seen) {
				seen.all.push(result);
				seen.score = Math.max(seen.score, result.score);
			} else byId.set(result.id, { result, all: [result], score: result.score });
		}
	}
	return [...byId.values()]
		.sort((a, b) => b.score - a.score)
		.map(({ result, all, score }) => ({
			id: result.id,
			score,
			data: async () => {
				const datas = await Promise.all(all.map((item) => item.data()));
				const [head] = datas;
				if (!head) return result.data();
				const subs = new Map<string, PagefindSubResult>();
				for (const data of datas) {
					for (const sub of data.sub_results ?? []) {
						const key = sub.anchor?.id ?? sub.url;
						const had = subs.get(key);
						subs.set(key, had ? { ...had, locations: [...new Set([...had.locations, ...sub.locations])] } : sub);
					}
				}
				return { ...head, sub_results: [...subs.values()] };
			},
		}));
}

/**
 * Fetch a file of the site as text.
 *
 * @param url
 *   Its address.
 * @throws
 *   When the server answers with an error.
 */
async function fetchText(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
	return response.text();
}

/**
 * How many shards the search index has, as the search page states it
 * (`data-search-shards`; src/features/search/shards.ts).
 *
 * @param form
 *   The search form.
 * @returns
 *   The count (1 when the page does not say).
 * @throws
 *   When the page states something other than a positive whole number.
 */
export function readShardCount(form: HTMLElement): number {
	const value = form.dataset['searchShards'];
	if (value === undefined) return 1;
	if (!/^[1-9]\d*$/.test(value)) throw new Error(`Search: data-search-shards is “${value}”, not a number of shards`);
	return Number(value);
}

/**
 * Load Pagefind and the vocabulary, initialise the main index and merge the
 * other shards into it (each loads its own metadata; a search runs on all
 * and Pagefind joins the results by score and adds up the filters' counts).
 *
 * @param shards
 *   How many shards the index has (the first is the main index).
 * @returns
 *   The index, ready to search.
 * @throws
 *   When either cannot be loaded or is not what this page expects.
 */
export async function loadSearchIndex(shards = 1): Promise<SearchIndex> {
	const [module, vocabulary] = await Promise.all([
		import(/* @vite-ignore */ routes.searchIndex()),
		fetchText(routes.searchVocabulary()).then(decodeSearchVocabulary),
	]);
	if (!isPagefind(module)) throw new Error('Pagefind: the loaded script lacks its search API');
	const options = { baseUrl: routes.base, excerptLength: 30 };
	await module.options(options);
	await module.init();
	// In order: results of equal score (every result of a search without words) keep the shards' reading order.
	for (let shard = 1; shard < shards; shard++) await module.mergeIndex(routes.searchIndexShard(shard), options);
	return new SearchIndex(module, vocabulary);
}
