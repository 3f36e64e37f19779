/**
 * Keeps a long text calm to read and to tab through: in each section (from
 * one heading to the next) only the first mention of each article, actor or
 * date stays a link; the later ones are marked quietly. A quiet mention keeps
 * every attribute that describes it (`data-mention`, `data-ref`, the preview's
 * `aria-describedby`…) but not its `href`, which it keeps as `data-href`: an
 * `<a>` without `href` is not a link and not a Tab stop. The reading page's
 * script turns every quiet mention back into a link when the reader asks for
 * all of them.
 *
 * ```html
 * <a href="/actors/russia/" data-mention="actor" data-ref="russia">Russia</a> … <a data-href="/actors/russia/" data-mention="actor" data-ref="russia" data-quiet>Russia</a>
 * ```
 *
 * The claims and their mentions are recorded by `rehype-claims` before this
 * runs, from `data-mention`/`data-ref`, so the corpus (pages, search, /data/)
 * keeps every mention.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './each-element.ts';
import type { VFile } from 'vfile';
import { fileScope, type ScopeOptions } from '../scope.ts';

export interface Options extends ScopeOptions {
	/** Heading ranks that start a section (default: 2 to 6; `h1` is the page's title). */
	sectionRanks?: readonly number[] | undefined;
}

/**
 * Quiet every mention but the first of its target in each section.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function rehypeQuietMentions(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const sectionRanks = new Set(options?.sectionRanks ?? [2, 3, 4, 5, 6]);

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		let linked = new Set<string>();
		eachElement(tree, function visitor(node: Element) {
			const rank = HEADING_RANKS.get(node.tagName);
			if (rank !== undefined && sectionRanks.has(rank)) linked = new Set();
			const key = mentionKey(node);
			if (key === undefined) return;
			if (linked.has(key)) quiet(node);
			else linked.add(key);
		});
		return undefined;
	};
}

/**
 * What a mention link points to (`kind:ref`), or nothing for any other node.
 *
 * @param node
 *   Element.
 * @returns
 *   Key, or `undefined` when `node` is not a mention link.
 */
function mentionKey(node: Element): string | undefined {
	const { dataMention, dataRef, href } = node.properties;
	if (node.tagName !== 'a' || typeof href !== 'string' || dataMention === undefined || dataRef === undefined) return undefined;
	return `${String(dataMention)}:${String(dataRef)}`;
}

/**
 * Turn a mention link into a quiet mention: its address moves to `data-href`.
 *
 * @param node
 *   Mention link (changed in place).
 */
function quiet(node: Element): undefined {
	node.properties['dataHref'] = node.properties['href'];
	node.properties['dataQuiet'] = true;
	delete node.properties['href'];
	return undefined;
}

/** The rank of each heading element (a map look-up per element of the page, not a regex run). */
const HEADING_RANKS: ReadonlyMap<string, number> = new Map([1, 2, 3, 4, 5, 6].map((rank) => [`h${rank}`, rank]));
