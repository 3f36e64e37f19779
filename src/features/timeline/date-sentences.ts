/**
 * How many of the sentences mentioning a date the timeline shows, and the
 * pages of each date's sentences (`/timeline/dates/<date>/`, then
 * `…/page/N/`). A date such as the signing is mentioned by nearly every
 * commentary, so the timeline shows a date's first few sentences and links
 * to the rest: the timeline grows with the dates mentioned, not with the
 * sentences, and each date page holds at most a page of sentences.
 * Pure, so it is tested with large generated inputs (tests/unit/timeline-dates.test.ts).
 */
import { pageList, type ListPage } from '../../utils/paging.ts';

/** Sentences a date shows on the timeline itself, under its fold. */
export const SENTENCES_ON_TIMELINE = 8;

/** Sentences on one page of a date's own pages. */
export const SENTENCES_PER_DATE_PAGE = 40;

/** The fields of a mentioned date this module reads. */
export interface DatedSentences<P> {
	ref: string;
	passages: readonly P[];
}

/** What a date's timeline entry shows: its first sentences, and how many it leaves to the date's pages. */
export interface TimelineExcerpt<P> {
	shown: P[];
	/** Sentences not shown on the timeline (0: the date's page adds nothing). */
	more: number;
}

/**
 * The sentences of a date the timeline shows.
 *
 * @param passages
 *   Every sentence mentioning the date, in corpus order.
 * @param limit
 *   Sentences shown (default {@link SENTENCES_ON_TIMELINE}).
 * @returns
 *   The first `limit` sentences and how many more there are.
 */
export function timelineExcerpt<P>(passages: readonly P[], limit: number = SENTENCES_ON_TIMELINE): TimelineExcerpt<P> {
	return { shown: passages.slice(0, limit), more: Math.max(0, passages.length - limit) };
}

/** One page of a date's sentences. */
export interface DateSentencesPage<D, P> {
	date: D;
	page: ListPage<P>;
}

/**
 * The pages of the dates the timeline does not show in full. A date with no
 * more sentences than the timeline shows has no pages (nothing would link to
 * them); sentences are never withdrawn (their ids are in the ledger), so a
 * date's pages, once published, stay.
 *
 * @param dates
 *   Mentioned dates, each with its sentences in corpus order.
 * @param perPage
 *   Sentences per page (default {@link SENTENCES_PER_DATE_PAGE}).
 * @param shown
 *   Sentences the timeline shows of a date (default {@link SENTENCES_ON_TIMELINE}).
 * @returns
 *   The pages, date by date, in the dates' order.
 */
export function dateSentencePages<P, D extends DatedSentences<P>>(
	dates: readonly D[],
	perPage: number = SENTENCES_PER_DATE_PAGE,
	shown: number = SENTENCES_ON_TIMELINE,
): DateSentencesPage<D, P>[] {
	return dates
		.filter((date) => timelineExcerpt(date.passages, shown).more > 0)
		.flatMap((date) => pageList(date.passages, perPage).map((page) => ({ date, page })));
}
