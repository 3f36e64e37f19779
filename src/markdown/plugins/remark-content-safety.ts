import type { ContainerDirective } from 'mdast-util-directive';
import type { Definition, Heading, Link, LinkReference, Nodes, Paragraph, Parents, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { eachNode, SKIP_CHILDREN } from './each-node.ts';
// Brings in the `data.hProperties` field that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import { hasVisibleText } from '../../schemas/text.ts';
import { isExternalLink, refusedUrl } from '../../utils/content-urls.ts';
import { sitePaths } from '../../utils/routes.ts';
import { fileScope, commentarySlug, type ScopeOptions } from '../scope.ts';
import type { SiteAddressCheck } from '../../loaders/site-addresses.ts';
import { HEADING_ID_PREFIX, headingSlug } from './rehype-heading-ids.ts';

/**
 * Keeps a commentary's Markdown to what the site may publish, and to the
 * constructs the site supports (`docs/content.md`, “What the body may hold”):
 *
 * - raw HTML (`<script>…</script>`, `<b>`) is an error at its line, never
 *   silently dropped (dropping it left the script's text in the prose);
 * - link and image URLs follow `src/utils/content-urls.ts`: `javascript:`,
 *   `data:`, `vbscript:` links and images from another origin are errors;
 *   a site-relative link must name a page or file the site publishes (and a
 *   fragment of this text, a heading or a sentence), checked by `sitePath`;
 * - every construct the pipeline does not carry through to claims, mentions,
 *   data and CSP-clean HTML is refused by name: tables, code, images,
 *   footnotes, task-list boxes, strikethrough, a level-1 heading (the page's
 *   title is its only `<h1>`), a heading or link with no visible text (a
 *   screen reader would announce nothing), attributes or a label on a block
 *   (`:::bio{.x}`, `:::bio[About]`), a block inside another construct;
 * - links to other sites get `rel="noopener noreferrer"`.
 *
 * Every problem of the file is reported at once (an `AggregateError` of
 * `VFileMessage`s, each with its place).
 */
export interface Options extends ScopeOptions {
	/**
	 * Whether a site-relative address names something the site publishes
	 * (`siteAddressCheck` in `src/loaders/site-addresses.ts`; default: every
	 * address is taken to resolve).
	 */
	sitePath?: SiteAddressCheck | null | undefined;
}

/**
 * The node types a commentary may hold (docs/content.md, “What the body may
 * hold”): each is carried through to claims, mentions and CSP-clean HTML.
 * Text and leaf directives are not here: `remark-commentary-blocks` has put
 * them back as the author's text before this plugin runs. Any other type,
 * including one a future parser extension adds, is refused.
 */
export const SUPPORTED_NODE_TYPES: ReadonlySet<string> = new Set([
	'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'break', 'link', 'linkReference', 'definition',
	'list', 'listItem', 'blockquote', 'thematicBreak', 'containerDirective',
]);

/** Node types refused with a reason of their own and what to write instead (raw HTML is refused as unsafe). */
export const REFUSED_NODE_TYPES: Readonly<Partial<Record<Nodes['type'], string>>> = {
	table: 'a table is not supported in a commentary (its cells would publish sentences without permalinks); write its content as paragraphs or a list',
	code: 'a code block is not supported in a commentary; quote the words as a paragraph or a blockquote',
	inlineCode: 'inline code is not supported in a commentary; write the words as text (emphasis with *…* if they must stand out)',
	image: 'an image is not supported in a commentary (a commentary here is its text); describe it in words or link to it',
	imageReference: 'an image is not supported in a commentary (a commentary here is its text); describe it in words or link to it',
	footnoteDefinition: 'a footnote is not supported in a commentary; put the note in the text (in brackets) or in an editor’s note',
	footnoteReference: 'a footnote is not supported in a commentary; put the note in the text (in brackets) or in an editor’s note',
	delete: 'strikethrough (~~…~~) is not supported in a commentary; if the source strikes words, say so in an editor’s note',
};

/**
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkContentSafety(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const sitePath = options?.sitePath ?? undefined;

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const definitions = new Map<string, Definition>();
		const headingIds = new Set<string>();
		const slugger = new GithubSlugger();
		eachNode(tree, (node) => {
			if (node.type === 'definition') definitions.set(node.identifier, node);
			if (node.type === 'heading') headingIds.add(`${HEADING_ID_PREFIX}${headingSlug(slugger, toString(node))}`);
			return undefined;
		});
		const page = sitePaths.commentary(commentarySlug(file));
		const problems: ReturnType<VFile['message']>[] = [];
		// The text's lines, split the first time a block is checked.
		let lines: string[] | undefined;
		const report = (reason: string, node: Nodes, ruleId: string) => {
			problems.push(file.message(reason, { place: node.position, ruleId, source: 'remark-content-safety' }));
		};
		eachNode(tree, (node, parent) => {
			if (node.type === 'html') {
				report(`raw HTML is not allowed (“${shorten(node.value)}”); write it as text, escaping “<” as “\\<”`, node, 'raw-html');
				return undefined;
			}
			if (node.type === 'text') {
				const found = [...(parent?.type === 'paragraph' ? strayFences(node, parent) : []), ...danglingReferences(node)];
				for (const { reason, place } of found) problems.push(file.message(reason, { place, ruleId: 'unsupported-markdown', source: 'remark-content-safety' }));
			}
			if (node.type === 'containerDirective' && !closed(node, lines ??= String(file.value).split('\n'))) {
				report(`block “:::${node.name}” is never closed: it would hold the rest of the text; end it with a line “:::”`, node, 'unclosed-block');
			}
			const refusedConstruct = constructProblem(node, parent);
			const url = urlOf(node, definitions);
			const refused = url === undefined ? undefined : refusedUrl(url, node.type === 'image' || node.type === 'imageReference' ? 'image' : 'link');
			// An unsafe URL is the more urgent message; a safe image is still refused as a construct.
			if (refused) report(refused, node, 'unsafe-url');
			else if (refusedConstruct) report(refusedConstruct, node, 'unsupported-markdown');
			// A refused construct is one problem, not one per row or cell inside it.
			if (refusedConstruct) return SKIP_CHILDREN;
			if (refused || url === undefined || node.type === 'definition') return undefined;
			if (node.type !== 'link' && node.type !== 'linkReference') return undefined;
			if (isExternalLink(url)) addRel(node);
			const unresolved = unresolvedAddress(url, page, headingIds, sitePath);
			if (unresolved) report(`link “${url}” goes nowhere: ${unresolved}`, node, 'unresolved-link');
			return undefined;
		});
		if (problems.length > 0) {
			throw new AggregateError(problems, problems.map((problem) => `${problem.line ?? '?'}: ${problem.reason}`).join('\n'));
		}
		return undefined;
	};
}

/**
 * Why a node is a construct the site does not support, if it is one.
 *
 * @param node
 *   Any mdast node of a commentary.
 * @param parent
 *   The node it stands in (none for the root).
 * @returns
 *   The reason, or `undefined`.
 */
function constructProblem(node: Nodes, parent: Parents | undefined): string | undefined {
	const refused = REFUSED_NODE_TYPES[node.type];
	if (refused) return refused;
	if (!SUPPORTED_NODE_TYPES.has(node.type)) return `“${node.type}” is not supported in a commentary (docs/content.md lists what the body may hold)`;
	if (node.type === 'heading') return headingProblem(node);
	if (node.type === 'link' || node.type === 'linkReference') return linkTextProblem(node);
	if (node.type === 'listItem' && typeof node.checked === 'boolean') {
		return 'a task-list box (“[ ]”, “[x]”) is not supported in a commentary; write the item as text';
	}
	if (node.type === 'containerDirective') return blockProblem(node, parent);
	return undefined;
}

/** A level-1 heading would be a second `<h1>` on the reading page; an empty one is announced as nothing. */
function headingProblem(node: Heading): string | undefined {
	if (node.depth === 1) return 'a level-1 heading (“# …” or a “===” underline) is not allowed: the page’s title is its only top heading; use “## …”';
	return hasVisibleText(toString(node)) ? undefined : 'a heading with no visible text is not allowed (a screen reader announces an empty heading); write its words or remove it';
}

/** A link whose text shows nothing cannot be seen, clicked or named by a screen reader. */
function linkTextProblem(node: Link | LinkReference): string | undefined {
	return hasVisibleText(toString(node)) ? undefined : 'a link with no visible text is not allowed (nobody could see or name it); put the words it links inside the brackets';
}

/**
 * Blocks stand at the top level of the text, without attributes or a label:
 * `:::bio{.wide}` and `:::bio[About]` would silently lose them (the label
 * would be published as a paragraph with no permalink), and a block inside a
 * list, a blockquote or another block is no block the page lays out.
 */
function blockProblem(node: ContainerDirective, parent: Parents | undefined): string | undefined {
	const names = Object.keys(node.attributes ?? {});
	if (names.length > 0) return `block “:::${node.name}” takes no attributes, but has {${names.join(', ')}}; remove them`;
	const label = node.children.find((child) => child.type === 'paragraph' && child.data?.directiveLabel === true);
	if (label) return `block “:::${node.name}” takes no label, but has “[${toString(label)}]”; remove it (write the words as the block's first paragraph)`;
	if (parent && parent.type !== 'root') {
		return `block “:::${node.name}” stands inside another construct (${CONTAINER_NAMES[parent.type] ?? parent.type}${parent.type === 'containerDirective' ? ` :::${parent.name} block)` : ')'}; blocks stand on their own at the top level of the text`;
	}
	return undefined;
}

