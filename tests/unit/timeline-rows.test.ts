import { describe, expect, it } from 'vitest';
import { timelineRows } from '../../src/features/timeline/timeline-rows.ts';

const events = [
	{ id: 'visit', date: '2024-06-18/2024-06-19' },
	{ id: 'lands', date: '2024-06-19' },
	{ id: 'signed', date: '2024-06-19', key: true },
	{ id: 'side', date: '2024-06-19' },
	{ id: 'treaty-1961', date: '1961-07-06' },
	{ id: 'in-force', date: '2024-12-04', key: true },
];

describe('timelineRows', () => {
	it('should put the sentences about a day under that day’s key event, not its first event', () => {
		const rows = timelineRows(events, [{ ref: '2024-06-19' }]);
		expect(rows.find((row) => row.mention)?.event?.id).toBe('signed');
	});

	it('should use the first event of the day when none is key, and keep a date no event has as its own row', () => {
		const rows = timelineRows(
			[{ id: 'a', date: '2024-06-20' }, { id: 'b', date: '2024-06-20' }],
			[{ ref: '2024-06-20' }, { ref: '2024-06' }, { ref: '1961' }],
		);
		expect(rows.map((row) => [row.event?.id ?? null, row.mention?.ref ?? null])).toEqual([
			[null, '1961'],
			[null, '2024-06'],
			['a', '2024-06-20'],
			['b', null],
		]);
	});

	it('should order by start date, keeping the registry’s order within a day and a bare date after the events', () => {
		const rows = timelineRows(events, [{ ref: '2024-06-18' }, { ref: '2024-12-04' }]);
		expect(rows.map((row) => row.event?.id ?? `date ${row.mention?.ref}`)).toEqual([
			'treaty-1961',
			'visit',
			'date 2024-06-18',
			'lands',
			'signed',
			'side',
			'in-force',
		]);
		expect(rows.find((row) => row.event?.id === 'in-force')?.mention?.ref).toBe('2024-12-04');
	});
});
