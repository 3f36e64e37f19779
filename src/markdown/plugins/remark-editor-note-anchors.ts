import type { Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { eachNode } from './each-node.ts';
import type {} from 'mdast-util-to-hast';
import { commentarySlug, fileScope, type ScopeOptions } from '../scope.ts';
import { findQuote, type QuoteSelector } from '../../utils/find-quote.ts';
import { positionFrom } from './mentions/positions.ts';

/**
 * Marks the exact words an editor's note is about. Runs first among the
 * remark plugins, while every paragraph is still plain text, so the quote is
 * matched against the authors' words as written:
 *
 * ```md
 * …exceeded $34 billion last year.
 * ```
 *
 * becomes (for a note on “$34 billion”)
 *
 * ```html
 * …exceeded <mark class="noted" id="noted-trade-figure" data-note="trade-figure">$34 billion</mark> last year.
 * ```
 *
 * The note itself is placed beside the passage later, by `rehype-editor-notes`.
 */
export interface AnchorNote extends QuoteSelector {
	/** Note id; the mark gets `id="noted-<id>"`. */
	id: string;
	/** File the note comes from, named in errors. */
	file: string;
	/** Line of the note's `quote` in `file`, named in errors (when known). */
	quoteLine?: number | undefined;
	/** Slug of the commentary the note annotates. */
	commentary: string;
}

export interface Options extends ScopeOptions {
	/** Every editor's note of the site (default: none). */
	notes?: readonly AnchorNote[];
	/** Slug of the file being processed (default: `commentarySlug`). */
	slug?: (file: VFile) => string | undefined;
}

/**
 * Wrap each note's quote in a `mark`, failing when the quote is not found
 * exactly once in its commentary.
 *
 * @param options
 *   Configuration.
 * @returns
 *   Transform.
 */
export default function remarkEditorNoteAnchors(options?: Readonly<Options> | null) {
	const notes = options?.notes ?? [];
	const include = fileScope(options);
	const slugOf = options?.slug ?? commentarySlug;

	return function transform(tree: Root, file: VFile): undefined {
		// A file without a path has no slug a note could name.
		if (!file.path || !include(file)) return undefined;
		const slug = slugOf(file);
		if (!slug) return undefined;
		const mine = notes.filter((note) => note.commentary === slug);
		// Every quote is looked for in the text as written, before any is marked, so that one
		// note's mark never decides whether another note's quote is found (whatever their order).
		const found = mine.map((note) => ({ note, hits: quoteHits(tree, note) }));
		const problems = found
			.filter(({ hits }) => hits.length !== 1)
			.map(({ note, hits }) =>
				file.message(
					`${where(note)}: quote: “${note.quote}” is found ${hits.length} times in ${slug}; an editor's note's quote must be found exactly once (check the wording, or add a prefix/suffix)`,
					{ ruleId: 'note-quote', source: 'remark-editor-note-anchors' },
				),
			);
		const placed = found.flatMap(({ note, hits }) => (hits.length === 1 ? [{ note, ...hits[0]! }] : []));
		placed.forEach((later, index) => {
			const earlier = placed.slice(0, index).find((other) => other.node === later.node && other.start < later.start + later.note.quote.length && later.start < other.start + other.note.quote.length);
			if (!earlier) return;
			problems.push(
				file.message(
					`${where(later.note)}: quote: “${later.note.quote}” overlaps the quote of ${earlier.note.file} (“${earlier.note.quote}”) in ${slug}; two notes cannot mark overlapping words, so shorten one quote`,
					{ ruleId: 'note-quote', source: 'remark-editor-note-anchors' },
				),
			);
		});
		if (problems.length > 0) throw new AggregateError(problems, problems.map((problem) => problem.reason).join('\n'));
		// Each text node is cut once, at all of its notes' quotes.
		const byNode = new Map<Text, typeof placed>();
		for (const hit of placed) byNode.set(hit.node, [...(byNode.get(hit.node) ?? []), hit]);
		for (const [node, hits] of byNode) markQuotes(node, hits[0]!.parent, hits.sort((a, b) => a.start - b.start));
		return undefined;
	};
}

/** One place a note's quote is found: the text node, its parent and the offset in it. */
interface QuoteHit {
	node: Text;
	parent: Parents;
	start: number;
}

/**
 * Every place a note's quote is found in the text as written.
 *
 * @param tree
 *   The commentary.
 * @param note
 *   The note.
 * @returns
 *   The places, in document order.
 */
function quoteHits(tree: Root, note: AnchorNote): QuoteHit[] {
	const hits: QuoteHit[] = [];
	eachNode(tree, (node, parent) => {
		if (node.type !== 'text' || !parent) return undefined;
		for (const start of findQuote(node.value, note)) hits.push({ node, parent, start });
		return undefined;
	});
	return hits;
}

/** `file:line` of a note's quote, or its file when the line is unknown. */
function where(note: AnchorNote): string {
	return `${note.file}${note.quoteLine === undefined ? '' : `:${note.quoteLine}`}`;
}

/**
 * Replace a text node by its parts: the words between the quotes as text, and
 * each quote in a `mark` of its note.
 *
 * @param node
 *   The text node.
 * @param parent
 *   Its parent.
 * @param hits
 *   The notes' quotes in it, by offset, none overlapping.
 */
function markQuotes(node: Text, parent: Parents, hits: readonly (QuoteHit & { note: AnchorNote })[]): void {
	// Each part with the length of the text it covers.
	const replacement: Array<[PhrasingContent, number]> = [];
	let at = 0;
	for (const { note, start } of hits) {
		const end = start + note.quote.length;
		if (start > at) replacement.push([{ type: 'text', value: node.value.slice(at, start) }, start - at]);
		replacement.push([
			{
				type: 'emphasis',
				data: { hName: 'mark', hProperties: { className: ['noted'], id: `noted-${note.id}`, dataNote: note.id } },
				children: [{ type: 'text', value: node.value.slice(start, end) }],
			},
			end - start,
		]);
		at = end;
	}
	if (at < node.value.length) replacement.push([{ type: 'text', value: node.value.slice(at) }, node.value.length - at]);
	// Keep positions, so that the mentions found inside the quote later still name their line.
	let from = 0;
	for (const [part, length] of replacement) {
		positionFrom(part, node, from, from + length);
		from += length;
	}
	// The parent holds the text node, so it holds phrasing content: the parts fit where the text was.
	const siblings: RootContent[] = parent.children;
	siblings.splice(siblings.indexOf(node), 1, ...replacement.map(([part]) => part));
}
