/**
 * A share page's own HTML (`/c/<id>/`): the tags of its head that describe it
 * and everything it prints inside the page frame (breadcrumbs and the
 * `<article>`), from `sharePageModel`. The frame (site header, footer, the
 * stylesheet and script addresses Astro hashes) is rendered once per build by
 * Astro (src/pages/c/[id].astro) and filled with these parts for every share
 * page by the integration (./share-page-files.ts), so a share page costs a
 * string fill, not an Astro render.
 *
 * The markup is printed from templates (src/utils/html-template.ts): the
 * fixed markup is literal text joined as it is, and only the page's own
 * words, names and addresses are escaped into it, text as Astro escapes an
 * expression (`&`, `<`, `>`, `'`, `"`) and attributes as hast-util-to-html
 * prints them, so a filled page is byte for byte what Astro printed for the
 * same page. Pure.
 */
import type { Claim } from '../../schemas/corpus.ts';
import type { Routes } from '../../utils/routes.ts';
import { escapeAttribute, html, rawHtml, type Markup } from '../../utils/html-template.ts';
import { pageHeadTags, type HeadTag } from '../../utils/page-head.ts';
import { CARD_SIZE } from '../../utils/head-meta.ts';
import { creditSegments, type Contributor } from '../../utils/credit.ts';
import { hasRightToLeft } from '../../utils/bidi.ts';
import { formatPublished } from '../../utils/format-date.ts';
import { pinpointText } from '../../claims/pinpoint.ts';
import { CITATION_STYLES, copyCitationWords, PRINTED_STYLE } from './citation-styles.ts';
import { relatedBecause, relatedOpening, type RelatedGroup } from './related-claims.ts';
import type { ShareCommentary, SharePageModel } from './share-page-model.ts';

/** The parts of a share page that vary by sentence, as HTML. */
export type SharePageParts = {
	/** The head's `<title>`, description, canonical, Open Graph and Highwire tags. */
	head: string;
	/** What the page prints inside the frame's `<div class="page">`, before the page's script. */
	main: string;
};

/**
 * The attributes of a head tag, in order, each with a leading space.
 *
 * @param attributes
 *   Attribute names and values.
 * @returns
 *   The attributes as HTML.
 */
function headAttributes(attributes: Readonly<Record<string, string>>): Markup {
	let out = '';
	for (const [name, value] of Object.entries(attributes)) out += value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
	return rawHtml(out);
}

/**
 * One head tag.
 *
 * @param tag
 *   The tag (src/utils/page-head.ts).
 * @returns
 *   Its HTML.
 */
