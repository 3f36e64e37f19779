/**
 * A result's sentence as the search page shows it: Pagefind's excerpt with
 * its `<mark>`s (and nothing else of its HTML), or the sentence with the
 * searched articles and actors marked. Built as DOM nodes, never as HTML
 * from strings (the page runs under the strict CSP).
 */
import { decodeHits } from '../hits.ts';
import type { ReadQuery } from '../query.ts';

/**
 * Text and `<mark>` from a Pagefind excerpt, nothing else: it is parsed
 * inertly (DOMParser runs no script and loads nothing) and rebuilt from its
 * text.
 *
 * @param html
 *   The excerpt as Pagefind gives it.
 * @returns
 *   Text nodes and `<mark>` elements.
 */
export function safeExcerpt(html: string): DocumentFragment {
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
 * The sentence with its mentions of the searched articles and actors marked.
 *
 * @param text
 *   The sentence.
 * @param hits
 *   Its record's `hits` string (where its mentions stand, ../hits.ts).
 * @param read
 *   The query, as read: the articles and actors to mark.
 * @returns
 *   Text nodes and `<mark>` elements.
 */
export function markedMentions(text: string, hits: string, read: ReadQuery): DocumentFragment {
	const wanted = new Set([...read.articles.map((n) => `article:${n}`), ...read.actors.map((id) => `actor:${id}`)]);
	const ranges = decodeHits(hits)
		.filter((hit) => wanted.has(`${hit.kind}:${hit.ref}`))
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

/**
 * The words a result marks, to mark them again where its link lands
 * (`routes.claim`'s `mark`).
 *
 * @param fragment
 *   The result's sentence.
 * @returns
 *   Each marked word once, without surrounding punctuation.
 */
export function markedWords(fragment: DocumentFragment): string[] {
	const words = [...fragment.querySelectorAll('mark')].map((mark) => (mark.textContent ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
	return [...new Set(words.filter(Boolean))];
}
