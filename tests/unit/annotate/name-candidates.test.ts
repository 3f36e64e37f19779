import { describe, expect, it } from 'vitest';
import { findNameCandidates } from '../../../src/annotate/name-candidates';

/** Candidates as `kind: text`. */
function found(text: string): string[] {
	return findNameCandidates(text).map((candidate) => `${candidate.kind}: ${candidate.text}`);
}

describe('name-candidates', () => {
	it.each([
		['Article 2 of the Vienna Convention on the Law of Treaties is silent.', ['article: Article 2', 'name: Vienna Convention on the Law of Treaties']],
		['Nothing in the NPT, the F-35 or the S-400 changes that.', ['name: Nothing', 'acronym: NPT', 'acronym: F-35', 'acronym: S-400']],
		['North Korean soldiers appeared in Russia’s Kursk region.', ['name: North Korean', 'name: Russia', 'name: Kursk']],
		['However, Pyongyang’s envoy met President Putin in June.', ['name: Pyongyang', 'name: Putin']],
		['The U.S. said so.', ['acronym: U.S.']],
		['It rained.', []],
	])('should find the candidates in %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should say which candidate opens its sentence', () => {
		expect(findNameCandidates('“Similarly, Seoul agreed.').map((candidate) => candidate.opening)).toEqual([true, false]);
	});
});
