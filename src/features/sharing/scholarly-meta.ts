/**
 * Metadata a reference manager reads from a page so that one click saves the
 * piece: Highwire Press `citation_*` tags (Zotero's "Embedded Metadata") and
 * a schema.org JSON-LD description. Both describe the commentary, as this
 * edition presents it.
 */
import type { MetaTag } from '../../utils/head-meta.ts';
import type { CitableWork } from './cite.ts';


/** `2024-06-19` → `2024/06/19`, `2024-06` → `2024/06` (Highwire's date form). */
function highwireDate(iso: string): string {
	return iso.replaceAll('-', '/');
}

/** Everyone credited, the interviewer included (as an author of the interview). */
function people(work: CitableWork): string[] {
	const speakers = work.authors.filter((a) => a.role !== 'interviewer').map((a) => a.name);
	const interviewers = work.authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
	return [...speakers, ...interviewers];
}

/**
 * Highwire Press tags for a commentary.
 *
 * @param work
 *   The commentary.
 * @param pageUrl
 *   Absolute address of the page that carries the tags (the edition's copy).
 * @returns
 *   Tags in the order Zotero expects (title, one `citation_author` per person, date …).
 */
export function highwireMeta(work: CitableWork, pageUrl: string): MetaTag[] {
	return [
		{ name: 'citation_title', content: work.title },
		...people(work).map((name) => ({ name: 'citation_author', content: name })),
		{ name: 'citation_publication_date', content: highwireDate(work.published.date) },
		{ name: 'citation_publisher', content: work.outlet },
		{ name: 'citation_journal_title', content: work.outlet },
		{ name: 'citation_public_url', content: pageUrl },
		{ name: 'citation_language', content: 'en' },
		...(work.originalUrl ? [{ name: 'citation_fulltext_html_url', content: work.originalUrl }] : []),
	];
}

/** schema.org type for each kind of commentary. */
const SCHEMA_TYPE = {
	commentary: 'OpinionNewsArticle',
	'op-ed': 'OpinionNewsArticle',
	analysis: 'AnalysisNewsArticle',
	interview: 'Article',
} as const;

/**
 * A schema.org description of a commentary (JSON-LD).
 *
 * @param work
 *   The commentary.
 * @param pageUrl
 *   Absolute address of the edition's page.
 * @param options
 *   `quote`: a sentence the page quotes; `image`: absolute address of its card.
 * @returns
 *   A JSON-LD object (serialise with `jsonLdText`).
 */
export function articleJsonLd(work: CitableWork, pageUrl: string, options?: Readonly<{ quote?: string; image?: string; isPartOf?: string }>): Record<string, unknown> {
	const person = (name: string) => ({ '@type': 'Person', name });
	const interviewers = work.authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
	return {
		'@context': 'https://schema.org',
		'@type': SCHEMA_TYPE[work.kind],
		headline: work.title,
		author: work.authors.filter((a) => a.role !== 'interviewer').map((a) => person(a.name)),
		...(interviewers.length > 0 ? { contributor: interviewers.map(person) } : {}),
		datePublished: work.published.date,
		publisher: { '@type': 'Organization', name: work.outlet },
		inLanguage: 'en',
		url: pageUrl,
		...(work.originalUrl ? { sameAs: work.originalUrl } : {}),
		...(options?.image ? { image: options.image } : {}),
		...(options?.quote ? { hasPart: { '@type': 'Quotation', text: options.quote } } : {}),
	};
}
