import { describe, expect, it } from 'vitest';
import {
	ClaimIdCollisionError,
	assertUniqueAcrossSite,
	assignClaimIds,
	claimId,
	claimIdPattern,
	sha256Hex,
	type HashFunction,
} from '../../../src/claims/claim-id.ts';

const SLUG = 'lankov-nbr-interview';
const SENTENCES = [
	'Thus, one should not overestimate the significance of the new treaty.',
	'The same caveat likely would be applicable now during a crisis caused by North Korea.',
	'Relations with South Korea are valuable to the North only as long as they generate income.',
];

/** Names a page script may read from `window`, `document` or the global scope. */
const GLOBAL_NAMES = new Set([
	...Object.getOwnPropertyNames(globalThis),
	'window', 'document', 'location', 'navigator', 'history', 'name', 'top', 'parent', 'self', 'frames', 'opener',
	'status', 'origin', 'length', 'closed', 'event', 'external', 'screen', 'localStorage', 'sessionStorage',
	'cookie', 'domain', 'forms', 'images', 'links', 'scripts', 'body', 'head', 'documentElement', 'defaultView',
	'pagefind', 'PagefindUI', 'config', 'settings', 'search', 'claims',
]);

describe('claim-id', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/claims/claim-id.ts')).sort()).toEqual([
			'CLAIM_ID_DIGITS',
			'CLAIM_ID_PREFIX',
			'ClaimIdCollisionError',
			'assertUniqueAcrossSite',
			'assignClaimIds',
			'claimId',
			'claimIdPattern',
			'sha256Hex',
		]);
	});

	it('should derive the same id from the same input on every run', () => {
		// Fixed value: a change here means every published permalink changed.
		expect(claimId(SLUG, SENTENCES[0]!)).toBe(`c-${sha256Hex(`${SLUG}\u0000thus, one should not overestimate the significance of the new treaty.`).slice(0, 10)}`);
		expect(claimId(SLUG, SENTENCES[0]!)).toBe(claimId(SLUG, SENTENCES[0]!));
		expect(claimId('a', 'x')).toBe('c-8b86bced10');
	});

	it('should produce ids of the documented shape', () => {
		for (const id of assignClaimIds(SLUG, SENTENCES)) expect(id).toMatch(claimIdPattern);
	});

	it.each([
		['straight to curly quotes', 'He called it a "great event".', 'He called it a “great event”.'],
		['straight to curly apostrophe', "Russia's reluctance", 'Russia’s reluctance'],
		['hyphen to em dash', 'an ATM - a source', 'an ATM — a source'],
		['en dash to hyphen', '1960–88', '1960-88'],
		['doubled and no-break spaces', 'the  new\u00A0treaty', 'the new treaty'],
		['case', 'The Treaty', 'the treaty'],
		['decomposed accents', 'Pyongyang’s cafe\u0301', 'Pyongyang’s café'],
		['soft hyphens', 'nonpro\u00ADliferation', 'nonproliferation'],
	])('should keep the id through a typographic fix: %s', (_name, before, after) => {
		expect(claimId(SLUG, before)).toBe(claimId(SLUG, after));
	});

	it.each([
		['a changed word', 'Russia will join forces.', 'Russia will not join forces.'],
		['a changed number', 'in 1961', 'in 1968'],
		['changed punctuation', 'It ended.', 'It ended?'],
	])('should change the id when the wording changes: %s', (_name, before, after) => {
		expect(claimId(SLUG, before)).not.toBe(claimId(SLUG, after));
	});

	it('should give the same sentence different ids in different commentaries', () => {
		expect(claimId('a', SENTENCES[0]!)).not.toBe(claimId('b', SENTENCES[0]!));
	});

	it('should not change other ids when a sentence is inserted, edited or removed', () => {
		const before = assignClaimIds(SLUG, SENTENCES);
		const inserted = assignClaimIds(SLUG, [SENTENCES[0]!, 'A new sentence.', SENTENCES[1]!, SENTENCES[2]!]);
		expect(inserted.filter((id) => before.includes(id))).toEqual(before);
		const edited = assignClaimIds(SLUG, [SENTENCES[0]!, 'Changed.', SENTENCES[2]!]);
		expect([edited[0], edited[2]]).toEqual([before[0], before[2]]);
		expect(assignClaimIds(SLUG, [SENTENCES[0]!, SENTENCES[2]!])).toEqual([before[0], before[2]]);
	});

	it('should tell a repeated sentence apart by its context, not its position', () => {
		const ids = assignClaimIds(SLUG, ['Yes.', 'Intro.', 'Yes.']);
		expect(new Set(ids).size).toBe(3);
		expect(ids[0]).toBe(claimId(SLUG, 'Yes.'));
		// Inserting text before the pair changes neither id.
		const shifted = assignClaimIds(SLUG, ['Preface.', 'Yes.', 'Intro.', 'Yes.']);
		expect(shifted.slice(1)).toEqual(ids);
	});

	it('should tell apart a sentence repeated with the same context', () => {
		const ids = assignClaimIds(SLUG, ['Yes.', 'Yes.', 'Yes.', 'Yes.']);
		expect(new Set(ids).size).toBe(4);
		expect(assignClaimIds(SLUG, ['Yes.', 'Yes.', 'Yes.', 'Yes.'])).toEqual(ids);
		for (const id of ids) expect(id).toMatch(claimIdPattern);
	});

	it('should fail loudly on a hash collision', () => {
		const constant: HashFunction = () => 'abcdef0123456789';
		expect(() => assignClaimIds(SLUG, ['One.', 'Two.'], { hash: constant })).toThrow(ClaimIdCollisionError);
		expect(() => assignClaimIds(SLUG, ['One.', 'Two.'], { hash: constant })).toThrow(/c-abcdef0123 is produced by both “lankov-nbr-interview: one\.” and “lankov-nbr-interview: two\.”/);
	});

	it('should refuse a hash function that returns too few hex digits', () => {
		expect(() => claimId(SLUG, 'One.', { hash: () => 'xyz' })).toThrow(/at least 10 hex digits/);
	});

	it('should detect a collision between commentaries', () => {
		const claims = new Map([
			['a', [{ id: 'c-0000000000', text: 'One.' }]],
			['b', [{ id: 'c-0000000000', text: 'Two.' }]],
		]);
		expect(() => assertUniqueAcrossSite(claims)).toThrow(/a: One\..*b: Two\./);
		expect(() => assertUniqueAcrossSite(new Map([['a', [{ id: 'c-0000000000', text: 'One.' }]]]))).not.toThrow();
	});

	it('should never produce an id a page script could read as a global', () => {
		// The hyphen makes every id an invalid identifier, and no global name contains one.
		const ids = assignClaimIds(SLUG, [...SENTENCES, 'window', 'document', 'location', 'name']);
		for (const id of ids) {
			expect(GLOBAL_NAMES.has(id)).toBe(false);
			expect(/^[A-Za-z_$][\w$]*$/.test(id)).toBe(false);
		}
		expect([...GLOBAL_NAMES].some((name) => name.startsWith('c-'))).toBe(false);
	});
});
