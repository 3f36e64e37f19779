import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
// Brings in `file.data.astro`, where Astro reads `remarkPluginFrontmatter`.
import type {} from '@astrojs/markdown-remark';
import { assignClaimIds, type HashFunction } from '../../claims/claim-id.ts';
import { isCitable, type CitableUnit } from '../../claims/citable.ts';
import { collapseWhitespace } from '../../claims/normalise.ts';
import { claimLinkLabel, pinpoints } from '../../claims/pinpoint.ts';
import { segmentSentences, type NonTerminalRule } from '../../claims/segment.ts';
import { commentarySlug, fileScope, type ScopeOptions } from '../scope.ts';
import { mentionFormSchema, mentionKindSchema, type Claim, type ClaimBlock, type Mention, type NoteClaims } from '../../schemas/corpus.ts';

declare module 'vfile' {
	interface DataMap {
		/** Claims of the commentary, set by `rehype-claims`. */
		claims: Claim[];
		/** Each editor's note of the commentary with the claims its marked words stand in, set by `rehype-claims`. */
		noteClaims: NoteClaims;
	}
}

/**
 * Wrap every sentence of a commentary in a citable claim:
 *
 * ```html
 * <p><span class="claim" data-claim id="c-3f9a0c1b2d">First sentence.<a class="claim-link" href="#c-3f9a0c1b2d" aria-label="Link to sentence 1 of para. 1" data-pagefind-ignore></a></span> …</p>
 * ```
 *
 * and record the claims in `file.data.claims` and
 * `file.data.astro.frontmatter.claims` (Astro's `remarkPluginFrontmatter`),
 * and, under `noteClaims`, which claims hold each editor's note's marked
 * words (`remark-editor-note-anchors` found them once; nothing looks again).
 */
export interface Options extends ScopeOptions {
	/** Slug of the commentary, part of every id (default: `commentarySlug`). */
	slug?: (file: VFile) => string;
	/** Whether to end each claim with a permalink anchor (default: `true`). */
	permalink?: boolean;
	/** Accessible name of every permalink anchor (default: each its own, from its pinpoint: `Link to sentence 2 of para. 4`). */
	linkLabel?: string;
	/** Sentence-break exceptions (default: `defaultNonTerminalRules` of `src/claims/segment.ts`). */
	rules?: readonly NonTerminalRule[];
	/** Hash for ids (default: SHA-256; tests inject others). */
	hash?: HashFunction;
	/**
	 * Whether a file without sentences is let through (default: `false`: it
	 * fails, its reading page would be empty). The pipeline lets it through
	 * when the ledger check follows, which reports it with any lost ids.
	 */
	allowEmpty?: boolean;
	/** Which paragraphs, list items and headings deserve permalinks (default: `isCitable`: sentences, not bare titles or bylines). */
	citable?: ((unit: Readonly<CitableUnit>) => boolean) | undefined;
}

/** Headings whose sentences are claims (`h1` is the page's title). */
const HEADING_BLOCKS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const satisfies readonly ClaimBlock[];
/** Elements that are never phrasing content: inside a list item they end a run of inline text. */
const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
	'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
	'section', 'table', 'ul',
]);
/** Elements whose content is not prose. */
const OPAQUE = new Set(['pre', 'code', 'script', 'style', 'template', 'svg', 'math', 'table', 'h1']);

/** One stretch of inline content that becomes claims: a paragraph, a heading, or the inline part of a list item. */
interface Unit {
	parent: Element;
	from: number;
	count: number;
	block: ClaimBlock;
	blockIndex: number;
	section: string | undefined;
	container: string | undefined;
	pieces: Piece[];
}

/** A slice of a unit: a sentence (becomes a claim) or the whitespace between sentences. */
interface Piece {
	sentence: boolean;
	nodes: ElementContent[];
	text: string;
}

