/**
 * The claim panel's "Also discussed by" list, built from the related file's
 * groups with the markup the share page prints (src/features/sharing/share-page-html.ts),
 * so one stylesheet serves both; the share page prints the list without the
 * quoted words and its script quotes them with `relatedQuote`. Text goes in as text nodes, never as HTML.
 */
import { relatedBecause, type RelatedGroup } from '../related-claims.ts';

/** Where a related sentence's links lead. */
export interface RelatedLinks {
	/** The sentence in its commentary's reading page. */
	read(slug: string, id: string): string;
	/** The sentence's share page. */
	share(id: string): string;
}

/**
 * An element with a class and, optionally, its text (as a text node, never HTML).
 *
 * @param tag
 *   Its tag.
 * @param className
 *   Its class, or none.
 * @param text
 *   Its text.
 * @returns
 *   The element.
 */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const made = document.createElement(tag);
	if (className) made.className = className;
	if (text !== undefined) made.textContent = text;
	return made;
}

/** A link whose name ends with words only screen readers hear (which commentary it leads to). */
function link(href: string, text: string, hidden: string): HTMLAnchorElement {
	const anchor = element('a', '', text);
	anchor.href = href;
	anchor.append(element('span', 'visually-hidden', hidden));
	return anchor;
}

/**
 * A related sentence's words, quoted.
 *
 * @param text
 *   The sentence.
 * @param cite
 *   Where it is read in context.
 * @returns
 *   The `<blockquote>`.
 */
export function relatedQuote(text: string, cite: string): HTMLQuoteElement {
	const quote = element('blockquote', 'related-quote');
	quote.cite = cite;
	quote.append(element('p', '', text));
	return quote;
}

/**
 * The list's items: one per commentary (its credit and title), each with its
 * sentences quoted, what links them, and links to read or share each.
 *
 * @param groups
 *   The sentence's related claims, grouped by commentary.
 * @param links
 *   Where the links lead.
 * @returns
 *   The `<li>` elements, in order.
 */
export function relatedListItems(groups: readonly RelatedGroup[], links: RelatedLinks): HTMLLIElement[] {
	return groups.map((group) => {
		const item = element('li', 'related-group');
		const source = element('p', 'related-source');
		source.append(element('span', 'related-credit', group.credit), ', ', element('cite', '', group.title));
		const claims = element('ul', 'related-claims');
		for (const claim of group.claims) {
			const entry = element('li', 'related-claim');
			const quote = relatedQuote(claim.text, links.read(group.commentary, claim.id));
			const actions = element('p', 'related-actions');
			actions.append(
				link(links.read(group.commentary, claim.id), 'Read it in context', ` (${group.credit})`),
				' ',
				link(links.share(claim.id), 'Share page', ` of this sentence by ${group.credit}`),
			);
			entry.append(quote, element('p', 'related-because', relatedBecause(claim)), actions);
			claims.append(entry);
		}
		item.append(source, claims);
		return item;
	});
}
