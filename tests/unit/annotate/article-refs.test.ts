import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleRecogniser, findArticleReferences, findPlainArticleCitations } from '../../../src/annotate/article-refs';
import { loadRegistry } from '../../../src/loaders/registry';

/** The real lists of content/instruments.yaml and content/spellings.yaml: the tests read what the site reads. */
const { instruments, spellings } = loadRegistry(join(import.meta.dirname, '../../..'));

const articles = [
	{
		number: 4,
		implicitPhrases: [{ phrase: 'mutual defence pact' }, { phrase: 'mutual defense pact' }, { phrase: 'military and other assistance' }],
	},
	{ number: 16, implicitPhrases: [{ phrase: 'unilateral coercive measures' }] },
	{ number: 20, implicitPhrases: [{ phrase: 'defence pact' }] },
	{ number: 2, implicitPhrases: [{ phrase: 'assistance pledge' }, { phrase: 'mutual-aid clause' }] },
	{ number: 3, implicitPhrases: [{ phrase: 'the consultation clause' }] },
];

/** Hits as `text → number` (implicit `~`, out of range `!`, a range `low–high […interior]`). */
function found(text: string): string[] {
	return findArticleReferences(text, { articles, instruments, spellings }).map((hit) => {
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

	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/article-refs')).sort()).toEqual(['createArticleRecogniser', 'findArticleReferences', 'findPlainArticleCitations']);
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
		['a mutual defence pacts list', ['mutual defence pacts → ~4']],
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
		['Article 4 of the treaty', 'Article 4'],
		['Article 4 of the sanctions-busting accord', 'Article 4'],
		['Article 10 of the Moscow-Pyongyang document', 'Article 10'],
		['Article 10 of the Moscow–Pyongyang document', 'Article 10'],
		['Article 4 of the Russia-North Korea pact', 'Article 4'],
		['Article 4 of the Putin-Kim deal', 'Article 4'],
		['Article 4 of the new strategic partnership', 'Article 4'],
		['Article 4 of the Treaty on Comprehensive Strategic Partnership', 'Article 4'],
		['Article 4 of the Comprehensive Strategic Partnership Treaty', 'Article 4'],
		['Article 4 of the landmark 2024 accord', 'Article 4'],
		['Article 4 of the mutual-defence treaty', 'Article 4'],
	])('should take the article when the words after “of” name this treaty: %j', (text, linked) => {
		expect(found(text)).toEqual([`${linked} → ${linked.replace(/\D+/u, '')}`]);
	});

	it.each([
		['Article 51 of the UN Charter', 'other-instrument'],
		['Article 51 of the U.N. Charter', 'other-instrument'],
		['Article 51 of the un charter', 'other-instrument'],
		['Article 51 of the Charter of the United Nations', 'other-instrument'],
		['Article 1 of the 1961 treaty', 'other-instrument'],
		['Article 2 of the 2000 pact', 'other-instrument'],
		['Article 1 of the Soviet-era treaty', 'other-instrument'],
		['Article 1 of the old friendship treaty', 'other-instrument'],
		['Article 6 of the NPT', 'other-instrument'],
		['Article 6 of the N.P.T.', 'other-instrument'],
		['Article 6 of the Non-Proliferation Treaty', 'other-instrument'],
		['Article 6 of the Nonproliferation Treaty', 'other-instrument'],
		['Article 5 of the North Atlantic Treaty', 'other-instrument'],
		['Article 5 of the Warsaw Pact', 'other-instrument'],
		['Article 3 of the Treaty of Westphalia', 'other-instrument'],
		['Article 2 of the Iran nuclear deal', 'other-instrument'],
		['Article 2 of the much-criticised pact', 'unclear-instrument'],
	])('should leave plain, and say why, an article whose “of” names another or no clear instrument: %j', (text, reason) => {
		expect(found(text)).toEqual([]);
		expect(findPlainArticleCitations(text, { instruments }).map((citation) => citation.reason)).toEqual([reason]);
	});

	it.each([
		['The 2000 treaty was shorter. Article 22, under which disputes go to talks, is new.', []],
		['The 1961 treaty had an automatic clause. Article 1 obliged both sides to fight.', []],
		['Unlike the UN Charter, Article 2 says nothing of force.', []],
		['Article 1 of the 1961 treaty was automatic; Article 4 is not.', []],
		['The treaty is new. Article 22, under which disputes go to talks, closes it.', ['Article 22 → 22']],
		['Article 22, under which disputes are settled by talks, closes the text.', ['Article 22 → 22']],
		['Article 3, of which only the second paragraph is quoted, binds them.', ['Article 3 → 3']],
		['The UN Charter, Article 51 of which allows self-defence, is cited.', []],
		['Compared with Article 5 of the North Atlantic Treaty, the 2024 obligation is broader. Article 4 leaves the means open.', ['Article 4 → 4']],
		['The Charter of the United Nations matters. The fourth article ties assistance to the Charter’s self-defence clause.', ['fourth article → 4']],
		['The Charter of the United Nations matters. Article 2 bans the use of force.', []],
		['The 1961 treaty was shorter. It lapsed. Article 4 is longer.', ['Article 4 → 4']],
		['Unlike the 1961 treaty, the new pact’s Article 4 needs a state of war.', ['Article 4 → 4']],
		['The 1961 treaty was shorter. Article 4 of the new treaty is longer.', ['Article 4 → 4']],
	])('should let the instrument named last before a bare citation, in its sentence or the one before, decide: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['the treaty’s second article', ['second article → 2']],
		['The treaty was signed in June. Its sixteenth article rejects sanctions.', ['sixteenth article → 16']],
		['the fourth article of the pact', ['fourth article → 4']],
		['the twenty-third article of the treaty', ['twenty-third article → 23']],
		['the treaty’s 4th article', ['4th article → 4']],
		['The treaty is long. The fourth article covers defence.', ['fourth article → 4']],
		['the agreement’s twenty-fifth article', ['twenty-fifth article → !25']],
		['the 1961 treaty’s second article', []],
		['the fourth article of the NPT', []],
		['the second article', ['second article → 2']],
		['Under its sixteenth article, the parties oppose sanctions.', ['sixteenth article → 16']],
		['a pact whose fourth article obliges each side', ['fourth article → 4']],
		['The UN Charter is old. Its second article bans force.', []],
		['In his second article on the treaty, Lankov wrote', []],
		['Lankov’s second article on the treaty', []],
		['a second article about the pact', []],
		['the second article of this series', []],
	])('should link an ordinal unless its context makes another instrument, or no instrument, its owner: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['Article Four says', ['Article Four → 4']],
		['Article Twenty-Three closes the text', ['Article Twenty-Three → 23']],
		['Article twenty three closes the text', ['Article twenty three → 23']],
		['Article Sixteen of the treaty', ['Article Sixteen → 16']],
		['Article Fifty-One says', ['Article Fifty-One → !51']],
		['Article Five of the North Atlantic Treaty', []],
		['the article one reads', []],
		['an article four pages long', []],
	])('should read a spelled number after a capitalised “Article”: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['the assistance pledge', ['assistance pledge → ~2']],
		['the Assistance Pledges', ['Assistance Pledges → ~2']],
		['the mutual aid clause', ['mutual aid clause → ~2']],
		['the mutual-aid clauses', ['mutual-aid clauses → ~2']],
		['a mutual defense pact', ['mutual defense pact → ~4']],
		['the US-ROK Mutual Defense Treaty', []],
		['the 1953 mutual defence pact', []],
		['the mutual-aid clause of the 1961 treaty', []],
		['Washington’s assistance pledge to Seoul', []],
		['the US assistance pledge', []],
		['NATO’s assistance pledge', []],
		['Russia’s assistance pledge', ['assistance pledge → ~2']],
		['North Korea’s new assistance pledge', ['assistance pledge → ~2']],
		['the 1961 treaty’s mutual-aid clause', []],
		['The 1961 treaty bound Moscow to render “military and other assistance” at once.', []],
		['“Military and other assistance by all means,” the 1961 treaty read.', []],
		['Among the key points of the treaty, both sides promise to “immediately provide military and other assistance.”', ['military and other assistance → ~4']],
		['The treaty promises “military and other assistance” at once.', ['military and other assistance → ~4']],
		['Unlike the 1961 pact, the treaty’s assistance pledge needs a state of war.', ['assistance pledge → ~2']],
		['Q: What about the consultation clause?', ['the consultation clause → ~3']],
		['Moscow keeps its units in Kursk. The consultation clause gives both cover.', ['The consultation clause → ~3']],
		['The 2000 treaty was shorter. The consultation clause was all it had.', []],
		['It must provide “military and other assistance” if attacked, and ties that to the UN charter’s self-defence provision.', ['military and other assistance → ~4']],
	])('should read a subject phrase as ours unless another instrument names, owns or is quoted in it: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should leave every “of” plain without the instruments list (nothing says which is ours)', () => {
		expect(findArticleReferences('Article 4 of the treaty and Article 5')).toHaveLength(1);
		expect(findPlainArticleCitations('Article 4 of the treaty').map((citation) => citation.reason)).toEqual(['unclear-instrument']);
	});

	it('should give a plain citation’s offsets in the text as written', () => {
		const text = 'The 1961\u00a0treaty’s Article\u00ad 1 and NATO’s Article 5.';
		expect(findPlainArticleCitations(text, { instruments }).map((citation) => text.slice(citation.start, citation.end))).toEqual(['Article\u00ad 1', 'Article 5']);
	});
});

describe('article-refs find', () => {
	const recogniser = createArticleRecogniser({ articles, instruments, spellings });
	it.each([
		'The treaty’s second article and Articles 3–5, then Article Four; its 22nd article; the twenty-third article.'.replace(/’/g, "'"),
		'An article one reads. The assistance pledge, immutual defence pact, a mutual-aid clause and ARTICLE 23 of the pact.',
		'Art. 4 and arts. 2 & 3; particle 5; the 1961 treaty’s Article 1; “military and other assistance”.'.replace(/’/g, "'"),
	])('should find exactly what the one regex finds, from every offset: %j', (text) => {
		const exec = new RegExp(recogniser.pattern.source, recogniser.pattern.flags);
		for (let from = 0; from <= text.length; from++) {
			exec.lastIndex = from;
			const expected = exec.exec(text);
			const actual = recogniser.find?.(text, from) ?? null;
			expect(actual && [actual.index, actual[0]], `from ${from}`).toEqual(expected && [expected.index, expected[0]]);
		}
	});
});
