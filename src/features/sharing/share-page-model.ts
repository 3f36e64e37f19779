/**
 * What a share page (`/c/<id>/`) shows, as data: one function of the page
 * (live, edited or withdrawn sentence, src/features/sharing/share-pages.ts)
 * and the build's citations and names, so the route only maps a page to
 * `SharePage.astro` and every wording choice is unit-tested. Pure.
 */
import type { Claim } from '../../schemas/corpus.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import type { MetaTag } from '../../utils/head-meta.ts';
import type { Routes } from '../../utils/routes.ts';
import { shortCredit, surnames } from '../../utils/credit.ts';
import { truncateAtWord } from '../../utils/truncate.ts';
import { mentionedEntities } from '../../corpus/aggregate.ts';
import type { CitableWork, ClaimCitations } from './cite.ts';
import { highwireMeta } from './scholarly-meta.ts';
import { sharePageId, type SharePage } from './share-pages.ts';
import type { RelatedGroup } from './related-claims.ts';

/** The commentary data a share page prints. */
export type ShareCommentaryData = Pick<Commentary, 'title' | 'titleSupplied' | 'authors' | 'outlet' | 'published'>;

/** What a share page needs of its commentary's entry. */
export interface ShareCommentary {
	id: string;
	data: ShareCommentaryData;
}

/** The build's data a share page reads besides its own. */
export interface ShareContext<E extends ShareCommentary> {
	/** Routes with the site's public address (for absolute links). */
	routes: Routes;
	/** Registry names of actors by id (“Japan”, not the sentence's “Japan’s”). */
	actorNames: ReadonlyMap<string, string>;
	/** What a citation says about the commentary. */
	work(entry: E): CitableWork;
	/** Every citation format of a current sentence. */
	citations(claim: Claim, entry: E): ClaimCitations;
	/** A sentence's absolute permalink. */
	permalink(slug: string, id: string): string;
	/** A current sentence's related claims in other commentaries, grouped by commentary. */
	related(claimId: string): readonly RelatedGroup[];
}

/** The document head of a share page (`Base.astro`'s props). */
export interface ShareHead {
	title: string;
	ogTitle: string;
	description: string;
	canonical: string;
	image: string;
	imageAlt: string;
	/**
	 * Highwire tags for reference managers. No JSON-LD: it would describe the
	 * commentary, whose own page (in the sitemap, unlike share pages) carries
	 * it for search engines, and cost about 1.2 KB in every share page.
	 */
	citationMeta: MetaTag[];
}

/** A link to a page about something the sentence mentions. */
export interface MentionLink {
	href: string;
	/** Its registry name (`Article 4`, `Japan`). */
	text: string;
	kind: 'article' | 'actor';
}

/** A share page, ready to print. */
export interface SharePageModel<E extends ShareCommentary> {
	id: string;
	page: SharePage<E>;
	head: ShareHead;
	/** The last breadcrumb. */
	crumb: string;
	/** The quoted sentence (the live text, or an edited sentence's old wording); none for a withdrawn one. */
	shown: string | undefined;
	/** Where the quotation comes from (`<blockquote cite>`). */
	quoteSource: string;
	/** Pages of what a live sentence mentions. */
	mentions: MentionLink[];
	/** A live sentence's citations. */
	citations: ClaimCitations | undefined;
	/** A live sentence's permalink. */
	permalink: string | undefined;
	/** An edited sentence's successor's permalink. */
	successorPermalink: string | undefined;
	/** What other commentaries say about the same matter (a live sentence's; none for the others). */
	related: readonly RelatedGroup[];
}

/**
 * The related claims a share page prints: a current sentence's; an edited or
 * withdrawn sentence's page shows none (its current wording's page does).
 * The page's cache key reads them from here too.
 *
 * @param page
 *   The share page.
 * @param relatedTo
 *   A sentence's related claims, grouped by commentary.
 * @returns
 *   The groups.
 */
export function sharePageRelated<E>(page: SharePage<E>, relatedTo: (claimId: string) => readonly RelatedGroup[]): readonly RelatedGroup[] {
	return page.kind === 'live' ? relatedTo(page.claim.id) : [];
}

/**
 * Everything a share page prints.
 *
 * @param page
 *   The share page (live, moved or retired).
 * @param context
 *   The build's routes, names and citations.
 * @returns
 *   Head, breadcrumb, quotation, mentions, citations and related claims.
 */
export function sharePageModel<E extends ShareCommentary>(page: SharePage<E>, context: ShareContext<E>): SharePageModel<E> {
	const { routes } = context;
	const { entry } = page;
	const { data } = entry;
	const id = sharePageId(page);
	const credit = shortCredit(data.authors);
	const card = routes.shareCard(id);
	const pageUrl = routes.absolute(routes.commentary(entry.id));
	const work = context.work(entry);
	const shown = page.kind === 'live' ? page.claim.text : page.kind === 'moved' ? page.oldText : undefined;
	const description =
		page.kind === 'live'
			? page.claim.text
			: page.kind === 'moved'
				? `Edited since this link was made. It read: “${page.oldText}”`
				: `A sentence withdrawn from “${data.title}”: ${page.reason}`;
	const title = shown !== undefined ? `${surnames(data.authors)}: “${truncateAtWord(shown, 60)}”` : `A withdrawn sentence from ${surnames(data.authors)}`;
	const permalink = page.kind === 'live' ? context.permalink(entry.id, page.claim.id) : undefined;
	return {
		id,
		page,
		head: {
			title,
			ogTitle: `${credit}: ${data.titleSupplied ? `[${data.title}]` : data.title}`,
			description,
			canonical: page.kind === 'moved' ? routes.share(page.successor.id) : routes.share(id),
			image: card,
			imageAlt: shown
				? `Quotation card: “${shown}”, ${credit}, ${data.outlet}`
				: `Card: a sentence withdrawn from “${data.title}”, ${credit}, ${data.outlet}`,
			citationMeta: highwireMeta(work, pageUrl),
		},
		crumb: page.kind === 'live' ? 'One sentence' : page.kind === 'moved' ? 'An edited sentence' : 'A withdrawn sentence',
		shown,
		quoteSource: permalink ?? routes.absolute(routes.claim(entry.id, id)),
		mentions:
			page.kind === 'live'
				? mentionedEntities(page.claim.mentions, context.actorNames).map((m) => ({ href: routes.entity(m.kind, m.ref), text: m.name, kind: m.kind }))
				: [],
		citations: page.kind === 'live' ? context.citations(page.claim, entry) : undefined,
		permalink,
		successorPermalink: page.kind === 'moved' ? context.permalink(entry.id, page.successor.id) : undefined,
		related: sharePageRelated(page, context.related),
	};
}
