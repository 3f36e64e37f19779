import { describe, expect, it } from 'vitest';
import { compileImplicitPhrases, normalisePhrase } from '../../../src/annotate/implicit-articles';

describe('implicit-articles', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/implicit-articles')).sort()).toEqual(['compileImplicitPhrases', 'normalisePhrase']);
	});

	it.each([
		['Mutual  Defence\nPact', 'mutual defence pact'],
		['  a b ', 'a b'],
	])('should normalise %j to %j', (text, expected) => {
		expect(normalisePhrase(text)).toBe(expected);
	});

	it('should order phrases longest first and look them up case-insensitively', () => {
		const compiled = compileImplicitPhrases([
			{ number: 20, implicitPhrases: [{ phrase: 'defence pact' }] },
			{ number: 4, implicitPhrases: [{ phrase: 'mutual defence pact' }] },
		]);
		expect(compiled.source.indexOf('mutual\\s+defence\\s+pact')).toBeLessThan(compiled.source.indexOf('|defence\\s+pact'));
		expect(compiled.source.indexOf('|defence\\s+pact')).toBeGreaterThan(0);
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
