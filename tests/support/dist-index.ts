/**
 * An index of the built site: for every HTML page, the ids it holds and the
 * URLs it refers to; and a check that every internal link lands on a page
 * (or file) and every `#fragment` on an id of that page.
 *
 * Pure: callers parse the HTML (into hast) and list the files of `dist/`;
 * nothing here touches the file system. This is what keeps per-claim and
 * per-note permalinks honest: a renamed id shows up as a broken fragment link
 * on every page that cites it.
 */
import type { Element, Root, RootContent } from 'hast';

/** One URL-valued attribute found on a page. */
export interface PageLink {
	/** Element name, lower case (`a`, `link`, `img`, `meta`, …). */
	element: string;
	/** Attribute name as written in HTML (`href`, `src`, `srcset`, `content`, …). */
	attribute: string;
	/** The URL exactly as written (one candidate for `srcset`). */
	value: string;
	/**
	 * Whether following this URL is the reader's choice (`a[href]`,
	 * `area[href]`, `cite`), as opposed to something the browser loads or
	 * that names this page (`img[src]`, `link[href]`, `meta[content]`, …).
	 * Only navigational links may point to other origins.
	 */
	navigational: boolean;
	/** 1-based line in the source file, when the parser reported one. */
	line: number | undefined;
	/** 1-based column in the source file, when the parser reported one. */
	column: number | undefined;
}

/** What the index knows about one built HTML page. */
export interface IndexedPage {
	/** Path of the file relative to the site root, `/`-separated (`actors/china/index.html`). */
	file: string;
	/** URL path the page is served at (`/actors/china/`). */
	path: string;
	/** Every id on the page (`id` attributes and `a[name]`), in document order, without repeats. */
	ids: string[];
	/** Ids that occur more than once on the page. */
	duplicateIds: string[];
	/** Every URL-valued attribute, in document order. */
	links: PageLink[];
}

/** The whole built site. */
export interface DistIndex {
	/** Indexed HTML pages by file (`actors/china/index.html`). */
	pages: ReadonlyMap<string, IndexedPage>;
	/** Every file of the site (HTML or not), relative and `/`-separated. */
	files: ReadonlySet<string>;
}

/** Input to {@link buildDistIndex}: one parsed HTML file. */
export interface ParsedPage {
	/** Path relative to the site root, `/`-separated. */
	file: string;
	/** The parsed document. */
	tree: Root;
}

/** Where a URL written on a page points. */
export type LinkTarget =
	| {
			kind: 'internal';
			/** Decoded URL path (`/actors/china/`). */
			path: string;
			/** Decoded fragment without `#`; `''` for a bare `#`; `undefined` when there is none. */
			fragment: string | undefined;
	  }
	| { kind: 'external'; origin: string }
	| {
			kind: 'other';
			/** The URL scheme with its colon (`mailto:`, `tel:`, `data:`, `javascript:`). */
			scheme: string;
	  };

/** Options of {@link checkLinks}. */
export interface CheckLinksOptions {
	/**
	 * Origin the site is published at (Astro's `site`, e.g.
	 * `https://treaty-reader.example`); absolute URLs on this origin (canonical,
	 * `og:url`) are checked like relative ones.
	 */
	siteOrigin: string;
	/**
	 * Whether a link to a directory page must end in `/`, as with Astro's
	 * `trailingSlash: 'always'` (default: `true`). When `true`, `/about` is a
	 * broken page link even though `/about/` exists, because static hosts
	 * answer it with a redirect or a 404.
	 */
	requireTrailingSlash?: boolean | null | undefined;
	/** How many existing ids to list in a broken-fragment report (default: `8`). */
	maxSuggestions?: number | null | undefined;
}

/** One broken internal link. */
export interface LinkProblem {
	kind: 'broken page link' | 'broken fragment link';
	/** URL path of the page the link is on. */
	page: string;
	/** File of the page the link is on. */
	file: string;
	/** The link as found on the page. */
	link: PageLink;
	/** Why it is broken, with what does exist (ids on the target page, or the right URL). */
	detail: string;
}

const defaultOptions = { requireTrailingSlash: true, maxSuggestions: 8 } as const;

/**
 * Elements whose attributes hold URLs, and which of those attributes.
 * `srcset` is a list of candidates; hast stores it as a comma-split array.
 */
const urlProperties: Readonly<Record<string, readonly (readonly [property: string, attribute: string])[]>> = {
	a: [['href', 'href']],
	area: [['href', 'href']],
	link: [['href', 'href']],
	img: [
		['src', 'src'],
		['srcSet', 'srcset'],
	],
	source: [
		['src', 'src'],
		['srcSet', 'srcset'],
	],
	script: [['src', 'src']],
	iframe: [['src', 'src']],
	embed: [['src', 'src']],
	track: [['src', 'src']],
	audio: [['src', 'src']],
	video: [
		['src', 'src'],
		['poster', 'poster'],
	],
	input: [['src', 'src']],
	object: [['data', 'data']],
	form: [['action', 'action']],
	blockquote: [['cite', 'cite']],
	q: [['cite', 'cite']],
	del: [['cite', 'cite']],
	ins: [['cite', 'cite']],
	use: [
		['href', 'href'],
		['xLinkHref', 'xlink:href'],
	],
	image: [
		['href', 'href'],
		['xLinkHref', 'xlink:href'],
	],
};

