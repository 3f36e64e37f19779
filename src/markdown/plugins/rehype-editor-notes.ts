import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { isExternalLink } from '../../utils/content-urls.ts';
import { truncateAtWord } from '../../utils/truncate.ts';
import { eachElement, eachElementWithAncestors } from './each-element.ts';
import { NOTE_KIND_LABEL } from '../../utils/labels.ts';
import type { EditorNote } from '../../schemas/note.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/**
 * Places each editor's note beside the passage it is about. The passage was
 * marked by `remark-editor-note-anchors` (`<mark id="noted-<id>">`); this
 * plugin runs after the claims are wrapped, so the editors' words never become
 * claims or mentions of the commentary.
 *
 * A paragraph with notes becomes
 *
 * ```html
 * <div class="with-note">
 *   <p>…<mark class="noted" id="noted-x" aria-details="note-x">…</mark>…</p>
 *   <div class="editor-notes">
 *     <aside class="editor-note" id="note-x" aria-labelledby="note-x-label">…</aside>
 *   </div>
 * </div>
 * ```
 *
 * which the stylesheet lays out as a margin note on wide screens and as an
 * inset after the paragraph on narrow ones. The notes of one paragraph share
 * one `editor-notes` group, so that in the margin they stack as one column
 * taken out of the flow: a note taller than its paragraph never pushes the
 * next paragraph down.
 */
export interface PlacedNote {
	id: string;
	commentary: string;
	kind: EditorNote['kind'];
	/** The commentary's words the note is about; part of the note's accessible name. */
	quote: string;
	/** The note's Markdown body. */
	body: string;
	/** The body already parsed, when the caller has it (default: `body` is parsed here). */
	tree?: MdastRoot | undefined;
	sources: readonly { label: string; url?: string | undefined }[];
	file: string;
}

export interface Options extends ScopeOptions {
	/** Every editor's note of the site (default: none). */
	notes?: readonly PlacedNote[];
}

const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Insert note asides after their passages.
 *
 * @param options
 *   Configuration.
 * @returns
 *   Transform.
 */
export default function rehypeEditorNotes(options?: Readonly<Options> | null) {
	const notes = options?.notes ?? [];
	const include = fileScope(options);

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const mine = notes.filter((note) => note.commentary === file.stem);
		if (mine.length === 0) return undefined;
		const byId = new Map(mine.map((note) => [note.id, note]));
		const placements: { note: PlacedNote; mark: Element; block: Element; parent: Root | Element }[] = [];

		eachElementWithAncestors(tree, (node, ancestors) => {
			const id = node.properties['dataNote'];
			if (node.tagName !== 'mark' || typeof id !== 'string') return;
			const note = byId.get(id);
			if (!note) return;
			let blockIndex = -1;
			for (let index = ancestors.length - 1; index >= 0; index--) {
				const ancestor = ancestors[index];
				if (ancestor?.type === 'element' && BLOCKS.has(ancestor.tagName)) {
					blockIndex = index;
					break;
				}
			}
			const block = ancestors[blockIndex];
			const parent = ancestors[blockIndex - 1];
			// The block's parent is the root or an element (a hast tree may also hold MDX nodes, which ours never does).
			if (!block || block.type !== 'element' || !parent || (parent.type !== 'root' && parent.type !== 'element')) {
				file.fail(`Editor's note ${note.file}: its passage is not inside a paragraph, list item or heading`, {
					ruleId: 'note-place',
					source: 'rehype-editor-notes',
				});
			}
			placements.push({ note, mark: node, block, parent });
		});

		for (const { note } of placements) byId.delete(note.id);
		for (const note of byId.values()) {
			file.fail(`Editor's note ${note.file}: its passage mark was not found in the rendered page`, {
				ruleId: 'note-place',
				source: 'rehype-editor-notes',
			});
		}

		// Several notes can share one block: wrap it once, then add each aside to its group.
		const wrappers = new Map<Element, Element>();
		for (const { note, mark, block, parent } of placements) {
			mark.properties['ariaDetails'] = `note-${note.id}`;
			const aside = renderNote(note);
			if (block.tagName === 'li') {
				block.children.push(aside);
				continue;
			}
			const existing = wrappers.get(block);
			if (existing) {
				existing.children.push(aside);
				continue;
			}
			const group = h('div', { className: ['editor-notes'] }, [aside]);
			replaceChild(parent, block, h('div', { className: ['with-note'] }, [block, group]));
			wrappers.set(block, group);
		}
		return undefined;
	};
}

/**
 * Put `replacement` where `child` is among its parent's children.
 *
 * @param parent
 *   Parent of `child` (changed in place).
 * @param child
 *   Element to replace.
 * @param replacement
 *   Element to put in its place.
 */
function replaceChild(parent: Root | Element, child: Element, replacement: Element): undefined {
	// Each branch sees its own children type: an element fits both.
	if (parent.type === 'root') parent.children.splice(parent.children.indexOf(child), 1, replacement);
	else parent.children.splice(parent.children.indexOf(child), 1, replacement);
	return undefined;
}

/**
 * A note's Markdown body as the content of its aside: the tree the notes
 * loader parsed, or (a note handed in without one) its text parsed here.
 *
 * @param note
 *   The note.
 * @returns
 *   Its blocks, as hast.
 */
function noteBody(note: Pick<PlacedNote, 'body' | 'tree'>): ElementContent[] {
	const tree = toHast(note.tree ?? fromMarkdown(note.body));
	const nodes = tree.type === 'root' ? tree.children : [tree];
	const content = nodes.filter(isElementContent);
	for (const node of content) {
		if (node.type !== 'element') continue;
		markLinkOut(node);
		eachElement(node, markLinkOut);
	}
	return content;
}

/**
 * Mark a link of a note to another site, as a commentary's are, so that the
 * opened page cannot reach back or learn where the reader came from.
 *
 * @param node
 *   Any element of a note's body.
 */
function markLinkOut(node: Element): undefined {
	const href = node.properties['href'];
	if (node.tagName === 'a' && typeof href === 'string' && isExternalLink(href)) node.properties['rel'] = ['noopener', 'noreferrer'];
	return undefined;
}

/**
 * Whether a node can stand inside an element (anything but a doctype).
 *
 * @param node
 *   Node.
 * @returns
 *   Whether it is element content.
 */
function isElementContent(node: RootContent): node is ElementContent {
	return node.type !== 'doctype';
}

/**
 * The aside for one note: a label, the note's own Markdown, and its sources.
 */
function renderNote(note: PlacedNote): Element {
	const labelId = `note-${note.id}-label`;
	// Several notes can share a page: each landmark's name says which passage it is about.
	const name = `Editor’s note on “${truncateAtWord(note.quote, 60)}”`;
	return h('aside', { className: ['editor-note'], id: `note-${note.id}`, ariaLabel: name, dataPagefindIgnore: true }, [
		h('p', { className: ['editor-note-label'], id: labelId }, [
			'Editor’s note',
			h('span', { className: ['editor-note-kind'] }, [`: ${NOTE_KIND_LABEL[note.kind]}`]),
		]),
		...noteBody(note),
		h('p', { className: ['editor-note-sources'] }, [
			note.sources.length === 1 ? 'Source: ' : 'Sources: ',
			...note.sources.flatMap((source, index): ElementContent[] => [
				...(index > 0 ? [{ type: 'text' as const, value: '; ' }] : []),
				source.url ? h('a', { href: source.url, rel: ['external', 'noopener'] }, [source.label]) : { type: 'text', value: source.label },
			]),
		]),
	]);
}
