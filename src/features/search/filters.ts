/**
 * The search filters as readers see them, and how a filter value is labelled.
 * The filter names are those of the claim records (./records.ts).
 */
import { SEARCH_FILTERS, type SearchFilter, type SearchVocabulary } from './records.ts';

/** Filter name → label, in the order the form shows them. */
export const SEARCH_FILTER_LABELS: Readonly<Record<SearchFilter, string>> = {
	article: 'Treaty article',
	actor: 'Actor',
	commentary: 'Commentary',
	author: 'Author',
	outlet: 'Outlet',
	kind: 'Kind',
	year: 'Year',
};

/** The filters in the order the form shows them (and the address lists them). */
export const FORM_FILTERS: readonly SearchFilter[] = ['article', 'actor', 'commentary', 'author', 'outlet', 'kind', 'year'];

/**
 * Whether a string names a search filter: how the search page reads a
 * select's `data-search-filter` and the address's parameters.
 *
 * @param value
 *   Any string (or nothing, for a missing attribute).
 */
export function isSearchFilter(value: string | undefined): value is SearchFilter {
	return SEARCH_FILTERS.some((filter) => filter === value);
}

/**
 * Label a filter value: an article number as `Article 4`, an actor id by the
 * actor's name, a commentary slug by its title; other values are shown as
 * they are.
 *
 * @param filter
 *   The filter name.
 * @param value
 *   Its value as indexed.
 * @param vocabulary
 *   Names of actors and titles of commentaries.
 * @returns
 *   What the reader sees.
 */
export function filterValueLabel(filter: string, value: string, vocabulary: SearchVocabulary): string {
	if (filter === 'article') return `Article ${value}`;
	if (filter === 'actor') return vocabulary.actors.find((actor) => actor.id === value)?.name ?? value;
	if (filter === 'commentary') return vocabulary.commentaries.find((item) => item.slug === value)?.title ?? value;
	if (filter === 'kind') return value.charAt(0).toUpperCase() + value.slice(1);
	return value;
}

/**
 * Order filter values for a select: articles and years by number, the rest
 * by label.
 */
export function compareFilterValues(filter: string, a: { value: string; label: string }, b: { value: string; label: string }): number {
	if (filter === 'article' || filter === 'year') return Number(a.value) - Number(b.value);
	return a.label.localeCompare(b.label, 'en');
}
