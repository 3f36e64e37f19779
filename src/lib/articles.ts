/** Article registry helpers: order and reader-facing status labels. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type ArticleEntry = CollectionEntry<'articles'>;

export async function getArticles(): Promise<ArticleEntry[]> {
	const entries = await getCollection('articles');
	return entries.sort((a, b) => a.data.number - b.data.number);
}

export { STATUS_LABEL } from './labels.ts';

/** The article's subject as a reader may see it: only ever a sourced one. */
export function articleSubject(article: ArticleEntry['data']): string {
	return article.status === 'unknown' || !article.title ? 'Subject not established' : article.title;
}
