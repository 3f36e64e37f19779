import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
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
 * Turn `:::name` containers into labelled blocks and reject any other
 * directive, so that a stray colon in an author's text can never silently
 * swallow words.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkCommentaryBlocks(options?: Readonly<Options> | null) {
	const kinds = options?.kinds ?? defaultBlockKinds;

	return function transform(tree: Root, file: VFile): undefined {
		visit(tree, (node) => {
			if (node.type === 'textDirective' || node.type === 'leafDirective') {
				const place = node.position?.start;
				file.fail(
					`Unexpected directive “${node.type === 'textDirective' ? ':' : '::'}${node.name}”: only :::containers are allowed; escape the colon (\\:) if it is the author's text`,
					{ place, ruleId: 'unexpected-directive', source: 'remark-commentary-blocks' },
				);
			}
			if (node.type !== 'containerDirective') return;
			const directive = node as ContainerDirective;
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
		});
		return undefined;
	};
}
