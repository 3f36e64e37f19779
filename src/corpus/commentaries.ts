/** Reading helpers over the commentaries collection: the reading order. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type CommentaryEntry = CollectionEntry<'commentaries'>;

/** Commentaries in reading order: `order` first, then publication date. */
export async function getCommentaries(): Promise<CommentaryEntry[]> {
	const entries = await getCollection('commentaries');
	return entries.sort(
		(a, b) =>
			(a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
			a.data.published.date.localeCompare(b.data.published.date) ||
			a.id.localeCompare(b.id),
	);
}