/** A line of three or more colons: a block fence, wherever it stands. */
const FENCE_LINE = /^:{3,}/;

/**
 * Lines of a paragraph's text that are block fences the parser read as text:
 * a `:::` that closes no block, `::: bio` with a space before the name. They
 * would be published as sentences (“:::”) around words meant for a block.
 *
 * @param node
 *   A text node of a paragraph.
 * @param parent
 *   The paragraph.
 * @returns
 *   Each fence's reason and place.
 */
function strayFences(node: Text, parent: Paragraph): { reason: string; place: Point | undefined }[] {
	const start = node.position?.start;
	return node.value.split('\n').flatMap((line, index) => {
		// The first line of a text node starts a line only when the node starts its paragraph.
		if ((index === 0 && parent.children[0] !== node) || !FENCE_LINE.test(line)) return [];
		const place = start ? { line: start.line + index, column: index === 0 ? start.column : 1 } : undefined;
		return [{ reason: `a fence “${line.trim()}” that opens or closes no block (a block opens with “:::name” alone on its line after a blank line, and closes with “:::”); fix or remove it`, place }];
	});
}

/**
 * A reference the parser found no definition for stays text: `[text][label]`,
 * `[text][]`, `![alt][label]`, and a footnote reference `[^label]`. Either
 * would publish the brackets where the author meant a link.
 */
