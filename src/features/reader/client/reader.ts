/**
 * Progressive enhancement for the reading page. Without it every feature
 * still works as a plain link: a claim's permalink jumps to `#id` (and CSS
 * `:target` highlights it), and the share page `/c/<id>/` offers citations.
 * With it:
 *
 * - arriving at a claim moves keyboard and screen-reader focus to it, and the
 *   words a search found in it (`?mark=…`) are marked; an unknown `#c-…` says
 *   so instead of silently landing at the top;
 * - a claim's permalink opens a small panel to copy the link or a citation
 *   (precomputed at build time, fetched when the panel first opens) and to
 *   read what other commentaries say about the same matter (the related file,
 *   fetched when a sentence that has related claims is first opened, and the
 *   files of the commentaries its related claims are quoted from); a
 *   permalink's accessible name says how many commentaries that is;
 * - hovering or focusing a mention shows a preview of what it points to;
 * - a remembered preference turns every quiet mention (a later mention of the
 *   same target in a section, marked by `rehype-quiet-mentions`) back into a
 *   link.
 *
 * Loaded as an external module (never inline), so it runs under a strict
 * Content-Security-Policy.
 */
import type { ClaimCitations } from '../../sharing/cite.ts';
import { routes } from '../../../utils/routes.ts';
import { decodeFragmentId } from '../../../utils/fragment-id.ts';
import { decodeSearchMarks } from '../../../utils/search-marks.ts';
import { closestElement, findElement, findElements } from '../../../layouts/client/dom.ts';
import { isPanelStyle, PANEL_FORMATS } from '../../sharing/citations-file.ts';
import { citationsLoader, relatedLoader } from '../../sharing/client/reading-files.ts';
import { READING_LINKS_SELECTOR, readReadingLinks } from '../reading-links.ts';
import { linkFromHere } from '../../sharing/copied-link.ts';
import { decodeRelatedCounts } from '../../sharing/related-file.ts';
import { claimLinkName } from '../../sharing/related-claims.ts';
import { relatedListItems } from '../../sharing/client/related-list.ts';
import { copyAndConfirm } from '../../sharing/client/copy.ts';
import { DEFAULT_SITE_URL } from '../../../utils/site-url.ts';
import { pinpointFromLinkLabel, pinpointText } from '../../../claims/pinpoint.ts';
import { searchMarkPattern, splitMarks } from '../search-marks.ts';

const status = document.getElementById('reader-status');

/** Say something to screen-reader users without moving focus. */
function announce(message: string): void {
	if (!status) return;
	status.textContent = '';
	// A fresh text node makes repeated identical messages audible too.
	window.setTimeout(() => {
		status.textContent = message;
	}, 50);
}

/** Focus the claim (or edited or withdrawn claim's notice) the address points at. */
function focusTarget(): void {
	const id = decodeFragmentId(location.hash);
	const unknown = findElement('[data-claim-unknown]', HTMLElement);
	if (unknown) unknown.hidden = true;
	if (!id) return;
	const target = document.getElementById(id);
	if (!target) {
		// A sentence id this page has never had (mistyped, or from another commentary).
		if (unknown && id.startsWith('c-')) {
			unknown.textContent = `The sentence this link points to (${id}) is not known in this commentary: the link may be mistyped or cut short. The whole text is below.`;
			unknown.hidden = false;
			unknown.focus();
		}
		return;
	}
	if (!target.matches('[data-claim], .claim-moved, .claim-retired')) return;
	target.tabIndex = -1;
	target.focus({ preventScroll: true });
}

/**
 * Mark, inside the claim the address points at, the words a search result
 * marked (`?mark=sanctions&mark=Kim`): whole words, any case, as text nodes
 * split around `<mark>` elements (never HTML from the address).
 */
function markSearchHits(): void {
	const pattern = searchMarkPattern(decodeSearchMarks(location.search));
	const claim = document.getElementById(decodeFragmentId(location.hash));
	if (!pattern || !claim?.matches('[data-claim]')) return;
	const walker = document.createTreeWalker(claim, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest('.claim-link, .visually-hidden, [aria-hidden="true"], mark.search-hit')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT,
	});
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) texts.push(node);
	for (const text of texts) {
		const parts = splitMarks(text.data, pattern);
		if (!parts) continue;
		text.replaceWith(
			...parts.map(({ text: part, marked }) =>
				marked ? Object.assign(document.createElement('mark'), { className: 'search-hit', textContent: part }) : part,
			),
		);
	}
}