/** `meta` elements whose `content` is a URL (Open Graph and Twitter cards). */
const urlMetaNames = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:audio', 'og:video', 'twitter:image']);

/** Links a reader chooses to follow; every other URL is loaded or names the page itself. */
function isNavigational(element: string, attribute: string): boolean {
	return ((element === 'a' || element === 'area') && attribute === 'href') || attribute === 'cite';
}

/**
 * The URL path a built file is served at, for Astro's `build.format: 'directory'`.
 *
 * @param file Path relative to the site root (`actors/china/index.html`).
 * @returns `/actors/china/` for an `index.html`, else `/` + the file (`/404.html`).
 */
export function pathForFile(file: string): string {
	const clean = file.replace(/^\/+/, '');
	if (clean === 'index.html') return '/';
	if (clean.endsWith('/index.html')) return `/${clean.slice(0, -'index.html'.length)}`;
	return `/${clean}`;
}

/**
 * Collect the ids and URLs of one parsed page.
 *
 * @param file Path of the page relative to the site root.
 * @param tree The parsed document (with positions, for line numbers in reports).
 */
export function indexPage(file: string, tree: Root): IndexedPage {
	const seen = new Set<string>();
	const duplicates = new Set<string>();
	const ids: string[] = [];
	const links: PageLink[] = [];

	const addId = (id: string) => {
		if (seen.has(id)) duplicates.add(id);
		else {
			seen.add(id);
			ids.push(id);
		}
	};

	const walk = (node: Root | RootContent) => {
		if (node.type === 'element') {
			const id = stringProperty(node, 'id');
			if (id !== undefined && id !== '') addId(id);
			// `<a name>` is an old-style fragment target; browsers still honour it.
			const name = node.tagName === 'a' ? stringProperty(node, 'name') : undefined;
			if (name !== undefined && name !== '' && name !== id) addId(name);
			links.push(...linksOf(node));
		}
		if ('children' in node) for (const child of node.children) walk(child);
		// `<template>` content is a separate fragment in hast.
		if (node.type === 'element' && node.content) walk(node.content);
	};
	walk(tree);

	return { file, path: pathForFile(file), ids, duplicateIds: [...duplicates], links };
}

/** The URL-valued attributes of one element. */
function linksOf(node: Element): PageLink[] {
	const line = node.position?.start.line;
	const column = node.position?.start.column;
	const make = (attribute: string, value: string): PageLink => ({
		element: node.tagName,
		attribute,
		value,
		navigational: isNavigational(node.tagName, attribute),
		line,
		column,
	});

	if (node.tagName === 'meta') {
		const key = stringProperty(node, 'property') ?? stringProperty(node, 'name');
		const content = stringProperty(node, 'content');
		return key !== undefined && urlMetaNames.has(key.toLowerCase()) && content !== undefined ? [make('content', content)] : [];
	}

	const result: PageLink[] = [];
	for (const [property, attribute] of urlProperties[node.tagName] ?? []) {
		const value = node.properties[property];
		if (value === undefined || value === null || value === false) continue;
		if (property === 'srcSet') {
			for (const candidate of srcsetUrls(value)) result.push(make(attribute, candidate));
		} else {
			result.push(make(attribute, String(value)));
		}
	}
	return result;
}

/** URLs of a `srcset` value (hast gives it comma-split; a string is split here). */
function srcsetUrls(value: unknown): string[] {
	const candidates = Array.isArray(value) ? value.map(String) : String(value).split(/,\s+/);
	return candidates.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter((url) => url !== '');
}

function stringProperty(node: Element, name: string): string | undefined {
	const value = node.properties[name];
	if (value === undefined || value === null || value === false) return undefined;
	return Array.isArray(value) ? value.join(' ') : String(value);
}

/**
 * Index a whole built site.
 *
 * @param pages Every parsed HTML page.
 * @param files Every file of the site, HTML pages included (relative, `/`-separated).
 */
export function buildDistIndex(pages: Iterable<ParsedPage>, files: Iterable<string>): DistIndex {
	const indexed = new Map<string, IndexedPage>();
	for (const { file, tree } of pages) indexed.set(file, indexPage(file, tree));
	const all = new Set<string>(files);
	for (const file of indexed.keys()) all.add(file);
	return { pages: indexed, files: all };
}

