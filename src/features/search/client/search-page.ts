/**
 * The search page, over Pagefind's JS API (not its Default UI). Loaded only
 * on /search/: the Pagefind script and index are imported when it runs, so
 * no other page requests anything under /pagefind/.
 *
 * - The query and filters live in the address (`?q=Art.+4&actor=russia`,
 *   ../search-state.ts): typing replaces the history entry, choosing a filter
 *   or pressing Enter adds one, Back restores the previous search.
 * - A query is read first (../query.ts): an article or an actor it names
 *   becomes a filter on the annotations and that page is listed first; the
 *   remaining words go to the full-text index.
 * - Results (./results.ts): pages, then sentences grouped by commentary, each
 *   linking to the sentence with its hits marked. Only Pagefind's `<mark>` is
 *   kept from its excerpts; everything else is set as text.
 *
 * This module wires the parts together: the form (./form.ts), the index
 * (./pagefind-api.ts) and the results. What a search session keeps (the
 * index once loaded, which search is newest) lives in one `SearchSession`
 * object its listeners share. Runs under the strict CSP: no inline styles or
 * HTML from strings.
 */
import { FOCUS_FLAG } from '../../../layouts/client/search-focus.ts';
import { readQuery, spellingVariants, wordSpellings } from '../query.ts';
import { decodeSearchState, encodeSearchState, planSearch } from '../search-state.ts';
import { suggestQuery, vocabularyWords } from '../suggest.ts';
import { resultSummary } from '../summary.ts';
import type { ClaimFacets } from './claims.ts';
import { announce, fillFilters, findSearchElements, readForm, showError, showState, type SearchElements } from './form.ts';
import { joinPhraseSearch, loadSearchIndex, readShardCount, type SearchIndex } from './pagefind-api.ts';
import { element, pageHits, renderCommentaryGroups, renderPages } from './results.ts';

/** Commentaries whose sentences are shown at once, more on request: each costs a fragment fetch (about 5 KB). */
const PAGE_SIZE = 3;

/**
 * How long after a keystroke the search runs (ms): long enough to take a
 * burst of keys as one, short because a newer search discards an older one's
 * answer anyway.
 */
const INPUT_DEBOUNCE_MS = 10;

/** How long a typed search stands before the next one typed gets a history entry of its own (ms). */
const SETTLE_MS = 1000;

/** How a search changes the history: a new entry, the current one, or neither (Back, arrival). */
type HistoryMode = 'push' | 'replace' | 'none';

/** What one visit to the search page keeps between events. */
interface SearchSession {
	elements: SearchElements;
	/** The index, once loaded. */
	index: SearchIndex | undefined;
	/** Increases with every search, so a slow answer never overwrites a newer one. */
	generation: number;
	/** Whether the current history entry is a search still being typed (its next keystroke replaces it). */
	typing: boolean;
	/** The words the vocabulary knows, for suggestions (made when first needed). */
	words: Map<string, string> | undefined;
	/** Filling the filters' options, kept until the filters are open (thousands of options cost a keystroke's time). */
	fill: (() => void) | undefined;
}

/**
 * Fill the filters' options now if they are open, else when they are next opened.
 *
 * @param session
 *   The page's session.
 * @param fill
 *   What fills them.
 */
function fillWhenOpen(session: SearchSession, fill: () => void): void {
	session.fill = fill;
	if (!session.elements.narrow.open) return;
	session.fill = undefined;
	fill();
}

/**
 * Record a search in the history.
 *
 * @param address
 *   The search's address.
 * @param mode
 *   How.
 */
function recordInHistory(address: string, mode: HistoryMode): void {
	if (address === location.pathname + location.search) return;
	if (mode === 'push') history.pushState(null, '', address);
	if (mode === 'replace') history.replaceState(null, '', address);
}

/**
 * Offer a corrected query when nothing was found.
 *
 * @param session
 *   The page's session.
 * @param query
 *   The query as typed.
 * @returns
 *   The “Did you mean” paragraph, or `undefined` when no word looks misspelt.
 */
function suggestion(session: SearchSession, query: string): HTMLElement | undefined {
	const { index } = session;
	if (!index || !query.trim()) return undefined;
	session.words ??= vocabularyWords(index.vocabulary);
	const corrected = suggestQuery(query, session.words);
	if (!corrected) return undefined;
	const paragraph = element('p', 'search-suggestion', 'Did you mean ');
	const link = element('a', undefined, corrected);
	link.href = encodeSearchState({ q: corrected, filters: readForm(session.elements).filters });
	link.addEventListener('click', (event) => {
		event.preventDefault();
		session.elements.input.value = corrected;
		session.typing = false;
		void run(session, 'push');
	});
	paragraph.append(link, '?');
	return paragraph;
}