const DANGLING_REFERENCE = /!?\[[^\]\n]*\]\[[^\]\n]*\]|\[\^[^\]\s]+\]/g;

/**
 * References of a text node that name no definition (the parser left them as text).
 *
 * @param node
 *   A text node.
 * @returns
 *   Each reference's reason and place.
 */
function danglingReferences(node: Text): { reason: string; place: Point | undefined }[] {
	const start = node.position?.start;
	return [...node.value.matchAll(DANGLING_REFERENCE)].map((match) => {
		const before = node.value.slice(0, match.index);
		const lines = before.split('\n');
		const place = start ? { line: start.line + lines.length - 1, column: lines.length === 1 ? start.column + match.index : 1 } : undefined;
		const reason = match[0].startsWith('[^')
			? `a footnote reference “${match[0]}” with no footnote (footnotes are not supported); put the note in the text (in brackets) or in an editor’s note`
			: `a reference “${match[0]}” names no definition, so it would be published as brackets; add the definition (“[label]: https://…”) or write the link inline`;
		return { reason, place };
	});
}

/**
 * Whether a block ends with its closing fence (an unclosed one runs to the
 * end of the text). Read by line, not by offset: a byte-order mark the parser
 * skips shifts every offset, never a line.
 *
 * @param node
 *   A `:::name` block.
 * @param lines
 *   The lines of the Markdown its positions point into.
 * @returns
 *   `false` when its last line is no fence.
 */
