import { describe, expect, it } from 'vitest';
import { createArticleRecogniser, findArticleReferences, isOtherInstrumentsPossessive, isOwnInstrument } from '../../../src/annotate/article-refs';

const articles = [
	{
		number: 4,
		implicitPhrases: [{ phrase: 'mutual defence pact' }, { phrase: 'mutual defense pact' }, { phrase: 'military and other assistance' }],
	},
	{ number: 16, implicitPhrases: [{ phrase: 'unilateral coercive measures' }] },
	{ number: 20, implicitPhrases: [{ phrase: 'defence pact' }] },
];

/** Hits as `text → number` (implicit `~`, out of range `!`, a range `low–high […interior]`). */
function found(text: string): string[] {
	return findArticleReferences(text, { articles }).map((hit) => {
		const { number, implicit, outOfRange, range } = hit.data;
		const flag = implicit ? '~' : outOfRange ? '!' : '';
		const value = range ? `${range.low}–${range.high} [${range.interior.join(',')}]` : `${flag}${number}`;
		return `${text.slice(hit.start, hit.end)} → ${value}`;
	});
}

describe('article-refs', () => {
	it.each([
		['Article 4 of the agreement', ['Article 4 → 4']],
		['Article 4 of the document', ['Article 4 → 4']],
		['Article 4 of the accord', ['Article 4 → 4']],
		['Article 4 of the deal', ['Article 4 → 4']],
		['Article 4 of the new bilateral agreement', ['Article 4 → 4']],
		['the treaty’s Article 10', ['Article 10 → 10']],
		['the new pact’s Article 4', ['Article 4 → 4']],
		['Russia’s Article 4 commitment', ['Article 4 → 4']],
	])('should take an article of the treaty named in other words: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['the 1961 treaty’s ', true],
		['The UN Charter’s ', true],
		["NATO's ", true],
		['the treaty’s ', false],
		['the 2024 agreement’s ', false],
		['Russia’s ', false],
		['and ', false],
	])('should tell whether the possessive in %j gives the article to another instrument', (before, expected) => {
		expect(isOtherInstrumentsPossessive(before.replace(/’/g, "'"))).toBe(expected);
	});

	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/article-refs')).sort()).toEqual([
			'createArticleRecogniser',
			'findArticleReferences',
			'isOtherInstrumentsPossessive',
			'isOwnInstrument',
		]);
	});

	it.each([
		['as mentioned in Article 8 of the treaty', ['Article 8 → 8']],
		['see Art. 4 for the guarantee', ['Art. 4 → 4']],
		['under article 4, each party', ['article 4 → 4']],
		['ARTICLE 23 closes the text', ['ARTICLE 23 → 23']],
		['Article 4(1) says', ['Article 4(1) → 4']],
		['Article 2(1)(b) says', ['Article 2(1)(b) → 2']],
		['Article 14 of the treaty includes', ['Article 14 → 14']],
		['Article 4 of the Treaty', ['Article 4 → 4']],
		['Article 4 of the 2024 Treaty', ['Article 4 → 4']],
		['Article 4 of the new Russia–DPRK treaty', ['Article 4 → 4']],
		['Article 4, of the treaty', ['Article 4 → 4']],
	])('should recognise the explicit citation %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['as mentioned in Articles 11 and 13 of the treaty', ['Articles 11 → 11', '13 → 13']],
		['Articles 11, 13 and 14', ['Articles 11 → 11', '13 → 13', '14 → 14']],
		['Articles 11, 13, and 14', ['Articles 11 → 11', '13 → 13', '14 → 14']],
		['Arts. 2 & 3', ['Arts. 2 → 2', '3 → 3']],
		['Articles 3-4', ['Articles 3 → 3', '4 → 4']],
		['Articles 3, 4 and 7', ['Articles 3 → 3', '4 → 4', '7 → 7']],
	])('should split the list %j into one hit per number', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['Articles 3 to 5', ['Articles 3 to 5 → 3–5 [4]']],
		['Articles 3–5', ['Articles 3–5 → 3–5 [4]']],
		['Articles 3-5', ['Articles 3-5 → 3–5 [4]']],
		['Articles 2 through 4 of the agreement', ['Articles 2 through 4 → 2–4 [3]']],
		['Articles 1, 3 to 6 and 9', ['Articles 1 → 1', '3 to 6 → 3–6 [4,5]', '9 → 9']],
		['Articles 20–25', ['Articles 20 → 20', '25 → !25']],
	])('should read the range in %j as one hit covering every article in it', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['reference to Article 51 of the UN Charter (authorizing'],
		['Article 51 of the Charter'],
		['article 5 of the 1961 treaty'],
		['Article 7 of the Vienna Convention'],
		['Articles 1 and 2 of the Charter'],
		['Article 1 of the NPT'],
		['the 1961 treaty’s Article 1'],
		["the 1961 treaty's Article 1"],
		['The UN Charter’s Article 51'],
		['NATO’s Article 5'],
		['the Vienna Convention’s Article 2'],
	])('should leave another instrument’s article alone: %j', (text) => {
		expect(found(text)).toEqual([]);
	});

	it.each([
		['Article 51 says', ['Article 51 → !51']],
		['Article 0 says', ['Article 0 → !0']],
		['Articles 22 and 24', ['Articles 22 → 22', '24 → !24']],
		['Articles 20 to 25', ['Articles 20 → 20', '25 → !25']],
	])('should flag a number the treaty does not have: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['the new mutual defense pact between', ['mutual defense pact → ~4']],
		['a Mutual Defence Pact', ['Mutual Defence Pact → ~4']],
		['a mutual\ndefence   pact', ['mutual\ndefence   pact → ~4']],
		['provide military and other assistance in the event', ['military and other assistance → ~4']],
		['oppose unilateral coercive measures', ['unilateral coercive measures → ~16']],
		['a defence pact', ['defence pact → ~20']],
		['a mutual defence pacts list', []],
		['immutual defence pact', ['defence pact → ~20']],
		['a mutualdefence pact', []],
	])('should recognise the implicit phrase in %j (longest first, whole words)', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should not take a list after a singular keyword', () => {
		expect(found('Article 8 and 200 troops')).toEqual(['Article 8 → 8']);
	});

	it('should refuse a phrase given to two articles', () => {
		expect(() =>
			createArticleRecogniser({ articles: [{ number: 1, implicitPhrases: [{ phrase: 'x y z' }] }, { number: 2, implicitPhrases: [{ phrase: 'X  y z' }] }] }),
		).toThrow('Implicit phrase “X  y z” is given to both Article 1 and Article 2');
	});

	it('should honour another article count', () => {
		expect(findArticleReferences('Article 23', { articleCount: 22 })[0]?.data.outOfRange).toBe(true);
	});

	it.each([
		['', true],
		[' says', true],
		[' of the treaty', true],
		[' of this pact', true],
		[' of the Treaty on Comprehensive Strategic Partnership', true],
		[' of the UN Charter', false],
		[' of the 1961 treaty', false],
		[' of the Charter', false],
		[' of which', false],
	])('should judge %j as ours: %s', (after, expected) => {
		expect(isOwnInstrument(after)).toBe(expected);
	});
});
