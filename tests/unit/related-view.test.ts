/**
 * Related claims as readers see them: grouped by commentary for the share
 * page and the claim panel (src/features/sharing/related-claims.ts), the
 * reading page's related file and counts (src/features/sharing/related-file.ts).
 */
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { claimLinkName, discussedBy, groupRelated, relatedBecause, relatedGroupsLookup, type RelatedGroup } from '../../src/features/sharing/related-claims.ts';
import { decodeRelatedCounts, decodeRelatedFile, decodeRelatedFiles, encodeRelatedCounts, encodeRelatedFile, quotedCommentaries, relatedGroupsOf } from '../../src/features/sharing/related-file.ts';

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

describe('the related files', () => {
	const groups = groupRelated(ranked, names);
	/** Three commentaries' files: ours points at Roy's and Lankov's sentences, which their files quote. */
	const files = new Map([
		[
			'own',
			encodeRelatedFile({
				name: { credit: 'Own Author', title: 'Our piece' },
				quoted: new Map(),
				related: new Map<string, RelatedGroup[]>([
					['c-own0000001', groups],
					['c-own0000002', [groups[1]!]],
					['c-own0000003', []],
				]),
			}),
		],
		['roy', encodeRelatedFile({ name: names.get('roy')!, quoted: new Map([ranked[0]!, ranked[2]!].map((claim) => [claim.id, claim.text])), related: new Map() })],
		['lankov', encodeRelatedFile({ name: names.get('lankov')!, quoted: new Map([[ranked[1]!.id, ranked[1]!.text]]), related: new Map() })],
	]);

	it('should read back every sentence’s groups, each claim quoted from its own commentary’s file, and leave out sentences with none', () => {
		const read = decodeRelatedFiles(files);
		expect([...read.keys()]).toEqual(['c-own0000001', 'c-own0000002']);
		expect(read.get('c-own0000001')).toEqual(groups);
		expect(read.get('c-own0000002')).toEqual([groups[1]]);
		const own = decodeRelatedFile(files.get('own')!);
		expect(quotedCommentaries(own, 'c-own0000001')).toEqual(['roy', 'lankov']);
		expect(quotedCommentaries(own, 'c-own0000003')).toEqual([]);
	});

	it('should write each sentence’s text and each commentary’s name once, in its own commentary’s file, and the related claims as ids', () => {
		const all = [...files.values()].join('\n');
		expect(all.split(ranked[1]!.text)).toHaveLength(2);
		expect(files.get('lankov')).toContain(ranked[1]!.text);
		expect(all.split('Andrei Lankov')).toHaveLength(2);
		expect(all.split(assistance.title)).toHaveLength(2);
		const stored = JSON.parse(files.get('own')!);
		expect(stored.commentaries).toEqual(['roy', 'lankov']);
		expect(stored.matters).toEqual([
			[assistance.id, assistance.title],
			[treaty1961.id, treaty1961.title],
		]);
		expect(stored.related['c-own0000001']).toEqual([
			[0, ['c-roy0000001', 1, 0, 1], ['c-roy0000002', 1]],
			[1, ['c-lankov0001', 0, 0]],
		]);
		expect(stored.texts).toEqual({});
	});

	it('should leave out a claim it cannot quote or name, and refuse what is not a related file', () => {
		const stored = JSON.parse(files.get('own')!);
		stored.related['c-own0000001'][0][2][1] = 'yes';
		const lankov = JSON.parse(files.get('lankov')!);
		delete lankov.texts['c-lankov0001'];
		const read = decodeRelatedFiles(new Map([...files, ['own', JSON.stringify(stored)], ['lankov', JSON.stringify(lankov)]]));
		// Roy’s second claim has a bad flag; Lankov’s claim has no text, and its group goes with it.
		expect([...read.keys()]).toEqual(['c-own0000001']);
		expect(read.get('c-own0000001')!.map((group) => group.claims.map((claim) => claim.id))).toEqual([['c-roy0000001']]);
		const unnamed = JSON.parse(files.get('own')!);
		unnamed.matters[1] = null;
		expect(decodeRelatedFiles(new Map([...files, ['own', JSON.stringify(unnamed)]])).get('c-own0000001')![0]!.claims.map((claim) => claim.id)).toEqual(['c-roy0000002']);
		const nameless = JSON.parse(files.get('roy')!);
		nameless.name = ['Rajorshi Roy'];
		expect(decodeRelatedFiles(new Map([...files, ['roy', JSON.stringify(nameless)]])).get('c-own0000001')!.map((group) => group.commentary)).toEqual(['lankov']);
		const own = decodeRelatedFile(files.get('own')!);
		expect(relatedGroupsOf(own, 'c-own0000002', () => undefined)).toBeUndefined();
		const misplaced = JSON.parse(files.get('own')!);
		misplaced.related['c-own0000002'][0][0] = 7;
		expect([...decodeRelatedFiles(new Map([...files, ['own', JSON.stringify(misplaced)]])).keys()]).toEqual(['c-own0000001']);
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

describe('related claims, looked up by sentence', () => {
	/** A full collection, as far as the test can ask V8 for one. */
	function collectGarbage(): void {
		setFlagsFromString('--expose-gc');
		const gc: unknown = runInNewContext('gc');
		if (typeof gc !== 'function') throw new Error('V8 gave no gc function');
		gc();
	}

	it('should give each sentence its groups', () => {
		const lookup = relatedGroupsLookup(new Map([['c-claim00001', ranked]]), names);
		expect(lookup('c-claim00001')).toEqual(groupRelated(ranked, names));
		expect(lookup('c-nothing0001')).toEqual([]);
	});

	it('should keep no sentence’s groups once the caller lets them go (a build asks for every sentence of the corpus)', async () => {
		const related = new Map(Array.from({ length: 200 }, (_, index) => [`c-claim${String(index).padStart(5, '0')}`, ranked] as const));
		const lookup = relatedGroupsLookup(related, names);
		const refs = [...related.keys()].map((id) => new WeakRef(lookup(id)));
		// A WeakRef holds its target until the job that made it ends.
		await new Promise((resolve) => setImmediate(resolve));
		collectGarbage();
		expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
		// The lookup still answers after the collection.
		expect(lookup('c-claim00007')).toEqual(groupRelated(ranked, names));
	});
});
