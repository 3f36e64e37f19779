/**
 * Whether a site-relative path a content file gives (a `sources[].url` of
 * `/articles/4/`) names a page the site builds. The schema's URL rule
 * (`src/schemas/safe-url.ts`) admits a path by its form; this module checks it
 * against the content, with every address made by the routes module.
 */
import { sitePaths } from '../utils/routes.ts';

/** What the site builds pages for. */
export interface SitePages {
	/** Commentary slugs. */
	commentaries: readonly string[];
	/** Article numbers. */
	articles: readonly number[];
	/** Actor ids. */
	actors: readonly string[];
	/** Published claim ids (each has a share page). */
	claims?: readonly string[];
}

/**
 * Every page path the content gives the site, root-relative.
 *
 * @param pages
 *   What the site builds pages for.
 * @returns
 *   The paths, each ending in `/`.
 */
export function sitePagePaths(pages: Readonly<SitePages>): Set<string> {
	const paths = new Set<string>([
		sitePaths.home(),
		sitePaths.about(),
		sitePaths.data(),
		sitePaths.search(),
		sitePaths.commentaries(),
		sitePaths.articles(),
		sitePaths.actors(),
		sitePaths.timeline(),
		sitePaths.compare(),
	]);
	for (const slug of pages.commentaries) {
		paths.add(sitePaths.commentary(slug));
		paths.add(sitePaths.sentences(slug));
	}
	for (const number of pages.articles) paths.add(sitePaths.article(number));
	for (const id of pages.actors) paths.add(sitePaths.actor(id));
	for (const id of pages.claims ?? []) paths.add(sitePaths.share(id));
	return paths;
}

/**
 * Whether a site-relative path lands on a page the site builds (its query
 * and fragment are not checked).
 *
 * @param path
 *   The path as written (`/articles/4/`, `/actors/russia/#passages`).
 * @param known
 *   `sitePagePaths` of the content.
 * @returns
 *   Whether it resolves.
 */
export function sitePathResolves(path: string, known: ReadonlySet<string>): boolean {
	const bare = path.replace(/[?#].*$/s, '');
	let decoded: string;
	try {
		decoded = decodeURI(bare);
	} catch {
		return false;
	}
	const withSlash = decoded.endsWith('/') ? decoded : `${decoded}/`;
	return known.has(bare) || known.has(withSlash) || known.has(encodeURI(withSlash));
}

/** A place in a parsed content file: its path and a way to its lines. */
export interface UrlSite {
	/** Path shown in problems. */
	file: string;
	/** The parsed value (frontmatter or YAML document). */
	value: unknown;
	/** Line of a field path. */
	locate: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Every `url` field of a parsed file that is a site-relative path naming no
 * page the site builds, as `file:line: field: message`.
 *
 * @param site
 *   The file, parsed.
 * @param known
 *   `sitePagePaths` of the content.
 * @returns
 *   Problem lines.
 */
export function unresolvedSitePaths(site: Readonly<UrlSite>, known: ReadonlySet<string>): string[] {
	const problems: string[] = [];
	const walk = (value: unknown, path: (string | number)[]): void => {
		if (Array.isArray(value)) {
			value.forEach((item: unknown, index) => walk(item, [...path, index]));
			return;
		}
		if (typeof value !== 'object' || value === null) return;
		for (const [key, inner] of Object.entries(value)) {
			const at = [...path, key];
			if (key === 'url' && typeof inner === 'string' && inner.startsWith('/') && !inner.startsWith('//') && !sitePathResolves(inner, known)) {
				const line = site.locate(at);
				problems.push(`${site.file}${line === undefined ? '' : `:${line}`}: ${formatField(at)}: ${JSON.stringify(inner)} is a site-relative path to no page the site builds; give the page's path (/articles/4/, /actors/russia/) or an https:// address`);
			} else walk(inner, at);
		}
	};
	walk(site.value, []);
	return problems;
}

/** `sources[0].url` from a key path. */
function formatField(path: readonly (string | number)[]): string {
	return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}
