/** Article registry helpers for pages: order, and how a subject is shown (re-exported). */
import { getCollection, type CollectionEntry } from 'astro:content';

export type ArticleEntry = CollectionEntry<'articles'>;

/**
 * Every article of the registry, by number.
 *
 * @returns
 *   Entries sorted by `number`.
 */
export async function getArticles(): Promise<ArticleEntry[]> {
	const entries = await getCollection('articles');
	return entries.sort((a, b) => a.data.number - b.data.number);
}

export { STATUS_LABEL, SUBJECT_NOT_ESTABLISHED, SUBJECT_NOT_ESTABLISHED_REASON } from '../utils/labels.ts';
export { articlePreviewText, articleSubject, articleSubjectText, countByStatus } from '../utils/article-subject.ts';
