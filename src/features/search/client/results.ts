/**
 * The search page's results as DOM: pages first, then sentences grouped by
 * commentary, each the sentence with its hits marked and a link on a short
 * label to the sentence in its commentary. Every function builds nodes from
 * data it is given; none reads or keeps state.
 */
import { routes } from '../../../utils/routes.ts';
import type { ReadQuery } from '../query.ts';
import type { SearchVocabulary } from '../records.ts';
import { shownClaims, type ClaimFacets, type MarkRange, type ShownClaim } from './claims.ts';
import { safeExcerpt } from './excerpts.ts';
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
 * A sentence with ranges marked, as text nodes and `<mark>` elements.
 *
 * @param text
 *   The sentence.
 * @param marks
 *   What to mark (may overlap, in any order).
 */
export function markedText(text: string, marks: readonly MarkRange[]): DocumentFragment {
	const fragment = document.createDocumentFragment();
	let at = 0;
	for (const { start, end } of [...marks].sort((a, b) => a.start - b.start)) {
		if (end <= at) continue;
		const from = Math.max(start, at);
		fragment.append(text.slice(at, from));
		fragment.append(element('mark', undefined, text.slice(from, end)));
		at = end;
	}
	fragment.append(text.slice(at));
	return fragment;
}

/**
 * One sentence result: the sentence with its marked words, a link on its
 * short label (author and paragraph), a note when an editor's note
 * re-attributes it to the article searched, and its paragraph on request.
 *
 * @param claim
 *   The claim to show.
 * @param slug
 *   Its commentary.
 * @param author
 *   Its commentary's authors, short.
 */
function renderClaim(claim: ShownClaim, slug: string, author: string): HTMLLIElement {
	const item = element('li', 'search-hit');
	const sentence = element('p', 'search-sentence');
	sentence.append(markedText(claim.text, claim.marks));
	const words = [...new Set(claim.marks.map(({ start, end }) => claim.text.slice(start, end).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean))];
	const link = element('a', 'search-hit-link', `${author}, ${claim.label}`);
	link.href = routes.claim(slug, claim.id, words);
	const source = element('p', 'search-hit-source');
	source.append(link);
	item.append(sentence, source);
	if (claim.reattributed.length > 0) {
		const moved = element(
			'p',
			'search-hit-note',
			`Re-attributed: the sentence cites another article; an editor’s note says it is about Article ${claim.reattributed.join(', ')}.`,
		);
		item.dataset['reattributed'] = claim.reattributed.join(' ');
		item.append(moved);
	}
	if (claim.before.length > 0 || claim.after.length > 0) {
		const context = element('details', 'search-context');
		const summary = element('summary', undefined, 'Context');
		const paragraph = element('p');
		const own = element('strong', undefined, claim.text);
		paragraph.append([...claim.before, ''].join(' '), own, ['', ...claim.after].join(' '));
		context.append(summary, paragraph);
		item.append(context);
	}
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
 * Append one group per commentary result, in the order the results rank,
 * each listing the claims to show; a commentary with none is left out.
 *
 * @param found
 *   The commentaries' data.
 * @param searched
 *   The words searched, each with its spellings (none without words).
 * @param facets
 *   The articles and actors each claim shown must carry.
 * @param into
 *   The element holding the groups.
 * @param phrase
 *   When an article was named by subject: its words, and what the claims they were found in must carry.
 * @returns
 *   How many sentences were added.
 */
export function renderCommentaryGroups(
	found: readonly PagefindResultData[],
	searched: readonly (readonly string[])[],
	facets: ClaimFacets,
	into: HTMLElement,
	phrase?: { words: readonly (readonly string[])[]; facets: ClaimFacets },
): number {
	let added = 0;
	for (const data of found) {
		const claims = shownClaims(data, searched, facets, phrase);
		if (claims.length === 0) continue;
		const slug = data.meta['slug'] ?? '';
		const author = data.meta['author'] ?? '';
		const section = element('section', 'search-group');
		const id = uniqueId(into.ownerDocument, `search-in-${slug}`);
		section.setAttribute('aria-labelledby', id);
		section.dataset['commentary'] = slug;
		const heading = element('h2', undefined, data.meta['title'] ?? slug);
		heading.id = id;
		const byline = element('p', 'search-group-meta', `${author} · ${data.meta['date'] ?? ''}`);
		const list = element('ol', 'search-list');
		list.append(...claims.map((claim) => renderClaim(claim, slug, author)));
		section.append(heading, byline, list);
		into.append(section);
		added += claims.length;
	}
	return added;
}
