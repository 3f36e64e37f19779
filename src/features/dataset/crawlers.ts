/**
 * What crawlers and feed readers read: `robots.txt` and the feed's items.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { CommentaryEntry } from '../../corpus/commentaries.ts';
import { creditLine } from '../../utils/credit.ts';

/**
 * @param sitemapUrl
 *   Absolute address of the sitemap index.
 * @returns
 *   The file's text.
 */
export function robotsTxt(sitemapUrl: string): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/**
 * The first day a partial date can mean (`2024-06` → 1 June 2024, UTC): a
 * feed item needs a full date, and the page says how precise it really is.
 */
export function earliestDay(iso: string): Date {
	const [year, month = 1, day = 1] = iso.split('-').map(Number);
	return new Date(Date.UTC(year!, month - 1, day));
}

/**
 * One feed item per commentary, newest first.
 *
 * @param entries
 *   The commentaries.
 * @param link
 *   Absolute address of a commentary's reading page.
 */
export function feedItems(entries: readonly CommentaryEntry[], link: (slug: string) => string): RSSFeedItem[] {
	return [...entries]
		.sort((a, b) => (a.data.published.date < b.data.published.date ? 1 : a.data.published.date > b.data.published.date ? -1 : 0))
		.map((entry) => ({
			title: entry.data.titleSupplied ? `[${entry.data.title}]` : entry.data.title,
			link: link(entry.id),
			pubDate: earliestDay(entry.data.published.date),
			description: `${creditLine(entry.data.authors)} (${entry.data.outlet}). ${entry.data.summary}`,
			categories: [entry.data.kind],
		}));
}
