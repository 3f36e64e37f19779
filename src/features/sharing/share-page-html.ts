/**
 * A share page's own HTML (`/c/<id>/`): the tags of its head that describe it
 * and everything it prints inside the page frame (breadcrumbs and the
 * `<article>`), from `sharePageModel`. The frame (site header, footer, the
 * stylesheet and script addresses Astro hashes) is rendered once per build by
 * Astro (src/pages/c/[id].astro) and filled with these parts for every share
 * page by the integration (./share-page-files.ts), so a share page costs a
 * string fill, not an Astro render.
 *
 * The markup is built as a hast tree (hastscript) and printed with
 * hast-util-to-html; text is escaped as Astro escapes an expression (`&`, `<`,
 * `>`, `'`, `"`), so a filled page is byte for byte what Astro printed for the
 * same page. Pure.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Routes } from '../../utils/routes.ts';
import { pageHeadTags, type HeadTag } from '../../utils/page-head.ts';
import { creditLine } from '../../utils/credit.ts';
import { formatPublished } from '../../utils/format-date.ts';
import { pinpointText } from '../../claims/pinpoint.ts';
import { CITATION_STYLES, type CitationStyle } from './cite.ts';
import { relatedBecause, type RelatedGroup } from './related-claims.ts';
import type { ShareCommentary, SharePageModel } from './share-page-model.ts';

/** The parts of a share page that vary by sentence, as HTML. */
export type SharePageParts = {
	/** The head's `<title>`, description, canonical, Open Graph, Highwire and JSON-LD tags. */
	head: string;
	/** What the page prints inside the frame's `<div class="page">`, before the page's script. */
	main: string;
};

/** A raw node: HTML already escaped, printed as is. */
interface Raw {
	type: 'raw';
	value: string;
}

/** A child of an element in this module's trees. */
type Child = Element | Raw;

/** The formatted styles, in the order `CITATION_STYLES` lists them. */
const CITATION_STYLE_ORDER = Object.keys(CITATION_STYLES).filter((style): style is CitationStyle => style in CITATION_STYLES);

/** The characters Astro escapes in an expression's text, with their references. */
const ESCAPED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * hast-util-to-html's settings: attributes as Astro prints them, double-quoted with only `&` and `"` escaped
 * (`allowDangerousCharacters` keeps `'` and the backtick, which only old Internet Explorer misread) and an
 * empty value left out; raw nodes for text escaped as Astro escapes it.
 */
const TO_HTML = {
	allowDangerousHtml: true,
	allowDangerousCharacters: true,
	collapseEmptyAttributes: true,
	characterReferences: { useNamedReferences: true },
} as const;

/**
 * Text as Astro prints an expression: every `&`, `<`, `>`, `'` and `"` escaped.
 *
 * @param value
 *   Plain text.
 * @returns
 *   A raw node holding the escaped text.
 */