function closed(node: ContainerDirective, lines: readonly string[]): boolean {
	const { start, end } = node.position ?? {};
	if (!start || !end) return true;
	// The block's last line, without the markers of a blockquote or list it stands in.
	const last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
	return last > start.line && CLOSING_FENCE.test(lines[last - 1] ?? '');
}

/** A closing fence line: three or more colons alone, after any blockquote markers or indentation. */
const CLOSING_FENCE = /^[\s>]*:{3,}\s*$/;

/** What a reader calls the constructs a block may wrongly stand in. */
const CONTAINER_NAMES: Readonly<Partial<Record<Parents['type'], string>>> = {
	listItem: 'a list item',
	blockquote: 'a blockquote',
	containerDirective: 'a',
	footnoteDefinition: 'a footnote',
};

/** URL of a link, image or definition (references resolve through their definition). */
function urlOf(node: Nodes, definitions: ReadonlyMap<string, Definition>): string | undefined {
	if (node.type === 'link' || node.type === 'image' || node.type === 'definition') return node.url;
	if (node.type === 'linkReference' || node.type === 'imageReference') return definitions.get(node.identifier)?.url;
	return undefined;
}

/** The origin a commentary's relative links are read against; never a real host. */
const SITE = 'https://site.invalid';

/**
 * Why an allowed link names nothing on the site, if it does not: a fragment
 * of this page must be one of its headings or (with the ledger) sentences;
 * a path must be a page or file the site publishes.
 *
 * @param url
 *   The link as written.
 * @param page
 *   The commentary's own address (relative links are read against it).
 * @param headingIds
 *   Ids this commentary's headings get.
 * @param sitePath
 *   The site's address check, if known.
 * @returns
 *   The reason, or `undefined`.
 */
function unresolvedAddress(url: string, page: string, headingIds: ReadonlySet<string>, sitePath: SiteAddressCheck | undefined): string | undefined {
	const base = new URL(page, SITE);
	const target = new URL(url, base);
	if (target.origin !== base.origin) return undefined;
	const path = decodeURIComponent(target.pathname);
	const fragment = decodeURIComponent(target.hash.slice(1));
	// `[x]()`, `[x](#)`: the page itself, top of the page, which no reader follows a link for.
	if (path === base.pathname && fragment === '' && target.search === '') return 'it names this page itself and no place in it';
	if (path === base.pathname && fragment !== '' && !fragment.startsWith('c-')) {
		return headingIds.has(fragment) ? undefined : `“#${fragment}” is no heading of this text (headings are “#${HEADING_ID_PREFIX}…”)`;
	}
	return sitePath?.(path, fragment);
}

/** Mark a link to another site so that the opened page cannot reach back. */
function addRel(node: Link | LinkReference): void {
	const data = node.data ?? (node.data = {});
	data.hProperties = { ...data.hProperties, rel: ['noopener', 'noreferrer'] };
}

/** First 40 characters of raw HTML, on one line. */
function shorten(value: string): string {
	const line = value.replace(/\s+/g, ' ').trim();
	return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
