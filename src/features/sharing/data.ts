/**
 * Everything a share page (`/c/<id>/`) and its card need, from the rendered
 * corpus and the claims ledger of the build (`share-pages.ts` decides which
 * pages there are), and each sentence's citations, computed once per build.
 * The ledger, the renames and the ledger's check are those the build read and
 * made while rendering the commentaries (src/build/context.ts).
 */
import { buildContext } from '../../build/context.ts';
import type { Claim } from '../../schemas/corpus.ts';
import { buildDay, citableWork, commentaryCitations, type CitableWork, type CitationTemplateStore, type ClaimCitations } from './cite.ts';
import type { CommentaryEntry } from '../../corpus/commentaries.ts';
import { getCorpus, type CorpusEntry } from '../../corpus/corpus.ts';
import { routes } from '../../utils/routes.ts';
import { retiredByCommentary, sharePagesFrom, type RetiredClaimPage, type SharePage as AnySharePage } from './share-pages.ts';
import { currentSlug, formerSlugs } from '../../loaders/renames.ts';
import { shortCredit } from '../../utils/credit.ts';
import { getRelated } from '../related/data.ts';
import { relatedGroupsLookup, type RelatedGroup } from './related-claims.ts';
import { CITATION_CACHE_DIR, diskTemplateStore } from './citation-template-cache.ts';
import { codeDigest } from './share-page-files.ts';
import { join } from 'node:path';

export { sharePageId } from './share-pages.ts';

/** A share page of this site: its commentary is a collection entry. */
export type SharePage = AnySharePage<CommentaryEntry>;

let sharePages: Promise<SharePage[]> | undefined;
let retiredPages: Promise<Map<string, RetiredClaimPage<CommentaryEntry>[]>> | undefined;

/**
 * One share page per id the ledger knows (see the module comment), worked
 * out once per build: the share pages and every reading page ask.
 */
export function getSharePages(): Promise<SharePage[]> {
	sharePages ??= loadSharePages();
	return sharePages;
}

/**
 * The withdrawn sentences of one commentary (its reading page shows why at `#<id>`).
 *
 * @param slug
 *   The commentary's id.
 */
export async function retiredPagesOf(slug: string): Promise<RetiredClaimPage<CommentaryEntry>[]> {
	retiredPages ??= getSharePages().then((pages) => retiredByCommentary(pages, (entry) => entry.id));
	return (await retiredPages).get(slug) ?? [];
}

async function loadSharePages(): Promise<SharePage[]> {
	const { ledger, renames, ledgerChecks } = buildContext();
	// Ids published under a renamed commentary's old slug belong to the commentary it is now (content/renames.yaml).
	const claims = Object.fromEntries(
		Object.entries(ledger.claims).map(([id, entry]) => [id, { ...entry, commentary: currentSlug(renames, entry.commentary) }]),
	);
	// The pipeline checked each commentary it rendered against the ledger: those checks are not made again.
	return sharePagesFrom({ ...ledger, claims }, await getCorpus(), ledgerChecks);
}

/** The claim's permalink: its anchor in the reading page, on the site's public address. */
export function claimPermalink(slug: string, id: string): string {
	return routes.absolute(routes.claim(slug, id));
}

/** What a citation says about a commentary. */
export function citableCommentary(entry: CommentaryEntry): CitableWork {
	return citableWork(entry.id, entry.data);
}

/** The access date every citation of this build carries. */
export const ACCESSED = buildDay();
const citersBySlug = new Map<string, (claim: Pick<Claim, 'id' | 'text'>) => ClaimCitations>();
let templateCache: { store: CitationTemplateStore; code: string } | undefined;

/**
 * The citation templates kept from earlier builds, with the digest of the
 * code that made them (once per build). `npm run build -- --clean` passes
 * Astro's `--force`: nothing stored is read, every template is made afresh.
 */
function citationTemplateCache(): { store: CitationTemplateStore; code: string } {
	const root = process.cwd();
	templateCache ??= {
		store: diskTemplateStore(join(root, CITATION_CACHE_DIR), { reuse: !process.argv.includes('--force') }),
		code: codeDigest(root),
	};
	return templateCache;
}

/**
 * Every citation format of a current claim (the share page and the
 * commentary's citations file both ask). Each commentary's citations are
 * formatted once per build and filled in for each sentence (`commentaryCitations`);
 * the templates are kept between builds by what they are made from, so a
 * rebuild starts citeproc only for a commentary whose citation changed.
 */
export function citationsOf(claim: Pick<Claim, 'id' | 'text'>, entry: CommentaryEntry): ClaimCitations {
	let cite = citersBySlug.get(entry.id);
	if (!cite) {
		cite = commentaryCitations(citableCommentary(entry), (id) => claimPermalink(entry.id, id), ACCESSED, process.cwd(), citationTemplateCache());
		citersBySlug.set(entry.id, cite);
	}
	return cite(claim);
}

let relatedGroups: Promise<(claimId: string) => RelatedGroup[]> | undefined;

/**
 * Every sentence's related claims as readers see them (grouped by the other
 * commentary, with its credit and title), from the related claims worked out
 * once per build: the share pages, the reading pages and their related files
 * ask.
 *
 * @returns
 *   A lookup: sentence id → its groups (empty when it has none), made afresh
 *   for each call (`relatedGroupsLookup`): grouping a dozen claims costs less
 *   than holding every sentence's groups for the whole build beside the
 *   related claims they are made from.
 */
export function getRelatedGroups(): Promise<(claimId: string) => RelatedGroup[]> {
	relatedGroups ??= loadRelatedGroups();
	return relatedGroups;
}

async function loadRelatedGroups(): Promise<(claimId: string) => RelatedGroup[]> {
	const [related, corpus] = await Promise.all([getRelated(), getCorpus()]);
	const names = new Map(corpus.map(({ slug, entry }) => [slug, { credit: shortCredit(entry.data.authors), title: entry.data.title }]));
	return relatedGroupsLookup(related, names);
}

/**
 * The paths of each commentary's data files (`/data/citations/<slug>.json`,
 * `/data/related/<slug>.json`): its slug, and every slug it was published
 * under before a recorded rename, so that a page or a reader holding the old
 * address still gets the file.
 *
 * @returns
 *   One path per slug, each with its commentary.
 */
export async function commentaryFilePaths(): Promise<{ params: { slug: string }; props: { commentary: CorpusEntry } }[]> {
	const { renames } = buildContext();
	const corpus = await getCorpus();
	return corpus.flatMap((commentary) => [commentary.slug, ...formerSlugs(renames, commentary.slug)].map((slug) => ({ params: { slug }, props: { commentary } })));
}