function headTag(tag: HeadTag): Markup {
	switch (tag.kind) {
		case 'title':
			return html`<title>${tag.text}</title>`;
		case 'json-ld':
			return html`<script type="application/ld+json">${rawHtml(tag.json)}</script>`;
		case 'link':
			return html`<link${headAttributes(tag.attributes)}>`;
		case 'meta':
			return html`<meta${headAttributes(tag.attributes)}>`;
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
function breadcrumbs(model: SharePageModel<ShareCommentary>, routes: Routes): Markup {
	const { entry } = model.page;
	return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="${routes.home()}">Home</a></li><li><a href="${routes.commentary(entry.id)}">${entry.data.title}</a></li><li><a href="${routes.share(model.id)}" aria-current="page">${model.crumb}</a></li></ol></nav>`;
}

/**
 * A field value in running text, in `<bdi>` when it holds right-to-left
 * letters (src/utils/bidi.ts), as src/layouts/Field.astro prints it.
 *
 * @param value
 *   The value.
 * @returns
 *   Its markup.
 */
function field(value: string): Markup {
	return hasRightToLeft(value) ? html`<bdi>${value}</bdi>` : html`${value}`;
}

/**
 * A credit line (src/utils/credit.ts), each name a field.
 *
 * @param authors
 *   The commentary's contributors.
 * @returns
 *   Its markup.
 */
function credit(authors: readonly Contributor[]): Markup[] {
	return creditSegments(authors).map((segment) => (segment.name ? field(segment.text) : html`${segment.text}`));
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
function quotation(model: SharePageModel<ShareCommentary>, shown: string): Markup {
	const { page, id } = model;
	const { data } = page.entry;
	return html`<figure class="share-quote"><blockquote cite="${model.quoteSource}"><p>${shown}</p></blockquote><figcaption>${credit(data.authors)}, <cite>${field(data.title)}</cite>${data.titleSupplied && ' [title supplied]'}, ${field(data.outlet)}, <time datetime="${data.published.date}">${formatPublished(data.published)}</time>${page.kind === 'live' ? `, ${pinpointText(page.pinpoint)}.` : '.'}<span class="share-id"><span class="visually-hidden">Sentence id: </span><code>${id}</code></span></figcaption></figure>`;
}

/**
 * A copy button with its status line (shown only when the script runs).
 *
 * @param button
 *   The button.
 * @returns
 *   The `span` element.
 */
function copyControl(button: Markup): Markup {
	return html`<span class="share-copy" data-needs-script>${button}<span class="copy-status" role="status" data-copy-status></span></span>`;
}

/**
 * One related claim of another commentary, as printed: its opening words, as
 * the link to its share page, and its commentary's credit. What links it is
 * the heading of its group (`relatedSection`). The page's script replaces
 * the printed lists with the one the reading page's claim panel builds from
 * the related files (./client/related-list.ts): by commentary, with its
 * title, each claim quoted, with links to read it in context and to its
 * share page named with the credit. Printing that in every page that links
 * the claim cost about 480 bytes a claim, up to twelve a page, most from
 * twelve commentaries; without the script the share page it links quotes it
 * and leads to it in context.
 *
 * @param group
 *   Its commentary's group.
 * @param claim
 *   The claim.
 * @param routes
 *   The site's routes.
 * @returns
 *   The `li` element.
 */
function relatedClaim(group: RelatedGroup, claim: RelatedGroup['claims'][number], routes: Routes): Markup {
	return html`<li><a href="${routes.share(claim.id)}">${relatedOpening(claim)}</a> (${group.credit})</li>`;
}

/**
 * The related claims of other commentaries as printed without the script:
 * one list for each thing that links them (`relatedBecause`: the matters
 * they share with the sentence, or the editors' link), headed by it, in the
 * order of each one's best-ranked claim, and the claims in rank order in it.
 * Most of a sentence's related claims share one matter, so it is said once
 * rather than after every claim (about 90 bytes a claim, up to twelve a
 * page, on every share page).
 *
 * @param related
 *   The groups, by commentary.
 * @param routes
 *   The site's routes.
 * @returns
 *   The section.
 */
function relatedSection(related: readonly RelatedGroup[], routes: Routes): Markup {
	const claims = related.flatMap((group) => group.claims.map((claim) => ({ group, claim })));
	const byReason = Map.groupBy(claims, ({ claim }) => relatedBecause(claim));
	const lists = [...byReason].map(([because, items]) => html`<h3>${because}</h3><ul class="related-list">${items.map(({ group, claim }) => relatedClaim(group, claim, routes))}</ul>`);
	return html`<section class="share-related" aria-labelledby="related-heading"><h2 id="related-heading">Also discussed by</h2><p class="muted">Sentences of other commentaries about the same matter.</p><div class="related-printed">${lists}</div></section>`;
}

/**
 * A current sentence's citations: one style with its copy button, where the
 * others and the exports are, and its permalink. The page's script fills in
 * the other styles and BibTeX, RIS and CSL-JSON from the commentary's
 * citations file, which the reading page's claim panel reads too; printing
 * them in every page would make each page about a third larger.
 *
 * @param model
 *   The share page.
 * @param routes
 *   The site's routes.
 * @returns
 *   The section, or nothing for an edited or withdrawn sentence.
 */
function citeSection(model: SharePageModel<ShareCommentary>, routes: Routes): Markup | undefined {
	const { page, citations, permalink } = model;
	if (page.kind !== 'live' || !citations) return undefined;
	const { label } = CITATION_STYLES[PRINTED_STYLE];
	// The script copies this row for each style it fills in (client/share-page.ts): it is written only here.
	const copy = copyControl(html`<button type="button" data-copy-citation>Copy<span class="visually-hidden">${copyCitationWords(PRINTED_STYLE)}</span></button>`);
	const printed = html`<dt>${label}</dt><dd class="citation" data-citation-style="${PRINTED_STYLE}"><span class="citation-text">${citations[PRINTED_STYLE]}</span>${copy}</dd>`;
	return html`<section aria-labelledby="cite-heading"><h2 id="cite-heading">Cite this sentence</h2><dl class="citations">${printed}</dl><p class="muted" data-citations-more>Chicago, MLA, and BibTeX, RIS and CSL-JSON for reference managers, appear here when the page’s script runs; they are also in <a href="${routes.citations(page.entry.id)}">the commentary’s citations file</a> (<a href="${routes.data()}">how to read it</a>).</p><p class="muted">The link <a href="${routes.claim(page.entry.id, page.claim.id)}">${permalink ?? ''}</a> keeps working if the text is corrected: it then lands on the new wording, with a notice showing the old.</p></section>`;
}

/**
 * What became of an edited sentence: its current wording, with links to it.
 *
 * @param model
 *   The share page of the edited sentence.
 * @param successor
 *   The current wording.
 * @param routes
 *   The site's routes.
 * @returns
 *   The section.
 */
function successorSection(model: SharePageModel<ShareCommentary>, successor: Claim, routes: Routes): Markup {
	const { entry } = model.page;
	return html`<section aria-labelledby="now-heading"><h2 id="now-heading">It now reads</h2><blockquote class="share-successor" cite="${model.successorPermalink}"><p>${successor.text}</p></blockquote><p class="share-actions"><a class="button-link" href="${routes.claim(entry.id, successor.id)}">Read it in context</a> <a href="${routes.share(successor.id)}">Share or cite the current wording</a></p></section>`;
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
function article(model: SharePageModel<ShareCommentary>, routes: Routes): Markup {
	const { page, id, head, shown } = model;
	const { entry } = page;
	const { data } = entry;
	const children: Markup[] = [];
	if (page.kind === 'live') children.push(html`<h1 id="claim-heading" class="visually-hidden">${`A sentence from “${data.title}”`}</h1>`);
	else children.push(html`<h1 id="claim-heading">${page.kind === 'moved' ? 'This sentence was edited' : 'This sentence was withdrawn'}</h1>`);
	if (page.kind === 'moved') {
		children.push(html`<p class="share-status" role="note">The link you followed was made for an earlier wording. The sentence was edited after it was published; it read:</p>`);
	}
	if (shown !== undefined && shown !== '') children.push(quotation(model, shown));
	if (page.kind === 'moved') children.push(successorSection(model, page.successor, routes));
	if (page.kind === 'retired') {
		children.push(
			html`<p class="share-status" role="note">A sentence of <cite>${field(data.title)}</cite> (${credit(data.authors)}, ${field(data.outlet)}) was at this address. The editors withdrew it from this edition.</p><h2 id="reason-heading">Why it was withdrawn</h2><p class="share-reason">${page.reason}</p><p><a class="button-link" href="${routes.commentary(entry.id)}">Read the commentary</a></p>`,
		);
	}
	if (page.kind === 'live') {
		const copyLink = copyControl(html`<button type="button" data-copy-link="${model.permalink ?? ''}">Copy link</button>`);
		const previous = page.previous && html`<p class="muted"><a href="${routes.share(page.previous.id)}">${page.previous.text}</a></p>`;
		const next = page.next && html`<p class="muted"><a href="${routes.share(page.next.id)}">${page.next.text}</a></p>`;
		children.push(
			html`<p class="share-actions"><a class="button-link" href="${routes.claim(entry.id, page.claim.id)}">Read it in context</a>${copyLink}</p><section aria-labelledby="context-heading"><h2 id="context-heading">Around this sentence</h2><div class="share-context">${previous}<p class="share-current" aria-current="true">${page.claim.text}</p>${next}</div></section>`,
		);
	}
	// The card link unfurlers show, shown here too (`CARD_SIZE`, drawn at build time). Its words are the
	// quotation's just above, so its text alternative says so rather than reading them out a second time.
	const cardAlt = shown ? 'The sentence above on a quotation card, with its source' : head.imageAlt;
	children.push(
		html`<figure class="share-card"><img src="${routes.shareCard(id)}" width="${String(CARD_SIZE.width)}" height="${String(CARD_SIZE.height)}" alt="${cardAlt}" loading="lazy" decoding="async"><figcaption class="muted">The card shown where this link is shared.</figcaption></figure>`,
	);
	if (model.related.length > 0) children.push(relatedSection(model.related, routes));
	if (model.mentions.length > 0) {
		const mentions = model.mentions.map((mention) => html`<li><a href="${mention.href}">${mention.text}</a> <span class="muted">${`(${mention.kind})`}</span></li>`);
		children.push(html`<section aria-labelledby="mentions-heading"><h2 id="mentions-heading">What it mentions</h2><ul class="inline-list">${mentions}</ul></section>`);
	}
	const cite = citeSection(model, routes);
	if (cite) children.push(cite);
	// Where the page's script finds the commentary's citations and related files (as on its reading page).
	const files = page.kind === 'live' ? html` data-citations="${routes.citations(entry.id)}" data-related="${routes.related(entry.id)}" data-claim="${id}"` : '';
	return html`<article class="reading share" aria-labelledby="claim-heading" data-share-kind="${page.kind}"${files}>${children}</article>`;
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
		},
		path,
		routes,
	);
	return {
		head: html`${headTags.map(headTag)}`.value,
		main: html`${breadcrumbs(model, routes)}${article(model, routes)}`.value,
	};
}
