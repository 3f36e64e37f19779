/**
 * Which site-relative addresses a commentary may link to: the pages the site
 * builds (from `src/utils/routes.ts` and the facts of the build: articles,
 * actors, commentaries, published claim ids) and the files of `public/`. A
 * link anywhere else would be published as a link to nothing, so
 * `remark-content-safety` refuses it at its line.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sitePaths } from '../utils/routes.ts';

/** What the site builds, as far as a commentary's links can reach. */
export interface SiteFacts {
	/** Number of treaty articles (pages 1..N). */
	articleCount: number;
	/** Actor ids. */
	actorIds: readonly string[];
	/** Commentary slugs. */
	commentarySlugs: readonly string[];
	/** Published claim ids with their commentary's slug (the ledger), when known. */
	claims?: ReadonlyMap<string, string> | undefined;
	/** Project root: `public/` files and `src/pages/data/` files are addresses too (default: none). */
	root?: string | undefined;
}

/** Whether a site address (path and fragment, root-relative, no base) names something the site publishes. */
export interface SiteAddressCheck {
	/**
	 * @param path
	 *   Decoded root-relative path (`/articles/4/`).
	 * @param fragment
	 *   Decoded fragment without `#`, or `''`.
	 * @returns
	 *   Why it names nothing, or `undefined` when it resolves.
	 */
	(path: string, fragment: string): string | undefined;
}

/**
 * The check of site addresses for one build.
 *
 * @param facts
 *   Articles, actors, commentaries, claims, project root.
 * @returns
 *   The check.
 */
export function siteAddressCheck(facts: Readonly<SiteFacts>): SiteAddressCheck {
	const pages = new Set<string>([
		sitePaths.home(),
		sitePaths.about(),
		sitePaths.data(),
		sitePaths.search(),
		sitePaths.searchVocabulary(),
		sitePaths.commentaries(),
		sitePaths.articles(),
		sitePaths.actors(),
		sitePaths.timeline(),
		sitePaths.compare(),
		sitePaths.siteCard(),
		sitePaths.feed(),
		sitePaths.sitemap(),
	]);
	for (let number = 1; number <= facts.articleCount; number++) pages.add(sitePaths.article(number));
	for (const id of facts.actorIds) pages.add(sitePaths.actor(id));
	for (const slug of facts.commentarySlugs) {
		pages.add(sitePaths.commentary(slug));
		pages.add(sitePaths.sentences(slug));
		pages.add(sitePaths.citations(slug));
		pages.add(sitePaths.related(slug));
	}
	for (const id of facts.claims?.keys() ?? []) {
		pages.add(sitePaths.share(id));
		pages.add(sitePaths.shareCard(id));
	}
	if (facts.root) {
		for (const file of filesUnder(join(facts.root, 'public'))) pages.add(`/${file}`);
		// Endpoints such as `src/pages/data/corpus.json.ts` publish `/data/corpus.json`.
		for (const file of filesUnder(join(facts.root, 'src', 'pages', 'data'))) {
			if (file.endsWith('.ts') && !file.includes('[')) pages.add(sitePaths.dataFile(file.slice(0, -'.ts'.length)));
		}
	}
	const commentaryOf = new Map(facts.commentarySlugs.map((slug) => [sitePaths.commentary(slug), slug]));

	return function check(path, fragment) {
		// `/articles/4` and `/articles/4/` are one page (the site's addresses end in `/`).
		const page = pages.has(path) ? path : pages.has(`${path}/`) ? `${path}/` : undefined;
		if (page === undefined) return `“${path}” is no page or file of the site`;
		const slug = commentaryOf.get(page);
		if (fragment === '') return undefined;
		// Only a sentence of a commentary is a place another page can link into: its id is known and never vanishes.
		if (slug === undefined) return `“#${fragment}” names no place on “${page}” (a link into another page may only name a sentence of a commentary, “/commentaries/<slug>/#c-…”)`;
		if (facts.claims && facts.claims.get(fragment) !== slug) return `“#${fragment}” is no published sentence of ${slug}`;
		return undefined;
	};
}

/**
 * Every file under a folder, as paths relative to it with `/`.
 *
 * @param folder
 *   Folder (absent: none).
 * @returns
 *   Relative paths.
 */
function filesUnder(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.map((name) => name.split('\\').join('/'))
		.filter((name) => statSync(join(folder, name)).isFile());
}
