/**
 * Six commentaries written as fixtures (news reports, analyses, an interview,
 * an op-ed; none of the five texts) through the real pipeline and the real
 * registries: prints recall and wrong links against the expected annotations.
 */
import { describe, expect, it } from 'vitest';
import { fixtureSlugs, scoreFixture, scoreTable, type Score } from './fixture-commentaries';

describe('fixture commentaries', () => {
	it('should have at least six commentaries, each with its expected annotations', async () => {
		const slugs = fixtureSlugs();
		expect(slugs.length).toBeGreaterThanOrEqual(6);
		const scores: Score[] = [];
		for (const slug of slugs) scores.push(await scoreFixture(slug));
		console.log(scoreTable(scores));
		for (const score of scores) expect(score.claims.length, score.slug).toBeGreaterThan(0);
	});
});
