/**
 * The search page, over Pagefind's JS API (not its Default UI). Loaded only
 * on /search/: the Pagefind script and index are imported when it runs, so
 * no other page requests anything under /pagefind/.
 *
 * - The query and filters live in the address (`?q=Art.+4&actor=russia`):
 *   typing replaces the history entry, choosing a filter or pressing Enter
 *   adds one, Back restores the previous search.
 * - A query is read first (src/features/search/query.ts): an article or an actor
 *   it names becomes a filter on the annotations and that page is listed
 *   first; the remaining words go to the full-text index.
 * - Results: pages, then sentences grouped by commentary, each linking to the
 *   sentence with its hits marked. Only Pagefind's `<mark>` is kept from its
 *   excerpts; everything else is set as text.
 *
 * Runs under the strict CSP: no inline styles or HTML from strings.
 */
import { routes } from '../../../utils/routes.ts';
import { readQuery, type ReadQuery } from '../query.ts';
import { compareFilterValues, filterValueLabel, SEARCH_FILTER_LABELS } from '../filters.ts';
import type { SearchFilter, SearchVocabulary } from '../records.ts';
import { FOCUS_FLAG } from '../../../layouts/client/search-focus.ts';

/** The parts of Pagefind's JS API used here. */
interface PagefindResultData {
	url: string;
	content: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}
interface PagefindResult {
	id: string;
	data(): Promise<PagefindResultData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
	results: PagefindResult[];
	filters: FilterCounts;
}
type PagefindFilters = Record<string, string[] | Record<string, string[]>>;
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
}

/** Sentences shown at once, more on request: each costs a fragment fetch (about 0.7 KB). */
const PAGE_SIZE = 10;
/** Pages (articles, actors, timeline) shown before the sentences. */
const MAX_PAGES = 3;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const errorBox = document.querySelector<HTMLElement>('[data-search-error]');
const resultsBox = document.querySelector<HTMLElement>('[data-search-results]');
const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-search-filter]')];
const filterNames = Object.keys(SEARCH_FILTER_LABELS) as SearchFilter[];

let pagefind: Pagefind | undefined;
let vocabulary: SearchVocabulary | undefined;
/**
 * Every filter value with its count over all sentences: loading it fetches
 * every filter chunk of the index, which grows with the corpus, so it is
 * loaded only when the reader opens the filters (or the address names one).
 */
let totals: FilterCounts = {};
let totalsLoaded: Promise<void> | undefined;
/** Increases with every search, so a slow answer never overwrites a newer one. */
let generation = 0;

/** The search the address describes. */
interface SearchState {
	q: string;
	filters: Partial<Record<SearchFilter, string>>;
}

function stateFromAddress(): SearchState {
	const params = new URLSearchParams(location.search);
	const filters: SearchState['filters'] = {};
	for (const name of filterNames) {
		const value = params.get(name);
		if (value) filters[name] = value;
	}
	return { q: params.get('q') ?? '', filters };
}

function stateFromForm(): SearchState {
	const filters: SearchState['filters'] = {};
	for (const select of selects) {
		if (select.value) filters[select.dataset['searchFilter'] as SearchFilter] = select.value;
	}
	return { q: input?.value ?? '', filters };
}

function addressOf(state: SearchState): string {
	const query: Record<string, string> = {};
	if (state.q.trim()) query['q'] = state.q.trim();
	for (const name of filterNames) {
		const value = state.filters[name];
		if (value) query[name] = value;
	}
	return routes.search(query);
}

/** Put a state into the form (after Back, or on arrival); chosen filters are shown open. */
function showState(state: SearchState): void {
	if (input) input.value = state.q;
	const narrow = document.querySelector<HTMLDetailsElement>('[data-search-narrow]');
	if (narrow && Object.keys(state.filters).length > 0) narrow.open = true;
	for (const select of selects) {
		const value = state.filters[select.dataset['searchFilter'] as SearchFilter] ?? '';
		if (value && ![...select.options].some((option) => option.value === value)) {
			select.append(new Option(value, value));
		}
		select.value = value;
	}
}

/** Load the filters' values and counts once; every later search then counts by every filter. */
function loadTotals(): Promise<void> {
	if (!pagefind) return Promise.resolve();
	const index = pagefind;
	totalsLoaded ??= index.filters().then((counts) => {
		totals = counts;
	});
	return totalsLoaded;
}

function announce(message: string): void {
	if (status) status.textContent = message;
}

function showError(message: string): void {
	if (!errorBox) return;
	errorBox.textContent = message;
	errorBox.hidden = false;
}

