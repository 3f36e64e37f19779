/**
 * The share page's script: its copy buttons, the sentence's link (on the
 * address the page was served from when the build only knew the local
 * preview address) and each citation, each confirmed in words beside its
 * button; and what the page leaves to files the reading page reads too: the
 * other citation styles and the exports from the commentary's citations
 * file, and the related claims, quoted with their links, from the related
 * files (src/features/sharing/client/reading-files.ts). Without the script the
 * buttons stay hidden, the link and citation are plain text to select, each
 * related claim is a link to its share page, and a link leads to the
 * citations file.
 */
import { copyAndConfirm } from './copy.ts';
import { linkFromHere } from '../copied-link.ts';
import { CITATION_STYLE_ORDER, CITATION_STYLES, copyCitationWords, EXPORT_FORMATS, PRINTED_STYLE, type CitationStyle } from '../citation-styles.ts';
import type { ClaimCitations } from '../cite.ts';
import { DEFAULT_SITE_URL } from '../../../utils/site-url.ts';
import { routes } from '../../../utils/routes.ts';
import { closestElement, findElement } from '../../../layouts/client/dom.ts';
import { citationsLoader, relatedLoader } from './reading-files.ts';
import { element, relatedListItems } from './related-list.ts';

/**
 * A citation style's row: a copy of the row the page prints (its `dt` and
 * `dd`, src/features/sharing/share-page-html.ts) with the style's label, text
 * and the copy button's words put in, so the row's markup is written once.
 *
 * @param printed
 *   The printed row's `dt` and `dd`.
 * @param style
 *   The style.
 * @param text
 *   The formatted citation.
 * @returns
 *   The new `dt` and `dd`, or nothing when the printed row lacks a part to fill.
 */
function citationRow(printed: readonly [HTMLElement, HTMLElement], style: CitationStyle, text: string): [HTMLElement, HTMLElement] | undefined {
	const term = printed[0].cloneNode(true);
	const row = printed[1].cloneNode(true);
	if (!(term instanceof HTMLElement) || !(row instanceof HTMLElement)) return undefined;
	const citation = findElement('.citation-text', HTMLElement, row);
	const words = findElement('[data-copy-citation] .visually-hidden', HTMLElement, row);
	const status = findElement('[data-copy-status]', HTMLElement, row);
	if (!citation || !words || !status) return undefined;
	term.textContent = CITATION_STYLES[style].label;
	row.dataset['citationStyle'] = style;
	citation.textContent = text;
	words.textContent = copyCitationWords(style);
	// The printed row's status may already say “Copied”.
	status.textContent = '';
	return [term, row];
}

/**
 * Fill in the styles the page leaves out and the exports, each under a disclosure, in place of the note that says where they are.
 *
 * @param cited
 *   The sentence's citations.
 * @param list
 *   The page's list of styles.
 * @param note
 *   The note.
 */
function showCitations(cited: ClaimCitations, list: HTMLElement, note: HTMLElement): void {
	const printedRow = findElement(`dd.citation[data-citation-style="${PRINTED_STYLE}"]`, HTMLElement, list);
	const printedTerm = printedRow?.previousElementSibling;
	if (!printedRow || !(printedTerm instanceof HTMLElement)) return;
	for (const style of CITATION_STYLE_ORDER) {
		if (style === PRINTED_STYLE) continue;
		const row = citationRow([printedTerm, printedRow], style, cited[style]);
		if (row) list.append(...row);
	}
	const exports = EXPORT_FORMATS.map(([format, label]) => {
		const disclosure = element('details', 'provenance');
		const text = element('pre', '', cited[format]);
		text.dataset['format'] = format;
		disclosure.append(element('summary', '', label), text);
		return disclosure;
	});
	note.replaceWith(...exports);
}

/**
 * Replace the printed lists of related claims (under what links them, each
 * claim's opening words as a link to its share page) with the claim panel's
 * one list: each claim quoted, with what links it and its links to read it
 * in context and to its share page. A file that cannot be read leaves the
 * printed lists.
 *
 * @param address
 *   The commentary's related file.
 * @param id
 *   The sentence.
 * @param printed
 *   What holds the printed lists (`.related-printed`).
 */
async function showRelated(address: string, id: string, printed: HTMLElement): Promise<void> {
	const groups = await relatedLoader(address)(id);
	if (!groups || groups.length === 0) return;
	const list = element('ul', 'related-list');
	list.append(...relatedListItems(groups, { read: routes.claim, share: routes.share }));
	printed.replaceChildren(list);
}

for (const holder of document.querySelectorAll<HTMLElement>('.share-copy[data-needs-script]')) holder.setAttribute('data-ready', '');

// A current sentence's page names its commentary's files as the reading page does (`data-citations`, `data-related`).
const article = findElement('article[data-claim][data-citations][data-related]', HTMLElement);
const claimId = article?.dataset['claim'];
const citations = article?.dataset['citations'];
const related = article?.dataset['related'];
if (article && claimId && citations && related) {
	const list = findElement('dl.citations', HTMLElement, article);
	const note = findElement('[data-citations-more]', HTMLElement, article);
	if (list && note) {
		void citationsLoader(citations)().then((file) => {
			const cited = file?.get(claimId);
			if (cited) showCitations(cited, list, note);
		});
	}
	const printed = findElement('.share-related .related-printed', HTMLElement, article);
	if (printed) void showRelated(related, claimId, printed);
}

document.addEventListener('click', (event) => {
	const button = closestElement(event.target, '.share-copy button', HTMLButtonElement);
	if (!button) return;
	const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
	const link = button.dataset['copyLink'];
	if (link !== undefined) {
		void copyAndConfirm(linkFromHere(link, location.origin, DEFAULT_SITE_URL), status, 'link');
		return;
	}
	const citation = button.closest('.citation')?.querySelector('.citation-text')?.textContent?.trim();
	if (citation) void copyAndConfirm(citation, status, 'citation');
});
