/**
 * The pages of the sentences mentioning each date, from the corpus.
 */
import { datesMentioned, type DateEntry, type Passage } from '../../corpus/aggregate';
import { getCorpus } from '../../corpus/corpus';
import { dateSentencePages, type DateSentencesPage } from './date-sentences';
import { digestOf } from '../sharing/page-cache-keys';

/** Props of one page of a date's sentences. */
export type DatePageProps = DateSentencesPage<DateEntry, Passage>;

/**
 * Every page of every mentioned date's sentences.
 *
 * @returns
 *   The pages, in the dates' order.
 */
export async function datePages(): Promise<DatePageProps[]> {
	return dateSentencePages<Passage, DateEntry>(datesMentioned(await getCorpus()));
}


/**
 * The cache key of one page of a date's sentences, for Astro's incremental
 * build (the rule is in src/features/sharing/page-cache-keys.ts): the page
 * prints the date, how many commentaries mention it and its own sentences,
 * so a rebuild renders again only the dates whose sentences an edit changed.
 *
 * @param props
 *   The page's props.
 * @returns
 *   A digest of what the page prints.
 */
export function datePageKey({ date, page }: DatePageProps): string {
	return digestOf('date', date.ref, date.inferred, new Set(date.passages.map((passage) => passage.slug)).size, page);
}
