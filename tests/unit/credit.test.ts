import { describe, expect, it } from 'vitest';
import { creditLine, joinNames, shortCredit, splitName, surnames } from '../../src/utils/credit';

describe('credit', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/utils/credit')).sort()).toEqual(['creditLine', 'creditSegments', 'joinNames', 'shortCredit', 'splitName', 'surnames']);
	});

	it.each([
		[[], ''],
		[['A'], 'A'],
		[['A', 'B'], 'A and B'],
		[['A', 'B', 'C'], 'A, B and C'],
	])('should join %j as %s', (names, expected) => {
		expect(joinNames(names)).toBe(expected);
	});

	it.each([
		['M. K. Bhadrakumar', { family: 'Bhadrakumar', given: 'M. K.' }],
		['  Rajoli Siddharth   Jayaprakash ', { family: 'Jayaprakash', given: 'Rajoli Siddharth' }],
		['Rekha J', undefined],
		['Rekha J.', undefined],
		['Plato', undefined],
		['', undefined],
	])('should split %j into family and given names only where safe', (name, expected) => {
		expect(splitName(name)).toEqual(expected);
	});

	it('should credit co-authors', () => {
		const authors = [
			{ name: 'Abhishek Sharma', affiliation: 'ORF', role: 'author' as const },
			{ name: 'Rajoli Siddharth Jayaprakash', affiliation: 'ORF', role: 'author' as const },
		];
		expect(creditLine(authors)).toBe('By Abhishek Sharma and Rajoli Siddharth Jayaprakash');
		expect(shortCredit(authors)).toBe('Abhishek Sharma and Rajoli Siddharth Jayaprakash');
		expect(surnames(authors)).toBe('Sharma & Jayaprakash');
		expect(surnames([{ name: 'Rekha J', affiliation: 'MGU', role: 'author' }])).toBe('Rekha J');
	});

	it('should credit an interview to the interviewee, with the interviewer', () => {
		const authors = [
			{ name: 'Andrei Lankov', affiliation: 'Korea Risk Group', role: 'interviewee' as const },
			{ name: 'Andrew Pruden', affiliation: 'NBR', role: 'interviewer' as const },
		];
		expect(creditLine(authors)).toBe('Andrei Lankov, interviewed by Andrew Pruden');
		expect(shortCredit(authors)).toBe('Andrei Lankov');
		expect(surnames(authors)).toBe('Lankov');
	});
});
