/**
 * The 404 page at a sentence's address (`/c/<id>/`): it says that no
 * sentence has this id, naming it, in place of the generic wording (same
 * elements, so nothing below moves much). At a further page of a list
 * (`…/page/N/`) that no longer has that many, it says so and links the
 * list's first page; at a date's page that is gone, it links the date on the
 * timeline.
 */
import { routes } from '../../../utils/routes.ts';
import { askedListPage, askedSentenceId, askedTimelineDate } from '../not-found.ts';
import { findElement } from '../../../layouts/client/dom.ts';

const id = askedSentenceId(location.pathname, routes.share);
const title = findElement('[data-not-found-title]', HTMLElement);
const lede = findElement('[data-not-found-lede]', HTMLElement);
if (id !== undefined && title && lede) {
	title.textContent = 'No sentence at this link';
	lede.textContent = `No sentence of this edition has the id “${id}”: the link may be mistyped or cut short.`;
	document.title = `No sentence at this link · ${document.title.split(' · ').at(-1) ?? ''}`;
}
const listPage = askedListPage(location.pathname);
if (id === undefined && listPage !== undefined && title && lede) {
	title.textContent = 'This list is shorter now';
	const first = document.createElement('a');
	first.href = listPage.first;
	first.textContent = 'its first page';
	lede.replaceChildren(`This list no longer has a page ${listPage.page}: it has fewer entries than when the link was made. Go to `, first, '.');
	document.title = `This list is shorter now · ${document.title.split(' · ').at(-1) ?? ''}`;
}
const date = listPage === undefined ? askedTimelineDate(location.pathname) : undefined;
if (id === undefined && date !== undefined && title && lede) {
	title.textContent = 'This date has no page of its own now';
	const onTimeline = document.createElement('a');
	onTimeline.href = date.timeline;
	onTimeline.textContent = 'the date on the timeline';
	lede.replaceChildren(`A date gets a page of its own only while the timeline cannot show all its sentences; ${date.date} has none now. Its sentences are at `, onTimeline, '.');
	document.title = `This date has no page of its own now · ${document.title.split(' · ').at(-1) ?? ''}`;
}
