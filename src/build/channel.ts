/**
 * The one way pages talk to the `treaty-reader` integration during a build.
 * Pages are rendered by module instances of their own (see `handle.ts`), so
 * they cannot call the integration; they send here, and the receiver the
 * integration installs for the build takes what they send:
 *
 * - share cards to draw (`sendShareCards`), which the integration starts
 *   drawing at once, beside page generation;
 * - the commentaries' search records (`sendSearchRecords`), which it indexes
 *   with the built pages once the build is done.
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

/** What the integration does with what pages send. */
export interface BuildReceiver {
	/** Draw these cards. */
	shareCards(requests: readonly ShareCardRequest[]): void;
	/** Index these records, in this order. */
	searchRecords(records: readonly SearchRecord[]): void;
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
