/**
 * What the reading page tells its script on its `<article>`: where the
 * commentary's citations and related files are and the public address of the
 * page (the base of the links the claim panel copies). Written by the page and read by
 * the script with this module. Pure.
 */

/** The reading page's addresses its script needs. */
export interface ReadingLinks {
	/** The commentary's citations file (`routes.citations`). */
	citations: string;
	/** The commentary's related file (`routes.related`). */
	related: string;
	/** The page's absolute public address, without a fragment. */
	permalink: string;
}

/** The attributes as the page writes them. */
export interface ReadingLinkAttributes {
	'data-citations': string;
	'data-related': string;
	'data-permalink': string;
}

/** The selector of the element that carries them. */
export const READING_LINKS_SELECTOR = '[data-citations]';

/**
 * The attributes carrying the links, to spread on the page's `<article>`.
 *
 * @param links
 *   The links.
 */
export function readingLinkAttributes({ citations, related, permalink }: ReadingLinks): ReadingLinkAttributes {
	return { 'data-citations': citations, 'data-related': related, 'data-permalink': permalink };
}

/**
 * Read the links back from the element's `dataset`.
 *
 * @param dataset
 *   The element's `dataset`.
 * @returns
 *   The links; a missing attribute reads as an empty string.
 */
export function readReadingLinks(dataset: DOMStringMap): ReadingLinks {
	return { citations: dataset['citations'] ?? '', related: dataset['related'] ?? '', permalink: dataset['permalink'] ?? '' };
}
