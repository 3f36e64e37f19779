import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoRange, formatPublished, machineDate } from '../../src/utils/format-date';
import { isIsoPartialDate } from '../../src/schemas/iso-date';

describe('format-date', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/utils/format-date')).sort()).toEqual([
			'formatIsoDate',
			'formatIsoRange',
			'formatPublished',
			'machineDate',
			'publicationSpan',
		]);
	});

	it.each([
		['1961', '1961'],
		['2023-09', 'September 2023'],
		['2024-06-19', '19 June 2024'],
		['2024-12-04', '4 December 2024'],
	])('should format %s at its own precision as %s', (iso, expected) => {
		expect(formatIsoDate(iso)).toBe(expected);
	});

	it('should refuse a value that is not an ISO date', () => {
		expect(() => formatIsoDate('June 2024')).toThrow(/Not an ISO date/);
		expect(() => formatIsoDate('2024-13')).toThrow(/Not an ISO date/);
	});

	it.each([
		['2024-06-18/2024-06-19', '18–19 June 2024'],
		['1960/1988', '1960 – 1988'],
		['2023-09/..', 'since September 2023'],
		['2006', '2006'],
	])('should format the range %s as %s', (iso, expected) => {
		expect(formatIsoRange(iso)).toBe(expected);
	});

	it.each([
		[{ date: '2024-07-11', circa: false }, '11 July 2024'],
		[{ date: '2023-09', circa: true }, 'c. September 2023'],
		[{ date: '2024', circa: false, notBefore: '2024-06-20' }, '2024 (not before 20 June)'],
	])('should show the publication date %j honestly as %s', (published, expected) => {
		expect(formatPublished(published)).toBe(expected);
	});

	it('should give the start of a range for <time datetime>', () => {
		expect(machineDate('1960/1988')).toBe('1960');
		expect(machineDate('2024-06-19')).toBe('2024-06-19');
	});
});

describe('isIsoPartialDate', () => {
	it.each([
		['2024', true],
		['2024-02', true],
		['2024-02-29', true],
		['2023-02-29', false],
		['2024-02-30', false],
		['2024-00', false],
		['24-06-19', false],
		['2024-6-19', false],
	])('should judge %s as %s', (value, expected) => {
		expect(isIsoPartialDate(value)).toBe(expected);
	});
});
