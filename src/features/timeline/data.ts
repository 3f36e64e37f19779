/**
 * The pages of the sentences mentioning each date, from the corpus.
 */
import { datesMentioned, type DateEntry, type Passage } from '../../corpus/aggregate';
import { getCorpus } from '../../corpus/corpus';
import { dateSentencePages, type DateSentencesPage } from './date-sentences';

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

