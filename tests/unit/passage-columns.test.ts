import { describe, expect, it } from 'vitest';
import { COLUMNS_SHOWN, PASSAGES_SHOWN, passageRows, splitColumns, withEveryCommentary } from '../../src/features/topics/passage-columns.ts';

describe('topic page columns', () => {
	it('should share as many rows as the fullest column shows, at least one, at most the fold', () => {
		expect(PASSAGES_SHOWN).toBe(3);
		expect(passageRows([0, 0, 0])).toBe(1);
		expect(passageRows([2, 0, 1])).toBe(2);
		expect(passageRows([29, 16, 0])).toBe(3);
		expect(passageRows([5], 4)).toBe(4);
	});

	it('should keep a column for every commentary, in corpus order, empty where it says nothing', () => {
		const groups = [
			{ slug: 'c', passages: ['c1'] },
			{ slug: 'a', passages: ['a1', 'a2'] },
		];
		expect(withEveryCommentary(['a', 'b', 'c'], groups)).toEqual([
			{ slug: 'a', passages: ['a1', 'a2'] },
			{ slug: 'b', passages: [] },
			{ slug: 'c', passages: ['c1'] },
		]);
	});

	it('should set at most three columns side by side, the rest behind a switch, and no empty column', () => {
		expect(COLUMNS_SHOWN).toBe(3);
		const groups = ['a', 'b', 'c', 'd', 'e'].map((slug, index) => ({ slug, passages: index === 1 ? [] : [slug] }));
		const split = splitColumns(groups);
		expect(split.shown.map((group) => group.slug)).toEqual(['a', 'c', 'd']);
		expect(split.more.map((group) => group.slug)).toEqual(['e']);
		expect(split.absent.map((group) => group.slug)).toEqual(['b']);
		expect(splitColumns(groups.slice(0, 2))).toEqual({ shown: [groups[0]], more: [], absent: [groups[1]] });
	});
});
