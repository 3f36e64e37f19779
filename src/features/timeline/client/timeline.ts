/**
 * The timeline page's one enhancement: an entry reached by a link (from the
 * drawing, a reading page or an address) opens its list of sentences.
 * Without it the entry is still highlighted (CSS `:target`) and one click
 * opens it. An external module, so it runs under a strict CSP.
 */

/** Open the sentences of the entry the address points at. */
function openTarget(): void {
	const id = decodeURIComponent(location.hash.slice(1));
	if (!id) return;
	const entry = document.getElementById(id)?.closest('.timeline > li');
	const details = entry?.querySelector('details');
	if (details) details.open = true;
}

window.addEventListener('hashchange', openTarget);
openTarget();