/**
 * Run the search the form describes and show it.
 *
 * @param session
 *   The page's session.
 * @param mode
 *   How the search changes the history.
 */
async function run(session: SearchSession, mode: HistoryMode): Promise<void> {
	const { elements, index } = session;
	const state = readForm(elements);
	const address = encodeSearchState(state);
	recordInHistory(address, mode);
	if (!index) return;
	const current = ++session.generation;
	const { vocabulary } = index;
	const read = readQuery(state.q, vocabulary);
	const { term, filters, searchPages, phrase } = planSearch(state, read);
	const { results } = elements;
	if (!term && Object.keys(filters).length === 0) {
		results.replaceChildren();
		fillWhenOpen(session, () => fillFilters(elements, index.totals, index.totals, state, vocabulary));
		announce(elements, '');
		results.dataset['searchShown'] = address;
		return;
	}
	const terms = term ? spellingVariants(term, vocabulary) : [];
	const [pages, named, byPhrase] = await Promise.all([
		term && searchPages ? index.searchPages(terms[0] ?? term) : Promise.resolve(null),
		index.searchCommentaries(terms, filters),
		phrase ? index.searchCommentaries(spellingVariants(phrase.term, vocabulary), phrase.filters) : Promise.resolve(null),
	]);
	if (current !== session.generation || !named) return;
	const commentaries = joinPhraseSearch(named, byPhrase);
	const facets: ClaimFacets = { articles: filters.article ?? [], actors: filters.actor ?? [] };
	const searched = term ? wordSpellings(term, vocabulary) : [];
	const phraseWords = phrase ? { words: wordSpellings(phrase.term, vocabulary), facets: { articles: phrase.filters.article ?? [], actors: phrase.filters.actor ?? [] } } : undefined;
	const found = commentaries.results;
	let fetched = Math.min(PAGE_SIZE, found.length);
	// The pages' and the first commentaries' fragments are fetched together.
	const [pageList, first] = await Promise.all([pageHits(term, read, vocabulary, pages), Promise.all(found.slice(0, fetched).map((result) => result.data()))]);
	if (current !== session.generation) return;

	const groupsBox = element('div', 'search-groups');
	let sentences = renderCommentaryGroups(first, searched, facets, groupsBox, phraseWords);
	/**
	 * Show the next commentaries, batch after batch until one adds a sentence
	 * (a commentary the index finds may hold none that carries every filter)
	 * or, with a limit, until that many batches were fetched.
	 */
	const showMore = async (limit = Number.POSITIVE_INFINITY): Promise<number> => {
		let added = 0;
		for (let batch = 0; added === 0 && fetched < found.length && batch < limit; batch++) {
			const next = await Promise.all(found.slice(fetched, fetched + PAGE_SIZE).map((result) => result.data()));
			if (current !== session.generation) return added;
			added += renderCommentaryGroups(next, searched, facets, groupsBox, phraseWords);
			fetched += next.length;
		}
		sentences += added;
		return added;
	};
	if (sentences === 0) await showMore(2);
	if (current !== session.generation) return;
	const summary = () =>
		resultSummary({ sentences, commentaries: groupsBox.querySelectorAll('.search-group').length, pages: pageList.length, unread: found.length - fetched });
	const children: HTMLElement[] = [];
	const pagesSection = renderPages(pageList);
	if (pagesSection) children.push(pagesSection);
	if (sentences > 0 || found.length > fetched) children.push(element('h2', 'visually-hidden', 'Sentences'), groupsBox);
	if (found.length > fetched) {
		const more = element('button', 'search-more', 'Show more commentaries');
		more.type = 'button';
		more.addEventListener('click', async () => {
			const firstNew = groupsBox.querySelectorAll('a.search-hit-link').length;
			await showMore();
			if (current !== session.generation) return;
			if (fetched >= found.length) more.remove();
			groupsBox.querySelectorAll<HTMLAnchorElement>('a.search-hit-link')[firstNew]?.focus();
			announce(elements, summary());
		});
		children.push(more);
	}
	let offered = '';
	if (sentences === 0 && pageList.length === 0) {
		const offer = suggestion(session, state.q);
		if (offer) children.push(offer);
		// Said in the status line too, so a screen reader hears it with “No results.”
		if (offer) offered = ` ${offer.textContent ?? ''}`;
	}
	results.replaceChildren(...children);
	fillWhenOpen(session, () => fillFilters(elements, index.totals, commentaries.filters, state, vocabulary));
	announce(elements, `${summary()}${offered}`);
	results.dataset['searchShown'] = address;
}

/**
 * Keyboard: Down from the field to the results, Up/Down through them, Escape back.
 *
 * @param session
 *   The page's session.
 */