/** Fill each filter's options with labels and counts. */
function fillFilters(counts: FilterCounts, state: SearchState): void {
	if (!vocabulary) return;
	for (const select of selects) {
		const name = select.dataset['searchFilter'] as SearchFilter;
		const chosen = state.filters[name] ?? '';
		const values = new Set([...Object.keys(totals[name] ?? {}), ...(chosen ? [chosen] : [])]);
		const options = [...values]
			.map((value) => ({ value, label: filterValueLabel(name, value, vocabulary!) }))
			.sort((a, b) => compareFilterValues(name, a, b));
		const any = new Option('Any', '');
		select.replaceChildren(
			any,
			...options.map(({ value, label }) => new Option(`${label} (${counts[name]?.[value] ?? 0})`, value)),
		);
		select.value = chosen;
	}
}

/**
 * Text and `<mark>` from a Pagefind excerpt, nothing else: it is parsed
 * inertly (DOMParser runs no script and loads nothing) and rebuilt from its
 * text.
 */
function safeExcerpt(html: string): DocumentFragment {
	const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
	const fragment = document.createDocumentFragment();
	const walk = (node: Node, into: Node) => {
		for (const child of node.childNodes) {
			if (child.nodeType === Node.TEXT_NODE) into.appendChild(document.createTextNode(child.textContent ?? ''));
			else if (child.nodeName === 'MARK') {
				const mark = document.createElement('mark');
				mark.textContent = child.textContent ?? '';
				into.appendChild(mark);
			} else walk(child, into);
		}
	};
	walk(parsed.body, fragment);
	return fragment;
}

/**
 * The sentence with its mentions of the searched article or actor marked
 * (`hits` gives their offsets in the text).
 */
