/**
 * Related claims (`src/features/related/model.ts`, `similarity.ts`): who is
 * related, ranking, caps, editors' decisions, and the stems the ranking
 * reads. Made-up claims of made-up commentaries.
 */
import { describe, expect, it } from 'vitest';
import { compileMatters, compileSpellings } from '../../src/annotate/matters.ts';
import {
	CANDIDATES_PER_MATTER,
	mattersOfClaim,
	pairKey,
	relatedClaims,
	relationsOfCorpus,
	type MatteredClaim,
	type RelatedDecisions,
} from '../../src/features/related/model.ts';
import { cosine, stem, stemsOf, tfIdfVectors } from '../../src/features/related/similarity.ts';

const SPELLINGS = compileSpellings({ defense: 'defence' });
const NONE: RelatedDecisions = { confirmed: [], rejected: [] };

/** A made-up claim with a made-up id. */
function claim(id: number, commentary: string, text: string, matters: string[]): MatteredClaim {
	return { id: `c-${id.toString(16).padStart(10, '0')}`, commentary, text, matters };
}

const A1 = claim(1, 'alpha', 'Article 4 obliges each side to defend the other at once.', ['defence']);
const A2 = claim(2, 'alpha', 'Workers from the North already build in the Russian Far East.', ['labour']);
const B1 = claim(3, 'beta', 'The defence clause is automatic, but it is framed by national laws.', ['defence']);
const B2 = claim(4, 'beta', 'Each side must defend the other at once if attacked, and the labour deal follows.', ['defence', 'labour']);
const B3 = claim(5, 'beta', 'Nothing here about any matter at all.', []);
const C1 = claim(6, 'gamma', 'Moscow will hire thousands of workers.', ['labour']);
const C2 = claim(7, 'gamma', 'The parade in Pyongyang was long.', []);
const CLAIMS = [A1, A2, B1, B2, B3, C1, C2];

describe('related claims', () => {
	it('should relate claims of different commentaries that share a matter, and no others', () => {
		const related = relatedClaims(CLAIMS, NONE, { spellings: SPELLINGS, perCommentary: 5 });
		expect(related.get(A1.id)?.map((record) => record.id).sort()).toEqual([B1.id, B2.id].sort());
		expect(related.get(A2.id)?.map((record) => record.id).sort()).toEqual([B2.id, C1.id].sort());
		// Never a claim of its own commentary, never a claim of no matter.
		expect(related.get(B1.id)?.map((record) => record.id)).toEqual([A1.id]);
		expect(related.has(B3.id)).toBe(false);
		expect(related.has(C2.id)).toBe(false);
	});

	it('should rank more shared matters first, then the higher cosine', () => {
		const related = relatedClaims(CLAIMS, NONE, { spellings: SPELLINGS, perCommentary: 5 });
		// B2 shares “defend the other at once” with A1: a higher cosine than B1.
		const forA1 = related.get(A1.id) ?? [];
		expect(forA1.map((record) => record.id)).toEqual([B2.id, B1.id]);
		expect(forA1[0]?.score).toBeGreaterThan(forA1[1]?.score ?? 1);
		expect(forA1[0]).toMatchObject({ commentary: 'beta', matters: ['defence'], confirmed: false });
		// A claim sharing two matters outranks one sharing one, whatever the words.
		const both = claim(8, 'delta', 'Labour and defence.', ['defence', 'labour']);
		const withBoth = relatedClaims([...CLAIMS, both], NONE, { spellings: SPELLINGS, perCommentary: 5 });
		expect(withBoth.get(B2.id)?.[0]).toMatchObject({ id: both.id, matters: ['defence', 'labour'] });
	});

	it('should keep at most the given number per other commentary, and in all', () => {
		const one = relatedClaims(CLAIMS, NONE, { spellings: SPELLINGS, perCommentary: 1 });
		expect(one.get(A1.id)?.map((record) => record.id)).toEqual([B2.id]);
		expect(one.get(A2.id)?.map((record) => record.commentary).sort()).toEqual(['beta', 'gamma']);
		const capped = relatedClaims(CLAIMS, NONE, { spellings: SPELLINGS, perCommentary: 5, atMost: 1 });
		expect(capped.get(A2.id)).toHaveLength(1);
	});

	it('should always show a confirmed pair (first, even past the caps) and never a rejected one', () => {
		const decisions: RelatedDecisions = { confirmed: [[C2.id, A1.id]], rejected: [[A1.id, B2.id]] };
		const related = relatedClaims(CLAIMS, decisions, { spellings: SPELLINGS, perCommentary: 1, atMost: 1 });
		const forA1 = related.get(A1.id) ?? [];
		expect(forA1[0]).toMatchObject({ id: C2.id, confirmed: true, matters: [] });
		expect(forA1.map((record) => record.id)).not.toContain(B2.id);
		// The confirmed pair shows from both sides; the rejected one from neither.
		expect(related.get(C2.id)?.map((record) => record.id)).toEqual([A1.id]);
		expect(related.get(B2.id)?.map((record) => record.id) ?? []).not.toContain(A1.id);
		// Ids the corpus does not hold are ignored.
		expect(() => relatedClaims(CLAIMS, { confirmed: [['c-ffffffffff', A1.id]], rejected: [] }, { spellings: SPELLINGS })).not.toThrow();
	});

	it('should find candidates in a matter held by very many claims through rare stems first, and never none', () => {
		const many = Array.from({ length: 2 * CANDIDATES_PER_MATTER }, (_, index) => claim(100 + index, `c${index}`, `Filler sentence about the clause, and the clause again.`, ['defence']));
		const needle = claim(50, 'needle', 'The clause mentions zanzibar.', ['defence']);
		const match = claim(5000, 'match', 'Zanzibar is named in the clause.', ['defence']);
		const related = relatedClaims([...many, needle, match], NONE, { spellings: SPELLINGS, perCommentary: 1, atMost: 3 });
		// The match stands last of 802 claims, past the first 400: its rare stem finds it.
		expect(related.get(needle.id)?.[0]?.id).toBe(match.id);
		expect(related.get(needle.id)).toHaveLength(3);
		// A claim sharing no rare stem still gets candidates from its bucket.
		expect(related.get(many[0]!.id)).toHaveLength(3);
	});

	it('should give one key to a pair whatever its order', () => {
		expect(pairKey('c-b', 'c-a')).toBe(pairKey('c-a', 'c-b'));
	});
});

