/**
 * Where a mention is in the file: points inside text nodes, positions for
 * the nodes a replacement creates, and the lines Astro cuts off before the
 * body.
 */
import type { Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';

/**
 * Point of an offset inside a text node, from the node's position. Exact
 * when the node's value is the source as written (no escapes or character
 * references before the offset, no indented continuation lines).
 *
 * @param node
 *   Text node (its `value` is the scanned string).
 * @param offset
 *   Offset in `node.value`.
 * @returns
 *   1-based line and column (and source offset when known), or zeros when the
 *   node has no position.
 */
export function placeOf(node: Nodes | undefined, offset: number): Point {
	const start = node?.position?.start;
	if (!start || !node || !('value' in node)) return { line: 0, column: 0 };
	const text = node.value.slice(0, offset);
	// The line breaks of the node's text, found once per text rather than once per offset asked about.
	const breaks = lineBreaksOf(node.value);
	let count = 0;
	while (count < breaks.length && breaks[count]! < text.length) count++;
	const at = start.offset === undefined ? {} : { offset: start.offset + text.length };
	if (count === 0) return { line: start.line, column: start.column + text.length, ...at };
	return { line: start.line + count, column: text.length - breaks[count - 1]!, ...at };
}

/** The text whose line breaks `lineBreaksOf` found last, and where they are. */
let lastBreaks: { text: string; breaks: number[] } = { text: '', breaks: [] };

/**
 * Where the line breaks of a text are (a mention plugin asks about the same
 * text node for every hit in it, one after the other).
 *
 * @param text
 *   A text node's value.
 * @returns
 *   Offsets of its `\n` characters, in order.
 */
function lineBreaksOf(text: string): readonly number[] {
	if (lastBreaks.text !== text) {
		const breaks: number[] = [];
		for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) breaks.push(index);
		lastBreaks = { text, breaks };
	}
	return lastBreaks.breaks;
}

/**
 * The point reached after `text` from `start`.
 *
 * @param start
 *   Starting point.
 * @param text
 *   Text read from there.
 * @returns
 *   New point.
 */
function advance(start: Point, text: string): Point {
	const breaks = text.split('\n').length - 1;
	const offset = start.offset === undefined ? {} : { offset: start.offset + text.length };
	if (breaks === 0) return { line: start.line, column: start.column + text.length, ...offset };
	return { line: start.line + breaks, column: text.length - text.lastIndexOf('\n'), ...offset };
}

/**
 * Give a replacement node (and its descendants) the position of its text in
 * the original text node, so that later plugins and messages can still point
 * into the file.
 *
 * @param node
 *   Node built for a hit.
 * @param textNode
 *   Original text node.
 * @param start
 *   Offset of the hit in `textNode.value`.
 * @param end
 *   End offset of the hit.
 * @returns
 *   Nothing.
 */
export function positionFrom(node: PhrasingContent, textNode: Nodes | undefined, start: number, end: number): undefined {
	if (!textNode?.position) return undefined;
	const position = { start: placeOf(textNode, start), end: placeOf(textNode, end) };
	const set = (target: Nodes): void => {
		target.position ??= { start: { ...position.start }, end: { ...position.end } };
		if ('children' in target) for (const child of target.children) set(child);
	};
	set(node);
	return undefined;
}

/**
 * Give text nodes that `findAndReplace` cut out of a positioned text node a
 * position again (it creates them without one): a piece starts where its
 * previous sibling ends, or ends where its next one starts, or (a first piece
 * spanning lines) where its opening words are found in the source.
 *
 * @param tree
 *   Tree after a replacement pass.
 * @param source
 *   The file's text, to place a first piece that spans lines (optional).
 * @returns
 *   Nothing.
 */
export function restorePositions(tree: Root, source?: string): undefined {
	// A plain walk, parents before their children (`unist-util-visit` names a fresh function per node, which
	// was most of this pass's cost); only positions change, never the tree's shape.
	const walk = (parent: Nodes): undefined => {
		if (!('children' in parent)) return undefined;
		restoreChildren(parent, source);
		for (const child of parent.children) walk(child);
		return undefined;
	};
	walk(tree);
	return undefined;
}

/**
 * Give the positionless text children of one parent a position (see `restorePositions`).
 *
 * @param parent
 *   Parent node.
 * @param source
 *   The file's text (optional).
 * @returns
 *   Nothing.
 */
function restoreChildren(parent: Parents, source?: string): undefined {
	const children: Nodes[] = parent.children;
	// A loop, not `forEach`: every parent of the tree passes here once per mention plugin, and almost every
	// child already has its position.
	for (let index = 0; index < children.length; index++) {
		const child = children[index]!;
		if (child.position || child.type !== 'text') continue;
		restoreText(child, index, parent, source);
	}
	return undefined;
}

/**
 * Give one positionless text child its position (see `restorePositions`).
 *
 * @param child
 *   Text node without a position.
 * @param index
 *   Its index in `parent`.
 * @param parent
 *   Its parent.
 * @param source
 *   The file's text (optional).
 * @returns
 *   Nothing.
 */
function restoreText(child: Text, index: number, parent: Parents, source?: string): undefined {
	const children: Nodes[] = parent.children;
	const previous = children[index - 1]?.position?.end;
	if (previous) {
		child.position = { start: { ...previous }, end: advance(previous, child.value) };
		return undefined;
	}
	const next = children[index + 1]?.position?.start;
	const length = child.value.length;
	if (next && !child.value.includes('\n')) {
		const start = { line: next.line, column: next.column - length, ...(next.offset === undefined ? {} : { offset: next.offset - length }) };
		child.position = { start, end: { ...next } };
		return undefined;
	}
	// A first piece: find its opening words in the source, inside the parent.
	const from = parent.position?.start.offset;
	if (source === undefined || from === undefined) return undefined;
	const probe = child.value.split('\n')[0]?.slice(0, 40) ?? '';
	const offset = probe === '' ? -1 : source.indexOf(probe, from);
	if (offset === -1 || offset > (parent.position?.end.offset ?? source.length)) return undefined;
	const before = source.slice(0, offset);
	const start = { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), offset };
	child.position = { start, end: advance(start, child.value) };
	return undefined;
}

/**
 * The file's text, when it has one (to place nodes after a replacement pass).
 *
 * @param file
 *   File.
 * @returns
 *   Text, or `undefined`.
 */
export function sourceOf(file: VFile): string | undefined {
	if (typeof file.value === 'string') return file.value;
	return file.value ? new TextDecoder().decode(file.value) : undefined;
}
