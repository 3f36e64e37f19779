import { describe, expect, it } from 'vitest';
import { PASSAGES_SHOWN, passageRows, withEveryCommentary } from '../../src/features/topics/passage-columns.ts';

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
});
