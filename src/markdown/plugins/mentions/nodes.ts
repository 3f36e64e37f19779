/**
 * The mdast nodes a mention becomes (a link, with `<time>` inside for a date),
 * how a matched span is cut into text and mention nodes, and which nodes are
 * never annotated.
 */
import type { Link, Nodes, Parent, Parents, PhrasingContent, Text } from 'mdast';
// Brings in the `data.hName`/`data.hProperties` fields that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import type { Hit } from '../../../annotate/recogniser.ts';

/**
 * `<time>` element inside a date mention's link. A node of its own (not
 * `emphasis` in disguise) so that no other plugin mistakes it for markup the
 * author wrote; remark-rehype renders unknown nodes through `data.hName`.
 */
export interface MentionTime extends Parent {
	type: 'mentionTime';
	children: PhrasingContent[];
	data: { hName: 'time'; hProperties: { dateTime: string } };
}

/**
 * Element that records an article a range covers without words of its own
 * (Article 4 in "Articles 3–5"): a `<span data-mention="article" data-ref="4"
 * data-range>` around the range's two links, read by whatever collects a
 * page's mentions. Not a link, not styled.
 */
export interface MentionRange extends Parent {
	type: 'mentionRange';
	children: PhrasingContent[];
	data: { hName: 'span'; hProperties: { dataMention: 'article'; dataRef: string; dataRange: '' } };
}

declare module 'mdast' {
	interface PhrasingContentMap {
		mentionTime: MentionTime;
		mentionRange: MentionRange;
	}
	interface RootContentMap {
		mentionTime: MentionTime;
		mentionRange: MentionRange;
	}
}

/**
 * The element recording an article covered by a range.
 *
 * @param ref
 *   Article number.
 * @param children
 *   The range's nodes (its two links and the words between them).
 * @returns
 *   mdast node.
 */
export function mentionRange(ref: string, children: PhrasingContent[]): MentionRange {
	return { type: 'mentionRange', children, data: { hName: 'span', hProperties: { dataMention: 'article', dataRef: ref, dataRange: '' } } };
}

/** Hast properties of a mention link, in hast's camelCase (`dataMention` → `data-mention`). */
export type MentionProperties = Record<string, string | string[]>;

/**
 * The node a mention becomes: a `link` to the thing's page, so that it renders
 * as `<a>` with the mention's data attributes. Text is kept as written.
 *
 * @param text
 *   Visible text (exactly as in the source).
 * @param url
 *   Address of the page (`/articles/4/`).
 * @param properties
 *   Hast properties (class and data attributes).
 * @param dateTime
 *   When set, the text is wrapped in `<time datetime>` inside the link.
 * @returns
 *   mdast link.
 */
export function mentionLink(text: string, url: string, properties: MentionProperties, dateTime?: string): Link {
	const inner: Text = { type: 'text', value: text };
	const children: PhrasingContent[] =
		dateTime === undefined ? [inner] : [{ type: 'mentionTime', children: [inner], data: { hName: 'time', hProperties: { dateTime } } }];
	return { type: 'link', url, title: null, children, data: { hProperties: { ...properties } } };
}

/**
 * Replacement for one regex match: the matched text cut into plain text and
 * mention nodes, so that the text reads exactly as before.
 *
 * @param input
 *   Scanned string.
 * @param index
 *   Start of the match.
 * @param match
 *   Matched text.
 * @param hits
 *   Spans to turn into nodes (inside the match).
 * @param build
 *   Node for one hit.
 * @returns
 *   Nodes covering the whole match (at least one).
 */
export function replacementNodes<Data>(
	input: string,
	index: number,
	match: string,
	hits: ReadonlyArray<Hit<Data>>,
	build: (hit: Hit<Data>, text: string) => PhrasingContent,
): PhrasingContent[] {
	const end = index + match.length;
	const nodes: PhrasingContent[] = [];
	let cursor = index;
	for (const hit of hits) {
		if (hit.start > cursor) nodes.push({ type: 'text', value: input.slice(cursor, hit.start) });
		nodes.push(build(hit, input.slice(hit.start, hit.end)));
		cursor = hit.end;
	}
	// Never return an empty list: findAndReplace would delete the matched text.
	if (cursor < end || nodes.length === 0) nodes.push({ type: 'text', value: input.slice(cursor, end) });
	return nodes;
}

/**
 * Node types whose text is never annotated: existing links, code, our own
 * `<time>`, and the visible label `remark-commentary-blocks` adds above a block
 * (not the author's words).
 *
 * @param node
 *   Node.
 * @returns
 *   Whether to skip the node and everything in it.
 */
export function isIgnored(node: Nodes | Parents): boolean {
	switch (node.type) {
		case 'link':
		case 'linkReference':
		case 'code':
		case 'inlineCode':
		case 'html':
		case 'mentionTime':
		case 'mentionRange':
		case 'definition':
			return true;
		case 'paragraph': {
			const className = node.data?.hProperties?.className;
			return Array.isArray(className) ? className.includes('block-label') : className === 'block-label';
		}
		default:
			return false;
	}
}