/**
 * Wrap sentences in claims (see `Options`).
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function rehypeClaims(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const slugOf = options?.slug ?? commentarySlug;
	const permalink = options?.permalink ?? true;
	const linkLabel = options?.linkLabel;
	const segmentOptions = options?.rules ? { rules: options.rules } : {};
	const citable = options?.citable ?? isCitable;
	const hashOptions = options?.hash ? { hash: options.hash } : null;
	const allowEmpty = options?.allowEmpty ?? false;

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;

		const units: Unit[] = [];
		let section: string | undefined;

		const addUnit = (parent: Element, from: number, count: number, block: ClaimBlock, container: string | undefined) => {
			const nodes = parent.children.slice(from, from + count);
			// Each node's text is read once here and serves the citable test, the segmenter and the claims' texts.
			const texts = nodes.map(textOf);
			// The text is read only by a rule that needs it (the default reads a prose paragraph's block alone).
			const unit = {
				block,
				container,
				get text() {
					return collapseWhitespace(texts.join(''));
				},
			};
			if (!citable(unit)) {
				// Not a claim, so its mentions are recorded nowhere: the page shows them as plain words too.
				parent.children.splice(from, count, ...nodes.flatMap(unwrapMentions));
				return;
			}
			const pieces = splitIntoPieces(nodes, texts, segmentOptions);
			if (!pieces.some((piece) => piece.sentence)) return;
			units.push({ parent, from, count, block, blockIndex: units.length, section, container, pieces });
		};

		const walk = (parent: Element | Root, container: string | undefined): void => {
			const children = parent.children;
			let run = -1; // Start of the current run of inline children of a list item.
			const closeRun = (end: number) => {
				if (run >= 0 && parent.type === 'element') addUnit(parent, run, end - run, 'li', container);
				run = -1;
			};
			for (let index = 0; index < children.length; index++) {
				const child = children[index]!;
				if (parent.type === 'element' && parent.tagName === 'li' && isInline(child)) {
					if (run < 0) run = index;
					continue;
				}
				closeRun(index);
				if (child.type !== 'element' || isSkipped(child)) continue;
				const inner = typeof child.properties.dataBlock === 'string' ? child.properties.dataBlock : container;
				const heading = headingBlock(child.tagName);
				if (child.tagName === 'p') {
					addUnit(child, 0, child.children.length, 'p', inner);
				} else if (heading) {
					addUnit(child, 0, child.children.length, heading, inner);
					section = collapseWhitespace(textOf(child)) || section;
				} else {
					walk(child, inner);
				}
			}
			closeRun(children.length);
		};

		walk(tree, undefined);

		const slug = slugOf(file);
		const sentences = units.flatMap((unit) => unit.pieces.filter((piece) => piece.sentence));
		const ids = assignClaimIds(
			slug,
			sentences.map((piece) => piece.text),
			hashOptions,
		);

		const claims: Claim[] = [];
		const where = pinpoints(units.flatMap((unit) => unit.pieces.filter((piece) => piece.sentence).map(() => unit)));
		const noteClaims: NoteClaims = {};
		const replacements = new Map<Unit, ElementContent[]>();
		for (const unit of units) {
			const output: ElementContent[] = [];
			for (const piece of unit.pieces) {
				if (!piece.sentence) {
					output.push(...piece.nodes);
					continue;
				}
				const id = ids[claims.length]!;
				// The editors' notes whose marked words stand in the sentence, found by the walk that finds its mentions.
				const notes = new Set<string>();
				const claim: Claim = {
					id,
					text: piece.text,
					block: unit.block,
					blockIndex: unit.blockIndex,
					index: claims.length,
					...(unit.section === undefined ? {} : { section: unit.section }),
					...(unit.container === undefined ? {} : { container: unit.container }),
					mentions: collectMentions(piece.nodes, notes),
				};
				claims.push(claim);
				for (const note of notes) (noteClaims[note] ??= []).push(id);
				// The piece's own list, made for it by `splitIntoPieces` and read by nothing after this.
				const content = piece.nodes;
				if (permalink) {
					content.push({
						type: 'element',
						tagName: 'a',
						properties: { className: ['claim-link'], href: `#${id}`, ariaLabel: linkLabel ?? claimLinkLabel(where[claim.index]!), dataPagefindIgnore: true },
						children: [],
					});
				}
				output.push({ type: 'element', tagName: 'span', properties: { className: ['claim'], dataClaim: true, id }, children: content });
			}
			replacements.set(unit, output);
		}
		// Splice from the last unit backwards so that earlier indices in a shared parent stay valid.
		for (const unit of [...units].reverse()) {
			unit.parent.children.splice(unit.from, unit.count, ...replacements.get(unit)!);
		}

		if (claims.length === 0 && !allowEmpty) {
			// An empty reading page would still say it reproduces the author's words.
			file.fail('the commentary has no sentences: its reading page would be empty', { ruleId: 'no-claims', source: 'rehype-claims' });
		}
		file.data.claims = claims;
		file.data.noteClaims = noteClaims;
		// Astro reads `file.data.astro.frontmatter` as `remarkPluginFrontmatter`.
		const astro = (file.data.astro ??= {});
		const frontmatter = (astro.frontmatter ??= {});
		frontmatter['claims'] = claims;
		frontmatter['noteClaims'] = noteClaims;
		return undefined;
	};
}

/**
 * A node with every mention link inside it replaced by its content (for text
 * that is not a claim: a bare title, a byline, a dateline).
 *
 * @param node
 *   Node.
 * @returns
 *   The node, or the mention's children in its place.
 */
