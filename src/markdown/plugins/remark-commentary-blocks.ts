import type { Paragraph, Parent, Root, Text } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { eachNode, RESTART_SIBLINGS } from './each-node.ts';
// Brings in the `data.hName`/`data.hProperties` fields that remark-rehype reads.
import type {} from 'mdast-util-to-hast';

/**
 * The parts of a published piece that are not its argument but still belong
 * to it: the author's bio, the editors' framing of an interview, a standfirst,
 * a dateline. Authors mark them in Markdown with container directives:
 *
 * ```md
 * :::bio
 * Rekha J is a Project Fellow at the Korea Center…
 * :::
 * ```
 *
 * which renders as
 *
 * ```html
 * <aside class="block block-bio" data-block="bio" aria-label="About the author">
 *   <p>Rekha J is a Project Fellow at the Korea Center…</p>
 * </aside>
 * ```
 */
export interface BlockKind {
	/** Element to render. */
	element: 'aside' | 'div' | 'header' | 'footer';
	/** Accessible name of the block, also shown as its visible label when `showLabel`. */
	label: string;
	/** Whether to show `label` above the block. */
	showLabel: boolean;
}

export interface Options {
	/** Known block names (default: `defaultBlockKinds`). */
	kinds?: Readonly<Record<string, BlockKind>>;
}

export const defaultBlockKinds: Readonly<Record<string, BlockKind>> = {
	bio: { element: 'aside', label: 'About the author', showLabel: true },
	framing: { element: 'div', label: 'Editorial framing', showLabel: false },
	standfirst: { element: 'div', label: 'Standfirst', showLabel: false },
	dateline: { element: 'div', label: 'Dateline', showLabel: false },
};

/**
 * Turn `:::name` containers into labelled blocks. Only containers are
 * directives in our content: a text (`:name`) or leaf (`::name`) directive is
 * a colon in the author's prose (`at 10:thirty`, `Note:this`), so it is put
 * back as the exact characters the author wrote. An unknown container fails.
 *
 * Unlike the other plugins, this one has no `include`: it completes the parse
 * of `remark-directive`, which reads every Markdown file of the site (editors'
 * notes too), so a colon in any file's prose must be put back.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkCommentaryBlocks(options?: Readonly<Options> | null) {
	const kinds = options?.kinds ?? defaultBlockKinds;

	return function transform(tree: Root, file: VFile): undefined {
		const source = String(file.value ?? '');
		eachNode(tree, (node, parent, index) => {
			if ((node.type === 'textDirective' || node.type === 'leafDirective') && parent && index !== undefined) {
				const literal = literalOf(node, source);
				const replacement: Paragraph | Text =
					node.type === 'leafDirective'
						? { type: 'paragraph', children: [{ type: 'text', value: literal }], ...(node.position ? { position: node.position } : {}) }
						: { type: 'text', value: literal, ...(node.position ? { position: node.position } : {}) };
				replaceChild(parent, index, replacement);
				mergeAdjacentText(parent);
				// Visit the parent's children again from the start: merging may have moved them.
				return RESTART_SIBLINGS;
			}
			if (node.type !== 'containerDirective') return undefined;
			const directive = node;
			const kind = kinds[directive.name];
			if (!kind) {
				file.fail(
					`Unknown block “:::${directive.name}”; expected one of ${Object.keys(kinds).map((k) => `:::${k}`).join(', ')}`,
					{ place: directive.position?.start, ruleId: 'unknown-block', source: 'remark-commentary-blocks' },
				);
			}
			const data = directive.data ?? (directive.data = {});
			data.hName = kind.element;
			data.hProperties = {
				className: ['block', `block-${directive.name}`],
				dataBlock: directive.name,
				...(kind.element === 'aside' || kind.element === 'div' ? { ariaLabel: kind.label } : {}),
				...(kind.element === 'div' ? { role: 'group' } : {}),
			};
			if (kind.showLabel) {
				directive.children.unshift({
					type: 'paragraph',
					data: { hName: 'p', hProperties: { className: ['block-label'], ariaHidden: 'true' } },
					children: [{ type: 'text', value: kind.label }],
				});
			}
			return undefined;
		});
		return undefined;
	};
}

/**
 * The characters the author wrote for a directive that is really prose.
 *
 * @param node
 *   A text or leaf directive.
 * @param source
 *   The file's Markdown.
 * @returns
 *   The source slice, or (without positions) the directive rebuilt from its parts.
 */
function literalOf(node: TextDirective | LeafDirective, source: string): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start !== undefined && end !== undefined && end <= source.length) return source.slice(start, end);
	const label = node.children.length > 0 ? `[${toString(node)}]` : '';
	return `${node.type === 'leafDirective' ? '::' : ':'}${node.name}${label}`;
}

/**
 * Put a node in place of a parent's child.
 *
 * @param parent
 *   Parent (changed in place). Every mdast parent is a `Parent`; the caller
 *   keeps its narrower children type by replacing like with like (a text
 *   directive by text, a leaf directive by a paragraph).
 * @param index
 *   Index of the child to replace.
 * @param replacement
 *   Node to put there.
 */
function replaceChild(parent: Parent, index: number, replacement: Paragraph | Text): undefined {
	parent.children.splice(index, 1, replacement);
	return undefined;
}

/**
 * Join neighbouring text nodes, so that words split by a put-back directive
 * are one text again for the recognisers.
 *
 * @param parent
 *   Node whose children to merge.
 */
function mergeAdjacentText(parent: Parent): void {
	const children = parent.children;
	for (let index = children.length - 1; index > 0; index--) {
		const node = children[index]!;
		const before = children[index - 1]!;
		if (node.type !== 'text' || before.type !== 'text') continue;
		const merged: Text = { type: 'text', value: before.value + node.value };
		if (before.position && node.position) merged.position = { start: before.position.start, end: node.position.end };
		children.splice(index - 1, 2, merged);
	}
}
