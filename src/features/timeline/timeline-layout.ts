/**
 * Geometry of the build-time timeline drawing. Most events cluster in
 * 2023–2024 while the story reaches back to 1945, so the drawing has two
 * panels: the long view and the treaty years. Each is drawn along a
 * horizontal axis on wide screens and a vertical one on phones, from the same
 * layout: positions along the axis, marks close together grouped (so every
 * mark is a link with a 24 px target of its own), and labels of key events
 * set in lanes or nudged apart so they never overlap. Pure arithmetic, no
 * DOM, so it is unit-tested and the SVG is the same on every build.
 */

/** Decimal year of a partial ISO date (or the start of a range). */
export function decimalYear(iso: string): number {
	const [start = iso] = iso.split('/');
	const [year, month, day] = start.split('-').map(Number);
	if (year === undefined || Number.isNaN(year)) throw new Error(`Not an ISO date: ${iso}`);
	const monthPart = month ? (month - 1) / 12 : 0;
	const dayPart = day ? (day - 1) / 365 : 0;
	return year + monthPart + dayPart;
}

/**
 * Decimal year at which a partial ISO date (or range) ends: `2024` ends at
 * 2025, `2024-06` at 2024.5 + 1/12, a day at the next day, a range at its
 * end's end; an open range (`2023-09/..`) at its start's end.
 */
export function endYear(iso: string): number {
	const parts = iso.split('/');
	const last = parts[1] && parts[1] !== '..' ? parts[1] : parts[0]!;
	const [year, month, day] = last.split('-').map(Number);
	if (year === undefined || Number.isNaN(year)) throw new Error(`Not an ISO date: ${iso}`);
	if (!month) return year + 1;
	if (!day) return year + month / 12;
	return decimalYear(last) + 1 / 365;
}

export interface Panel {
	/** Inclusive start and exclusive end, as decimal years. */
	from: number;
	to: number;
	/** Tick every this many years (fractions allowed: 0.25 = quarterly). */
	tick: number;
	title: string;
}

/**
 * The end of an axis: where the last dated item ends, rounded up to `step`
 * years (never to a round decade beyond the story).
 *
 * @param dates
 *   ISO dates or ranges.
 * @param step
 *   Rounding in years (1 = to the next year, 1/12 = to the next month).
 * @returns
 *   Decimal year.
 */
export function axisEnd(dates: readonly string[], step: number): number {
	if (dates.length === 0) throw new Error('axisEnd: no dates');
	const last = Math.max(...dates.map(endYear));
	return Math.ceil(last / step - 1e-9) * step;
}

export interface PlacedMark {
	x: number;
	id: string;
	label: string;
	key: boolean;
	approximate: boolean;
}

/**
 * Place items on a panel `width` long; items outside the panel are left out.
 * The last tick is the panel's end, labelled even when it falls between
 * regular ticks.
 *
 * @param items
 *   Dated items.
 * @param panel
 *   Domain of the panel.
 * @param width
 *   Length of the axis in SVG units.
 * @param inset
 *   Margin at each end.
 * @returns
 *   Marks with positions along the axis, and ticks with labels.
 */
export function layoutPanel(
	items: readonly { id: string; date: string; label: string; key?: boolean | undefined; approximate?: boolean | undefined }[],
	panel: Panel,
	width: number,
	inset = 24,
): { marks: PlacedMark[]; ticks: { x: number; label: string }[] } {
	const span = panel.to - panel.from;
	const x = (value: number) => inset + ((value - panel.from) / span) * (width - 2 * inset);
	const marks = items
		.map((item) => ({ item, at: decimalYear(item.date) }))
		.filter(({ at }) => at >= panel.from && at < panel.to)
		.map(({ item, at }) => ({
			x: round(x(at)),
			id: item.id,
			label: item.label,
			key: item.key ?? false,
			approximate: item.approximate ?? false,
		}));
	const ticks: { x: number; label: string }[] = [];
	const count = Math.floor(span / panel.tick + 1e-9);
	for (let index = 0; index <= count; index++) ticks.push(tickAt(panel.from + index * panel.tick, x));
	if (Math.abs(panel.from + count * panel.tick - panel.to) > 1e-9) ticks.push(tickAt(panel.to, x));
	return { marks, ticks };
}

