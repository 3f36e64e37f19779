/**
 * A lighter `visit(tree, 'element', visitor)` for plugins that only read or
 * set properties: every element in document order (preorder), with no
 * control of the walk. `unist-util-visit` names a fresh function for every
 * node it passes (for readable stack traces); over a commentary's few
 * thousand nodes, for each of several plugins, that is most of what these
 * plugins cost.
 */
import type { Element, Root } from 'hast';

/**
 * Call `visitor` on every element of a tree, parents before their children,
 * in document order. The visitor may change an element's properties, not the
 * tree's shape.
 *
 * @param tree
 *   hast tree.
 * @param visitor
 *   Called once per element.
 * @returns
 *   Nothing.
 */
export function eachElement(tree: Root | Element, visitor: (node: Element) => void): undefined {
	for (const child of tree.children) {
		if (child.type !== 'element') continue;
		visitor(child);
		eachElement(child, visitor);
	}
	return undefined;
}
