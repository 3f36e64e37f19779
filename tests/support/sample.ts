/**
 * Which built pages the browser suites open. Share pages (`/c/<id>/`) are one
 * template filled with one sentence each, a few hundred of them today and
 * tens of thousands at a thousand commentaries; opening every one in Chromium
 * re-checks the same template. The browser suites take every other page (each
 * is a template of its own or one of a few dozen of a kind), and a
 * deterministic sample of share pages: the longest and the shortest sentence
 * (the extremes of the layout) and pages spread evenly through the rest. The
 * static checks over `dist/` (tests/dist/) still read every page.
 */
import type { BuiltPage } from './dist';

/** Share pages: `/c/<id>/`. */
export function isSharePage(page: Pick<BuiltPage, 'path'>): boolean {
	return /^\/c\/[^/]+\/$/.test(page.path);
}

/** The quoted sentence of a share page (its blockquote's text), or `''`. */
export function sharedSentence(html: string): string {
	const quote = /<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/.exec(html)?.[1] ?? '';
	return quote.replace(/<[^>]+>/g, '').trim();
}

/**
 * Every page except share pages, plus a deterministic sample of those.
 *
 * @param pages
 *   Built pages, sorted by path.
 * @param readHtml
 *   Reads a page's HTML (to find the longest and shortest sentence).
 * @param spread
 *   Share pages taken evenly through the sorted list, besides the extremes (default 8).
 * @returns
 *   The pages to open, sorted by path.
 */
export function browserSample<T extends BuiltPage>(pages: readonly T[], readHtml: (page: T) => string, spread = 8): T[] {
	const shares = pages.filter(isSharePage);
	const picked = new Set<T>(pages.filter((page) => !isSharePage(page)));
	if (shares.length > 0) {
		const lengths = shares.map((page) => ({ page, length: sharedSentence(readHtml(page)).length }));
		// Ties go to the first in path order, so the sample does not depend on file-system order.
		const longest = lengths.reduce((best, item) => (item.length > best.length ? item : best));
		const shortest = lengths.reduce((best, item) => (item.length < best.length ? item : best));
		picked.add(longest.page).add(shortest.page);
		const step = shares.length / Math.min(spread, shares.length);
		for (let index = 0; index < Math.min(spread, shares.length); index++) picked.add(shares[Math.floor(index * step)]!);
	}
	return [...picked].sort((a, b) => a.path.localeCompare(b.path));
}
