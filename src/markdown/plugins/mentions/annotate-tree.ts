/**
 * The tree side of annotation: run one recogniser over every annotatable text
 * node of an mdast tree (one walk per kind, the same `scan` the pure
 * recognisers use) and record what each hit becomes (see `present.ts`). The
 * plugins only wire options and `file` to these.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { scan, type Hit, type Recogniser } from '../../../annotate/recogniser.ts';
import { isIgnored, replacementNodes } from './nodes.ts';
import { placeOf, positionFrom, restorePositions } from './positions.ts';
import type { MentionHit } from './record.ts';

/** A mention before its place in the file is known. */
export type MentionDraft = Omit<MentionHit, 'line' | 'column'> & {
	/** Where its words start when not at the hit's start (an offset in the scanned text). */
	at?: number;
};

/** What one hit becomes. */
export interface Presentation {
	/** Node replacing the hit's text; absent to leave the text as it is. */
	node?: PhrasingContent;
	/** Mentions to record (a range also records the numbers it spans). */
	mentions?: MentionDraft[];
	/** Something an editor should look at; reported as a file message. */
	warning?: { message: string; ruleId: string };
}

/**
 * Scans every annotatable text of one tree at once, for a kind whose hits
 * depend on the whole document (a bare short form names the actor the
 * document names in full): given the texts in document order, each with the
 * words before it in its sentence (context only, as `scan` reads it), the hits
 * of each.
 */
export type TreeScanner<Data> = (texts: ReadonlyArray<{ value: string; before: string }>) => ReadonlyArray<ReadonlyArray<Hit<Data>>>;

/** A warning with its place in the file. */
export interface PlacedWarning {
	message: string;
	ruleId: string;
	place: { line: number; column: number };
}

/** What annotating a tree found. */
export interface AnnotationResult {
	/** Mentions in document order. */
	mentions: MentionHit[];
	/** Warnings in document order. */
	warnings: PlacedWarning[];
}

/**
 * Replace every hit of a recogniser in the tree's text (links, code, `<time>`
 * and block labels excluded) by what `present` makes of it.
 *
 * @param tree
 *   mdast tree, changed in place.
 * @param recogniser
 *   Recogniser for one kind, or a scanner of the whole tree's texts.
 * @param present
 *   Turns a hit and its text into a node, mentions and warnings.
 * @param source
 *   The file's text, to restore the positions of cut text nodes (optional).
 * @param lineOffset
 *   Lines before the text in the file on disk, added to reported lines (default: `0`).
 * @returns
 *   Mentions and warnings with their places.
 */
export function annotateTree<Data>(
	tree: Root,
	recogniser: Recogniser<Data> | TreeScanner<Data>,
	present: (hit: Hit<Data>, text: string) => Presentation,
	source?: string,
	lineOffset = 0,
): AnnotationResult {
	const result: AnnotationResult = { mentions: [], warnings: [] };
	const targets: Array<{ node: Text; parent: Parents; value: string; before: string }> = [];
	eachAnnotatableText(tree, (node, ancestors, indices) => {
		const parent = ancestors[ancestors.length - 1];
		if (parent) targets.push({ node, parent, value: node.value, before: textBefore(ancestors, indices) });
	});
	// Every text is scanned before any is replaced: the context was read above, and replacing changes no text.
	const found = typeof recogniser === 'function' ? recogniser(targets) : targets.map(({ value, before }) => scan(recogniser, value, before));

	for (const [index, { node: textNode, parent }] of targets.entries()) {
		const input = textNode.value;
		const hits = found[index] ?? [];
		if (hits.length === 0) continue;
		/** Place of an offset in the text node, with the lines Astro cut off added. */
		const placeAt = (offset: number) => {
			const { line, column } = placeOf(textNode, offset);
			return { line: line > 0 ? line + lineOffset : line, column };
		};
		const nodes = replacementNodes(input, 0, input, hits, (hit, text) => {
			const shown = present(hit, text);
			for (const { at, ...draft } of shown.mentions ?? []) result.mentions.push({ ...draft, ...placeAt(at ?? hit.start) });
			if (shown.warning) result.warnings.push({ ...shown.warning, place: placeAt(hit.start) });
			const node: PhrasingContent = shown.node ?? { type: 'text', value: text };
			positionFrom(node, textNode, hit.start, hit.end);
			return node;
		});
		// Plain text between hits is one node (a hit left as text joins its neighbours); it gets its position back below.
		const pieces: PhrasingContent[] = [];
		for (const node of nodes) {
			const previous = pieces[pieces.length - 1];
			if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
			else pieces.push(node.type === 'text' ? { type: 'text', value: node.value } : node);
		}
		// The parent holds a text node, so it holds phrasing content: the pieces fit where the text was.
		const siblings: RootContent[] = parent.children;
		siblings.splice(siblings.indexOf(textNode), 1, ...pieces);
	}
	restorePositions(tree, source);
	return result;
}

