/**
 * The 404 page at a sentence's address (`/c/<id>/`): it says that no
 * sentence has this id, naming it, in place of the generic wording (same
 * elements, so nothing below moves much).
 */
import { routes } from '../../../utils/routes.ts';
import { askedSentenceId } from '../not-found.ts';
import { findElement } from '../../../layouts/client/dom.ts';

const id = askedSentenceId(location.pathname, routes.share);
const title = findElement('[data-not-found-title]', HTMLElement);
const lede = findElement('[data-not-found-lede]', HTMLElement);
if (id !== undefined && title && lede) {
	title.textContent = 'No sentence at this link';
	lede.textContent = `No sentence of this edition has the id “${id}”: the link may be mistyped or cut short.`;
	document.title = `No sentence at this link · ${document.title.split(' · ').at(-1) ?? ''}`;
}
