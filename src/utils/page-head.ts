/**
 * The part of a page's `<head>` that describes the page (title, description,
 * canonical address, Open Graph tags, the Twitter card's layout and image
 * text, Highwire citation tags, JSON-LD), as a list of tags. One function decides it for every page:
 * `Base.astro` prints the list through Astro, and the share pages, filled
 * from a template by the site's integration (src/features/sharing/share-page-fill.ts),
 * print the same list as HTML.
 */
import { jsonLdText, CARD_SIZE, type MetaTag } from './head-meta.ts';
import type { Routes } from './routes.ts';
import { SITE_NAME, SITE_TAGLINE } from './site.ts';

/** What a page says about itself in its head (`Base.astro`'s props). */
export interface PageHeadProps {
	/** Page title, without the site name. */
	title: string;
	/** Meta description: one or two sentences. */
	description: string;
	ogType?: 'website' | 'article' | undefined;
	/** Canonical path when it is not this page's own (an edited sentence's share page points at its successor's). */
	canonical?: string | undefined;
	/** Open Graph title when it differs from the page title. */
	ogTitle?: string | undefined;
	/** Path of the page's own card (`CARD_SIZE`) (default: the site card). */
	image?: string | undefined;
	/** Text alternative for `image`. */
	imageAlt?: string | undefined;
	/** Leave out the canonical and og:url (the 404 page answers at every missing address). */
	noCanonical?: boolean | undefined;
	/** Highwire `citation_*` tags, for reference managers. */
	citationMeta?: readonly MetaTag[] | undefined;
	/** schema.org JSON-LD describing the page's subject. */
	jsonLd?: Record<string, unknown> | undefined;
}

/** One tag of the head, in the order it is printed. Attributes are pairs, in the order they are printed. */
export type HeadTag =
	| { kind: 'title'; text: string }
	| { kind: 'meta'; attributes: Readonly<Record<string, string>> }
	| { kind: 'link'; attributes: Readonly<Record<string, string>> }
	| { kind: 'json-ld'; json: string };

/**
 * The tags that describe a page, from `<title>` to its JSON-LD.
 *
 * @param props
 *   What the page says about itself.
 * @param path
 *   The page's own path (with the base), for the canonical address and to tell the home page.
 * @param routes
 *   Routes with the site's public address.
 * @returns
 *   The tags, in order.
 */
export function pageHeadTags(props: PageHeadProps, path: string, routes: Routes): HeadTag[] {
	const { title, description, ogType = 'website', ogTitle, image, imageAlt, noCanonical = false, citationMeta = [], jsonLd } = props;
	const isHome = path === routes.home();
	// One address for crawlers and unfurlers alike: og:url is the canonical.
	const canonical = routes.absolute(props.canonical ?? path);
	const fullTitle = isHome ? `${SITE_NAME}: ${SITE_TAGLINE}` : `${title} · ${SITE_NAME}`;
	const socialTitle = ogTitle ?? (isHome ? fullTitle : title);
	const card = routes.absolute(image ?? routes.siteCard());
	const cardAlt = image ? (imageAlt ?? description) : `${SITE_NAME}: ${SITE_TAGLINE}`;
	const property = (name: string, content: string): HeadTag => ({ kind: 'meta', attributes: { property: name, content } });
	const named = (name: string, content: string): HeadTag => ({ kind: 'meta', attributes: { name, content } });
	return [
		{ kind: 'title', text: fullTitle },
		named('description', description),
		...(noCanonical ? [] : [{ kind: 'link', attributes: { rel: 'canonical', href: canonical } } satisfies HeadTag]),
		named('color-scheme', 'light dark'),
		property('og:site_name', SITE_NAME),
		property('og:locale', 'en_GB'),
		property('og:title', socialTitle),
		property('og:description', description),
		property('og:type', ogType),
		...(noCanonical ? [] : [property('og:url', canonical)]),
		property('og:image', card),
		property('og:image:type', 'image/png'),
		property('og:image:width', String(CARD_SIZE.width)),
		property('og:image:height', String(CARD_SIZE.height)),
		property('og:image:alt', cardAlt),
		// X reads the title, description and image from the og: tags when it has no twitter: tag of its own; the
		// card's layout and the image's text have no og: fallback there.
		named('twitter:card', 'summary_large_image'),
		named('twitter:image:alt', cardAlt),
		...citationMeta.map((tag) => named(tag.name, tag.content)),
		...(jsonLd ? [{ kind: 'json-ld', json: jsonLdText(jsonLd) } satisfies HeadTag] : []),
	];
}
