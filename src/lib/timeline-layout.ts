/**
 * Geometry of the build-time timeline drawing. Most events cluster in
 * 2023–2024 while the story reaches back to 1945, so the drawing has two
 * panels on one page: the long view and the treaty years. Pure arithmetic,
 * no DOM, so it is unit-tested and the SVG is the same on every build.
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

export interface Panel {
	/** Inclusive start and exclusive end, as decimal years. */
	from: number;
	to: number;
	/** Tick every this many years (fractions allowed: 0.25 = quarterly). */
	tick: number;
	title: string;
}

export interface PlacedMark {
	x: number;
	id: string;
	label: string;
	key: boolean;
	approximate: boolean;
}

/**
 * Place items on a panel `width` wide; items outside the panel are left out.
 *
 * @param items
 *   Dated items.
 * @param panel
 *   Domain of the panel.
 * @param width
 *   Drawing width in SVG units.
 * @param inset
 *   Margin at each end.
 * @returns
 *   Marks with x positions, and tick positions with labels.
 */
export function layoutPanel(
	items: readonly { id: string; date: string; label: string; key?: boolean; approximate?: boolean }[],
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
			x: Math.round(x(at) * 10) / 10,
			id: item.id,
			label: item.label,
			key: item.key ?? false,
			approximate: item.approximate ?? false,
		}));
	const ticks: { x: number; label: string }[] = [];
	const count = Math.round(span / panel.tick);
	for (let index = 0; index <= count; index++) {
		const value = panel.from + index * panel.tick;
		const whole = Math.abs(value - Math.round(value)) < 1e-9;
		const label = whole ? String(Math.round(value)) : QUARTER[Math.round((value % 1) * 4)] ?? '';
		ticks.push({ x: Math.round(x(value) * 10) / 10, label });
	}
	return { marks, ticks };
}

const QUARTER = ['', 'Apr', 'Jul', 'Oct'];
