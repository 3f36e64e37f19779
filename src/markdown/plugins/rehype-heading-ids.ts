import type { Root } from 'hast';
import type { VFile } from 'vfile';
import GithubSlugger, { slug } from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { eachElement } from './each-element.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/**
 * Gives a commentary's headings ids in their own namespace: `h-` + the slug of
 * the heading's text (`## Claim panel` → `id="h-claim-panel"`). Without the
 * prefix a heading could take an id the page chrome uses (`main`, `title`,
 * `claim-panel`) or shadow a global (`id="config"` becomes `window.config`).
 * Claim ids (`c-…`) and note ids (`note-…`) have their own prefixes too.
 *
 * Runs before Astro's own heading-id step, which keeps an id that is set.
 */
export interface Options extends ScopeOptions {
	/** Prefix of every heading id (default: `'h-'`). */
	prefix?: string | undefined;
}

/** Prefix of content heading ids. */
export const HEADING_ID_PREFIX = 'h-';

/**
 * The slug of a heading's text, unique among the headings one slugger has
 * seen: a text with no letter or digit (“🇷🇺”) is slugged as “section”, so
 * two such headings get `section` and `section-1`, never one id twice.
 *
 * @param slugger
 *   The slugger of one text (it remembers the slugs given).
 * @param text
 *   The heading's text.
 * @returns
 *   The slug, without the prefix.
 */
export function headingSlug(slugger: GithubSlugger, text: string): string {
	return slug(text) === '' ? slugger.slug('section') : slugger.slug(text);
}

/**
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function rehypeHeadingIds(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const prefix = options?.prefix ?? HEADING_ID_PREFIX;

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const slugger = new GithubSlugger();
		eachElement(tree, (node) => {
			if (!HEADING_TAGS.has(node.tagName)) return;
			node.properties['id'] = `${prefix}${headingSlug(slugger, toString(node))}`;
		});
		return undefined;
	};
}

/** The heading elements (a set look-up per element of the page, not a regex run). */
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
