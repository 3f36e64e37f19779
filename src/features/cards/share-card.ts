/**
 * The share card of one claim: a 1200×630 PNG at `routes.shareCard(id)` with
 * the quote, who said it and where, so a pasted link shows the sentence
 * itself, with no server and no third party.
 *
 * Cards are drawn at build time, not by a page: the share pages ask for them
 * (`requestShareCards`) and the site's integration draws them in worker
 * threads, from a cache, while pages are generated (`src/features/cards/share-cards.ts`).
 * What each card shows is `share-card-content.ts`; the drawing itself is
 * `share-card-image.ts`.
 */
import { truncateAtWord } from '../../utils/truncate.ts';

/** What a card shows. */
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

/** Where the integration listens for card requests during a build (see `requestShareCards`). */
export const SHARE_CARD_SINK = Symbol.for('treaty-reader.share-card-sink');

/** What the integration installs at `globalThis[SHARE_CARD_SINK]` while it builds. */
export type ShareCardSink = (requests: readonly ShareCardRequest[]) => void;

/** Shorten a long quote at a word boundary so the card stays legible. */
export function fitQuote(text: string, max = 260): string {
	return truncateAtWord(text, max);
}

/**
 * Ask the build for these cards. The pages are bundled by Vite and the
 * integration is not, so the two share no module: they meet on a
 * process-wide symbol. Outside a build (`astro dev`, `astro check`) nobody
 * listens and no card is drawn; the build itself fails if a share page is
 * left without its card.
 *
 * @param requests
 *   Each card with the id of its share page.
 */
export function requestShareCards(requests: readonly ShareCardRequest[]): void {
	const sink = (globalThis as { [SHARE_CARD_SINK]?: ShareCardSink })[SHARE_CARD_SINK];
	sink?.(requests);
}
