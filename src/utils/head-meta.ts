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

/** The size of every card image (share cards and the site card), in pixels. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The size of the site's logo (`routes.siteLogo()`, drawn from the favicon), in pixels. */
export const LOGO_SIZE = { width: 512, height: 512 } as const;