/** A claim's words as a reader sees them, without its permalink, share control or hidden labels. */
function claimText(claim: HTMLElement): string {
	const copy = claim.cloneNode(true);
	if (!(copy instanceof HTMLElement)) return '';
	for (const extra of copy.querySelectorAll('.claim-link, .claim-share, [aria-hidden="true"], .visually-hidden')) extra.remove();
	return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The claim panel's "Also discussed by": each ¶ control whose sentence other
 * commentaries discuss gets an accessible name that says how many (no new
 * Tab stop: the control is the same), and opening the panel on such a
 * sentence lists their sentences from the commentary's related file.
 *
 * @param panel
 *   The claim panel.
 * @param file
 *   The related file's address.
 * @param counts
 *   Sentence id → how many other commentaries discuss it (from the page).
 * @returns
 *   What the panel calls when it opens on a sentence.
 */
function setupRelated(panel: HTMLElement, file: string, counts: ReadonlyMap<string, number>): { show(id: string): void } {
	const section = findElement('[data-field="related-section"]', HTMLElement, panel);
	const list = findElement('[data-field="related"]', HTMLUListElement, panel);
	const state = findElement('[data-field="related-status"]', HTMLElement, panel);
	for (const [id, count] of counts) {
		const control = document.getElementById(id)?.querySelector(':scope > a.claim-link');
		if (!(control instanceof HTMLAnchorElement)) continue;
		const name = claimLinkName(control.getAttribute('aria-label') ?? 'Link to this sentence', count);
		control.setAttribute('aria-label', name);
		control.title = name;
		control.dataset['related'] = String(count);
	}
	const load = relatedLoader(file);
	let shown = '';
	return {
		show(id) {
			shown = id;
			if (!section || !list || !state) return;
			list.replaceChildren();
			section.hidden = !counts.has(id);
			if (section.hidden) return;
			state.hidden = false;
			state.textContent = 'Loading…';
			void load(id).then((own) => {
				// The reader may have opened another sentence meanwhile.
				if (shown !== id) return;
				if (!own) {
					state.textContent = 'These could not be loaded; the share page lists them.';
					return;
				}
				state.hidden = true;
				list.replaceChildren(...relatedListItems(own, { read: routes.claim, share: routes.share }));
			});
		},
	};
}

/**
 * The claim panel (src/features/reader/ClaimPanel.astro): a claim's
 * permalink opens it with the link and the citations to copy.
 */
function setupClaimPanel(): void {
	const article = findElement(READING_LINKS_SELECTOR, HTMLElement);
	const panel = document.getElementById('claim-panel');
	if (!article || !panel || typeof panel.showPopover !== 'function') return;
	// The site's public address (SITE_URL), the same the share pages and citations use.
	const { citations: citationsFile, related: relatedFile, permalink: permalinkBase } = readReadingLinks(article.dataset);
	const quote = findElement('[data-field="quote"]', HTMLElement, panel);
	const link = findElement('[data-field="link"]', HTMLInputElement, panel);
	const citation = findElement('[data-field="citation"]', HTMLTextAreaElement, panel);
	const share = findElement('[data-field="share"]', HTMLAnchorElement, panel);
	const pinpoint = findElement('[data-field="pinpoint"]', HTMLElement, panel);
	let opener: HTMLElement | null = null;
	let current: ClaimCitations | undefined;
	const related = setupRelated(panel, relatedFile, decodeRelatedCounts(article.dataset['relatedCounts']));

	const style = () => {
		const value = findElement('input[name="claim-panel-style"]:checked', HTMLInputElement, panel)?.value ?? 'apa';
		return isPanelStyle(value) ? value : undefined;
	};
	const showCitations = () => {
		const chosen = style();
		if (citation) citation.value = (chosen && current?.[chosen]) ?? 'Citations could not be loaded; the share page has them.';
		for (const format of PANEL_FORMATS) {
			const field = findElement(`[data-field="${format}"]`, HTMLElement, panel);
			if (field) field.textContent = current?.[format] ?? '';
		}
	};
	const load = citationsLoader(citationsFile);

	document.addEventListener('click', (event) => {
		const anchor = closestElement(event.target, 'a.claim-link', HTMLAnchorElement);
		if (!anchor) return;
		const claim = closestElement(anchor, '[data-claim]', HTMLElement);
		if (!claim) return;
		event.preventDefault();
		// Keep the address in step so a plain copy from the address bar works too.
		history.replaceState(null, '', `#${claim.id}`);
		const url = linkFromHere(`${permalinkBase}#${claim.id}`, location.origin, DEFAULT_SITE_URL);
		if (quote) quote.textContent = `“${claimText(claim)}”`;
		const where = pinpointFromLinkLabel(anchor.getAttribute('aria-label') ?? '');
		if (pinpoint) pinpoint.textContent = `${where ? `${pinpointText(where)} · ` : ''}${claim.id}`;
		if (link) link.value = url;
		if (share) share.href = routes.share(claim.id);
		current = undefined;
		if (citation) citation.value = 'Loading citations…';
		opener = anchor;
		panel.showPopover();
		link?.focus();
		link?.select();
		void load().then((file) => {
			current = file?.get(claim.id);
			showCitations();
		});
		related.show(claim.id);
	});

	panel.addEventListener('change', (event) => {
		if (event.target instanceof Element && event.target.matches('input[name="claim-panel-style"]')) showCitations();
	});

	panel.addEventListener('toggle', (event) => {
		if (event.newState === 'closed') opener?.focus();
	});

	panel.addEventListener('click', async (event) => {
		const button = closestElement(event.target, 'button[data-action]', HTMLButtonElement);
		if (!button) return;
		const action = button.dataset['action'];
		if (action === 'close') panel.hidePopover();
		const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
		if (action === 'copy-link' && link) await copyAndConfirm(link.value, status, 'link', link);
		if (action === 'copy-citation' && citation) await copyAndConfirm(citation.value, status, 'citation', citation);
	});
}

/** Previews of what a mention points to, on hover or focus (its `aria-describedby` texts). */
function setupMentionPreviews(): void {
	const tip = document.getElementById('mention-preview');
	if (!tip || typeof tip.showPopover !== 'function') return;
	let current: HTMLElement | null = null;
	let hideTimer = 0;

	const place = (link: HTMLElement) => {
		const box = link.getBoundingClientRect();
		const width = Math.min(320, window.innerWidth - 16);
		tip.style.width = `${width}px`;
		tip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
		const below = box.bottom + 6;
		const fitsBelow = below + tip.offsetHeight < window.innerHeight;
		tip.style.top = `${fitsBelow ? below : Math.max(8, box.top - tip.offsetHeight - 6)}px`;
	};
	const show = (link: HTMLElement) => {
		// aria-describedby lists one or more ids (the target, then notes such as “inferred”).
		const texts = (link.getAttribute('aria-describedby') ?? '')
			.split(/\s+/)
			.map((id) => document.getElementById(id)?.textContent?.trim())
			.filter((text): text is string => Boolean(text));
		if (texts.length === 0) return;
		window.clearTimeout(hideTimer);
		current = link;
		tip.replaceChildren(...texts.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
		if (!tip.matches(':popover-open')) tip.showPopover();
		place(link);
	};
	const hide = () => {
		current = null;
		if (tip.matches(':popover-open')) tip.hidePopover();
	};
	const hideSoon = () => {
		window.clearTimeout(hideTimer);
		hideTimer = window.setTimeout(hide, 200);
	};

	const mentionOf = (target: EventTarget | null) => closestElement(target, 'a[data-mention][aria-describedby]', HTMLElement);
	document.addEventListener('pointerover', (event) => {
		const link = mentionOf(event.target);
		if (link) show(link);
		else if (!closestElement(event.target, '#mention-preview', Element) && current) hideSoon();
	});
	document.addEventListener('focusin', (event) => {
		const link = mentionOf(event.target);
		if (link) show(link);
		else hide();
	});
	document.addEventListener('focusout', (event) => {
		if (mentionOf(event.target)) hideSoon();
	});
	tip.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
	tip.addEventListener('pointerleave', hideSoon);
	// WCAG 1.4.13: content shown on hover or focus can be dismissed without moving either.
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && current) hide();
	});
	// Focusing a link off screen scrolls it into view: follow it rather than close.
	let frame = 0;
	window.addEventListener(
		'scroll',
		() => {
			if (!current || frame) return;
			frame = window.requestAnimationFrame(() => {
				frame = 0;
				if (current) place(current);
			});
		},
		{ passive: true },
	);
}

