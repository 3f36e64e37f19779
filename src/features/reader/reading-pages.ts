/**
 * The paths of a commentary's two pages, its reading page
 * (src/pages/commentaries/[slug]/index.astro) and its sentences page
 * (…/sentences.astro), each with its cache key for Astro's incremental build
 * (`experimental.incrementalBuild`; the rule every key follows is in
 * src/features/sharing/page-cache-keys.ts). A page is rendered again only
 * when something it prints changed, so a rebuild after editing one commentary
 * renders these pages for that commentary and for those whose counts of
 * related claims or withdrawn sentences the edit moved, not for all of them.
 *
 * The reading page's model (what the commentary discusses, the counts of
 * related claims, its withdrawn sentences, the names it prints) is made here,
 * once, for the key and the page alike: the page reads it from its props.
 */
import { getActorNames } from '../../corpus/actors.ts';
import { overviewOf, type CommentaryOverview } from '../../corpus/aggregate.ts';
import type { CommentaryEntry } from '../../corpus/commentaries.ts';
import { getCorpus, type CorpusEntry } from '../../corpus/corpus.ts';
import { ACCESSED, getRelatedGroups, retiredPagesOf } from '../sharing/data.ts';
import { digestOf } from '../sharing/page-cache-keys.ts';
import { encodeRelatedCounts } from '../sharing/related-file.ts';
import type { RetiredClaimPage } from '../sharing/share-pages.ts';

/** A reading page's props: the commentary and the model its page prints. */
export interface ReadingPageProps {
	commentary: CorpusEntry;
	/** What the commentary discusses (articles and the actors it names most). */
	overview: CommentaryOverview;
	/** The names of the actors in the overview, by id. */
	actorNames: ReadonlyMap<string, string>;
	/** How many other commentaries discuss each sentence (`id:count …`, ./client reads it). */
	relatedCounts: string;
	/** Its withdrawn sentences, each shown at `#<id>`. */
	retired: RetiredClaimPage<CommentaryEntry>[];
}

/** A path of a commentary's route. */
interface CommentaryPath<P> {
	params: { slug: string };
	props: P;
	cacheKey: string;
}

/**
 * What every key of a commentary's page reads of the commentary itself: its
 * id, its entry's digest (the file's text and its part of the ledger), its
 * data and the HTML its text rendered to.
 *
 * @param entry
 *   The commentary's entry.
 * @returns
 *   Digestible data.
 */
function entryKeyParts(entry: CommentaryEntry): unknown[] {
	return [entry.id, entry.digest ?? null, entry.data, digestOf(entry.rendered?.html ?? null)];
}

/**
 * Every reading page, with its model and cache key.
 *
 * @returns
 *   The route's paths, in reading order.
 */
export async function readingPagePaths(): Promise<CommentaryPath<ReadingPageProps>[]> {
	const [corpus, names, relatedTo] = await Promise.all([getCorpus(), getActorNames(), getRelatedGroups()]);
	return Promise.all(
		corpus.map(async (commentary) => {
			const overview = overviewOf(commentary);
			const actorNames = new Map(overview.actors.map(({ ref }) => [ref, names.get(ref) ?? ref]));
			const relatedCounts = encodeRelatedCounts(new Map(commentary.claims.map((claim) => [claim.id, relatedTo(claim.id).length])));
			const retired = await retiredPagesOf(commentary.slug);
			const cacheKey = digestOf(
				'reading',
				...entryKeyParts(commentary.entry),
				overview,
				[...actorNames],
				relatedCounts,
				retired.map(({ id, oldText, reason }) => [id, oldText, reason]),
				ACCESSED,
			);
			return { params: { slug: commentary.slug }, props: { commentary, overview, actorNames, relatedCounts, retired }, cacheKey };
		}),
	);
}

/**
 * Every sentences page, with its cache key: the page prints the commentary's
 * title and its sentences with their ids and places.
 *
 * @returns
 *   The route's paths, in reading order.
 */
export async function sentencesPagePaths(): Promise<CommentaryPath<{ commentary: CorpusEntry }>[]> {
	return (await getCorpus()).map((commentary) => ({
		params: { slug: commentary.slug },
		props: { commentary },
		cacheKey: digestOf('sentences', ...entryKeyParts(commentary.entry), commentary.claims),
	}));
}
