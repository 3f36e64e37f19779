/**
 * Reader-facing date formatting for partial ISO dates. Formatting is done by
 * hand with a fixed English month table, not `toLocaleDateString`, so builds
 * are byte-identical whatever the machine's locale or time zone.
 */

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;

/**
 * Format `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at its own precision.
 *
 * @param iso
 *   Partial ISO date.
 * @returns
 *   `2024`, `September 2023` or `19 June 2024`.
 */
export function formatIsoDate(iso: string): string {
	const [year, month, day] = iso.split('-');
	if (!year || !/^\d{4}$/.test(year)) throw new Error(`Not an ISO date: ${iso}`);
	if (month === undefined) return year;
	const name = MONTHS[Number(month) - 1];
	if (!name) throw new Error(`Not an ISO date: ${iso}`);
	if (day === undefined) return `${name} ${year}`;
	return `${Number(day)} ${name} ${year}`;
}

/**
 * Format a date or an ISO interval (`start/end`, open end `..`).
 *
 * @param value
 *   `1961`, `2024-06-18/2024-06-19`, `2023-09/..`.
 * @returns
 *   Readable text such as `18–19 June 2024` or `since September 2023`.
 */
export function formatIsoRange(value: string): string {
	const [start, end] = value.split('/');
	if (start === undefined) throw new Error(`Not an ISO date: ${value}`);
	if (end === undefined) return formatIsoDate(start);
	if (end === '..') return `since ${formatIsoDate(start)}`;
	if (start.length === 10 && end.length === 10 && start.slice(0, 7) === end.slice(0, 7)) {
		return `${Number(start.slice(8))}–${formatIsoDate(end)}`;
	}
	return `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}

export interface PublishedDate {
	date: string;
	circa: boolean;
	notBefore?: string | undefined;
	note?: string | undefined;
}

/**
 * The publication date as a reader should see it, honest about precision.
 *
 * @param published
 *   A commentary's `published` frontmatter.
 * @returns
 *   `11 July 2024`, `c. September 2023`, or `2024 (not before 20 June)`.
 */
export function formatPublished(published: PublishedDate): string {
	const base = `${published.circa ? 'c. ' : ''}${formatIsoDate(published.date)}`;
	if (published.notBefore && published.date.length === 4) {
		const bound = formatIsoDate(published.notBefore).replace(` ${published.date}`, '');
		return `${base} (not before ${bound})`;
	}
	return base;
}

/**
 * A value for `<time datetime>`: the start of an interval (the attribute
 * cannot hold one), otherwise the date itself.
 */
export function machineDate(value: string): string {
	return value.split('/')[0] ?? value;
}

/**
 * The months of the first and the last publication dates.
 *
 * @param dates
 *   Publication dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
 * @returns
 *   `from September 2023 to July 2024`, `in July 2024`, or `''` for none.
 */
export function publicationSpan(dates: readonly string[]): string {
	if (dates.length === 0) return '';
	const months = dates.map((date) => date.slice(0, 7)).sort();
	const first = formatIsoDate(months[0]!);
	const last = formatIsoDate(months.at(-1)!);
	return first === last ? `in ${first}` : `from ${first} to ${last}`;
}
