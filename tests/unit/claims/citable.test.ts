import { describe, expect, it } from 'vitest';
import { isCitable } from '../../../src/claims/citable.ts';

describe('isCitable', () => {
	it.each([
		['an interview question', { block: 'h2', text: 'Could these countries form a trilateral pact?' }, true],
		['a section title ending in a question', { block: 'h2', text: 'Comprehensive Strategic Partnership Treaty: What changes after the Treaty?' }, true],
		['a heading holding a question and a fragment', { block: 'h2', text: 'What changes? A lot' }, true],
		['a bare section title', { block: 'h2', text: 'Drivers of Ties' }, false],
		['a one-word heading', { block: 'h3', text: 'Limits' }, false],
		['the byline heading a bio', { block: 'p', container: 'bio', text: 'M. K. Bhadrakumar' }, false],
		['a dateline', { block: 'p', container: 'dateline', text: '21 June 2024, NIICE Commentary 9282' }, false],
		['a bio sentence without its full stop', { block: 'p', container: 'bio', text: 'Abhishek Sharma is a Research Assistant at the Observer Research Foundation and Rajoli Siddharth Jayaprakash is a Junior Fellow' }, true],
		['a bio sentence', { block: 'p', container: 'bio', text: 'He writes mainly on Indian foreign policy.' }, true],
		['a list item ending with a semicolon', { block: 'li', text: 'The yardstick is whether Russian forces are using Russian territory as “sanctuary”;' }, true],
		['a paragraph ending with a colon', { block: 'p', text: 'announcing via a carefully structured interview with the US government-funded PBS, that:' }, true],
		['a quoted sentence', { block: 'p', text: 'Putin called it “a truly breakthrough document.”' }, true],
	] as const)('should decide that %s is citable: %s', (_, unit, expected) => {
		expect(isCitable(unit)).toBe(expected);
	});
});
