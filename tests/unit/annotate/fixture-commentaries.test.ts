/**
 * Six commentaries written as fixtures (news reports, analyses, an interview,
 * an op-ed; none of the five texts) through the real pipeline and the real
 * registries: prints recall and wrong links against the expected annotations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSlugs, scoreFixture, scoreTable, type Score } from './fixture-commentaries';

const scores = new Map<string, Score>();

beforeAll(async () => {
	for (const slug of fixtureSlugs()) scores.set(slug, await scoreFixture(slug));
	console.log(scoreTable([...scores.values()]));
});

describe('fixture commentaries', () => {
	it('should have at least six commentaries, each with its expected annotations', () => {
		expect(scores.size).toBeGreaterThanOrEqual(6);
		for (const score of scores.values()) expect(score.claims.length, score.slug).toBeGreaterThan(0);
	});

	it.each(fixtureSlugs())('should find every expected mention in %s', (slug) => {
		expect(scores.get(slug)?.missed).toEqual([]);
	});

	it.each(fixtureSlugs())('should make no wrong link in %s', (slug) => {
		expect(scores.get(slug)?.wrong).toEqual([]);
		expect(scores.get(slug)?.trapped).toEqual([]);
	});

	it('should give the claim of a range every article it covers', () => {
		const claim = scores.get('seoul-wire-report')?.claims.find((c) => c.text.includes('Articles 3–5'));
		expect(claim?.mentions.filter((m) => m.kind === 'article').map((m) => m.ref)).toEqual(['4', '3', '5']);
	});

	it('should keep the author’s invisible characters in the text it links', () => {
		const claim = scores.get('moscow-ratification-report')?.claims.find((c) => c.text.includes('Kim Jong'));
		expect(claim?.mentions.find((m) => m.ref === 'north-korea')?.text).toBe('Pyong\u00adyang');
	});
});