/**
 * Classify a URL written on a page.
 *
 * @param href The URL as written.
 * @param fromPath URL path of the page it is on (relative URLs resolve against it).
 * @param siteOrigin Origin the site is published at; URLs on it are internal.
 */
export function resolveLink(href: string, fromPath: string, siteOrigin: string): LinkTarget {
	const origin = new URL(siteOrigin).origin;
	let url: URL;
	try {
		url = new URL(href.trim(), new URL(fromPath, origin));
	} catch {
		// Unparseable: report it as a page that does not exist.
		return { kind: 'internal', path: href, fragment: undefined };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other', scheme: url.protocol };
	if (url.origin !== origin) return { kind: 'external', origin: url.origin };
	// `new URL('#', base).hash` is '' just like no fragment at all; the raw text tells them apart.
	const hashAt = href.indexOf('#');
	const fragment = hashAt === -1 ? undefined : safeDecode(href.slice(hashAt + 1));
	return { kind: 'internal', path: safeDecode(url.pathname), fragment };
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * The file a URL path is served from, if the site has it.
 *
 * @returns `{ file }` when found; `{ hint }` when only a near miss exists
 *   (missing trailing slash); `{}` when nothing matches.
 */
export function fileForPath(
	index: DistIndex,
	path: string,
	requireTrailingSlash = true,
): { file?: string; hint?: string } {
	const relative = path.replace(/^\/+/, '');
	if (relative === '' || relative.endsWith('/')) {
		const file = `${relative}index.html`;
		return index.files.has(file) ? { file } : {};
	}
	if (index.files.has(relative)) return { file: relative };
	const directoryIndex = `${relative}/index.html`;
	if (index.files.has(directoryIndex)) {
		return requireTrailingSlash ? { hint: `did you mean ${path}/ (the site uses trailing slashes)?` } : { file: directoryIndex };
	}
	return {};
}

/**
 * Check every internal link of every page: the page (or file) must exist, and
 * a `#fragment` must be an id on the target page. Links to other origins and
 * to other schemes are not checked here.
 *
 * @returns One problem per broken link, in page and document order.
 */
export function checkLinks(index: DistIndex, options: Readonly<CheckLinksOptions>): LinkProblem[] {
	const requireTrailingSlash = options.requireTrailingSlash ?? defaultOptions.requireTrailingSlash;
	const maxSuggestions = options.maxSuggestions ?? defaultOptions.maxSuggestions;
	const problems: LinkProblem[] = [];
	const pages = [...index.pages.values()].sort((a, b) => a.path.localeCompare(b.path));

	for (const page of pages) {
		for (const link of page.links) {
			const target = resolveLink(link.value, page.path, options.siteOrigin);
			if (target.kind !== 'internal') continue;
			const report = (kind: LinkProblem['kind'], detail: string) =>
				problems.push({ kind, page: page.path, file: page.file, link, detail });

			const found = fileForPath(index, target.path, requireTrailingSlash);
			if (found.file === undefined) {
				report('broken page link', `no page or file at ${target.path}${found.hint ? `; ${found.hint}` : ''}`);
				continue;
			}
			if (target.fragment === undefined) continue;
			const targetPage = index.pages.get(found.file);
			// Fragments of non-HTML files (`icons.svg#x`) are not ids we can see.
			if (targetPage === undefined) continue;
			if (target.fragment === '') {
				report('broken fragment link', `empty fragment "#" on a link to ${targetPage.path}: it goes nowhere`);
				continue;
			}
			if (!targetPage.ids.includes(target.fragment)) {
				const near = nearestIds(target.fragment, targetPage.ids, maxSuggestions);
				const existing = near.length === 0 ? 'it has no ids at all' : `ids there include: ${near.join(', ')}`;
				report('broken fragment link', `no id "${target.fragment}" on ${targetPage.path}; ${existing}`);
			}
		}
	}
	return problems;
}

/** The ids most like `wanted`, best first, so a report shows the likely intended one. */
function nearestIds(wanted: string, ids: readonly string[], limit: number): string[] {
	return ids
		.map((id, order) => ({ id, order, distance: editDistance(wanted, id) }))
		.sort((a, b) => a.distance - b.distance || a.order - b.order)
		.slice(0, Math.max(0, limit))
		.map(({ id }) => id);
}

/** Levenshtein distance; ids are short, so the quadratic table is cheap. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/**
 * One line per problem, in the withastro/docs link checker's words:
 * `broken fragment link on /a/ (a/index.html:12:40): <a href="/b/#x">: no id "x" on /b/; ids there include: …`.
 */
export function formatLinkProblem(problem: LinkProblem): string {
	const { link } = problem;
	const where = link.line === undefined ? problem.file : `${problem.file}:${link.line}:${link.column ?? 1}`;
	return `${problem.kind} on ${problem.page} (${where}): <${link.element} ${link.attribute}="${link.value}">: ${problem.detail}`;
}
