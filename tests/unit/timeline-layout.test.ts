import { describe, expect, it } from 'vitest';
import { axisEnd, decimalYear, endYear, groupMarks, labelLanes, layoutPanel, spreadLabels } from '../../src/features/timeline/timeline-layout';

describe('timeline-layout', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/features/timeline/timeline-layout')).sort()).toEqual(['axisEnd', 'decimalYear', 'endYear', 'groupMarks', 'labelLanes', 'layoutPanel', 'spreadLabels']);
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

	it.each([
		['2024', 2025],
		['2024-07', 2024 + 7 / 12],
		['2024-12-04', 2024 + 11 / 12 + 4 / 365],
		['1995/1996', 1997],
		['2023-09/..', 2023 + 9 / 12],
	])('should find where %s ends', (iso, expected) => {
		expect(endYear(iso)).toBeCloseTo(expected, 6);
	});

	it('should end the axis where the events end, not at a round decade', () => {
		expect(axisEnd(['1945', '1961-07-06', '2024-12-04'], 1)).toBe(2025);
		expect(axisEnd(['2023-09-13', '2024-12-05'], 1 / 12)).toBeCloseTo(2025, 6);
		expect(axisEnd(['2023-09-13', '2024-06-19'], 1 / 12)).toBeCloseTo(2024 + 6 / 12, 6);
		expect(() => axisEnd([], 1)).toThrow(/no dates/);
	});

	it('should label the end of a panel that falls between ticks', () => {
		const { ticks } = layoutPanel([], { from: 1940, to: 2025, tick: 10, title: 't' }, 850, 0);
		expect(ticks.map((t) => t.label)).toEqual(['1940', '1950', '1960', '1970', '1980', '1990', '2000', '2010', '2020', '2025']);
		expect(ticks.at(-1)?.x).toBe(850);
	});

	it('should group marks closer than a target and keep every drawn mark a target apart', () => {
		const groups = groupMarks([{ x: 100 }, { x: 10 }, { x: 20 }, { x: 40 }, { x: 50 }, { x: 60 }], 24);
		expect(groups.map((g) => g.marks.map((m) => m.x))).toEqual([[10, 20], [40, 50, 60], [100]]);
		expect(groups.map((g) => g.x)).toEqual([15, 50, 100]);
		const pushed = groupMarks([{ x: 0 }, { x: 24 }, { x: 30 }], 24);
		for (let i = 1; i < pushed.length; i++) expect(pushed[i]!.x - pushed[i - 1]!.x).toBeGreaterThanOrEqual(24);
	});

	it('should put overlapping labels in separate lanes and reuse a lane once it is free', () => {
		expect(
			labelLanes(
				[
					{ start: 0, width: 100 },
					{ start: 50, width: 100 },
					{ start: 120, width: 50 },
					{ start: 160, width: 10 },
				],
				8,
			),
		).toEqual([1, 0, 1, 0]);
	});

	it('should never let a leader line cross a label in a lane below it, nor pass one under a leader above', () => {
		// Six marks 28 units apart with long labels: wherever the lanes put them, no leader crosses a label below it.
		const labels = [0, 28, 56, 84, 112, 140].map((at) => ({ start: at - 6, width: 90, at }));
		const lanes = labelLanes(labels, 12);
		const crossings = labels.flatMap((label, index) =>
			labels.filter((other, o) => lanes[o]! < lanes[index]! && label.at > other.start - 12 && label.at < other.start + other.width + 12).map((other) => `${label.at} crosses ${other.at}`),
		);
		expect(crossings).toEqual([]);
		// Overlapping labels as a staircase rising to the left: the leaders fall clear of the labels below.
		const stair = [
			{ start: 0, width: 100, at: 6 },
			{ start: 50, width: 100, at: 56 },
			{ start: 120, width: 50, at: 126 },
		];
		expect(labelLanes(stair, 8)).toEqual([2, 1, 0]);
	});

	it('should nudge vertical labels apart only as far as needed', () => {
		expect(spreadLabels([0, 5, 50, 52], 18)).toEqual([0, 18, 50, 68]);
	});
});
