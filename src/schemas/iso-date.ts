import { z } from 'astro/zod';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a date with its precision. */
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Whether `value` is a real calendar date at year, month or day precision.
 *
 * @param value
 *   Candidate string.
 * @returns
 *   True for `1961`, `2023-09`, `2024-06-19`; false for `2024-02-30`.
 */
export function isIsoPartialDate(value: string): boolean {
	const match = ISO_PARTIAL.exec(value);
	if (!match) return false;
	const [, year, month, day] = match;
	if (month === undefined) return true;
	const m = Number(month);
	if (m < 1 || m > 12) return false;
	if (day === undefined) return true;
	const d = Number(day);
	const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
	return d >= 1 && d <= daysInMonth;
}

/**
 * A partial ISO date. YAML turns an unquoted `2024-06-19` into a Date object;
 * that is accepted and turned back into its day string so authors need not
 * remember to quote.
 */
export const isoDateValue = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z.string().refine(isIsoPartialDate, { message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' }),
);

/**
 * An ISO date or an interval `start/end` of two partial dates (`1960/1988`,
 * `2024-06-18/2024-06-19`), start not after end.
 */
export const isoDateOrRange = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z.string().refine(
		(value) => {
			const parts = value.split('/');
			if (parts.length === 1) return isIsoPartialDate(value);
			const [start, end, ...rest] = parts;
			if (start === undefined || end === undefined || rest.length > 0) return false;
			return isIsoPartialDate(start) && isIsoPartialDate(end) && start <= end;
		},
		{ message: 'expected YYYY[-MM[-DD]] or a range start/end' },
	),
);