function unwrapMentions(node: ElementContent): ElementContent[] {
	if (node.type !== 'element') return [node];
	const children = node.children.flatMap(unwrapMentions);
	if (node.properties.dataMention !== undefined && node.properties.dataRef !== undefined) return children;
	return [{ ...node, children }];
}

/**
 * The claim block a heading stands for.
 *
 * @param tagName
 *   Element name.
 * @returns
 *   `h2` to `h6`, or `undefined` for any other element.
 */
function headingBlock(tagName: string): ClaimBlock | undefined {
	return HEADING_BLOCKS.find((block) => block === tagName);
}

/** Whether a node is inline content (text, a comment, or a non-block element). */
function isInline(node: RootContent): boolean {
	if (node.type === 'text' || node.type === 'comment') return true;
	return node.type === 'element' && !BLOCKS.has(node.tagName);
}

/** Labels drawn by the site (class `block-label`), hidden content and non-prose are never claims. */
function isSkipped(node: Element): boolean {
	const className = node.properties.className;
	if (Array.isArray(className) && className.includes('block-label')) return true;
	const hidden: unknown = node.properties['ariaHidden'];
	if (hidden === true || hidden === 'true') return true;
	if (node.properties.dataClaim !== undefined) return true; // Already processed.
	return OPAQUE.has(node.tagName);
}

/** Text of a node as a reader sees it; a line break counts as whitespace. */
function textOf(node: RootContent | ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element') return '';
	if (node.tagName === 'br') return '\n';
	// Concatenated in place: a mention link holds one or two nodes, and an array per element was most of the cost.
	let text = '';
	for (const child of node.children) text += textOf(child);
	return text;
}

/**
 * Cut a run of inline nodes into sentences and the whitespace between them.
 * Text nodes are split at sentence breaks; elements are kept whole (the
 * segmenter never breaks inside one) and go with the sentence holding their
 * first visible character.
 *
 * @param nodes
 *   The run of inline nodes.
 * @param texts
 *   The text of each node (`textOf`), read once by the caller.
 * @param segmentOptions
 *   Exceptions to the segmenter's breaks.
 * @returns
 *   Sentences and the gaps between them, in order.
 */
