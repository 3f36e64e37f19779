/**
 * Commentaries written as fixtures (wire reports, newspaper pieces, think-tank
 * briefs, interviews, translated state media, editorials, op-eds, legal
 * analyses; none of the five texts) through the real pipeline and the real
 * registries: prints recall and wrong links against the expected annotations,
 * per fixture and per class of writing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MENTION_CLASSES, fixtureSlugs, readExpected, scoreFixture, scoreTable, type Score } from './fixture-commentaries';

const scores = new Map<string, Score>();

beforeAll(async () => {
	for (const slug of fixtureSlugs()) scores.set(slug, await scoreFixture(slug));
	console.log(scoreTable([...scores.values()]));
});

describe('fixture commentaries', () => {
	it('should have at least fourteen commentaries, each with its expected annotations', () => {
		expect(scores.size).toBeGreaterThanOrEqual(14);
		for (const score of scores.values()) expect(score.claims.length, score.slug).toBeGreaterThan(0);
	});

	it('should exercise every class of writing several times, across more than one fixture', () => {
		const uses = new Map<string, { count: number; fixtures: Set<string> }>();
		for (const slug of fixtureSlugs()) {
			const expected = readExpected(slug);
			for (const name of [...Object.values(expected.classes ?? {}), ...Object.values(expected.unlinkedClasses ?? {})]) {
				const use = uses.get(name) ?? { count: 0, fixtures: new Set<string>() };
				use.count += 1;
				use.fixtures.add(slug);
				uses.set(name, use);
			}
		}
		for (const name of MENTION_CLASSES) {
			expect(uses.get(name)?.count ?? 0, name).toBeGreaterThanOrEqual(3);
			expect(uses.get(name)?.fixtures.size ?? 0, name).toBeGreaterThanOrEqual(2);
		}
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
