import { describe, expect, it } from 'vitest';
import { truncateAtWord } from '../../src/utils/truncate';

describe('truncateAtWord', () => {
	it('should leave text that fits alone', () => {
		expect(truncateAtWord('Article 4 of the treaty', 60)).toBe('Article 4 of the treaty');
	});

	it.each([
		['How do you read the treaty now that it is in force after ratification in both capitals?', 60, 'How do you read the treaty now that it is in force after …'],
		['Moscow, Pyongyang; and Beijing', 20, 'Moscow, Pyongyang …'],
		['Supercalifragilistic', 10, 'Supercal …'],
	])('should cut %j at a word boundary within %i characters', (text, max, expected) => {
		const result = truncateAtWord(text, max);
		expect(result).toBe(expected);
		expect(result.length).toBeLessThanOrEqual(max);
	});
});