function splitIntoPieces(nodes: readonly ElementContent[], texts: readonly string[], segmentOptions: { rules?: readonly NonTerminalRule[] }): Piece[] {
	const text = texts.join('');
	const offsets: number[] = [];
	const atomic: Array<[number, number]> = [];
	let offset = 0;
	texts.forEach((value, index) => {
		offsets.push(offset);
		if (nodes[index]!.type === 'element' && value.length > 0) atomic.push([offset, offset + value.length]);
		offset += value.length;
	});

	const sentences = segmentSentences(text, { ...segmentOptions, atomic });
	// Partition [0, text.length] into alternating gaps and sentences.
	const bounds: Array<{ start: number; end: number; sentence: boolean }> = [];
	let cursor = 0;
	for (const { start, end } of sentences) {
		if (start > cursor) bounds.push({ start: cursor, end: start, sentence: false });
		bounds.push({ start, end, sentence: true });
		cursor = end;
	}
	if (cursor < text.length || bounds.length === 0) bounds.push({ start: cursor, end: text.length, sentence: false });

	// Each piece's raw text is gathered with its nodes (a text node's slice, an element's whole text) and collapsed once.
	const pieces: Piece[] = bounds.map((bound) => ({ sentence: bound.sentence, nodes: [], text: '' }));
	// The bounds partition the text in order and the nodes come in order: each node's bounds are looked for from
	// the first that ends after the node starts (none before it can hold any of the node), not from the start.
	let first = 0;
	const pieceAt = (position: number): number => {
		for (let at = first; at < bounds.length; at++) if (position >= bounds[at]!.start && position < bounds[at]!.end) return at;
		return bounds.length - 1;
	};

	nodes.forEach((node, index) => {
		const start = offsets[index]!;
		const value = texts[index]!;
		while (first < bounds.length - 1 && bounds[first]!.end <= start) first++;
		if (node.type === 'text') {
			for (let at = first; at < bounds.length && bounds[at]!.start < start + value.length; at++) {
				const bound = bounds[at]!;
				const from = Math.max(bound.start, start);
				const to = Math.min(bound.end, start + value.length);
				if (to <= from) continue;
				const piece = pieces[at]!;
				const slice = value.slice(from - start, to - start);
				piece.nodes.push({ type: 'text', value: slice });
				piece.text += slice;
			}
			return;
		}
		const lead = value.length - value.trimStart().length;
		const piece = pieces[pieceAt(lead < value.length ? start + lead : start)]!;
		piece.nodes.push(node);
		piece.text += value;
	});

	for (const piece of pieces) piece.text = collapseWhitespace(piece.text);
	return pieces.filter((piece) => piece.nodes.length > 0 || piece.sentence);
}

function isTruthy(value: unknown): boolean {
	return value !== undefined && value !== null && value !== false && value !== 'false';
}

/**
 * Map every offset of a raw text to its offset in `collapseWhitespace(raw)`.
 *
 * @param raw
 *   Text before collapsing.
 * @returns
 *   Where raw offset `i` lands (at `raw.length`: the end).
 */
function collapsedOffsets(raw: string): (offset: number) => number {
	// Most sentences have single spaces only and nothing to trim: every offset stays where it is, with no table.
	if (!SPACING_TO_COLLAPSE.test(raw) && !isWhitespace(raw.charCodeAt(0)) && !isWhitespace(raw.charCodeAt(raw.length - 1))) return (offset) => offset;
	const map = collapsedOffsetTable(raw);
	return (offset) => map[offset]!;
}

/** Whitespace other than a single space: any other whitespace character, or two spaces in a row (as `collapseWhitespace` reads it). */
const SPACING_TO_COLLAPSE = /[^\S ]| {2}/;

/**
 * The table of `collapsedOffsets`, one entry per offset.
 *
 * @param raw
 *   Text before collapsing.
 * @returns
 *   `map[i]` is where raw offset `i` lands (`map[raw.length]` is the end).
 */
