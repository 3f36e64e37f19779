/**
 * The share page's copy buttons: the sentence's link (on the address the page
 * was served from when the build only knew the local preview address) and
 * each citation, each confirmed in words beside its button. Without the
 * script the buttons stay hidden and the link and citations are plain text
 * to select.
 */
import { copyAndConfirm } from './copy.ts';
import { linkFromHere } from '../copied-link.ts';
import { DEFAULT_SITE_URL } from '../../../utils/site-url.ts';
import { closestElement } from '../../../layouts/client/dom.ts';

for (const holder of document.querySelectorAll<HTMLElement>('.share-copy[data-needs-script]')) holder.setAttribute('data-ready', '');

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
