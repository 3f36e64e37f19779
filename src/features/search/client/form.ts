/**
 * The search page's form and result areas: found once, then read into a
 * search (`SearchState`) or set from one, and the filters' options filled
 * with labels and counts.
 */
import { findElement, findElements, requireElement } from '../../../layouts/client/dom.ts';
import { compareFilterValues, filterValueLabel, isSearchFilter } from '../filters.ts';
import type { SearchFilter, SearchVocabulary } from '../records.ts';
import type { SearchState } from '../search-state.ts';
import type { FilterCounts } from './pagefind-api.ts';

/** A filter's select, with the filter it sets (its `data-search-filter`). */
export interface FilterSelect {
	filter: SearchFilter;
	select: HTMLSelectElement;
}

/** The elements the search page script works with. */
export interface SearchElements {
	form: HTMLFormElement;
	input: HTMLInputElement;
	/** Shown when the script does not run. */
	noScript: HTMLElement | undefined;
	/** The filters' disclosure. */
	narrow: HTMLDetailsElement;
	selects: FilterSelect[];
	status: HTMLElement;
	error: HTMLElement;
	results: HTMLElement;
}

/**
 * The filter a select sets.
 *
 * @param select
 *   A select with `data-search-filter`.
 * @throws
 *   When the attribute names no filter.
 */
function filterOf(select: HTMLSelectElement): SearchFilter {
	const value = select.dataset['searchFilter'];
	if (!isSearchFilter(value)) throw new Error(`Search: ${value ?? 'a select'} is not a search filter`);
	return value;
}

/**
 * Find the search page's elements.
 *
 * @param root
 *   The document.
 * @returns
 *   The elements, or `undefined` on a page without the search form.
 * @throws
 *   When the form is there but a part of the page the script needs is not.
 */
export function findSearchElements(root: ParentNode = document): SearchElements | undefined {
	const form = findElement('[data-search-form]', HTMLFormElement, root);
	if (!form) return undefined;
	return {
		form,
		input: requireElement('[data-search-input]', HTMLInputElement, form),
		noScript: findElement('[data-search-nojs]', HTMLElement, root),
		narrow: requireElement('[data-search-narrow]', HTMLDetailsElement, form),
		selects: findElements('select[data-search-filter]', HTMLSelectElement, form).map((select) => ({ filter: filterOf(select), select })),
		status: requireElement('[data-search-status]', HTMLElement, root),
		error: requireElement('[data-search-error]', HTMLElement, root),
		results: requireElement('[data-search-results]', HTMLElement, root),
	};
}

/**
 * The search the form describes.
 *
 * @param elements
 *   The page's elements.
 */
export function readForm({ input, selects }: SearchElements): SearchState {
	const filters: SearchState['filters'] = {};
	for (const { filter, select } of selects) {
		if (select.value) filters[filter] = select.value;
	}
	return { q: input.value, filters };
}

/**
 * Put a search into the form (after Back, or on arrival); chosen filters are
 * shown open. A value the select does not offer yet is added, so the address
 * always shows as chosen.
 *
 * @param elements
 *   The page's elements.
 * @param state
 *   The search.
 */
export function showState({ input, narrow, selects }: SearchElements, state: SearchState): void {
	input.value = state.q;
	if (Object.keys(state.filters).length > 0) narrow.open = true;
	for (const { filter, select } of selects) {
		const value = state.filters[filter] ?? '';
		if (value && ![...select.options].some((option) => option.value === value)) {
			select.append(new Option(value, value));
		}
		select.value = value;
	}
}

/**
 * Fill each filter's options with labels and counts (of commentaries: the
 * index's records), leaving out the values the current search does not have.
 *
 * @param elements
 *   The page's elements.
 * @param values
 *   The values each filter offers (every value over all sentences, once loaded).
 * @param counts
 *   How many results have each value (for the current search).
 * @param state
 *   The current search, whose chosen values stay chosen.
 * @param vocabulary
 *   Names and titles to label values.
 */
export function fillFilters(
	{ selects }: SearchElements,
	values: FilterCounts,
	counts: FilterCounts,
	state: SearchState,
	vocabulary: SearchVocabulary,
): void {
	for (const { filter, select } of selects) {
		const chosen = state.filters[filter] ?? '';
		const count = (value: string) => counts[filter]?.[value] ?? 0;
		// A value no commentary of this search has would find nothing: it is not offered (unless chosen).
		const offered = new Set([...Object.keys(values[filter] ?? {}), ...Object.keys(counts[filter] ?? {}), ...(chosen ? [chosen] : [])]);
		const options = [...offered]
			.filter((value) => value === chosen || count(value) > 0)
			.map((value) => ({ value, label: filterValueLabel(filter, value, vocabulary) }))
			.sort((a, b) => compareFilterValues(filter, a, b));
		select.replaceChildren(
			new Option('Any', ''),
			...options.map(({ value, label }) => new Option(`${label} (${count(value)})`, value)),
		);
		select.value = chosen;
	}
}

/**
 * Say something in the status line.
 *
 * @param elements
 *   The page's elements.
 * @param message
 *   What to say (empty to clear).
 */
export function announce({ status }: SearchElements, message: string): void {
	status.textContent = message;
}

/**
 * Show an error.
 *
 * @param elements
 *   The page's elements.
 * @param message
 *   What went wrong and what the reader can do.
 */
export function showError({ error }: SearchElements, message: string): void {
	error.textContent = message;
	error.hidden = false;
}
