/**
 * The search page's results as DOM: pages first, then sentences grouped by
 * commentary, each linking to the sentence with its hits to mark. Every
 * function builds nodes from data it is given; none reads or keeps state.
 */
import { routes } from '../../../utils/routes.ts';
import type { ReadQuery } from '../query.ts';
import type { SearchVocabulary } from '../records.ts';
import { markedMentions, markedWords, safeExcerpt } from './excerpts.ts';
import type { PagefindResultData, PagefindSearch } from './pagefind-api.ts';

/** Pages (articles, actors, timeline) shown before the sentences. */
const MAX_PAGES = 3;

/**
 * A new element.
 *
 * @param tag
 *   Its tag name.
 * @param className
 *   Its classes, if any.
 * @param text
 *   Its text, if any.
 */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A page result (an article, an actor, the timeline). */
export interface PageHit {
	href: string;
	title: string;
	description?: DocumentFragment | string;
}

/**
 * The pages of the articles and actors a query names, listed first.
 *
 * @param read
 *   The query, as read.
 * @param vocabulary
 *   Article subjects and actor names.
 */
function pinnedPages(read: ReadQuery, vocabulary: SearchVocabulary): PageHit[] {
	const articles = read.articles.map((number) => {
		const title = vocabulary.articles.find((article) => article.number === number)?.title;
		return { href: routes.article(number), title: `Article ${number}${title ? `: ${title}` : ''}`, description: 'Treaty article' };
	});
	const actors = read.actors.map((id) => {
		const actor = vocabulary.actors.find((item) => item.id === id);
		return { href: routes.actor(id), title: actor?.name ?? id, description: 'Actor' };
	});
	return [...articles, ...actors];
}

/**
 * The pages to list: those the query names, then those the words found, at
 * most `MAX_PAGES` in all unless more are named.
 *
 * @param term
 *   The words searched, if any.
 * @param read
 *   The query, as read.
 * @param vocabulary
 *   Article subjects and actor names.
 * @param search
 *   The page search's results, when pages were searched.
 */
export async function pageHits(term: string | null, read: ReadQuery, vocabulary: SearchVocabulary, search: PagefindSearch | null): Promise<PageHit[]> {
	const pinned = pinnedPages(read, vocabulary);
	if (!term || !search) return pinned;
	const seen = new Set(pinned.map((page) => page.href));
	const found = await Promise.all(search.results.slice(0, MAX_PAGES + pinned.length).map((result) => result.data()));
	const more = found
		.filter((data) => !seen.has(data.url))
		.map((data) => ({ href: data.url, title: data.meta['title'] ?? data.url, description: safeExcerpt(data.excerpt) }));
	return [...pinned, ...more].slice(0, Math.max(MAX_PAGES, pinned.length));
}

/**
 * The section listing pages.
 *
 * @param pages
 *   The pages.
 * @returns
 *   The section, or `undefined` when there are none.
 */
export function renderPages(pages: readonly PageHit[]): HTMLElement | undefined {
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

/**
 * One sentence result: Pagefind's excerpt when words were searched, else the
 * sentence with the named articles and actors marked.
 *
 * @param data
 *   The result.
 * @param term
 *   The words searched, if any.
 * @param read
 *   The query, as read.
 */
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

/**
 * An id no element of the document has yet: `base`, else `base-2`, `base-3`….
 *
 * @param document
 *   The document.
 * @param base
 *   The id wanted.
 * @returns
 *   A free id.
 */
function uniqueId(document: Document, base: string): string {
	let id = base;
	for (let n = 2; document.getElementById(id); n++) id = `${base}-${n}`;
	return id;
}

/**
 * Append sentences grouped by commentary, in the order their best result
 * ranks. Each call starts new groups (a batch shown by "Show more" follows
 * the earlier ones).
 *
 * @param found
 *   The sentences.
 * @param term
 *   The words searched, if any.
 * @param read
 *   The query, as read.
 * @param vocabulary
 *   Commentary titles, authors and dates.
 * @param into
 *   The element holding the groups.
 */
export function renderSentenceGroups(
	found: readonly PagefindResultData[],
	term: string | null,
	read: ReadQuery,
	vocabulary: SearchVocabulary,
	into: HTMLElement,
): void {
	const groups = new Map<string, HTMLOListElement>();
	for (const data of found) {
		const slug = data.meta['slug'] ?? '';
		let list = groups.get(slug);
		if (!list) {
			const section = element('section', 'search-group');
			// A commentary a "Show more" batch finds again gets a group of its own: its heading needs an id of its own.
			const id = uniqueId(into.ownerDocument, `search-in-${slug}`);
			section.setAttribute('aria-labelledby', id);
			const commentary = vocabulary.commentaries.find((item) => item.slug === slug);
			const heading = element('h2', undefined, commentary?.title ?? slug);
			heading.id = id;
			const byline = element('p', 'search-group-meta', commentary ? `${commentary.author} · ${commentary.date}` : '');
			list = element('ol', 'search-list');
			section.append(heading, byline, list);
			into.append(section);
			groups.set(slug, list);
		}
		list.append(renderSentence(data, term, read));
	}
}
