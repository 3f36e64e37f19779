/**
 * The share card of one claim: a PNG of `CARD_SIZE` (utils/head-meta.ts) at `routes.shareCard(id)` with
 * the quote, who said it and where, so a pasted link shows the sentence
 * itself, with no server and no third party.
 *
 * Cards are drawn at build time, not by a page: the share pages ask for them
 * (`requestShareCards`, through the build's channel, `src/build/channel.ts`)
 * and the site's integration draws them in worker threads, from a cache,
 * while pages are generated (`src/features/cards/share-cards.ts`).
 * What each card shows is `share-card-content.ts`; the drawing itself is
 * `share-card-image.ts`.
 */
import { truncateAtWord } from '../../utils/truncate.ts';

export type { ShareCard, ShareCardRequest } from '../../build/channel.ts';

/**
 * Ask the build for these cards (`sendShareCards` of the build's channel,
 * which the integration receives while it builds).
 */
export { sendShareCards as requestShareCards } from '../../build/channel.ts';

/** Shorten a long quote at a word boundary so the card stays legible. */
export function fitQuote(text: string, max = 260): string {
	return truncateAtWord(text, max);
}
