/**
 * Cache keys of the topic pages (an actor's, an article's), for Astro's
 * incremental build (`experimental.incrementalBuild`; the rule every key
 * follows is in src/features/sharing/page-cache-keys.ts): a page is rendered
 * again only when something it prints changed. A topic page's components read
 * nothing but its props (./data.ts), so its key is those props, less the two
 * corpus-wide lookups they carry: of those, only what the page prints goes in
 * (the names of the actors in its “named in the same sentences” list, the
 * entries of the commentaries whose columns it shows). So editing one
 * commentary renders again only the topic pages that show its passages, or
 * whose pages or counts the edit moved.
 */
import { digestOf } from '../sharing/page-cache-keys.ts';
import type { ActorPageProps, ArticlePageProps } from './data.ts';

/**
 * What a page prints of the commentaries whose columns it shows: each one's
 * slug and entry data (names, outlet, credit).
 *
 * @param groups
 *   The page's columns.
 * @param entries
 *   Every commentary, by slug.
 * @returns
 *   Digestible data.
 */
function columnEntries(groups: readonly { slug: string }[], entries: ActorPageProps['commentaryEntries']): unknown[] {
	return groups.map(({ slug }) => [slug, entries.get(slug)?.data]);
}

/**
 * The cache key of one page of an actor.
 *
 * @param props
 *   The page's props.
 * @returns
 *   A digest of everything the page prints.
 */
export function actorPageKey(props: ActorPageProps): string {
	const { entry, page, total, naming, together, actorNames, commentaryEntries, corpusSize } = props;
	return digestOf(
		'actor',
		entry.id,
		entry.data,
		page,
		total,
		naming,
		together.map((other) => [other.id, other.claims, actorNames.get(other.id)]),
		columnEntries(page.groups, commentaryEntries),
		corpusSize,
	);
}

/**
 * The cache key of one page of an article. Editors' notes are keyed by their
 * id and entry digest (their bodies are rendered from the entry), with the
 * credit of the commentary each is on.
 *
 * @param props
 *   The page's props.
 * @returns
 *   A digest of everything the page prints.
 */
export function articlePageKey(props: ArticlePageProps): string {
	const { entry, count, page, byNumber, bySubject, total, commentaries, notes, commentaryEntries, corpusSize } = props;
	return digestOf(
		'article',
		entry.id,
		entry.data,
		count,
		page,
		byNumber,
		bySubject,
		total,
		commentaries,
		notes.map(({ note }) => [note.id, note.digest, note.data, commentaryEntries.get(note.data.commentary)?.data.authors]),
		columnEntries(page.groups, commentaryEntries),
		corpusSize,
	);
}
