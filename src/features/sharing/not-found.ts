/**
 * The 404 page answers at every missing address (a static host serves one
 * `404.html`), so its script tells a link to an unknown sentence (`/c/<id>/`)
 * from any other missing page with this pure reading of the address.
 */

/**
 * The sentence id a missing address asked for, if it is a share page's.
 *
 * @param pathname
 *   The address's path (`location.pathname`).
 * @param sharePath
 *   The share route (`routes.share`), so the site's base is respected.
 * @returns
 *   The id as written (decoded; possibly mistyped), or `undefined`.
 */
export function askedSentenceId(pathname: string, sharePath: (id: string) => string): string | undefined {
	const marker = 'SENTENCE-ID';
	const [prefix = '', suffix = ''] = sharePath(marker).split(marker);
	if (!pathname.startsWith(prefix)) return undefined;
	let rest = pathname.slice(prefix.length);
	if (rest.endsWith(suffix)) rest = rest.slice(0, rest.length - suffix.length);
	rest = rest.replace(/\/+$/, '').replace(/\.png$/, '');
	if (rest === '' || rest.includes('/')) return undefined;
	try {
		return decodeURIComponent(rest);
	} catch {
		return rest;
	}
}

/**
 * The list page a missing address asked for, if it is a further page of a
 * paged list (`…/page/N/`, N from 2): a list that got shorter loses its last
 * pages, and the reader is sent to the list's first page instead.
 *
 * @param pathname
 *   The address's path (`location.pathname`).
 * @returns
 *   The page number and the list's first page (the address without
 *   `page/N/`), or `undefined`.
 */
export function askedListPage(pathname: string): { page: number; first: string } | undefined {
	const match = /^(.*\/)page\/([1-9]\d*)\/?$/.exec(pathname);
	if (!match || Number(match[2]) < 2) return undefined;
	return { page: Number(match[2]), first: match[1]! };
}

/**
 * The timeline date a missing address asked for, if it is a date's own page
 * (`/timeline/dates/<date>/`): such a page exists only while the timeline
 * cannot show all of the date's sentences, so one that is gone leads to the
 * date on the timeline.
 *
 * @param pathname
 *   The address's path (`location.pathname`).
 * @returns
 *   The date's path segment as written and its place on the timeline
 *   (`…/timeline/#d-<date>`), or `undefined`.
 */
export function askedTimelineDate(pathname: string): { date: string; timeline: string } | undefined {
	const match = /^(.*\/)timeline\/dates\/([^/]+)\/?$/.exec(pathname);
	if (!match) return undefined;
	return { date: match[2]!, timeline: `${match[1]!}timeline/#d-${match[2]!}` };
}
