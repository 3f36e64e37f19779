import { describe, expect, it } from 'vitest';
import { compileImplicitPhrases, normalisePhrase, singular } from '../../../src/annotate/implicit-articles';

describe('implicit-articles', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/implicit-articles')).sort()).toEqual(['compileImplicitPhrases', 'normalisePhrase', 'singular']);
	});

	it.each([
		['Mutual  Defence\nPact', 'mutual defence pact'],
		['  a b ', 'a b'],
		['mutual-aid clause', 'mutual aid clause'],
		['Mutual–Aid Clauses', 'mutual aid clause'],
		['the defense commitments', 'the defence commitment'],
		['assistance pledges', 'assistance pledge'],
		['Defenses', 'defence'],
		['mutual defense treaties', 'mutual defence treaty'],
		['unilateral coercive measures', 'unilateral coercive measure'],
	])('should normalise %j to %j (spelling, hyphens and the last word’s plural folded)', (text, expected) => {
		expect(normalisePhrase(text, { defense: 'defence', defenses: 'defences' })).toBe(expected);
	});

	it.each([
		['pledges', 'pledge'],
		['treaties', 'treaty'],
		['taxes', 'tax'],
		['clauses', 'clause'],
		['process', 'process'],
		['status', 'status'],
		['crisis', 'crisis'],
		['aid', 'aid'],
		['gas', 'gas'],
	])('should read the singular of %j as %j', (word, expected) => {
		expect(singular(word)).toBe(expected);
	});

	it.each([
		['the defense commitment', 'defense commitment'],
		['the defence commitments', 'defence commitments'],
		['two defense-commitments', 'defense-commitments'],
		['a Defence Commitment', 'Defence Commitment'],
		['defence\ncommitment', 'defence\ncommitment'],
	])('should match %j whatever its spelling, plural, hyphen or case', (text, expected) => {
		const compiled = compileImplicitPhrases([{ number: 4, implicitPhrases: [{ phrase: 'defence commitment' }] }], { defense: 'defence' });
		const match = new RegExp(compiled.source, 'giu').exec(text)?.[0];
		expect(match).toBe(expected);
		expect(compiled.lookup(match ?? '')).toBe(4);
	});

	it.each(['defencecommitment', 'defence commitmentz', 'offence commitment'])('should not match %j', (text) => {
		const compiled = compileImplicitPhrases([{ number: 4, implicitPhrases: [{ phrase: 'defence commitment' }] }], { defense: 'defence' });
		expect(new RegExp(compiled.source, 'giu').exec(text)).toBeNull();
	});

	it('should refuse two articles whose phrases differ only by spelling or plural', () => {
		expect(() =>
			compileImplicitPhrases(
				[
					{ number: 4, implicitPhrases: [{ phrase: 'defence pledge' }] },
					{ number: 5, implicitPhrases: [{ phrase: 'defense pledges' }] },
				],
				{ defense: 'defence' },
			),
		).toThrow(/both Article 4 and Article 5/);
	});

	it('should order phrases longest first and look them up case-insensitively', () => {
		const compiled = compileImplicitPhrases([
			{ number: 20, implicitPhrases: [{ phrase: 'defence pact' }] },
			{ number: 4, implicitPhrases: [{ phrase: 'mutual defence pact' }] },
		]);
		const pattern = new RegExp(compiled.source, 'giu');
		expect('a mutual defence pact'.match(pattern)).toEqual(['mutual defence pact']);
		expect('a defence pact'.match(pattern)).toEqual(['defence pact']);
		expect(compiled.lookup('Mutual\n defence pact')).toBe(4);
		expect(compiled.lookup('defence pact')).toBe(20);
		expect(compiled.lookup('pact')).toBeUndefined();
	});

	it('should compile nothing for no phrases', () => {
		expect(compileImplicitPhrases([{ number: 13 }]).source).toBe('');
	});

	it('should escape regex characters in a phrase', () => {
		const compiled = compileImplicitPhrases([{ number: 9, implicitPhrases: [{ phrase: 'state (party)' }] }]);
		const pattern = new RegExp(compiled.source, 'giu');
		expect('a state (party) b'.match(pattern)).toEqual(['state (party)']);
		expect('a state party b'.match(pattern)).toBeNull();
	});

	it('should allow one article to repeat a phrase, and refuse two articles sharing one', () => {
		expect(() => compileImplicitPhrases([{ number: 4, implicitPhrases: [{ phrase: 'a b c' }, { phrase: 'A B C' }] }])).not.toThrow();
		expect(() =>
			compileImplicitPhrases([
				{ number: 4, implicitPhrases: [{ phrase: 'a b c' }] },
				{ number: 5, implicitPhrases: [{ phrase: 'a b c' }] },
			]),
		).toThrow(/both Article 4 and Article 5/);
	});
});