function listenToKeys(session: SearchSession): void {
	const { input, results } = session.elements;
	const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a.search-hit-link')];
	input.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown') {
			const first = links()[0];
			if (first) {
				event.preventDefault();
				first.focus();
			}
		} else if (event.key === 'Escape' && input.value) {
			event.preventDefault();
			input.value = '';
			void run(session, 'push');
		}
	});
	results.addEventListener('keydown', (event) => {
		const all = links();
		const at = all.findIndex((link) => link === document.activeElement);
		if (at === -1) return;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			const next = event.key === 'ArrowDown' ? all[at + 1] : at === 0 ? input : all[at - 1];
			next?.focus();
		} else if (event.key === 'Escape') {
			event.preventDefault();
			input.focus();
		}
	});
}

/**
 * Searching as the reader types (replacing the history entry), on a filter's
 * change or Enter (adding one), and on Back (restoring the address's search).
 *
 * @param session
 *   The page's session.
 */
function listenToForm(session: SearchSession): void {
	const { elements } = session;
	let timer = 0;
	let settle = 0;
	let typed = elements.input.value;
	elements.input.addEventListener('input', () => {
		window.clearTimeout(timer);
		window.clearTimeout(settle);
		const value = elements.input.value;
		// A new search (not the one being typed, extended or shortened) gets a history entry of its own;
		// the keystrokes of one search replace it, so Back returns to the previous search.
		const related = value.startsWith(typed) || typed.startsWith(value);
		if (!session.typing || !related || typed.trim() === '') recordInHistory(encodeSearchState(readForm(elements)), 'push');
		session.typing = value.trim() !== '';
		typed = value;
		timer = window.setTimeout(() => void run(session, 'replace'), INPUT_DEBOUNCE_MS);
		settle = window.setTimeout(() => {
			session.typing = false;
		}, SETTLE_MS);
	});
	const commit = () => {
		window.clearTimeout(settle);
		session.typing = false;
	};
	for (const { select } of elements.selects) {
		select.addEventListener('change', () => {
			commit();
			void run(session, 'push');
		});
	}
	elements.form.addEventListener('submit', (event) => {
		event.preventDefault();
		window.clearTimeout(timer);
		commit();
		void run(session, 'push');
	});
	window.addEventListener('popstate', () => {
		commit();
		typed = decodeSearchState(location.search).q;
		showState(elements, decodeSearchState(location.search));
		void run(session, 'none');
	});
	listenToKeys(session);
}

/**
 * The filters load when first opened (they are not needed before), then the
 * current search is counted by each of them.
 *
 * @param session
 *   The page's session.
 * @param index
 *   The loaded index.
 */
function listenToFilters(session: SearchSession, index: SearchIndex): void {
	const { elements } = session;
	elements.narrow.addEventListener('toggle', () => {
		if (!elements.narrow.open) return;
		const fill = session.fill;
		session.fill = undefined;
		fill?.();
		if (index.totalsRequested) return;
		index
			.loadTotals()
			.then(() => run(session, 'none'))
			.catch(() => showError(elements, 'The filters could not be loaded. Check your connection and reload the page.'));
	});
}

/** Show the form, listen to it, load the index and run the address's search. */
async function start(): Promise<void> {
	const elements = findSearchElements();
	if (!elements) return;
	const session: SearchSession = { elements, index: undefined, generation: 0, typing: false, words: undefined, fill: undefined };
	elements.noScript?.setAttribute('hidden', '');
	elements.form.hidden = false;
	showState(elements, decodeSearchState(location.search));
	// Focus the field when the reader asked for search (shortcut or header link); a plain visit keeps the skip link first.
	if (sessionStorage.getItem(FOCUS_FLAG) !== null) {
		sessionStorage.removeItem(FOCUS_FLAG);
		elements.input.focus();
		// After the words typed in the shortcut's dialog, ready for more.
		elements.input.setSelectionRange(elements.input.value.length, elements.input.value.length);
	}
	listenToForm(session);

	let index: SearchIndex;
	try {
		index = await loadSearchIndex(readShardCount(elements.form));
		session.index = index;
		if (Object.keys(decodeSearchState(location.search).filters).length > 0) await index.loadTotals();
	} catch {
		showError(
			elements,
			'The search index could not be loaded. Check your connection and reload the page; meanwhile every passage is listed on the pages of the treaty’s articles and of the actors.',
		);
		elements.form.setAttribute('aria-busy', 'false');
		return;
	}
	fillFilters(elements, index.totals, index.totals, readForm(elements), index.vocabulary);
	showState(elements, decodeSearchState(location.search));
	listenToFilters(session, index);
	if (elements.narrow.open) await index.loadTotals();
	document.documentElement.dataset['searchReady'] = 'true';
	await run(session, 'none');
}

void start();
