/**
 * Finding elements by selector with the type the script needs, checked at run
 * time (`instanceof`), so page scripts need no casts and a page that lacks an
 * element the script relies on fails with a message naming it.
 */

/** A DOM class such as `HTMLInputElement`, as `instanceof` takes it. */
export type ElementType<T extends Element> = abstract new (...args: never[]) => T;

/**
 * The first element matching a selector, when it is of the type asked for.
 *
 * @param selector
 *   CSS selector.
 * @param type
 *   The element's class (`HTMLInputElement`).
 * @param root
 *   Where to look (default: the document).
 * @returns
 *   The element, or `undefined` when there is none of that type.
 */
export function findElement<T extends Element>(selector: string, type: ElementType<T>, root: ParentNode = document): T | undefined {
	const found = root.querySelector(selector);
	return found instanceof type ? found : undefined;
}

/**
 * The first element matching a selector, which the page must have.
 *
 * @param selector
 *   CSS selector.
 * @param type
 *   The element's class (`HTMLInputElement`).
 * @param root
 *   Where to look (default: the document).
 * @returns
 *   The element.
 * @throws
 *   When there is no such element, or it is of another type.
 */
export function requireElement<T extends Element>(selector: string, type: ElementType<T>, root: ParentNode = document): T {
	const found = root.querySelector(selector);
	if (!(found instanceof type)) throw new Error(`The page has no ${type.name} matching ${selector}`);
	return found;
}

/**
 * Every element matching a selector that is of the type asked for.
 *
 * @param selector
 *   CSS selector.
 * @param type
 *   The elements' class.
 * @param root
 *   Where to look (default: the document).
 */
export function findElements<T extends Element>(selector: string, type: ElementType<T>, root: ParentNode = document): T[] {
	return [...root.querySelectorAll(selector)].filter((element): element is T => element instanceof type);
}

/**
 * The nearest element, from an event's target up, that matches a selector
 * and is of the type asked for: how delegated listeners find what was used.
 *
 * @param target
 *   `event.target` (a text node, the window or nothing are allowed).
 * @param selector
 *   CSS selector.
 * @param type
 *   The element's class.
 * @returns
 *   The element, or `undefined`.
 */
export function closestElement<T extends Element>(target: EventTarget | null, selector: string, type: ElementType<T>): T | undefined {
	const start = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
	const found = start?.closest(selector);
	return found instanceof type ? found : undefined;
}
