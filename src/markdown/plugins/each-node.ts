/**
 * A lighter `visit(tree, visitor)` for the remark plugins that walk every
 * node of an mdast tree: preorder, in document order, the root included,
 * each node with its parent. `unist-util-visit` names a fresh function for
 * every node it passes (for readable stack traces) and builds an array of
 * ancestors per parent; over the few thousand nodes of a commentary, for
 * each plugin that walks them all, that was most of what those plugins cost.
 */
import type { Nodes, Parents } from 'mdast';

/** What a visitor of `eachNode` may return to steer the walk. */
export type Step = undefined | typeof SKIP_CHILDREN | typeof RESTART_SIBLINGS;

/** Returned by a visitor: leave the node's children out of the walk (`unist-util-visit`'s `SKIP`). */
export const SKIP_CHILDREN = 'skip-children';

/**
 * Returned by a visitor that replaced the node in its parent: leave its
 * replacement's children out and walk the parent's children again from the
 * first (`unist-util-visit`'s `[SKIP, 0]`).
 */
export const RESTART_SIBLINGS = 'restart-siblings';

/**
 * Call `visitor` on every node of a tree, parents before their children, in
 * document order, as `unist-util-visit` would: the parent's children are
 * read again after each visit, so a visitor may add children to the node it
 * is given or replace it in its parent (returning `RESTART_SIBLINGS`).
 *
 * @param tree
 *   mdast tree (or any node of one).
 * @param visitor
 *   Called once per node with its parent and its index there (none for `tree` itself).
 * @returns
 *   Nothing.
 */
export function eachNode(tree: Nodes, visitor: (node: Nodes, parent: Parents | undefined, index: number | undefined) => Step): undefined {
	if (visitor(tree, undefined, undefined) !== SKIP_CHILDREN && 'children' in tree) eachChild(tree, visitor);
	return undefined;
}

/**
 * The walk of `eachNode` below one parent.
 *
 * @param parent
 *   Node whose children to visit.
 * @param visitor
 *   As for `eachNode`.
 * @returns
 *   Nothing.
 */
function eachChild(parent: Parents, visitor: (node: Nodes, parent: Parents | undefined, index: number | undefined) => Step): undefined {
	const children: Nodes[] = parent.children;
	for (let index = 0; index < children.length; index++) {
		const child = children[index]!;
		const step = visitor(child, parent, index);
		if (step === RESTART_SIBLINGS) {
			index = -1;
			continue;
		}
		if (step !== SKIP_CHILDREN && 'children' in child) eachChild(child, visitor);
	}
	return undefined;
}
