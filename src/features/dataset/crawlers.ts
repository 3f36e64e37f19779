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

/** The namespaces the feed's extra elements use. */
export const FEED_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' } as const;

/** Text as XML character data or an attribute value (the feed's custom elements are written as text). */
function xmlText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The channel's own elements: its language, and its address as Atom's
 * `rel="self"` link (what feed readers and validators look for).
 *
 * @param feedUrl
 *   Absolute address of the feed.
 * @returns
 *   XML to put in the channel.
 */
export function feedChannelData(feedUrl: string): string {
	return `<language>en</language><atom:link href="${xmlText(feedUrl)}" rel="self" type="application/rss+xml"/>`;
}

/**
 * One feed item per commentary, newest first. Each names its authors as
 * `dc:creator` (RSS's own `author` is an e-mail address) and an interviewer
 * as `dc:contributor`.
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
			customData: entry.data.authors
				.map((author) => (author.role === 'interviewer' ? `<dc:contributor>${xmlText(author.name)}</dc:contributor>` : `<dc:creator>${xmlText(author.name)}</dc:creator>`))
				.join(''),
		}));
}
