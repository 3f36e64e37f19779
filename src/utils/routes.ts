/**
 * Every address on the site, built in one place so that the site can be
 * served under a sub-path (`astro build --base /reader/`) and a route can be
 * renamed without hunting for hand-built strings.
 *
 * Pages use `routes` (prefixed with Astro's `base`). Markdown plugins use
 * `sitePaths` (root-relative): they run before the base is known to them, and
 * the last step of the Markdown pipeline prefixes every root-relative link of
 * a rendered commentary (`rehype-site-base`).
 */
import { encodeFragmentId } from './fragment-id.ts';
import { encodeSearchMarks } from './search-marks.ts';

/** Every route the site has, as functions of their parameters. */
export interface Routes {
	/** The base itself, always ending in `/` (`/` or `/reader/`). */
	base: string;
	/** Prefix a root-relative path (`/favicon.svg`) with the base. */
	withBase(path: string): string;
	/**
	 * The link of an address a content file gives (`sources[].url`): an
	 * http(s) address as written, a site-relative path (`/articles/4/`) under
	 * the base.
	 */
	contentUrl(url: string): string;
	home(): string;
	about(): string;
	data(): string;
	/** A published dataset file under `/data/` (`corpus.json`). */
	dataFile(name: string): string;
	search(query?: Readonly<Record<string, string>>): string;
	/** What the search page reads queries with (article numbers, actor forms). */
	searchVocabulary(): string;
	/** The commentaries' titles, which label the search page's commentary filter (loaded with the filters). */
	searchCommentaries(): string;
	/** Pagefind's search script (its index files sit beside it). */
	searchIndex(): string;
	/** The folder of the search index's shard `shard` (from 1; the first shard is the main index beside `searchIndex()`). */
	searchIndexShard(shard: number): string;
	/** The commentaries index; `page` 2 and on are its further pages (`/commentaries/page/2/`). */
	commentaries(page?: number): string;
	commentary(slug: string): string;
	/**
	 * A sentence in its commentary: the reading page with the claim's fragment;
	 * `mark` lists words the page marks inside that sentence (a search's hits).
	 */
	claim(slug: string, claimId: string, mark?: readonly string[]): string;
	sentences(slug: string): string;
	/** The share page of one claim. */
	share(claimId: string): string;
	/** The share card (PNG) of one claim. */
	shareCard(claimId: string): string;
	/** The articles index; `page` 2 and on show its table's further commentary columns (`/articles/page/2/`). */
	articles(page?: number): string;
	/** An article's page; `page` 2 and on are its further pages of passages (`/articles/4/page/2/`). */
	article(number: number | string, page?: number): string;
	actors(): string;
	/** An actor's page; `page` 2 and on are its further pages of passages (`/actors/russia/page/2/`). */
	actor(id: string, page?: number): string;
	timeline(): string;
	/** The timeline entry of a date mention's ISO value (`2024-06-19`, `2023-09/..`). */
	timelineDate(iso: string): string;
	/**
	 * Every sentence mentioning one date (`/timeline/dates/2024-06-19/`), in
	 * pages (`…/page/2/`): the timeline itself shows each date's first few.
	 */
	timelineDateSentences(iso: string, page?: number): string;
	compare(): string;
	/** The page of what a mention refers to: an article, an actor, or a date's timeline entry. */
	entity(kind: 'article' | 'actor' | 'date', ref: string): string;
	/** A pre-rendered pair (`/compare/a--b/`); the id comes from `pairId` in `src/features/compare/model.ts`. */
	comparePair(id: string): string;
	/** The script-built view of a selection (`/compare/?c=a,b,c`), optionally at a topic's anchor. */
	compareSelection(slugs: readonly string[], anchor?: string): string;
	/** Server-rendered parts the compare script assembles a view from (`/compare/parts/view.htm`, `/compare/parts/<slug>.htm`). */
	compareParts(name: string): string;
	/** A page fragment on any route. */
	fragment(path: string, id: string): string;
	/** The card image of pages without a card of their own (a PNG of `CARD_SIZE`). */
	siteCard(): string;
	/** The site's logo, for publisher metadata (512×512 PNG). */
	siteLogo(): string;
	/** The stylesheet of the faces for other scripts, written after the pages (src/features/reader/page-fonts.ts). */
	pageFonts(): string;
	/** The feed of the commentaries (RSS 2.0). */
	feed(): string;
	/** The sitemap index written by `@astrojs/sitemap`. */
	sitemap(): string;
	/** Precomputed citations of every sentence of a commentary (JSON, fetched by the cite panel). */
	citations(slug: string): string;
	/** Every sentence's related claims in other commentaries, for a commentary (JSON, fetched by the claim panel). */
	related(slug: string): string;
	/**
	 * The absolute address of a path from this module, on the site's public
	 * address (`SITE_URL`, see `src/utils/site-url.ts`).
	 */
	absolute(path: string): string;
}

/**
 * Where the timeline page puts a date: `d-` + the ISO value with `/` as `_`
 * and `..` (an open end) as `open`.
 *
 * @param iso
 *   ISO value of a date mention (`2024-06-19`, `1960/1988`, `2023-09/..`).
 * @returns
 *   Fragment id without `#` (`d-2023-09_open`).
 */
export function timelineAnchor(iso: string): string {
	return `d-${iso.replace(/\.\./g, 'open').replace(/\//g, '_')}`;
}

/**
 * The path segment of a date's own pages: its timeline anchor without `d-`.
 *
 * @param iso
 *   ISO value of a date mention.
 * @returns
 *   Segment (`2024-06-19`, `2023-09_open`).
 */