/** A tick at a decimal year: a year, or a month's short name. */
function tickAt(value: number, x: (value: number) => number): { x: number; label: string } {
	const whole = Math.abs(value - Math.round(value)) < 1e-9;
	const month = Math.round((value % 1) * 12);
	return { x: round(x(value)), label: whole ? String(Math.round(value)) : (MONTHS[month] ?? '') };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Marks drawn as one: close enough that their targets would overlap. */
export interface MarkGroup<M extends { x: number }> {
	/** Where the group is drawn: the middle of its first and last mark. */
	x: number;
	marks: M[];
}

/**
 * Group marks closer than `distance` along the axis (sorted by position),
 * and spread the groups so that no two are closer than `distance`: every
 * drawn mark is a link with a target that overlaps no other.
 *
 * @param marks
 *   Marks with positions.
 * @param distance
 *   Smallest distance between two drawn marks (the target size).
 * @returns
 *   Groups in order along the axis.
 */
export function groupMarks<M extends { x: number }>(marks: readonly M[], distance: number): MarkGroup<M>[] {
	const sorted = [...marks].sort((a, b) => a.x - b.x);
	const groups: MarkGroup<M>[] = [];
	for (const mark of sorted) {
		const last = groups.at(-1);
		if (last && mark.x - last.marks[0]!.x < distance) last.marks.push(mark);
		else groups.push({ x: mark.x, marks: [mark] });
	}
	for (const group of groups) group.x = round((group.marks[0]!.x + group.marks.at(-1)!.x) / 2);
	for (let index = 1; index < groups.length; index++) {
		const previous = groups[index - 1]!;
		const group = groups[index]!;
		if (group.x - previous.x < distance) group.x = round(previous.x + distance);
	}
	return groups;
}

/**
 * Lanes for labels along a horizontal axis, set from the right: each label
 * takes the first lane in which it overlaps no other label (with `gap`
 * between) and no leader line crosses a label. A label's leader runs straight
 * down from its lane to its mark at `at`, so it must miss every label in the
 * lanes below, and the leaders of labels set higher up must miss it; setting
 * the labels from the right stacks them as a staircase rising to the left,
 * whose leaders all fall clear of the labels below. Should no lane work (a
 * mark under another label's very start), the label takes the lowest lane
 * where it overlaps no label.
 *
 * @param labels
 *   Start and width of each label, and where its leader meets the axis
 *   (`at`; without it the label has no leader).
 * @param gap
 *   Room between two labels in one lane, and between a leader and a label.
 * @returns
 *   Lane index of each label, in the order given (0 nearest the axis).
 */
export function labelLanes(labels: readonly { start: number; width: number; at?: number | undefined }[], gap: number): number[] {
	const placed: { start: number; end: number; at: number | undefined; lane: number }[] = [];
	const near = (x: number | undefined, box: { start: number; end: number }) => x !== undefined && x > box.start - gap && x < box.end + gap;
	const lanes: number[] = [];
	const order = labels.map((_, index) => index).sort((a, b) => labels[b]!.start - labels[a]!.start || b - a);
	for (const index of order) {
		const { start, width, at } = labels[index]!;
		const box = { start, end: start + width };
		const apart = (lane: number) => placed.every((other) => other.lane !== lane || other.end + gap <= box.start || box.end + gap <= other.start);
		// The higher label's leader passes the lower label's lane.
		const clear = (lane: number) => placed.every((other) => other.lane === lane || (other.lane > lane ? !near(other.at, box) : !near(at, other)));
		let lane = 0;
		while (lane <= placed.length && !(apart(lane) && clear(lane))) lane += 1;
		if (lane > placed.length) for (lane = 0; !apart(lane); ) lane += 1;
		placed.push({ ...box, at, lane });
		lanes[index] = lane;
	}
	return lanes;
}

/**
 * Positions along a vertical axis for labels at least `spacing` apart: each
 * label keeps its mark's position unless that would overlap the previous one,
 * then it moves down just enough.
 *
 * @param positions
 *   Wanted positions, in order.
 * @param spacing
 *   Height of one label line.
 * @returns
 *   Positions, in the same order.
 */
export function spreadLabels(positions: readonly number[], spacing: number): number[] {
	const placed: number[] = [];
	for (const position of positions) {
		const previous = placed.at(-1);
		placed.push(previous === undefined ? position : round(Math.max(position, previous + spacing)));
	}
	return placed;
}

/** One decimal is enough for SVG coordinates and keeps builds identical. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}
