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

/**
 * Call `visitor` on every element of a tree, in document order, parents
 * before their children, with its ancestors (root first): what
 * `visitParents(tree, 'element', visitor)` gives, without the fresh function
 * and the fresh list of ancestors that it makes for every node it passes.
 * The visitor may read the tree, not change its shape; `ancestors` is only
 * valid during the call.
 *
 * @param tree
 *   hast tree.
 * @param visitor
 *   Called once per element with its ancestors.
 * @returns
 *   Nothing.
 */
export function eachElementWithAncestors(tree: Root, visitor: (node: Element, ancestors: readonly (Root | Element)[]) => void): undefined {
	const ancestors: Array<Root | Element> = [];
	const walk = (parent: Root | Element): undefined => {
		ancestors.push(parent);
		for (const child of parent.children) {
			if (child.type !== 'element') continue;
			visitor(child, ancestors);
			walk(child);
		}
		ancestors.pop();
		return undefined;
	};
	walk(tree);
	return undefined;
}