function collapsedOffsetTable(raw: string): number[] {
	const map: number[] = [];
	const leading = raw.length - raw.trimStart().length;
	let out = 0;
	let inSpace = false;
	for (let index = 0; index < raw.length; index++) {
		if (index < leading || isWhitespace(raw.charCodeAt(index))) {
			// A run of whitespace becomes one space (none at the start): it stands where that space would.
			map.push(index < leading ? 0 : out);
			inSpace = index >= leading;
			continue;
		}
		if (inSpace) out += 1;
		inSpace = false;
		map.push(out);
		out += 1;
	}
	map.push(out);
	return map;
}

/**
 * Whether a UTF-16 code unit is whitespace as `\s` reads it, without a regex
 * for the printable ASCII that is most of the text.
 *
 * @param code
 *   Code unit.
 * @returns
 *   Whether `/\s/` matches it.
 */
function isWhitespace(code: number): boolean {
	if (code > 0x20 && code < 0xa0) return false;
	return /\s/.test(String.fromCharCode(code));
}

/**
 * A value of an enum schema: read from the schema's own list when it is one of
 * them, parsed (and so refused, naming what was expected) only when it is not.
 * Every mention of every claim is checked, and a schema parse per value was a
 * tenth of this plugin's time.
 *
 * @param schema
 *   Zod enum.
 * @param value
 *   Value written by a mention plugin.
 * @returns
 *   The value, typed.
 */
function enumValue<Value extends string>(schema: { readonly options: readonly Value[]; parse(value: unknown): Value }, value: string): Value {
	return schema.options.find((known) => known === value) ?? schema.parse(value);
}

/**
 * Annotation links (`data-mention` + `data-ref`) inside a claim, in document
 * order, with offsets in the claim text; and the ids of the editors' notes
 * whose marked words stand in it (`<mark class="noted" data-note="…">`, from
 * `remark-editor-note-anchors`), in reading order, in the same walk.
 *
 * @param nodes
 *   A sentence's nodes.
 * @param notes
 *   Receives the note ids.
 * @returns
 *   Mentions.
 */
function collectMentions(nodes: readonly ElementContent[], notes: Set<string>): Mention[] {
	const found: Array<{ node: Element; start: number; end: number }> = [];
	let raw = '';
	const visit = (node: ElementContent) => {
		if (node.type === 'text') {
			raw += node.value;
			return;
		}
		if (node.type !== 'element') return;
		if (node.tagName === 'br') {
			raw += '\n';
			return;
		}
		const { className, dataNote } = node.properties;
		if (node.tagName === 'mark' && Array.isArray(className) && className.includes('noted') && typeof dataNote === 'string') notes.add(dataNote);
		const start = raw.length;
		node.children.forEach(visit);
		const { dataMention, dataRef } = node.properties;
		if (dataMention !== undefined && dataRef !== undefined) found.push({ node, start, end: raw.length });
	};
	nodes.forEach(visit);
	if (found.length === 0) return [];
	const map = collapsedOffsets(raw);
	// Outer links close after the links inside them: order by position.
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	return found.map(({ node, start, end }) => {
		const { dataMention, dataRef, dataImplicit, dataRange, dataInferred, dataForm, dataCorrect } = node.properties;
		const words = raw.slice(start, end);
		const from = map(start + (words.length - words.trimStart().length));
		const to = map(end - (words.length - words.trimEnd().length));
		const mention: Mention = {
			kind: enumValue(mentionKindSchema, String(dataMention)),
			ref: String(dataRef),
			// The link's raw words are its text as `textOf` reads it (the same walk built `raw`).
			text: collapseWhitespace(words),
			start: from,
			end: to,
		};
		if (isTruthy(dataImplicit)) mention.implicit = true;
		if (isTruthy(dataRange)) mention.range = true;
		if (isTruthy(dataInferred)) mention.inferred = true;
		if (typeof dataForm === 'string') mention.form = enumValue(mentionFormSchema, dataForm);
		if (typeof dataCorrect === 'string') mention.correct = dataCorrect;
		return mention;
	});
}
