/**
 * What the timeline drawing shows, in both orientations: the panels (their
 * axes end where the events end), the marks grouped so that each is a link
 * with a 24 px target of its own, where each mark links to, what it is
 * called for screen readers, and where the key events' labels go. The SVG
 * component only draws this; the arithmetic is in `timeline-layout.ts`.
 */
import { timelineAnchor } from '../../utils/routes.ts';
import { formatIsoRange } from '../../utils/format-date.ts';
import { axisEnd, decimalYear, groupMarks, labelLanes, layoutPanel, spreadLabels, type Panel } from './timeline-layout.ts';

/** The fields of an event the drawing reads. */
export interface DrawnEvent {
	id: string;
	date: string;
	label: string;
	short?: string | undefined;
	key?: boolean | undefined;
	approximate?: boolean | undefined;
}

/** A link on the drawing: one event, or several too close to tell apart (it leads to the key one, or the first). */
export interface DrawnMark {
	/** Position along the axis. */
	at: number;
	href: string;
	/** Accessible name: date and what happened. */
	name: string;
	key: boolean;
	approximate: boolean;
	count: number;
}

/** A key event's label: its text, where along the axis, and in which lane (horizontal) or at which offset (vertical). */
export interface DrawnLabel {
	text: string;
	/** The mark's position along the axis. */
	at: number;
	/** Horizontal: where the text starts; vertical: where its line sits. */
	place: number;
	lane: number;
}

export interface DrawnPanel {
	panel: Panel;
	ticks: { at: number; label: string }[];
	events: DrawnMark[];
	mentions: DrawnMark[];
	labels: DrawnLabel[];
	lanes: number;
}

/**
 * Smallest distance between two links, in SVG units: WCAG 2.2's 24 px target,
 * with room for the drawing to be shown a little smaller than its units.
 */
export const TARGET = 28;
/** Average advance of the label font (13 px system sans), to keep labels apart. */
const CHAR_WIDTH = 7.4;

/**
 * The two panels: the long view from 1940, and the treaty years from July
 * 2023; both end where the last event ends.
 *
 * @param events
 *   Every event.
 * @returns
 *   Panels.
 */
export function timelinePanels(events: readonly DrawnEvent[]): Panel[] {
	const dates = events.map((event) => event.date);
	const end = axisEnd(dates, 1);
	const recent = dates.filter((date) => date >= '2023-07');
	const first = Math.min(...events.map((event) => Number(event.date.slice(0, 4))));
	return [
		{ from: Math.floor(first / 10) * 10, to: end, tick: 10, title: `From ${first} to the treaty` },
		{ from: 2023.5, to: axisEnd(recent, 1 / 12), tick: 0.25, title: 'The treaty years, July 2023 to December 2024' },
	];
}

/**
 * Lay out one panel along an axis `length` long.
 *
 * @param events
 *   Every event.
 * @param mentioned
 *   Dates the commentaries mention, with how many sentences mention each.
 * @param panel
 *   The panel.
 * @param length
 *   Length of the axis in SVG units (with a 24-unit inset at each end).
 * @param orientation
 *   `horizontal`: labels in lanes above the axis; `vertical`: labels beside it, nudged apart.
 * @param labelUntil
 *   Label key events before this decimal year only (the long view leaves the
 *   treaty years, crowded there, to their own panel). Default: all.
 * @returns
 *   What to draw.
 */
export function drawPanel(
	events: readonly DrawnEvent[],
	mentioned: readonly { ref: string; sentences: number }[],
	panel: Panel,
	length: number,
	orientation: 'horizontal' | 'vertical',
	labelUntil = Number.POSITIVE_INFINITY,
): DrawnPanel {
	const byId = new Map(events.map((event) => [event.id, event]));
	const { marks, ticks } = layoutPanel(events, panel, length);
	// A turning point is drawn filled only where it is labelled (the long view leaves the treaty years' to their panel).
	const labelled = (mark: { key: boolean; id: string }) => mark.key && decimalYear(byId.get(mark.id)!.date) < labelUntil;
	const eventGroups = groupMarks(marks, TARGET).map((group): DrawnMark => {
		// A group leads to its turning point when it has one, else to its first event.
		const first = byId.get((group.marks.find((mark) => mark.key) ?? group.marks[0]!).id)!;
		const more = group.marks.length - 1;
		return {
			at: group.x,
			href: `#e-${first.id}`,
			name: `${formatIsoRange(first.date)}: ${first.label}${more > 0 ? ` (and ${more} more ${more === 1 ? 'event' : 'events'} close by)` : ''}`,
			key: group.marks.some(labelled),
			approximate: group.marks.every((mark) => mark.approximate),
			count: group.marks.length,
		};
	});
	const mentionItems = mentioned.map((date) => ({ id: date.ref, date: date.ref, label: String(date.sentences) }));
	const mentionGroups = groupMarks(layoutPanel(mentionItems, panel, length).marks, TARGET).map((group): DrawnMark => {
		const first = group.marks[0]!;
		const sentences = group.marks.reduce((sum, mark) => sum + Number(mark.label), 0);
		const dates = group.marks.length;
		return {
			at: group.x,
			href: `#${timelineAnchor(first.id)}`,
			name: `${formatIsoRange(first.id)}${dates > 1 ? ` and ${dates - 1} more ${dates === 2 ? 'date' : 'dates'} close by` : ''}: mentioned in ${sentences} ${sentences === 1 ? 'sentence' : 'sentences'} of the commentaries`,
			key: false,
			approximate: false,
			count: dates,
		};
	});
	// Each drawn group with a key event carries the label of its (first) key event.
	const keyed = groupMarks(marks, TARGET).flatMap((group, index) => {
		const key = group.marks.find(labelled);
		const event = key && byId.get(key.id);
		return event ? [{ text: event.short ?? event.label, at: eventGroups[index]!.at }] : [];
	});
	let labels: DrawnLabel[];
	let lanes = 0;
	if (orientation === 'horizontal') {
		const boxes = keyed.map(({ text, at }) => {
			const width = text.length * CHAR_WIDTH;
			return { text, at, start: Math.max(4, Math.min(at - 6, length - 4 - width)), width };
		});
		const laneOf = labelLanes(boxes, 12);
		lanes = Math.max(0, ...laneOf.map((lane) => lane + 1));
		labels = boxes.map((box, index) => ({ text: box.text, at: box.at, place: round(box.start), lane: laneOf[index]! }));
	} else {
		const places = spreadLabels(keyed.map(({ at }) => at), 20);
		labels = keyed.map(({ text, at }, index) => ({ text, at, place: places[index]!, lane: 0 }));
	}
	return { panel, ticks: ticks.map((tick) => ({ at: tick.x, label: tick.label })), events: eventGroups, mentions: mentionGroups, labels, lanes };
}

/** One decimal is enough for SVG coordinates. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}
