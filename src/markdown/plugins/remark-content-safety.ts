import type { Definition, Link, LinkReference, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
// Brings in the `data.hProperties` field that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
import { isExternalLink, refusedUrl } from '../../utils/content-urls.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/**
 * Keeps a commentary's Markdown to what the site may publish:
 *
 * - raw HTML (`<script>…</script>`, `<b>`) is an error at its line, never
 *   silently dropped (dropping it left the script's text in the prose);
 * - link and image URLs follow `src/utils/content-urls.ts`: `javascript:`,
 *   `data:`, `vbscript:` links and images from another origin are errors;
 * - links to other sites get `rel="noopener noreferrer"`.
 *
 * Every problem of the file is reported at once (an `AggregateError` of
 * `VFileMessage`s, each with its place).
 */
export type Options = ScopeOptions;

/**
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkContentSafety(options?: Readonly<Options> | null) {
	const include = fileScope(options);

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const definitions = new Map<string, Definition>();
		visit(tree, 'definition', (node) => {
			definitions.set(node.identifier, node);
		});
		const problems: ReturnType<VFile['message']>[] = [];
		const report = (reason: string, node: Nodes, ruleId: string) => {
			problems.push(file.message(reason, { place: node.position, ruleId, source: 'remark-content-safety' }));
		};
		visit(tree, (node) => {
			if (node.type === 'html') {
				report(`raw HTML is not allowed (“${shorten(node.value)}”); write it as text, escaping “<” as “\\<”`, node, 'raw-html');
				return;
			}
			const url = urlOf(node, definitions);
			if (url === undefined) return;
			const use = node.type === 'image' || node.type === 'imageReference' ? 'image' : 'link';
			const refused = refusedUrl(url, use);
			if (refused) {
				report(refused, node, 'unsafe-url');
				return;
			}
			if ((node.type === 'link' || node.type === 'linkReference') && isExternalLink(url)) addRel(node);
		});
		if (problems.length > 0) {
			throw new AggregateError(problems, problems.map((problem) => `${problem.line ?? '?'}: ${problem.reason}`).join('\n'));
		}
		return undefined;
	};
}

/** URL of a link, image or definition (references resolve through their definition). */
function urlOf(node: Nodes, definitions: ReadonlyMap<string, Definition>): string | undefined {
	if (node.type === 'link' || node.type === 'image' || node.type === 'definition') return node.url;
	if (node.type === 'linkReference' || node.type === 'imageReference') return definitions.get(node.identifier)?.url;
	return undefined;
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
