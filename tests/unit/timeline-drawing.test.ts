import { describe, expect, it } from 'vitest';
import { drawPanel, TARGET, timelinePanels } from '../../src/features/timeline/timeline-drawing.ts';

const events = [
	{ id: 'liberation', date: '1945', label: 'Liberation of Korea', short: 'Liberation', key: true, approximate: true },
	{ id: 'lands', date: '2024-06-19', label: 'Putin lands' },
	{ id: 'signed', date: '2024-06-19', label: 'The treaty is signed', short: 'Treaty signed', key: true },
	{ id: 'in-force', date: '2024-12-04', label: 'The treaty enters into force', short: 'In force', key: true },
];

describe('timeline drawing', () => {
	it('should end both panels where the events end', () => {
		const panels = timelinePanels(events);
		expect(panels.map((panel) => [panel.from, panel.to])).toEqual([
			[1940, 2025],
			[2023.5, expect.closeTo(2025, 6)],
		]);
	});

	it('should lead a group of close events to its turning point, labelled, and keep marks a target apart', () => {
		const [, treatyYears] = timelinePanels(events);
		const drawn = drawPanel(events, [{ ref: '2024-06-19', sentences: 3 }], treatyYears!, 960, 'horizontal');
		const june = drawn.events.find((mark) => mark.count === 2);
		expect(june?.href).toBe('#e-signed');
		expect(june?.name).toMatch(/^19 June 2024: The treaty is signed \(and 1 more event close by\)$/);
		expect(drawn.labels.map((label) => label.text)).toEqual(['Treaty signed', 'In force']);
		expect(drawn.mentions).toEqual([expect.objectContaining({ href: '#d-2024-06-19', name: expect.stringMatching(/mentioned in 3 sentences/) })]);
		for (let index = 1; index < drawn.events.length; index++) {
			expect(drawn.events[index]!.at - drawn.events[index - 1]!.at).toBeGreaterThanOrEqual(TARGET);
		}
	});

	it('should leave the treaty years’ labels to their own panel in the long view, and nudge vertical labels apart', () => {
		const [long] = timelinePanels(events);
		const drawn = drawPanel(events, [], long!, 420, 'vertical', 2023.5);
		expect(drawn.labels.map((label) => label.text)).toEqual(['Liberation']);
		const all = drawPanel(events, [], long!, 420, 'vertical');
		const places = all.labels.map((label) => label.place);
		for (let index = 1; index < places.length; index++) expect(places[index]! - places[index - 1]!).toBeGreaterThanOrEqual(20);
	});
});
