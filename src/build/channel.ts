/**
 * The one way pages talk to the `treaty-reader` integration during a build.
 * Pages are rendered by module instances of their own (see `handle.ts`), so
 * they cannot call the integration; they send here, and the receiver the
 * integration installs for the build takes what they send:
 *
 * - share cards to draw (`sendShareCards`), which the integration starts
 *   drawing at once, beside page generation;
 * - the commentaries' search records (`sendSearchRecords`), which it indexes
 *   with the built pages once the build is done;
 * - the share pages (`sendFilledPages`): a frame Astro renders once and, for
 *   each page, its cache key and the parts that fill the frame, which the
 *   integration writes once the build is done.
 *
 * Outside a build (`astro dev`, `astro check`) nobody receives and nothing
 * is sent; the build itself fails if a share page is left without its card
 * or the search index without its records.
 */
import { buildHandle } from './handle.ts';

/** What a share card shows. */
export interface ShareCard {
	/** The sentence, shown in quotation marks, or (with `notice`) a plain headline. */
	quote: string;
	/** Draw `quote` as a headline rather than a quotation (site card, withdrawn sentence). (default: `false`) */
	notice?: boolean;
	credit: string;
	source: string;
	site: string;
}

/** A card to draw for a claim. */
export interface ShareCardRequest {
	/** The share page's id: the card is written to `routes.shareCard(id)`. */
	id: string;
	card: ShareCard;
}

/** A search record: a commentary as a small HTML document Pagefind indexes at `url` (src/features/search/records.ts). */
export interface SearchRecord {
	url: string;
	content: string;
}

/** The parts that fill a frame's markers (`<!--fill:NAME-->`), as HTML, by name. */
export type FrameParts = Readonly<Record<string, string>>;

/** A page the integration writes by filling the frame. */
export interface FilledPage {
	/** Its address relative to the site's root, as Astro names built pages (`c/<id>/`). */
	pathname: string;
	/** A digest of everything the page prints besides the frame and the code (see `page-cache-keys.ts`). */
	cacheKey: string;
	/** Its parts (called only when the page cannot be reused from the previous build). */
	parts(): FrameParts;
}

/** Pages filled from one frame. */
export interface FilledPages {
	/** The frame's address among the built pages (`c/frame/`): read, filled for each page, then removed. */
	frame: string;
	/** The markers the frame holds, each once (`head`, `main`): every page fills each. */
	marks: readonly string[];
	pages: readonly FilledPage[];
}

/** What the integration does with what pages send. */
export interface BuildReceiver {
	/** Draw these cards. */
	shareCards(requests: readonly ShareCardRequest[]): void;
	/** Index these records, in this order. */
	searchRecords(records: readonly SearchRecord[]): void;
	/** Write these pages after the build (a receiver that takes none leaves it out). */
	filledPages?(pages: FilledPages): void;
}

/**
 * Receive what pages send until the returned function is called (the
 * integration, for one build).
 *
 * @param receiver
 *   What to do with each message.
 * @returns
 *   Stops receiving.
 */
export function receiveFromPages(receiver: BuildReceiver): () => void {
	const handle = buildHandle();
	handle.receiver = receiver;
	return () => {
		if (handle.receiver === receiver) handle.receiver = undefined;
	};
}

/**
 * Ask the build for these share cards.
 *
 * @param requests
 *   Each card with the id of its share page.
 */
export function sendShareCards(requests: readonly ShareCardRequest[]): void {
	buildHandle().receiver?.shareCards(requests);
}

/**
 * Hand the build the commentaries' search records.
 *
 * @param records
 *   Every sentence's record, in reading order.
 */
export function sendSearchRecords(records: readonly SearchRecord[]): void {
	buildHandle().receiver?.searchRecords(records);
}

/**
 * Hand the build pages to write by filling a frame (the share pages).
 *
 * @param pages
 *   The frame's address, its markers and every page.
 * @returns
 *   Whether a build took them (`false` under `astro dev`: the route renders every page itself).
 */
export function sendFilledPages(pages: FilledPages): boolean {
	const receiver = buildHandle().receiver;
	if (!receiver?.filledPages) return false;
	receiver.filledPages(pages);
	return true;
}
