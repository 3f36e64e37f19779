/**
 * remark-rehype handlers for the nodes our remark plugins make: mention links
 * (`link` with `data.hProperties`), the `<time>` inside a date mention and the
 * span that records an article covered by a range. They build the same hast
 * as mdast-util-to-hast's own handlers, more cheaply: its `applyData` copies
 * every `data.hProperties` with `structuredClone` (a serialisation per node,
 * thousands per commentary), and our own node types would otherwise go
 * through its unknown-node handler (a `div` renamed afterwards). Here the
 * properties are copied one level deep, which is all their values have
 * (strings, numbers, booleans and lists of them).
 */
import type { Element, Properties } from 'hast';
import type { Link } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import type { MentionRange, MentionTime } from './mentions/nodes.ts';

/**
 * A copy of hast properties that shares no list with the original, so a
 * rehype plugin that changes an element's `className` in place changes no
 * other element made from the same mdast properties.
 *
 * @param properties
 *   Properties from an mdast node's `data.hProperties`.
 * @param into
 *   Properties to add them to (default: new ones).
 * @returns
 *   `into`, with the properties added in their order.
 */
function copyProperties(properties: Readonly<Properties>, into: Properties = {}): Properties {
	for (const name in properties) {
		const value = properties[name];
		into[name] = Array.isArray(value) ? [...value] : value;
	}
	return into;
}

/**
 * A link: `<a href title>` as mdast-util-to-hast makes it, with the node's
 * `data.hProperties` after `href` and `title`. A link whose data also names
 * another element or its children is left to the default handler.
 *
 * @param state
 *   Conversion state.
 * @param node
 *   mdast link.
 * @returns
 *   hast element.
 */
function linkWithProperties(state: State, node: Link): Element {
	const data = node.data;
	if (!data?.hProperties || data.hName !== undefined || data.hChildren !== undefined) return defaultHandlers.link(state, node);
	const { type, url, title, children, position } = node;
	// The same link without its data, so the default handler makes `href` and `title` and copies nothing.
	const element = defaultHandlers.link(state, { type, url, title, children, position });
	// Straight into the element's properties, after `href` and `title`: no intermediate object per mention.
	copyProperties(data.hProperties, element.properties);
	return element;
}

/**
 * An element of our own node type, named by its `data.hName`.
 *
 * @param state
 *   Conversion state.
 * @param node
 *   `mentionTime` or `mentionRange`.
 * @returns
 *   hast element with the node's properties and converted children.
 */
function ownElement(state: State, node: MentionTime | MentionRange): Element {
	const element: Element = { type: 'element', tagName: node.data.hName, properties: copyProperties(node.data.hProperties), children: state.all(node) };
	state.patch(node, element);
	return element;
}

/** Handlers for remark-rehype's `handlers` option. */
export const mentionHandlers: Handlers = {
	link: linkWithProperties,
	mentionTime: ownElement,
	mentionRange: ownElement,
};