describe('matters of a recorded claim', () => {
	const matcher = compileMatters([{ id: 'defence', articles: [4], rules: [{ phrases: ['mutual defence'] }] }], SPELLINGS);
	const mention = (ref: string, range?: boolean) => ({ kind: 'article' as const, ref, text: 'Article 4', start: 0, end: 9, ...(range ? { range } : {}) });

	it('should read the words and the articles the claim mentions', () => {
		expect(mattersOfClaim(matcher, { text: 'A mutual defense pact.', mentions: [] })).toEqual(['defence']);
		expect(mattersOfClaim(matcher, { text: 'Article 4 says so.', mentions: [mention('4')] })).toEqual(['defence']);
	});

	it('should not count an article covered only by a range, nor a sentence of a bio', () => {
		expect(mattersOfClaim(matcher, { text: 'Articles 1–23 say so.', mentions: [mention('4', true)] })).toEqual([]);
		expect(mattersOfClaim(matcher, { text: 'She writes on mutual defence.', mentions: [], container: 'bio' })).toEqual([]);
	});

	it('should compute a corpus’s relations from recorded claims and loaded matters', () => {
		const { claims, related } = relationsOfCorpus(
			[
				{ slug: 'one', claims: [{ id: A1.id, text: 'A mutual defence pact.', mentions: [] }] },
				{ slug: 'two', claims: [{ id: B1.id, text: 'Article 4 binds them.', mentions: [mention('4')] }] },
			],
			{ matters: [{ id: 'defence', title: 'Defence', question: 'Q?', articles: [4], rules: [{ phrases: ['mutual defence'] }], why: 'w' }], spellings: SPELLINGS, decisions: { confirmed: [], rejected: [] } },
		);
		expect(claims.map((item) => item.matters)).toEqual([['defence'], ['defence']]);
		expect(related.get(A1.id)?.map((record) => record.id)).toEqual([B1.id]);
	});
});

describe('similarity', () => {
	it.each([
		['guarantees', 'guarantee'],
		['guaranteed', 'guarantee'],
		['attacked', 'attack'],
		['studies', 'study'],
		['taxes', 'tax'],
		["Russia's", 'russia'],
		['obligations', 'obligate'],
	])('should stem “%s” like “%s”', (a, b) => {
		expect(stem(a.toLowerCase())).toBe(stem(b));
	});

	it.each([['status'], ['press'], ['basis'], ['1961']])('should keep “%s” whole', (word) => {
		expect(stem(word)).toBe(word);
	});

	it('should weigh rare stems, not ones every text holds, and give unit cosines', () => {
		const texts = ['the defence clause', 'the labour deal', 'the defence deal'].map((text) => stemsOf(text, SPELLINGS));
		const [a, b, c] = tfIdfVectors(texts);
		expect(a?.has('the')).toBe(false);
		expect(cosine(a ?? new Map(), a ?? new Map())).toBeCloseTo(1);
		expect(cosine(a ?? new Map(), b ?? new Map())).toBe(0);
		expect(cosine(a ?? new Map(), c ?? new Map())).toBeGreaterThan(0);
	});
});