function text(value: string): Raw {
	return { type: 'raw', value: value.replace(/[&<>'"]/g, (character) => ESCAPED[character] ?? character) };
}

/**
 * HTML already made (JSON-LD, whose `<` is escaped by `jsonLdText`).
 *
 * @param value
 *   The HTML.
 * @returns
 *   A raw node.
 */
function raw(value: string): Raw {
	return { type: 'raw', value };
}

/**
 * Print nodes.
 *
 * @param nodes
 *   Elements and raw nodes, in order.
 * @returns
 *   Their HTML.
 */
function print(nodes: readonly Child[]): string {
	// cast: hast's `Root` does not list `raw` among its children; hast-util-to-html prints it (`allowDangerousHtml`).
	const root = { type: 'root', children: nodes } as unknown as Root;
	return toHtml(root, TO_HTML);
}

/**
 * An element with children that may be raw (hastscript types only hast's own nodes).
 *
 * @param selector
 *   Tag name, with `.class` and `#id` if any.
 * @param properties
 *   Attributes, in the order they are printed.
 * @param children
 *   Children, in order.
 * @returns
 *   The element.
 */
function el(selector: string, properties: Record<string, string | number | boolean | undefined>, ...children: Child[]): Element {
	// cast: raw nodes are printed by hast-util-to-html (`allowDangerousHtml`) though hast's types do not list them.
	return h(selector, properties, children as unknown as ElementContent[]);
}

/**
 * One head tag as a hast element.
 *
 * @param tag
 *   The tag (src/utils/page-head.ts).
 * @returns
 *   The element.
 */
function headElement(tag: HeadTag): Element {
	switch (tag.kind) {
		case 'title':
			return el('title', {}, text(tag.text));
		case 'json-ld':
			return el('script', { type: 'application/ld+json' }, raw(tag.json));
		case 'link':
			return el('link', { ...tag.attributes });
		case 'meta':
			return el('meta', { ...tag.attributes });
	}
}

/**
 * The breadcrumbs above the sentence.
 *
 * @param model
 *   The share page.
 * @param routes
 *   The site's routes.
 * @returns
 *   The `nav` element.
 */
function breadcrumbs(model: SharePageModel<ShareCommentary>, routes: Routes): Element {
	const { entry } = model.page;
	return el(
		'nav.breadcrumbs',
		{ ariaLabel: 'Breadcrumb' },
		el(
			'ol',
			{},
			el('li', {}, el('a', { href: routes.home() }, text('Home'))),
			el('li', {}, el('a', { href: routes.commentary(entry.id) }, text(entry.data.title))),
			el('li', {}, el('a', { href: routes.share(model.id), ariaCurrent: 'page' }, text(model.crumb))),
		),
	);
}

/**
 * The quoted sentence with its source: credit, title, outlet, date and, for a current sentence, its place.
 *
 * @param model
 *   The share page.
 * @param shown
 *   The words quoted.
 * @returns
 *   The `figure` element.
 */
function quotation(model: SharePageModel<ShareCommentary>, shown: string): Element {
	const { page, id } = model;
	const { data } = page.entry;
	return el(
		'figure.share-quote',
		{},
		el('blockquote', { cite: model.quoteSource }, el('p', {}, text(shown))),
		el(
			'figcaption',
			{},
			text(`${creditLine(data.authors)}, `),
			el('cite', {}, text(data.title)),
			...(data.titleSupplied ? [text(' [title supplied]')] : []),
			text(`, ${data.outlet}, `),
			el('time', { dateTime: data.published.date }, text(formatPublished(data.published))),
			text(page.kind === 'live' ? `, ${pinpointText(page.pinpoint)}.` : '.'),
			el('span.share-id', {}, el('span.visually-hidden', {}, text('Sentence id: ')), el('code', {}, text(id))),
		),
	);
}

/**
 * A copy button with its status line (shown only when the script runs).
 *
 * @param button
 *   The button.
 * @returns
 *   The `span` element.
 */
function copyControl(button: Element): Element {
	return el('span.share-copy', { dataNeedsScript: true }, button, el('span.copy-status', { role: 'status', dataCopyStatus: true }));
}

/**
 * The related claims of other commentaries.
 *
 * @param related
 *   The groups, by commentary.
 * @param routes
 *   The site's routes.
 * @returns
 *   The section.
 */
function relatedSection(related: readonly RelatedGroup[], routes: Routes): Element {
	return el(
		'section.share-related',
		{ ariaLabelledBy: 'related-heading' },
		el('h2#related-heading', {}, text('Also discussed by')),
		el('p.muted', {}, text('Sentences of other commentaries about the same matter.')),
		el(
			'ul.related-list',
			{},
			...related.map((group) =>
				el(
					'li.related-group',
					{},
					el('p.related-source', {}, el('span.related-credit', {}, text(group.credit)), raw(', '), el('cite', {}, text(group.title))),
					el(
						'ul.related-claims',
						{},
						...group.claims.map((claim) =>
							el(
								'li.related-claim',
								{},
								el('blockquote.related-quote', { cite: routes.claim(group.commentary, claim.id) }, el('p', {}, text(claim.text))),
								el('p.related-because', {}, text(relatedBecause(claim))),
								el(
									'p.related-actions',
									{},
									el('a', { href: routes.claim(group.commentary, claim.id) }, raw('Read it in context'), el('span.visually-hidden', {}, text(` (${group.credit})`))),
									raw(' '),
									el('a', { href: routes.share(claim.id) }, raw('Share page'), el('span.visually-hidden', {}, text(` of this sentence by ${group.credit}`))),
								),
							),
						),
					),
				),
			),
		),
	);
}

/**
 * A current sentence's citations: the styles with their copy buttons, BibTeX, RIS and CSL-JSON, and its permalink.
 *
 * @param model
 *   The share page.
 * @param routes
 *   The site's routes.
 * @returns
 *   The section, or nothing for an edited or withdrawn sentence.
 */
function citeSection(model: SharePageModel<ShareCommentary>, routes: Routes): Element[] {
	const { page, citations, permalink } = model;
	if (page.kind !== 'live' || !citations) return [];
	const details = (label: string, format: string, value: string) =>
		el('details.provenance', {}, el('summary', {}, raw(label)), el('pre', { dataFormat: format }, text(value)));
	return [
		el(
			'section',
			{ ariaLabelledBy: 'cite-heading' },
			el('h2#cite-heading', {}, raw('Cite this sentence')),
			el(
				'dl.citations',
				{},
				...CITATION_STYLE_ORDER.flatMap((style) => [
					el('dt', {}, text(CITATION_STYLES[style].label)),
					el(
						'dd.citation',
						{ dataCitationStyle: style },
						el('span.citation-text', {}, text(citations[style])),
						copyControl(
							el('button', { type: 'button', dataCopyCitation: true }, raw('Copy'), el('span.visually-hidden', {}, text(` the ${CITATION_STYLES[style].label} citation`))),
						),
					),
				]),
			),
			details('BibTeX', 'bibtex', citations.bibtex),
			details('RIS', 'ris', citations.ris),
			details('CSL-JSON', 'csl', citations.csl),
			el(
				'p.muted',
				{},
				raw('The link '),
				el('a', { href: routes.claim(page.entry.id, page.claim.id) }, text(permalink ?? '')),
				raw(' keeps working if the text is corrected: it then lands on the new wording, with a notice showing the old.'),
			),
		),
	];
}

/**
 * The `<article>`: heading, quotation, what became of the sentence, the card, related claims, mentions, citations.
 *
 * @param model
 *   The share page.
 * @param routes
 *   The site's routes.
 * @returns
 *   The `article` element.
 */
function article(model: SharePageModel<ShareCommentary>, routes: Routes): Element {
	const { page, id, head, shown } = model;
	const { entry } = page;
	const { data } = entry;
	const children: Child[] = [];
	if (page.kind === 'live') children.push(el('h1#claim-heading.visually-hidden', {}, text(`A sentence from “${data.title}”`)));
	else children.push(el('h1#claim-heading', {}, raw(page.kind === 'moved' ? 'This sentence was edited' : 'This sentence was withdrawn')));
	if (page.kind === 'moved') {
		children.push(
			el('p.share-status', { role: 'note' }, raw('The link you followed was made for an earlier wording. The sentence was edited after it was published; it read:')),
		);
	}
	if (shown !== undefined && shown !== '') children.push(quotation(model, shown));
	if (page.kind === 'moved') {
		children.push(
			el(
				'section',
				{ ariaLabelledBy: 'now-heading' },
				el('h2#now-heading', {}, raw('It now reads')),
				el('blockquote.share-successor', { cite: model.successorPermalink }, el('p', {}, text(page.successor.text))),
				el(
					'p.share-actions',
					{},
					el('a.button-link', { href: routes.claim(entry.id, page.successor.id) }, raw('Read it in context')),
					raw(' '),
					el('a', { href: routes.share(page.successor.id) }, raw('Share or cite the current wording')),
				),
			),
		);
	}
	if (page.kind === 'retired') {
		children.push(
			el(
				'p.share-status',
				{ role: 'note' },
				raw('A sentence of '),
				el('cite', {}, text(data.title)),
				text(` (${creditLine(data.authors)}, ${data.outlet}) was at this address. The editors withdrew it from this edition.`),
			),
			el('h2#reason-heading', {}, raw('Why it was withdrawn')),
			el('p.share-reason', {}, text(page.reason)),
			el('p', {}, el('a.button-link', { href: routes.commentary(entry.id) }, raw('Read the commentary'))),
		);
	}
	if (page.kind === 'live') {
		children.push(
			el(
				'p.share-actions',
				{},
				el('a.button-link', { href: routes.claim(entry.id, page.claim.id) }, raw('Read it in context')),
				copyControl(el('button', { type: 'button', dataCopyLink: model.permalink }, raw('Copy link'))),
			),
			el(
				'section',
				{ ariaLabelledBy: 'context-heading' },
				el('h2#context-heading', {}, raw('Around this sentence')),
				el(
					'div.share-context',
					{},
					...(page.previous ? [el('p.muted', {}, el('a', { href: routes.share(page.previous.id) }, text(page.previous.text)))] : []),
					el('p.share-current', { ariaCurrent: 'true' }, text(page.claim.text)),
					...(page.next ? [el('p.muted', {}, el('a', { href: routes.share(page.next.id) }, text(page.next.text)))] : []),
				),
			),
		);
	}
	// The card link unfurlers show, shown here too (1200 × 630, drawn at build time).
	children.push(
		el(
			'figure.share-card',
			{},
			el('img', { src: routes.shareCard(id), width: '1200', height: '630', alt: head.imageAlt, loading: 'lazy', decoding: 'async' }),
			el('figcaption.muted', {}, raw('The card shown where this link is shared.')),
		),
	);
	if (model.related.length > 0) children.push(relatedSection(model.related, routes));
	if (model.mentions.length > 0) {
		children.push(
			el(
				'section',
				{ ariaLabelledBy: 'mentions-heading' },
				el('h2#mentions-heading', {}, raw('What it mentions')),
				el(
					'ul.inline-list',
					{},
					...model.mentions.map((mention) => el('li', {}, el('a', { href: mention.href }, text(mention.text)), raw(' '), el('span.muted', {}, text(`(${mention.kind})`)))),
				),
			),
		);
	}
	children.push(...citeSection(model, routes));
	return el('article.reading.share', { ariaLabelledBy: 'claim-heading', dataShareKind: page.kind }, ...children);
}

/**
 * A share page's parts that vary by sentence, as HTML.
 *
 * @param model
 *   The share page (`sharePageModel`).
 * @param path
 *   The page's own path (`routes.share(id)`), as the head's defaults read it.
 * @param routes
 *   Routes with the site's public address.
 * @returns
 *   The head tags and the page's content.
 */
export function sharePageParts(model: SharePageModel<ShareCommentary>, path: string, routes: Routes): SharePageParts {
	const { head } = model;
	const headTags = pageHeadTags(
		{
			title: head.title,
			ogTitle: head.ogTitle,
			description: head.description,
			ogType: 'article',
			canonical: head.canonical,
			image: head.image,
			imageAlt: head.imageAlt,
			citationMeta: head.citationMeta,
			jsonLd: head.jsonLd,
		},
		path,
		routes,
	);
	return {
		head: print(headTags.map(headElement)),
		main: print([breadcrumbs(model, routes), article(model, routes)]),
	};
}
