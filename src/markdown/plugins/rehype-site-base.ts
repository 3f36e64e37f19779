/**
 * Prefix every root-relative link of a rendered commentary with the site's
 * base, so the site can be served under a sub-path (`/reader/`). The other
 * plugins build their links with `sitePaths` (root-relative) because they run
 * before they could know the base; this runs last.
 *
 * ```html
 * <a href="/articles/4/">Article 4</a>  →  <a href="/reader/articles/4/">Article 4</a>   (base `/reader/`)
 * ```
 */
import type { Root } from 'hast';
import { eachElement } from './each-element.ts';
import type { VFile } from 'vfile';
import { createRoutes } from '../../utils/routes.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

export interface Options extends ScopeOptions {
	/** Astro's `base` (default: `/`, which changes nothing). */
	base?: string | undefined;
}

/**
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform, or nothing to do when the base is `/`.
 */
export default function rehypeSiteBase(options?: Readonly<Options> | null) {
	const routes = createRoutes(options?.base);
	const include = fileScope(options);

	return function transform(tree: Root, file: VFile): undefined {
		if (routes.base === '/' || !include(file)) return undefined;
		eachElement(tree, (node) => {
			const href = node.properties['href'];
			if (typeof href === 'string' && isRootRelative(href)) node.properties['href'] = routes.withBase(href);
		});
		return undefined;
	};
}

/** `/path` but not `//host` (protocol-relative). */
function isRootRelative(href: string): boolean {
	return href.startsWith('/') && !href.startsWith('//');
}