/** How much of the sentence before a text node a recogniser reads as context. */
const CONTEXT_LENGTH = 120;

/**
 * The words before a text node inside its block (links and emphasis
 * included), up to `CONTEXT_LENGTH` characters: what a recogniser reads as
 * context when an earlier plugin has cut the sentence into several nodes.
 *
 * @param ancestors
 *   The text node's ancestors, root first.
 * @param indices
 *   Where the path to the node goes at each ancestor: `indices[depth]` is the
 *   index in `ancestors[depth]` of the next node down (found by the walk, not
 *   searched for in every parent of every text node).
 * @returns
 *   Preceding text.
 */
function textBefore(ancestors: readonly Parents[], indices: readonly number[]): string {
	let before = '';
	for (let depth = ancestors.length - 1; depth >= 0 && before.length < CONTEXT_LENGTH; depth--) {
		const parent = ancestors[depth]!;
		const siblings: readonly Nodes[] = parent.children;
		// Nearest siblings first, and only as many as the context needs: a long paragraph cut into
		// many nodes would otherwise be read again for each of them.
		for (let index = indices[depth]! - 1; index >= 0 && before.length < CONTEXT_LENGTH; index--) {
			before = plainText(siblings[index]!) + before;
		}
		// Stop at the block: a heading or paragraph is its own context.
		if (!INLINE_PARENTS.has(parent.type)) break;
	}
	return before.slice(-CONTEXT_LENGTH);
}

/**
 * The text of a node as `mdast-util-to-string` reads it with its defaults (a
 * value, an image's alt, or its children's text), without its options and
 * checks: `textBefore` asks for it for every sibling before every text node,
 * and once actors are links a date's text nodes are many.
 *
 * @param node
 *   mdast node.
 * @returns
 *   Its text.
 */
function plainText(node: Nodes): string {
	if ('value' in node) return node.value;
	if ('alt' in node && node.alt) return node.alt;
	if (!('children' in node)) return '';
	let text = '';
	for (const child of node.children) text += plainText(child);
	return text;
}

/** Parents that sit inside a sentence (the context runs on through them). */
const INLINE_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mentionTime', 'mentionRange']);

/**
 * Every annotatable text value of a tree, in document order (for document-wide
 * decisions such as which actor a short form names).
 *
 * @param tree
 *   mdast tree.
 * @returns
 *   Text values.
 */
export function annotatableTexts(tree: Root): string[] {
	const texts: string[] = [];
	eachAnnotatableText(tree, (node) => {
		texts.push(node.value);
	});
	return texts;
}

/**
 * Call `visitor` on every text node that is not inside an ignored node
 * (links, code, `<time>`, block labels: see `isIgnored`), in document order,
 * with its ancestors (root first). A plain walk rather than
 * `unist-util-visit-parents`, which names a fresh function for every node it
 * passes: each mention plugin walks the whole tree, and that naming was most
 * of the walk's cost. The visitor must not change the tree.
 *
 * @param tree
 *   mdast tree.
 * @param visitor
 *   Called once per text node with its ancestors and the index of the path at each (`indices[depth]` in
 *   `ancestors[depth]`); both are only valid during the call.
 * @returns
 *   Nothing.
 */
function eachAnnotatableText(tree: Root, visitor: (node: Text, ancestors: readonly Parents[], indices: readonly number[]) => void): undefined {
	const ancestors: Parents[] = [];
	const indices: number[] = [];
	const walk = (node: Nodes): undefined => {
		if (node.type !== 'root' && isIgnored(node)) return undefined;
		if (node.type === 'text') visitor(node, ancestors, indices);
		if ('children' in node) {
			ancestors.push(node);
			const children: readonly Nodes[] = node.children;
			for (let index = 0; index < children.length; index++) {
				indices.push(index);
				walk(children[index]!);
				indices.pop();
			}
			ancestors.pop();
		}
		return undefined;
	};
	walk(tree);
	return undefined;
}
