import type { Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
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
		for (const note of mine) {
			const hits: { node: Text; parent: Parents; start: number }[] = [];
			visitParents(tree, 'text', (node, ancestors) => {
				const parent = ancestors.at(-1);
				if (!parent) return;
				for (const start of findQuote(node.value, note)) hits.push({ node, parent, start });
			});
			if (hits.length !== 1) {
				file.fail(
					`${note.file}${note.quoteLine === undefined ? '' : `:${note.quoteLine}`}: quote: “${note.quote}” is found ${hits.length} times in ${slug}; an editor's note's quote must be found exactly once (check the wording, or add a prefix/suffix)`,
					{ ruleId: 'note-quote', source: 'remark-editor-note-anchors' },
				);
			}
			const { node, parent, start } = hits[0]!;
			const end = start + note.quote.length;
			// Each part with the length of the text it covers.
			const replacement: Array<[PhrasingContent, number]> = [];
			if (start > 0) replacement.push([{ type: 'text', value: node.value.slice(0, start) }, start]);
			replacement.push([
				{
					type: 'emphasis',
					data: {
						hName: 'mark',
						hProperties: { className: ['noted'], id: `noted-${note.id}`, dataNote: note.id },
					},
					children: [{ type: 'text', value: node.value.slice(start, end) }],
				},
				end - start,
			]);
			if (end < node.value.length) replacement.push([{ type: 'text', value: node.value.slice(end) }, node.value.length - end]);
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
		return undefined;
	};
}