export function timelineDateSegment(iso: string): string {
	return timelineAnchor(iso).slice(2);
}

/**
 * Normalise a base to start and end with `/`.
 *
 * @param base
 *   Astro's `base` (`/`, `/reader`, `/reader/`, `reader`).
 * @returns
 *   `/` or `/reader/`.
 */
export function normaliseBase(base: string | undefined): string {
	const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Build the routes for a base.
 *
 * @param base
 *   Astro's `base` (any form `normaliseBase` accepts).
 * @param site
 *   The site's public address (Astro's `site`); `absolute` needs it.
 * @returns
 *   Route builders whose results all start with the base.
 */
export function createRoutes(base: string | undefined, site?: string | undefined): Routes {
	const prefix = normaliseBase(base);
	const withBase = (path: string): string => {
		if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a root-relative path: ${path}`);
		return prefix + path.slice(1);
	};
	const fragment = (path: string, id: string) => path + encodeFragmentId(id);
	// Page 1 of a topic is the topic's own address, so links published before paging keep working.
	const paged = (path: string, page: number | undefined) => {
		if (page === undefined || page === 1) return path;
		if (!Number.isInteger(page) || page < 1) throw new Error(`not a page number: ${page}`);
		return `${path}page/${page}/`;
	};
	return {
		base: prefix,
		withBase,
		contentUrl: (url) => (url.startsWith('/') && !url.startsWith('//') ? withBase(url) : url),
		home: () => withBase('/'),
		about: () => withBase('/about/'),
		data: () => withBase('/data/'),
		dataFile: (name) => withBase(`/data/${name}`),
		search: (query) => {
			const search = new URLSearchParams(Object.entries(query ?? {})).toString();
			return withBase('/search/') + (search ? `?${search}` : '');
		},
		searchVocabulary: () => withBase('/search/vocabulary.json'),
		searchCommentaries: () => withBase('/search/commentaries.json'),
		searchIndex: () => withBase('/pagefind/pagefind.js'),
		// Outside `/pagefind/`: Pagefind refuses to merge an index whose path starts with the main index's.
		searchIndexShard: (shard) => withBase(`/pagefind-shard-${shard}/`),
		commentaries: (page) => paged(withBase('/commentaries/'), page),
		commentary: (slug) => withBase(`/commentaries/${encodeURIComponent(slug)}/`),
		claim: (slug, claimId, mark = []) => fragment(withBase(`/commentaries/${encodeURIComponent(slug)}/`) + encodeSearchMarks(mark), claimId),
		sentences: (slug) => withBase(`/commentaries/${encodeURIComponent(slug)}/sentences/`),
		share: (claimId) => withBase(`/c/${encodeURIComponent(claimId)}/`),
		shareCard: (claimId) => withBase(`/c/${encodeURIComponent(claimId)}.png`),
		articles: (page) => paged(withBase('/articles/'), page),
		article: (number, page) => paged(withBase(`/articles/${encodeURIComponent(String(number))}/`), page),
		actors: () => withBase('/actors/'),
		actor: (id, page) => paged(withBase(`/actors/${encodeURIComponent(id)}/`), page),
		timeline: () => withBase('/timeline/'),
		timelineDate: (iso) => fragment(withBase('/timeline/'), timelineAnchor(iso)),
		timelineDateSentences: (iso, page) => paged(withBase(`/timeline/dates/${encodeURIComponent(timelineDateSegment(iso))}/`), page),
		compare: () => withBase('/compare/'),
		entity: (kind, ref) =>
			kind === 'article'
				? withBase(`/articles/${encodeURIComponent(ref)}/`)
				: kind === 'actor'
					? withBase(`/actors/${encodeURIComponent(ref)}/`)
					: fragment(withBase('/timeline/'), timelineAnchor(ref)),
		comparePair: (id) => withBase(`/compare/${encodeURIComponent(id)}/`),
		compareSelection: (slugs, anchor) => {
			// Commas stay readable: slugs are [a-z0-9-] and never need escaping.
			const path = `${withBase('/compare/')}?c=${slugs.map(encodeURIComponent).join(',')}`;
			return anchor ? fragment(path, anchor) : path;
		},
		compareParts: (name) => withBase(`/compare/parts/${encodeURIComponent(name)}.htm`),
		fragment,
		siteCard: () => withBase('/site-card.png'),
		siteLogo: () => withBase('/logo.png'),
		pageFonts: () => withBase('/fonts/other-scripts.css'),
		feed: () => withBase('/feed.xml'),
		sitemap: () => withBase('/sitemap-index.xml'),
		citations: (slug) => withBase(`/data/citations/${encodeURIComponent(slug)}.json`),
		related: (slug) => withBase(`/data/related/${encodeURIComponent(slug)}.json`),
		absolute: (path) => {
			if (!site) throw new Error('routes.absolute needs the site address (Astro `site`, set from SITE_URL)');
			return new URL(path, site).href;
		},
	};
}

/** Root-relative routes, for Markdown plugins (see the module comment). */
export const sitePaths: Routes = createRoutes('/');

/**
 * Routes of the site being built: Vite replaces `import.meta.env.BASE_URL`
 * and `import.meta.env.SITE` with Astro's `base` and `site` in pages and the
 * modules they import; outside Vite (plugins, scripts, tests) they are
 * undefined, the base is `/` and `absolute` refuses.
 */
export const routes: Routes = createRoutes(import.meta.env?.BASE_URL, import.meta.env?.SITE);