/** Where the reader's choice to see every mention as a link is remembered. */
const ALL_MENTIONS_KEY = 'treaty-reader:all-mentions';

/** Read a remembered preference; storage can be unavailable (privacy modes), which means "not set". */
function readPreference(key: string): boolean {
	try {
		return localStorage.getItem(key) === 'on';
	} catch {
		return false;
	}
}

/** Remember a preference where storage allows it. */
function writePreference(key: string, on: boolean): void {
	try {
		if (on) localStorage.setItem(key, 'on');
		else localStorage.removeItem(key);
	} catch {
		// Not remembered, but applied to this page all the same.
	}
}

/** Make every quiet mention a link (its address is kept in `data-href`), or quiet them again. */
function showAllMentions(on: boolean): void {
	for (const mention of findElements('a[data-quiet][data-href]', HTMLAnchorElement)) {
		if (on) mention.setAttribute('href', mention.dataset['href'] ?? '');
		else mention.removeAttribute('href');
	}
}

/** The "every mention as a link" switch: applied at once from storage, then kept in step with the checkbox. */
function setupMentionPreference(): void {
	const on = readPreference(ALL_MENTIONS_KEY);
	if (on) showAllMentions(true);
	const control = findElement('input[data-preference="all-mentions"]', HTMLInputElement);
	if (!control) return;
	control.checked = on;
	control.addEventListener('change', () => {
		showAllMentions(control.checked);
		writePreference(ALL_MENTIONS_KEY, control.checked);
		announce(control.checked ? 'Every mention is now a link.' : 'Only the first mention of each name in a section is a link.');
	});
	// The switch needs this script: it is shown (its room was kept, so nothing moves) once it works.
	control.closest<HTMLElement>('[data-needs-script]')?.setAttribute('data-ready', '');
}

// First, before anything else runs: a reader who asked for every link never sees them change.
setupMentionPreference();
window.addEventListener('hashchange', focusTarget);
markSearchHits();
focusTarget();
setupClaimPanel();
setupMentionPreviews();
