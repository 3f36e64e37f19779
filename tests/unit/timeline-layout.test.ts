import { describe, expect, it } from 'vitest';
import { decimalYear, layoutPanel } from '../../src/lib/timeline-layout';

describe('timeline-layout', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/lib/timeline-layout')).sort()).toEqual(['decimalYear', 'layoutPanel']);
	});

	it.each([
		['1961', 1961],
		['2024-07', 2024.5],
		['2024-01-01', 2024],
		['1960/1988', 1960],
		['2023-09/..', 2023 + 8 / 12],
	])('should turn %s into the decimal year %d', (iso, expected) => {
		expect(decimalYear(iso)).toBeCloseTo(expected, 6);
	});

	it('should place items proportionally between the insets and drop the ones outside', () => {
		const { marks, ticks } = layoutPanel(
			[
				{ id: 'a', date: '2000', label: 'A' },
				{ id: 'b', date: '2010', label: 'B', key: true },
				{ id: 'c', date: '2020', label: 'C' },
			],
			{ from: 2000, to: 2020, tick: 10, title: 't' },
			240,
			20,
		);
		expect(marks.map((m) => [m.id, m.x, m.key])).toEqual([
			['a', 20, false],
			['b', 120, true],
		]);
		expect(ticks).toEqual([
			{ x: 20, label: '2000' },
			{ x: 120, label: '2010' },
			{ x: 220, label: '2020' },
		]);
	});

	it('should label quarterly ticks by month', () => {
		const { ticks } = layoutPanel([], { from: 2024, to: 2025, tick: 0.25, title: 't' }, 100, 0);
		expect(ticks.map((t) => t.label)).toEqual(['2024', 'Apr', 'Jul', 'Oct', '2025']);
	});
});
