/**
 * Metadata a reference manager or a search engine reads from a page so that
 * one click saves the piece as what it is: Highwire Press `citation_*` tags
 * (Google Scholar; Zotero's "Embedded Metadata" translator) with `DC.type`
 * for the item type, and a schema.org JSON-LD description (Google's Article
 * rich results). Both describe the commentary, as this edition presents it.
 *
 * What Zotero's translator does with them: `citation_journal_title` would
 * make any page a journal article, so it is never written; the type comes from
 * `DC.type` (a Zotero item type: `newspaperArticle`, `blogPost`, `report`,
 * `interview` …), which its RDF step ranks above its guess from
 * `citation_title` and below nothing this page carries (`og:type` is
 * `article`, only a guess). A report's outlet is its institution
 * (`citation_technical_report_institution`); any other outlet is the
 * publication (`prism.publicationName`, which Zotero reads before
 * `og:site_name`, this edition's name). Every `citation_author` becomes
 * an author (for an interview, the interviewee): Highwire has no interviewer,
 * so the interviewer is left out of the tags and credited in their own role
 * in the CSL record and the JSON-LD.
 */
import { CARD_SIZE, LOGO_SIZE, type MetaTag } from '../../utils/head-meta.ts';
import type { Routes } from '../../utils/routes.ts';
import { SITE_NAME } from '../../utils/site.ts';
import { itemType, type CitableWork } from './cite.ts';

/** `2024-06-19` → `2024/06/19`, `2024-06` → `2024/06` (Highwire's date form). */
function highwireDate(iso: string): string {
	return iso.replaceAll('-', '/');
}

/** The people a piece is by: everyone credited but the interviewer. */
function authorsOf(work: CitableWork): string[] {
	return work.authors.filter((a) => a.role !== 'interviewer').map((a) => a.name);
}

/** The interviewers of an interview. */
function interviewersOf(work: CitableWork): string[] {
	return work.authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
}

/**
 * Highwire Press tags for a commentary, and its item type for Zotero.
 *
 * @param work
 *   The commentary.
 * @param pageUrl
 *   Absolute address of the page that carries the tags (the edition's copy).
 * @returns
 *   Tags in the order Zotero expects (title, one `citation_author` per author, date …).
 */
export function highwireMeta(work: CitableWork, pageUrl: string): MetaTag[] {
	const type = itemType(work);
	return [
		{ name: 'citation_title', content: work.title },
		...authorsOf(work).map((name) => ({ name: 'citation_author', content: name })),
		{ name: 'citation_publication_date', content: highwireDate(work.published.date) },
		type.csl === 'report'
			? { name: 'citation_technical_report_institution', content: work.outlet }
			: { name: 'citation_publisher', content: work.outlet },
		{ name: 'citation_public_url', content: pageUrl },
		{ name: 'citation_language', content: 'en' },
		...(work.originalUrl ? [{ name: 'citation_fulltext_html_url', content: work.originalUrl }] : []),
		{ name: 'DC.type', content: type.zotero },
		// Zotero takes the publication's name from PRISM before og:site_name (which names this edition, not the outlet).
		...(type.csl === 'report' ? [] : [{ name: 'prism.publicationName', content: work.outlet }]),
	];
}

/** An image with its size, as schema.org and Google's rich results want it. */
export interface SizedImage {
	url: string;
	width: number;
	height: number;
}

/** Who publishes this edition: the site, with its logo. */
export interface EditionPublisher {
	name: string;
	url: string;
	logo: SizedImage;
}

/**
 * @param routes
 *   Routes of the site (with its address).
 * @returns
 *   This edition as a publisher: the site's name, home page and logo.
 */
export function editionPublisher(routes: Routes): EditionPublisher {
	return { name: SITE_NAME, url: routes.absolute(routes.home()), logo: { url: routes.absolute(routes.siteLogo()), ...LOGO_SIZE } };
}

/**
 * @param url
 *   Absolute address of a card (a share card or the site card).
 * @returns
 *   The card with its size.
 */
export function cardImage(url: string): SizedImage {
	return { url, ...CARD_SIZE };
}

/** A schema.org ImageObject. */
function imageObject(image: SizedImage): Record<string, unknown> {
	return { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height };
}

/**
 * A schema.org description of a commentary (JSON-LD): its type (an
 * `Article`, a `NewsArticle` of a newspaper, a `BlogPosting`, a `Report`),
 * its authors, an interviewer as a contributor in the role `interviewer`
 * (schema.org's `Role`), the date, the image and this edition as publisher
 * (with its logo), the outlet as the publisher of the original it is based on.
 *
 * @param work
 *   The commentary.
 * @param pageUrl
 *   Absolute address of the edition's page.
 * @param options
 *   `image`: the page's card; `publisher`: the edition; `quote`: a sentence the page quotes.
 * @returns
 *   A JSON-LD object (serialise with `jsonLdText`).
 */
export function articleJsonLd(
	work: CitableWork,
	pageUrl: string,
	options: Readonly<{ image: SizedImage; publisher: EditionPublisher; quote?: string }>,
): Record<string, unknown> {
	const person = (name: string) => ({ '@type': 'Person', name });
	const interviewers = interviewersOf(work);
	const type = itemType(work);
	const outlet = { '@type': 'Organization', name: work.outlet };
	return {
		'@context': 'https://schema.org',
		'@type': type.schemaOrg,
		headline: work.title,
		...(type.csl === 'interview' ? { genre: 'interview' } : {}),
		author: authorsOf(work).map(person),
		...(interviewers.length > 0
			? { contributor: interviewers.map((name) => ({ '@type': 'Role', roleName: 'interviewer', contributor: person(name) })) }
			: {}),
		datePublished: work.published.date,
		image: [imageObject(options.image)],
		publisher: { '@type': 'Organization', name: options.publisher.name, url: options.publisher.url, logo: imageObject(options.publisher.logo) },
		isBasedOn: {
			'@type': 'CreativeWork',
			name: work.title,
			publisher: outlet,
			...(work.originalUrl ? { url: work.originalUrl } : {}),
		},
		inLanguage: 'en',
		url: pageUrl,
		mainEntityOfPage: pageUrl,
		...(work.originalUrl ? { sameAs: work.originalUrl } : {}),
		...(options.quote ? { hasPart: { '@type': 'Quotation', text: options.quote } } : {}),
	};
}
