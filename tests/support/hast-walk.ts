/**
 * Small readers of a parsed page for tests: every element with its
 * ancestors, classes, ids and text.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** An element and the elements around it, outermost first. */
export interface Located {
	node: Element;
	ancestors: Element[];
}

/**
 * Every element under `tree`, in document order.
 *
 * @param tree
 *   A page or an element.
 * @returns
 *   Elements with their ancestors.
 */
export function elementsOf(tree: Root | Element): Located[] {
	const out: Located[] = [];
	const walk = (node: Root | Element, ancestors: Element[]): void => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			out.push({ node: child, ancestors });
			walk(child, [...ancestors, child]);
			if (child.tagName === 'template' && child.content) walk(child.content as unknown as Root, [...ancestors, child]);
		}
	};
	walk(tree, []);
	return out;
}

/** Whether an element has a class. */
export function hasClass(node: Element, name: string): boolean {
	const value = node.properties['className'];
	return Array.isArray(value) && value.includes(name);
}

/** Every id in a page. */
export function idsOf(tree: Root | Element): string[] {
	return elementsOf(tree)
		.map(({ node }) => node.properties['id'])
		.filter((id) => id !== undefined)
		.map(String);
}

/** Text content of a page or element. */
export function textOf(tree: Root | Element): string {
	return toString(tree);
}
