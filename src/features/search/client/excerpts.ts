/**
 * A page result's excerpt as the search page shows it: Pagefind's excerpt
 * with its `<mark>`s and nothing else of its HTML. Built as DOM nodes, never
 * as HTML from strings (the page runs under the strict CSP).
 */

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
