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
 *   (precomputed at build time, fetched when the panel first opens);
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

type CitationsFile = Record<string, ClaimCitations>;

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
	const id = decodeURIComponent(location.hash.slice(1));
	const unknown = document.querySelector<HTMLElement>('[data-claim-unknown]');
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
	const words = new URLSearchParams(location.search).getAll('mark').filter((word) => word.trim().length > 0);
	const claim = document.getElementById(decodeURIComponent(location.hash.slice(1)));
	if (words.length === 0 || !claim?.matches('[data-claim]')) return;
	const escaped = words.map((word) => word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	const walker = document.createTreeWalker(claim, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest('.claim-link, .visually-hidden, [aria-hidden="true"], mark.search-hit')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT,
	});
	const texts: Text[] = [];
	while (walker.nextNode()) texts.push(walker.currentNode as Text);
	for (const text of texts) {
		const value = text.data;
		const parts: (string | HTMLElement)[] = [];
		let at = 0;
		for (const match of value.matchAll(pattern)) {
			parts.push(value.slice(at, match.index));
			parts.push(Object.assign(document.createElement('mark'), { className: 'search-hit', textContent: match[0] }));
			at = match.index + match[0].length;
		}
		if (at === 0) continue;
		parts.push(value.slice(at));
		text.replaceWith(...parts);
	}
}

async function copyText(text: string, fallbackInput?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		// The Clipboard API needs a secure context; select the text so the reader can copy it by hand.
		if (fallbackInput) {
			fallbackInput.focus();
			fallbackInput.select();
		}
		return false;
	}
}

function claimText(claim: HTMLElement): string {
	const copy = claim.cloneNode(true) as HTMLElement;
	for (const extra of copy.querySelectorAll('.claim-link, .claim-share, [aria-hidden="true"], .visually-hidden')) extra.remove();
	return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function setupClaimPanel(): void {
	const article = document.querySelector<HTMLElement>('[data-citations]');
	const panel = document.getElementById('claim-panel');
	if (!article || !panel || typeof panel.showPopover !== 'function') return;
	// The site's public address (SITE_URL), the same the share pages and citations use.
	const permalinkBase = article.dataset['permalink'] ?? '';
	const quote = panel.querySelector<HTMLElement>('[data-field="quote"]');
	const link = panel.querySelector<HTMLInputElement>('[data-field="link"]');
	const citation = panel.querySelector<HTMLTextAreaElement>('[data-field="citation"]');
	const share = panel.querySelector<HTMLAnchorElement>('[data-field="share"]');
	const formats = ['bibtex', 'ris', 'csl'] as const;
	let opener: HTMLElement | null = null;
	let citations: Promise<CitationsFile | undefined> | undefined;
	let current: ClaimCitations | undefined;

	const style = () => panel.querySelector<HTMLInputElement>('input[name="claim-panel-style"]:checked')?.value ?? 'apa';
	const showCitations = () => {
		const chosen = current?.[style() as 'apa' | 'chicago' | 'mla'];
		if (citation) citation.value = chosen ?? 'Citations could not be loaded; the share page has them.';
		for (const format of formats) {
			const field = panel.querySelector<HTMLElement>(`[data-field="${format}"]`);
			if (field) field.textContent = current?.[format] ?? '';
		}
	};
	const load = () =>
		(citations ??= fetch(article.dataset['citations'] ?? '')
			.then((response) => (response.ok ? (response.json() as Promise<CitationsFile>) : undefined))
			.catch(() => undefined));

	document.addEventListener('click', (event) => {
		const anchor = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.claim-link');
		if (!anchor) return;
		const claim = anchor.closest<HTMLElement>('[data-claim]');
		if (!claim) return;
		event.preventDefault();
		// Keep the address in step so a plain copy from the address bar works too.
		history.replaceState(null, '', `#${claim.id}`);
		const url = `${permalinkBase}#${claim.id}`;
		if (quote) quote.textContent = `“${claimText(claim)}”`;
		if (link) link.value = url;
		if (share) share.href = routes.share(claim.id);
		current = undefined;
		if (citation) citation.value = 'Loading citations…';
		opener = anchor;
		panel.showPopover();
		link?.focus();
		link?.select();
		void load().then((file) => {
			current = file?.[claim.id];
			showCitations();
		});
	});

	panel.addEventListener('change', (event) => {
		if ((event.target as Element | null)?.matches('input[name="claim-panel-style"]')) showCitations();
	});

	panel.addEventListener('toggle', (event) => {
		if ((event as ToggleEvent).newState === 'closed') opener?.focus();
	});

	panel.addEventListener('click', async (event) => {
		const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
		if (!button) return;
		const action = button.dataset['action'];
		if (action === 'close') panel.hidePopover();
		if (action === 'copy-link' && link) {
			announce((await copyText(link.value, link)) ? 'Link copied.' : 'Copy failed: the link is selected, copy it with your keyboard.');
		}
		if (action === 'copy-citation' && citation) {
			announce(
				(await copyText(citation.value, citation)) ? 'Citation copied.' : 'Copy failed: the citation is selected, copy it with your keyboard.',
			);
		}
	});
}

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

	const mentionOf = (target: EventTarget | null) => (target as Element | null)?.closest?.<HTMLElement>('a[data-mention][aria-describedby]') ?? null;
	document.addEventListener('pointerover', (event) => {
		const link = mentionOf(event.target);
		if (link) show(link);
		else if (!(event.target as Element | null)?.closest?.('#mention-preview') && current) hideSoon();
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
	for (const mention of document.querySelectorAll<HTMLAnchorElement>('a[data-quiet][data-href]')) {
		if (on) mention.setAttribute('href', mention.dataset['href'] ?? '');
		else mention.removeAttribute('href');
	}
}

/** The "every mention as a link" switch: applied at once from storage, then kept in step with the checkbox. */
function setupMentionPreference(): void {
	const on = readPreference(ALL_MENTIONS_KEY);
	if (on) showAllMentions(true);
	const control = document.querySelector<HTMLInputElement>('input[data-preference="all-mentions"]');
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