function markedMentions(text: string, hits: string, read: ReadQuery): DocumentFragment {
	const wanted = new Set([...read.articles.map((n) => `article:${n}`), ...read.actors.map((id) => `actor:${id}`)]);
	const ranges = hits
		.split('|')
		.filter(Boolean)
		.map((hit) => {
			const [ref = '', start = '0', end = '0'] = hit.split(' ');
			return { ref, start: Number(start), end: Number(end) };
		})
		.filter((range) => wanted.has(range.ref))
		.sort((a, b) => a.start - b.start);
	const fragment = document.createDocumentFragment();
	let at = 0;
	for (const { start, end } of ranges) {
		if (start < at) continue;
		fragment.append(text.slice(at, start));
		const mark = document.createElement('mark');
		mark.textContent = text.slice(start, end);
		fragment.append(mark);
		at = end;
	}
	fragment.append(text.slice(at));
	return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A page result (an article, an actor, the timeline). */
interface PageHit {
	href: string;
	title: string;
	description?: DocumentFragment | string;
}

function pinnedPages(read: ReadQuery): PageHit[] {
	if (!vocabulary) return [];
	const articles = read.articles.map((number) => {
		const title = vocabulary!.articles.find((article) => article.number === number)?.title;
		return { href: routes.article(number), title: `Article ${number}${title ? `: ${title}` : ''}`, description: 'Treaty article' };
	});
	const actors = read.actors.map((id) => {
		const actor = vocabulary!.actors.find((item) => item.id === id);
		return { href: routes.actor(id), title: actor?.name ?? id, description: 'Actor' };
	});
	return [...articles, ...actors];
}

async function pageHits(term: string | null, read: ReadQuery, search: PagefindSearch | null): Promise<PageHit[]> {
	const pinned = pinnedPages(read);
	if (!term || !search) return pinned;
	const seen = new Set(pinned.map((page) => page.href));
	const found = await Promise.all(search.results.slice(0, MAX_PAGES + pinned.length).map((result) => result.data()));
	const more = found
		.filter((data) => !seen.has(data.url))
		.map((data) => ({ href: data.url, title: data.meta['title'] ?? data.url, description: safeExcerpt(data.excerpt) }));
	return [...pinned, ...more].slice(0, Math.max(MAX_PAGES, pinned.length));
}

function renderPages(pages: PageHit[]): HTMLElement | undefined {
	if (pages.length === 0) return undefined;
	const section = element('section', 'search-group');
	section.setAttribute('aria-labelledby', 'search-pages');
	const heading = element('h2', undefined, 'Pages');
	heading.id = 'search-pages';
	const list = element('ol', 'search-list');
	for (const page of pages) {
		const item = element('li', 'search-hit search-hit-page');
		const link = element('a', 'search-hit-link', page.title);
		link.href = page.href;
		item.append(link);
		if (page.description) {
			const description = element('p', 'search-hit-detail');
			description.append(page.description);
			item.append(description);
		}
		list.append(item);
	}
	section.append(heading, list);
	return section;
}

/** The words a result marks, to mark them again where its link lands. */
function markedWords(fragment: DocumentFragment): string[] {
	const words = [...fragment.querySelectorAll('mark')].map((mark) => (mark.textContent ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
	return [...new Set(words.filter(Boolean))];
}

function renderSentence(data: PagefindResultData, term: string | null, read: ReadQuery): HTMLLIElement {
	const slug = data.meta['slug'] ?? '';
	const claim = data.meta['claim'] ?? '';
	const sentence = term ? safeExcerpt(data.excerpt) : markedMentions(data.content, data.meta['hits'] ?? '', read);
	const item = element('li', 'search-hit');
	const link = element('a', 'search-hit-link search-sentence');
	link.href = routes.claim(slug, claim, markedWords(sentence));
	link.append(sentence);
	item.append(link);
	return item;
}

/** Sentences grouped by commentary, in the order their best result ranks. */
function renderSentenceGroups(found: PagefindResultData[], term: string | null, read: ReadQuery, into: HTMLElement): void {
	const groups = new Map<string, { list: HTMLOListElement; section: HTMLElement }>();
	for (const data of found) {
		const slug = data.meta['slug'] ?? '';
		let group = groups.get(slug);
		if (!group) {
			const section = element('section', 'search-group');
			const id = `search-in-${slug}`;
			section.setAttribute('aria-labelledby', id);
			const commentary = vocabulary?.commentaries.find((item) => item.slug === slug);
			const heading = element('h2', undefined, commentary?.title ?? slug);
			heading.id = id;
			const byline = element('p', 'search-group-meta', commentary ? `${commentary.author} · ${commentary.date}` : '');
			const list = element('ol', 'search-list');
			section.append(heading, byline, list);
			into.append(section);
			group = { list, section };
			groups.set(slug, group);
		}
		group.list.append(renderSentence(data, term, read));
	}
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** Run the search the form describes and show it. */
async function run(mode: 'replace' | 'push' | 'none'): Promise<void> {
	const state = stateFromForm();
	const address = addressOf(state);
	if (mode === 'push' && address !== location.pathname + location.search) history.pushState(null, '', address);
	if (mode === 'replace') history.replaceState(null, '', address);
	if (!pagefind || !vocabulary || !resultsBox) return;
	const current = ++generation;
	const read = readQuery(state.q, vocabulary);
	const chosen: PagefindFilters = {};
	for (const [name, value] of Object.entries(state.filters)) chosen[name] = [value];
	if (read.articles.length > 0) chosen['article'] = [...new Set([...(chosen['article'] as string[] | undefined ?? []), ...read.articles.map(String)])];
	if (read.actors.length > 0) chosen['actor'] = [...new Set([...(chosen['actor'] as string[] | undefined ?? []), ...read.actors])];
	const filtered = Object.keys(chosen).length > 0;
	const term = read.text.trim() || (filtered ? null : state.q.trim() || null);
	if (!term && !filtered) {
		resultsBox.replaceChildren();
		fillFilters(totals, state);
		announce('');
		resultsBox.dataset['searchShown'] = address;
		return;
	}
	const [pages, sentences] = await Promise.all([
		term && Object.keys(state.filters).length === 0 && read.articles.length === 0 && read.actors.length === 0
			? pagefind.search(term, { filters: { type: ['page'] } })
			: Promise.resolve(null),
		// Without words, Pagefind lists the sentences in the order they were indexed: reading order (no sort index,
		// which would add a number per sentence to the metadata every first search loads).
		pagefind.search(term, { filters: { ...chosen, not: { type: ['page'] } } }),
	]);
	if (current !== generation || !sentences) return;
	const pageList = await pageHits(term, read, pages);
	let shown = Math.min(PAGE_SIZE, sentences.results.length);
	const first = await Promise.all(sentences.results.slice(0, shown).map((result) => result.data()));
	if (current !== generation) return;

	const groupsBox = element('div', 'search-groups');
	renderSentenceGroups(first, term, read, groupsBox);
	const children: HTMLElement[] = [];
	const pagesSection = renderPages(pageList);
	if (pagesSection) children.push(pagesSection);
	if (sentences.results.length > 0) {
		const heading = element('h2', 'visually-hidden', 'Sentences');
		children.push(heading, groupsBox);
	}
	if (sentences.results.length > shown) {
		const more = element('button', 'search-more', 'Show more sentences');
		more.type = 'button';
		more.addEventListener('click', async () => {
			const next = await Promise.all(sentences.results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
			if (current !== generation) return;
			const firstNew = groupsBox.querySelectorAll('a').length;
			renderSentenceGroups(next, term, read, groupsBox);
			shown += next.length;
			if (shown >= sentences.results.length) more.remove();
			groupsBox.querySelectorAll<HTMLAnchorElement>('a')[firstNew]?.focus();
			announce(`Showing ${shown} of ${plural(sentences.results.length, 'sentence', 'sentences')}.`);
		});
		children.push(more);
	}
	resultsBox.replaceChildren(...children);
	fillFilters(sentences.filters, state);
	const total = sentences.results.length;
	const commentaries = commentaryCount(sentences.filters, first, total);
	const where = commentaries === undefined ? '' : ` in ${plural(commentaries, 'commentary', 'commentaries')}`;
	const message =
		total === 0 && pageList.length === 0
			? 'No results.'
			: `${plural(total, 'sentence', 'sentences')}${total > 0 ? `${where}${total > shown ? ` (first ${shown} shown)` : ''}` : ''}, ${plural(pageList.length, 'page', 'pages')}.`;
	announce(message);
	resultsBox.dataset['searchShown'] = address;
}

/**
 * How many commentaries a search's sentences come from, when that is known:
 * from the commentary filter's counts once the filters are loaded (they load
 * when the reader opens them, to keep the first search light), or else from
 * the sentences themselves when every one of them has been fetched.
 *
 * @returns
 *   The number, or `undefined` when neither is at hand (the status then
 *   leaves it out rather than say 0).
 */
function commentaryCount(filters: FilterCounts, fetched: readonly PagefindResultData[], total: number): number | undefined {
	const counts = filters['commentary'];
	if (counts && Object.keys(counts).length > 0) return Object.values(counts).filter((count) => count > 0).length;
	if (fetched.length === total) return new Set(fetched.map((data) => data.meta['slug'] ?? '')).size;
	return undefined;
}

/** Keyboard: Down from the field to the results, Up/Down through them, Escape back. */
function setupKeys(): void {
	const links = () => [...(resultsBox?.querySelectorAll<HTMLAnchorElement>('a.search-hit-link') ?? [])];
	input?.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown') {
			const first = links()[0];
			if (first) {
				event.preventDefault();
				first.focus();
			}
		} else if (event.key === 'Escape' && input.value) {
			event.preventDefault();
			input.value = '';
			void run('push');
		}
	});
	resultsBox?.addEventListener('keydown', (event) => {
		const all = links();
		const at = all.indexOf(document.activeElement as HTMLAnchorElement);
		if (at === -1) return;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			const next = event.key === 'ArrowDown' ? all[at + 1] : at === 0 ? input : all[at - 1];
			next?.focus();
		} else if (event.key === 'Escape') {
			event.preventDefault();
			input?.focus();
		}
	});
}

async function start(): Promise<void> {
	if (!form || !input) return;
	document.querySelector<HTMLElement>('[data-search-nojs]')?.setAttribute('hidden', '');
	form.hidden = false;
	showState(stateFromAddress());
	// Focus the field when the reader asked for search (shortcut or header link); a plain visit keeps the skip link first.
	if (sessionStorage.getItem(FOCUS_FLAG) !== null) {
		sessionStorage.removeItem(FOCUS_FLAG);
		input.focus();
	}

	let timer = 0;
	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(() => void run('replace'), 30);
	});
	for (const select of selects) select.addEventListener('change', () => void run('push'));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		window.clearTimeout(timer);
		void run('push');
	});
	window.addEventListener('popstate', () => {
		showState(stateFromAddress());
		void run('none');
	});
	setupKeys();

	try {
		const [module, words] = await Promise.all([
			import(/* @vite-ignore */ routes.searchIndex()) as Promise<Pagefind>,
			fetch(routes.searchVocabulary()).then((response) => {
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				return response.json() as Promise<SearchVocabulary>;
			}),
		]);
		await module.options({ baseUrl: routes.base, excerptLength: 60 });
		await module.init();
		pagefind = module;
		vocabulary = words;
		if (Object.keys(stateFromAddress().filters).length > 0) await loadTotals();
	} catch {
		showError(
			'The search index could not be loaded. Check your connection and reload the page; meanwhile every passage is listed on the pages of the treaty’s articles and of the actors.',
		);
		form.setAttribute('aria-busy', 'false');
		return;
	}
	fillFilters(totals, stateFromForm());
	showState(stateFromAddress());
	const narrow = document.querySelector<HTMLDetailsElement>('[data-search-narrow]');
	narrow?.addEventListener('toggle', () => {
		if (!narrow.open || totalsLoaded) return;
		// The first opening: fetch the filters, then count the current search by each of them.
		loadTotals()
			.then(() => run('none'))
			.catch(() => showError('The filters could not be loaded. Check your connection and reload the page.'));
	});
	if (narrow?.open) await loadTotals();
	document.documentElement.dataset['searchReady'] = 'true';
	await run('none');
}

void start();
