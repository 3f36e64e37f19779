/**
 * What the page shell prints into `<head>` for a page's metadata: meta
 * tag pairs and JSON-LD, serialised safely.
 */

/** One `<meta name content>` pair. */
export interface MetaTag {
	name: string;
	content: string;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: `<` is
 * escaped so that no string in the data can close the element.
 */
export function jsonLdText(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The size of every card image (share cards and the site card), in pixels:
 * the Open Graph shape (1.905 : 1, laid out on its 1200 × 630 grid) at 1000
 * pixels wide. Link previews show a card about 500 CSS pixels wide (X's
 * large card 506, Facebook's feed 500, LinkedIn's 552, Mastodon and Slack
 * less), so 1000 is two device pixels per CSS pixel on a high-density screen
 * in all but LinkedIn's widest; every platform shows it as a large card (X
 * asks for 300 × 157 at least, Facebook 600 × 315). A card weighs about a
 * quarter less than at 1200 (docs/performance.md), and there is one for every
 * sentence: at 1,000 commentaries they were 12.3 of 33 KiB per sentence.
 */
export const CARD_SIZE = { width: 1000, height: 525 } as const;

/** The size of the site's logo (`routes.siteLogo()`, drawn from the favicon), in pixels. */
export const LOGO_SIZE = { width: 512, height: 512 } as const;
