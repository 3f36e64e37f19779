/**
 * Related claims as readers see them: grouped by commentary for the share
 * page and the claim panel (src/features/sharing/related-claims.ts), the
 * reading page's related file and counts (src/features/reader/related-file.ts).
 */
import { describe, expect, it } from 'vitest';
import { claimLinkName, discussedBy, groupRelated, relatedBecause, type RelatedGroup } from '../../src/features/sharing/related-claims.ts';
import { decodeRelatedCounts, decodeRelatedFile, encodeRelatedCounts, encodeRelatedFile } from '../../src/features/reader/related-file.ts';

const assistance = { id: 'mutual-assistance', title: 'Mutual military assistance if either side is attacked' };
const treaty1961 = { id: 'treaty-1961', title: 'The 1961 treaty' };
const names = new Map([
	['roy', { credit: 'Rajorshi Roy', title: 'Kim–Putin summit' }],
	['lankov', { credit: 'Andrei Lankov', title: 'An interview' }],
]);
const ranked = [
	{ id: 'c-roy0000001', commentary: 'roy', text: 'Article 4 revives the 1961 alliance.', matters: [assistance, treaty1961], confirmed: true, score: 9 },
	{ id: 'c-lankov0001', commentary: 'lankov', text: 'The defence clause is not automatic.', matters: [assistance], confirmed: false, score: 3 },
	{ id: 'c-roy0000002', commentary: 'roy', text: 'Moscow can choose how to help.', matters: [], confirmed: true, score: 1 },
];

describe('related claims, grouped', () => {
	it('should group by commentary in the order of each one’s best claim, claims in rank order', () => {
		const groups = groupRelated(ranked, names);
		expect(groups.map((group) => [group.commentary, group.credit, group.claims.map((claim) => claim.id)])).toEqual([
			['roy', 'Rajorshi Roy', ['c-roy0000001', 'c-roy0000002']],
			['lankov', 'Andrei Lankov', ['c-lankov0001']],
		]);
		expect(groups[0]!.title).toBe('Kim–Putin summit');
		expect(groups[0]!.claims[0]).toEqual({ id: 'c-roy0000001', text: ranked[0]!.text, matters: [assistance, treaty1961], confirmed: true });
		expect(groupRelated([], names)).toEqual([]);
	});

	it('should refuse a claim of a commentary it cannot name', () => {
		expect(() => groupRelated([{ ...ranked[1]!, commentary: 'nobody' }], names)).toThrow(/c-lankov0001: commentary “nobody”/);
	});

	it('should say what links a sentence, and how many commentaries discuss it', () => {
		expect(relatedBecause({ matters: [assistance], confirmed: false })).toBe(`On: ${assistance.title}`);
		expect(relatedBecause({ matters: [assistance, treaty1961], confirmed: true })).toBe(
			`On: ${assistance.title}; The 1961 treaty (confirmed by the editors)`,
		);
		expect(relatedBecause({ matters: [], confirmed: true })).toBe('Linked by the editors');
		expect(discussedBy(1)).toBe('discussed by 1 other commentary');
		expect(discussedBy(3)).toBe('discussed by 3 other commentaries');
		expect(claimLinkName('Link to this sentence', 2)).toBe('Link to this sentence; discussed by 2 other commentaries');
		expect(claimLinkName('Link to this sentence', 0)).toBe('Link to this sentence');
	});
});

describe('the related file', () => {
	const groups = groupRelated(ranked, names);
	const file = new Map<string, RelatedGroup[]>([
		['c-own0000001', groups],
		['c-own0000002', [groups[1]!]],
		['c-own0000003', []],
	]);

	it('should read back every sentence’s groups, and leave out sentences with none', () => {
		const read = decodeRelatedFile(encodeRelatedFile(file));
		expect([...read.keys()]).toEqual(['c-own0000001', 'c-own0000002']);
		expect(read.get('c-own0000001')).toEqual(groups);
		expect(read.get('c-own0000002')).toEqual([groups[1]]);
	});

	it('should write each quoted sentence, matter and commentary once', () => {
		const text = encodeRelatedFile(file);
		expect(text.split(ranked[1]!.text)).toHaveLength(2);
		expect(text.split(assistance.title)).toHaveLength(2);
		expect(text.split('Andrei Lankov')).toHaveLength(2);
	});

	it('should store each related claim as its id, the editors’ flag and the positions of its matters, each group by its commentary’s position', () => {
		const stored = JSON.parse(encodeRelatedFile(file));
		expect(stored.commentaries).toEqual([
			['roy', 'Rajorshi Roy', 'Kim–Putin summit'],
			['lankov', 'Andrei Lankov', 'An interview'],
		]);
		expect(stored.matters).toEqual([
			[assistance.id, assistance.title],
			[treaty1961.id, treaty1961.title],
		]);
		expect(stored.related['c-own0000001']).toEqual([
			[0, ['c-roy0000001', 1, 0, 1], ['c-roy0000002', 1]],
			[1, ['c-lankov0001', 0, 0]],
		]);
		expect(stored.related['c-own0000002']).toEqual([[1, ['c-lankov0001', 0, 0]]]);
	});

	it('should leave out a claim it cannot quote or name, and refuse what is not a related file', () => {
		const stored = JSON.parse(encodeRelatedFile(file));
		delete stored.claims['c-lankov0001'];
		stored.related['c-own0000001'][0][2][1] = 'yes';
		const read = decodeRelatedFile(JSON.stringify(stored));
		// Roy’s second claim has a bad flag; Lankov’s claim has no text, and its group goes with it.
		expect([...read.keys()]).toEqual(['c-own0000001']);
		expect(read.get('c-own0000001')!.map((group) => group.claims.map((claim) => claim.id))).toEqual([['c-roy0000001']]);
		const unnamed = JSON.parse(encodeRelatedFile(file));
		unnamed.matters[1] = null;
		expect(decodeRelatedFile(JSON.stringify(unnamed)).get('c-own0000001')![0]!.claims.map((claim) => claim.id)).toEqual(['c-roy0000002']);
		const nameless = JSON.parse(encodeRelatedFile(file));
		nameless.commentaries[0] = ['roy', 'Rajorshi Roy'];
		expect(decodeRelatedFile(JSON.stringify(nameless)).get('c-own0000001')!.map((group) => group.commentary)).toEqual(['lankov']);
		nameless.related['c-own0000002'][0][0] = 7;
		expect([...decodeRelatedFile(JSON.stringify(nameless)).keys()]).toEqual(['c-own0000001']);
		expect(() => decodeRelatedFile('[]')).toThrow(/no `related`/);
		expect(() => decodeRelatedFile('{"related": []}')).toThrow(/no `related`/);
		expect(() => decodeRelatedFile('<html>')).toThrow();
	});
});

describe('the page’s counts', () => {
	it('should read back each sentence’s count, leaving out none and what is not a count', () => {
		const counts = new Map([
			['c-0000000001', 2],
			['c-0000000002', 0],
			['c-0000000003', 1],
		]);
		const value = encodeRelatedCounts(counts);
		expect(value).toBe('c-0000000001:2 c-0000000003:1');
		expect(decodeRelatedCounts(value)).toEqual(new Map([['c-0000000001', 2], ['c-0000000003', 1]]));
		expect(decodeRelatedCounts('c-1:0 c-2:x c-3:-1 c-4:3 junk')).toEqual(new Map([['c-4', 3]]));
		expect(decodeRelatedCounts(undefined)).toEqual(new Map());
		expect(decodeRelatedCounts('')).toEqual(new Map());
	});
});
