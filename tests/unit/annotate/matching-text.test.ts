import { describe, expect, it } from 'vitest';
import { foldForMatching, foldKeepingOffsets, originalSpan, toMatchingText } from '../../../src/annotate/matching-text';

describe('matching-text', () => {
	it('should leave plain text as it is, offsets one to one', () => {
		expect(toMatchingText('Russia')).toEqual({ text: 'Russia', origin: [0, 1, 2, 3, 4, 5, 6] });
	});

	it.each([
		['Russia’s', "Russia's"],
		['Kim\u00a0Jong\u202fUn', 'Kim Jong Un'],
		['Pyong\u00adyang', 'Pyongyang'],
		['Lav\u200brov\u2060', 'Lavrov'],
		['\ufeffSeoul', 'Seoul'],
		['Kim Jong\u2011un', 'Kim Jong-un'],
	])('should fold %j to %j', (input, expected) => {
		expect(foldForMatching(input)).toBe(expected);
	});

	it('should map a span of the folded text back to the text as written', () => {
		const input = 'in Pyong\u00adyang today';
		const matching = toMatchingText(input);
		const start = matching.text.indexOf('Pyongyang');
		const [from, to] = originalSpan(matching, start, start + 'Pyongyang'.length);
		expect(input.slice(from, to)).toBe('Pyong\u00adyang');
	});
});

describe('folding that keeps offsets', () => {
	it.each([
		'Russia’s and the DPRK‘s ties',
		'Kim\u00a0Jong\u2011un, 12\u2009000 troops, ‘quoted’ and ʼokina′',
		'nothing to fold',
		'',
	])('should fold exactly as toMatchingText does, one character for one: %j', (text) => {
		const folded = foldKeepingOffsets(text);
		const matching = toMatchingText(text);
		expect(folded).toBe(matching.text);
		expect(matching.origin).toEqual([...Array(text.length + 1).keys()]);
	});

	it.each(['soft\u00adhyphen', 'zero\u200bwidth and Russia’s', '\ufeffbyte order mark', 'word\u2060joiner'])(
		'should give nothing when a character is dropped, so offsets would move: %j',
		(text) => {
			expect(foldKeepingOffsets(text)).toBeUndefined();
			expect(toMatchingText(text).text.length).toBeLessThan(text.length);
		},
	);
});
