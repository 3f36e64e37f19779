/**
 * The text of a built page as a DOM client sees it: the values of the text
 * nodes under `<body>`, concatenated in document order, with nothing put
 * between blocks (that is what `textContent`, a `TreeWalker` over text nodes,
 * Apache Annotator and Hypothesis all count). For the elements an annotation
 * can be about, it records where their text lies in that string and where the
 * text of the block around them (the paragraph, list item, heading or cell)
 * lies, so that quote context never runs across a block or into an editor's
 * note beside it.
 */
import type { Element, Root, RootContent } from 'hast';

/** A stretch of the page's text: `text.slice(start, end)`. */
export interface TextSpan {
	start: number;
	end: number;
}

/** An element of the page and its text. */
export interface PlacedElement extends TextSpan {
	/** The nearest enclosing block's text (the element's own, for a block). */
	block: TextSpan;
	/** The mention links inside it (`[data-mention]`), in document order. */
	mentions: TextSpan[];
}

/** A page's text and where the elements with an id lie in it. */
export interface PageText {
	/** The text of `<body>`, as `document.body.textContent` gives it. */
	text: string;
	/** Elements by their `id`. */
	byId: ReadonlyMap<string, PlacedElement>;
}

/**
 * Elements that start a block of text of their own: quote context stops at
 * their edges (HTML's flow content that holds paragraphs' worth of text).
 */
const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
	'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
	'table', 'td', 'th', 'tr', 'ul',
]);

/** An element being walked. */
interface Open {
	start: number;
	/** The spans of the mention links inside it so far. */
	mentions: TextSpan[];
	/** Ids of elements whose nearest block this is, waiting for its end. */
	waiting: string[];
}

/**
 * Walk a built page once and measure its text (linear in the page's size).
 *
 * @param tree
 *   The page, parsed as a document (`hast-util-from-html`); a `<template>`'s
 *   content is not part of the tree's children, as it is not part of the DOM's.
 * @param file
 *   The page's file, for errors.
 * @returns
 *   The body's text and the elements with an id in it.
 * @throws
 *   When the page has no `<body>`.
 */
export function measurePageText(tree: Root, file: string): PageText {
	const body = findBody(tree.children);
	if (!body) throw new Error(`${file}: no <body> to read the text of`);
	const parts: string[] = [];
	let length = 0;
	const byId = new Map<string, PlacedElement>();
	const open: Open[] = [];
	const blocks: Open[] = [];

	/** Enter an element, walk its children, then record its span. */
	const visitElement = (element: Element) => {
		const isBlock = BLOCKS.has(element.tagName);
		const entry: Open = { start: length, mentions: [], waiting: [] };
		open.push(entry);
		if (isBlock) blocks.push(entry);
		for (const child of element.children) visitNode(child);
		open.pop();
		if (isBlock) blocks.pop();
		const span = { start: entry.start, end: length };
		if (element.properties['dataMention'] !== undefined) {
			for (const ancestor of open) ancestor.mentions.push(span);
		}
		const id = element.properties['id'];
		if (typeof id === 'string' && id !== '') {
			// The block is known once it ends: a block is its own; an inline element waits for the one around it.
			byId.set(id, { ...span, block: span, mentions: entry.mentions });
			if (!isBlock) blocks[blocks.length - 1]?.waiting.push(id);
		}
		for (const waiting of entry.waiting) byId.set(waiting, { ...byId.get(waiting)!, block: span });
	};

	/** Dispatch on the node's type (comments and doctypes hold no text). */
	const visitNode = (node: RootContent) => {
		if (node.type === 'text') {
			parts.push(node.value);
			length += node.value.length;
		} else if (node.type === 'element') visitElement(node);
	};

	visitElement(body);
	return { text: parts.join(''), byId };
}

/** The `<body>` of a document tree, wherever the parser put it. */
function findBody(nodes: readonly RootContent[]): Element | undefined {
	for (const node of nodes) {
		if (node.type !== 'element') continue;
		if (node.tagName === 'body') return node;
		const found = findBody(node.children);
		if (found) return found;
	}
	return undefined;
}
