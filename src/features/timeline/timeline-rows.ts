/**
 * The timeline's list: registry events and the dates the commentaries
 * mention, merged into one ordered list of rows. Pure, so the rule of which
 * event a mentioned date belongs to is tested (tests/unit/timeline-rows.test.ts).
 */
import { machineDate } from '../../utils/format-date.ts';

/** The fields of an event the merge reads. */
export interface RowEvent {
	id: string;
	date: string;
	key?: boolean | undefined;
}

/** The fields of a mentioned date the merge reads. */
export interface RowMention {
	ref: string;
}

/** One entry of the timeline: an event, a mentioned date, or an event with the sentences mentioning its date. */
export interface TimelineRow<E extends RowEvent, M extends RowMention> {
	date: string;
	event?: E;
	mention?: M;
}

/**
 * Merge events and mentioned dates.
 *
 * A mentioned date goes with an event of exactly that date; when several
 * events share it, with the key event among them (the sentences saying
 * “June 19” are about the signing, not about the plane landing that
 * morning), otherwise with the first in the registry's order. A date no
 * event has becomes a row of its own. Rows are ordered by start date, then
 * the registry's order, a date's own row after the events of that day.
 *
 * @param events
 *   Registry events, in the registry's order.
 * @param mentions
 *   Dates the commentaries mention.
 * @returns
 *   The rows, in order.
 */
export function timelineRows<E extends RowEvent, M extends RowMention>(events: readonly E[], mentions: readonly M[]): TimelineRow<E, M>[] {
	const rows: TimelineRow<E, M>[] = events.map((event) => ({ date: event.date, event }));
	for (const mention of mentions) {
		const sameDay = rows.filter((row) => row.event?.date === mention.ref && row.mention === undefined);
		const row = sameDay.find((candidate) => candidate.event?.key) ?? sameDay[0];
		if (row) row.mention = mention;
		else rows.push({ date: mention.ref, mention });
	}
	const order = new Map(rows.map((row, index) => [row, index]));
	return rows.sort(
		(a, b) =>
			machineDate(a.date).localeCompare(machineDate(b.date)) ||
			(a.event ? 0 : 1) - (b.event ? 0 : 1) ||
			order.get(a)! - order.get(b)!,
	);
}

/** A year of the timeline and the entry it starts at. */
export interface TimelineYear {
	year: string;
	/** Fragment id of the year's first entry. */
	id: string;
}

/**
 * The years of the timeline, each with its first entry, for the index of
 * years above the list: one link a year however many dates and sentences.
 *
 * @param entries
 *   The timeline's entries in order, each with its date and fragment id.
 * @returns
 *   The years in order, each once.
 */
export function timelineYears(entries: readonly { date: string; id: string }[]): TimelineYear[] {
	const years: TimelineYear[] = [];
	for (const { date, id } of entries) {
		const year = machineDate(date).slice(0, 4);
		if (years.at(-1)?.year !== year) years.push({ year, id });
	}
	return years;
}
