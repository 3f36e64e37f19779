import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normaliseClaimText } from '../../../src/claims/normalise.ts';

describe('normalise', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/claims/normalise.ts')).sort()).toEqual(['collapseWhitespace', 'normaliseClaimText']);
	});

	it.each([
		['“A” ‘b’ «c»', '"a" \'b\' "c"'],
		['Russia—DPRK – 1960–88 −5', 'russia-dprk - 1960-88 -5'],
		['  two\n\tlines\u00A0here ', 'two lines here'],
		['document… a', 'document... a'],
		['zero\u200Bwidth', 'zerowidth'],
		['Cafe\u0301', 'café'],
	])('should normalise %j to %j', (input, expected) => {
		expect(normaliseClaimText(input)).toBe(expected);
	});

	it('should keep words, digits and other punctuation', () => {
		expect(normaliseClaimText('Article 4 (i.e., sanctions); $34 billion?')).toBe('article 4 (i.e., sanctions); $34 billion?');
	});

	it('should collapse whitespace without other changes', () => {
		expect(collapseWhitespace('  “The  Treaty”\n— ok ')).toBe('“The Treaty” — ok');
	});

	it.each([
		'single spaces only',
		' leading and trailing ',
		'two  spaces',
		'a\u00a0non-breaking space',
		'a\ttab and a\nline break',
		'a line\u2028separator, a thin\u2009space, a\ufeffbyte-order mark',
		'a space \u00a0 beside another kind',
		'',
		'   ',
	])('should turn every run of whitespace into one space, as a plain replace does: %j', (text) => {
		expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
	});
});
