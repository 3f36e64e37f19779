/**
 * The search an address describes (`/search/?q=Art.+4&actor=russia`): the
 * words typed and one value per filter. The search page writes it into the
 * address as the reader searches and reads it back on arrival and after
 * Back; without JavaScript the form's GET submission writes the same
 * parameters (its fields are named `q` and by filter). Pure.
 */
import { routes } from '../../utils/routes.ts';
import { FORM_FILTERS } from './filters.ts';
import type { ReadQuery } from './query.ts';
import type { SearchFilter } from './records.ts';

/** The query parameter of the words typed. */
export const QUERY_PARAMETER = 'q';

/** A search as the address carries it. */
export interface SearchState {
	/** The words as typed. */
	q: string;
	/** The chosen value of each filter set. */
	filters: Partial<Record<SearchFilter, string>>;
}

/**
 * Read a search from a query string.
 *
 * @param search
 *   `location.search` (with or without its `?`).
 * @returns
 *   The words (empty when absent) and each filter given a value.
 */
export function decodeSearchState(search: string): SearchState {
	const params = new URLSearchParams(search);
	const filters: SearchState['filters'] = {};
	for (const name of FORM_FILTERS) {
		const value = params.get(name);
		if (value) filters[name] = value;
	}
	return { q: params.get(QUERY_PARAMETER) ?? '', filters };
}

/**
 * The address of a search: the words trimmed (left out when blank), then the
 * filters in the form's order.
 *
 * @param state
 *   The search.
 * @returns
 *   The search page's address with its query string.
 */
export function encodeSearchState(state: SearchState): string {
	const query: Record<string, string> = {};
	if (state.q.trim()) query[QUERY_PARAMETER] = state.q.trim();
	for (const name of FORM_FILTERS) {
		const value = state.filters[name];
		if (value) query[name] = value;
	}
	return routes.search(query);
}

/** Pagefind filters: each filter name with the values a result must have. */
export type ChosenFilters = Partial<Record<SearchFilter, string[]>>;

/** What the search page asks the index for. */
export interface SearchPlan {
	/** Words for the full-text index, or `null` to list by filters alone. */
	term: string | null;
	/** The filters a sentence must match: those chosen, and the articles and actors the query names. */
	filters: ChosenFilters;
	/** Whether to look for pages too: only for plain words, with nothing chosen or recognised. */
	searchPages: boolean;
	/**
	 * When the query names an article by its subject: the subject's words
	 * (with the other words) to search as text too, under the other filters,
	 * so sentences using those words are found beside the article's.
	 */
	phrase?: { term: string; filters: ChosenFilters } | undefined;
}

/**
 * Plan a search: the articles and actors the query names join the chosen
 * filters; the remaining words (or, when nothing filters, the whole query)
 * go to the full-text index.
 *
 * @param state
 *   The search as the form or the address gives it.
 * @param read
 *   The query as read against the vocabulary (`readQuery`).
 * @returns
 *   The plan; a `null` term with no filters means there is nothing to search.
 */
export function planSearch(state: SearchState, read: ReadQuery): SearchPlan {
	const filters: ChosenFilters = {};
	for (const name of FORM_FILTERS) {
		const value = state.filters[name];
		if (value) filters[name] = [value];
	}
	if (read.articles.length > 0) filters.article = [...new Set([...(filters.article ?? []), ...read.articles.map(String)])];
	if (read.actors.length > 0) filters.actor = [...new Set([...(filters.actor ?? []), ...read.actors])];
	const filtered = Object.keys(filters).length > 0;
	const term = read.text.trim() || (filtered ? null : state.q.trim() || null);
	const recognised = read.articles.length > 0 || read.actors.length > 0;
	const plan: SearchPlan = { term, filters, searchPages: term !== null && Object.keys(state.filters).length === 0 && !recognised };
	if (read.subject?.words) {
		const bySubject = new Set(read.subject.articles.map(String));
		const articles = (filters.article ?? []).filter((ref) => !bySubject.has(ref));
		const { article: _named, ...others } = filters;
		plan.phrase = { term: [read.subject.words, read.text].filter(Boolean).join(' '), filters: articles.length > 0 ? { ...others, article: articles } : others };
	}
	return plan;
}
