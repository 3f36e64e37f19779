import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeClaims from '../../src/markdown/plugins/rehype-claims';
import remarkEditorNoteAnchors from '../../src/markdown/plugins/remark-editor-note-anchors';
import { describe, expect, it, vi } from 'vitest';
import {
	MAX_COLUMNS,
	PAIR_PAGE_LIMIT,
	alignedRows,
	alignedRowsByTopic,
	allPairs,
	canonicalPair,
	claimEnding,
	claimSegments,
	claimsAbout,
	claimsByTopic,
	claimTopics,
	claimsOfNote,
	columnBlocks,
	commentaryData,
	countLabel,
	countsText,
	emptyCellText,
	isMentionKind,
	notesByClaim,
	pairId,
	pairedClaimIds,
	pairedRowCaption,
	pairedStatus,
	parsePairId,
	parseSelection,
	parseTopicKey,
	prerenderedPairs,
	prerendersPairs,
	railGroupTitle,
	railGroups,
	railKey,
	rankTopics,
	relatedIdsByClaim,
	relatedInColumns,
	relatedLabel,
	relatedStatus,
	rovingPosition,
	revealTop,
	stepPosition,
	topicAnchor,
	topicKey,
	topicRail,
	type CompareClaim,
	type CompareRelated,
} from '../../src/features/compare/model.ts';
import type { Claim } from '../../src/schemas/corpus.ts';

/** A claim whose mentions are given as `[kind, ref, words]`, located in the text. */
function claim(id: string, text: string, blockIndex: number, mentions: [string, string, string][] = []): CompareClaim {
	return {
		id,
		text,
		block: 'p',
		blockIndex,
		mentions: mentions.map(([kind, ref, words]) => {
			const start = text.indexOf(words);
			if (start === -1) throw new Error(`fixture: “${words}” not in “${text}”`);
			return { kind: kind as 'article' | 'actor' | 'date', ref, start, end: start + words.length };
		}),
	};
}

const roy = {
	slug: 'roy',
	claims: [
		claim('c-0000000001', 'Russia signed it.', 0, [['actor', 'russia', 'Russia']]),
		claim('c-0000000002', 'Article 4 is a defence clause.', 0, [['article', '4', 'Article 4']]),
		claim('c-0000000003', 'Russia and Article 4 again, on 19 June.', 1, [
			['actor', 'russia', 'Russia'],
			['article', '4', 'Article 4'],
			['date', '2024-06-19', '19 June'],
		]),
		claim('c-0000000004', 'China watches.', 2, [['actor', 'china', 'China']]),
	],
};
const rekha = {
	slug: 'rekha',
	claims: [
		claim('c-0000000011', 'Article 4, in short.', 0, [['article', '4', 'Article 4']]),
		claim('c-0000000012', 'Article 8 too, and Russia and Russia.', 0, [
			['article', '8', 'Article 8'],
			['actor', 'russia', 'Russia and'],
		]),
		claim('c-0000000013', 'Ukraine and Ukraine.', 1, [['actor', 'ukraine', 'Ukraine']]),
	],
};

describe('topic keys and anchors', () => {
	it('should round-trip a key and refuse what is not one', () => {
		expect(topicKey('article', '4')).toBe('article:4');
		expect(parseTopicKey('date:2023-09/..')).toEqual({ kind: 'date', ref: '2023-09/..' });
		expect(parseTopicKey('place:paris')).toBeUndefined();
		expect(parseTopicKey('article:')).toBeUndefined();
		expect(parseTopicKey('russia')).toBeUndefined();
	});

	it('should make anchors of letters, digits, hyphens and underscores only', () => {
		expect(topicAnchor('article:4')).toBe('t-article-4');
		expect(topicAnchor('actor:kim-jong-un')).toBe('t-actor-kim-jong-un');
		expect(topicAnchor('date:1960/1988')).toBe('t-date-1960_1988');
		expect(topicAnchor('date:2023-09/..')).toMatch(/^t-date-2023-09[_]+$/);
	});
});

describe('pairs', () => {
	it('should give one canonical id whatever the order', () => {
		expect(pairId('roy', 'rekha')).toBe('rekha--roy');
		expect(pairId('rekha', 'roy')).toBe('rekha--roy');
		expect(canonicalPair('b', 'a')).toEqual(['a', 'b']);
		expect(() => canonicalPair('a', 'a')).toThrow(/two different/);
		expect(() => pairId('a--x', 'b')).toThrow(/contains “--”/);
	});

	it('should read back only canonical ids of known, different commentaries', () => {
		const known = ['rekha', 'roy', 'lankov'];
		expect(parsePairId('rekha--roy', known)).toEqual(['rekha', 'roy']);
		expect(parsePairId('roy--rekha', known)).toBeUndefined();
		expect(parsePairId('rekha--nobody', known)).toBeUndefined();
		expect(parsePairId('roy--roy', known)).toBeUndefined();
		expect(parsePairId('roy', known)).toBeUndefined();
	});

	it('should list n(n−1)/2 pairs, each canonical and once', () => {
		const pairs = allPairs(['e', 'c', 'a', 'd', 'b', 'a']);
		expect(pairs).toHaveLength(10);
		expect(new Set(pairs.map(([a, b]) => pairId(a, b))).size).toBe(10);
		for (const [a, b] of pairs) expect(a < b).toBe(true);
	});

	it('should pre-render pairs up to the threshold and none beyond it', () => {
		expect(PAIR_PAGE_LIMIT).toBe(12);
		const slugs = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
		expect(prerendersPairs(12)).toBe(true);
		expect(prerendersPairs(13)).toBe(false);
		expect(prerenderedPairs(slugs(12))).toHaveLength(66);
		expect(prerenderedPairs(slugs(13))).toEqual([]);
		expect(prerenderedPairs(slugs(5), 4)).toEqual([]);
		expect(prerenderedPairs(slugs(4), 4)).toHaveLength(6);
	});
});

describe('selection from the URL', () => {
	const known = ['a', 'b', 'c', 'd'];
	it('should keep known slugs once, in the reader’s order, at most three', () => {
		expect(parseSelection(['b,a'], known)).toEqual(['b', 'a']);
		expect(parseSelection(['b', 'a', 'b'], known)).toEqual(['b', 'a']);
		expect(parseSelection(['x, c ,a,,d,b'], known)).toEqual(['c', 'a', 'd']);
		expect(parseSelection(['a,b,c,d'], known)).toHaveLength(MAX_COLUMNS);
		expect(parseSelection([], known)).toEqual([]);
	});
});

describe('the topic rail', () => {
	it('should put shared topics first, then by kind, with claim counts per column', () => {
		const rail = topicRail([roy, rekha]);
		expect(rail.map((t) => t.key)).toEqual(['article:4', 'actor:russia', 'article:8', 'actor:china', 'actor:ukraine', 'date:2024-06-19']);
		expect(rail[0]).toMatchObject({ counts: [2, 1], shared: 2, total: 3 });
		// A claim naming Russia twice counts once.
		expect(rail[1]).toMatchObject({ counts: [2, 1], shared: 2 });
		expect(rail.find((t) => t.key === 'actor:china')).toMatchObject({ counts: [1, 0], shared: 1 });
	});

	it('should rank the same from the topics of each claim as from the claims (what the script reads off a column)', () => {
		const fromClaims = topicRail([roy, rekha]);
		expect(rankTopics([roy.claims.map(claimTopics), rekha.claims.map(claimTopics)])).toEqual(fromClaims);
		// Words that are no topic key are left out, not counted.
		expect(rankTopics([[['article:4', 'place:paris']]]).map((t) => t.key)).toEqual(['article:4']);
	});

	it('should group the rail by how many columns share a topic, most shared first', () => {
		const rail = topicRail([roy, rekha]);
		expect(railGroups(rail, 2).map((group) => [group.shared, group.topics.length])).toEqual([
			[2, 2],
			[1, 4],
		]);
		expect(railGroups(rail, 3).map((group) => group.shared)).toEqual([2, 1]);
		expect([railGroupTitle(2, 2), railGroupTitle(1, 2), railGroupTitle(3, 3), railGroupTitle(2, 3), railGroupTitle(1, 3)]).toEqual([
			'In both',
			'In one only',
			'In all 3',
			'In 2',
			'In one only',
		]);
	});

	it('should say the counts in words for screen readers and key the count columns', () => {
		expect(countsText(['Roy', 'Rekha J'], [3, 0])).toBe('Roy 3, Rekha J none');
		expect(railKey(['Roy', 'Rekha J', 'Lankov'])).toBe('Claims per column: Roy · Rekha J · Lankov');
		expect(countLabel(12)).toBe('(12)');
	});

	it('should tell mention kinds from other words', () => {
		expect(['article', 'actor', 'date', 'place', ''].map(isMentionKind)).toEqual([true, true, true, false, false]);
	});

	it('should follow the column order in its counts', () => {
		const rail = topicRail([rekha, roy]);
		expect(rail[0]).toMatchObject({ key: 'article:4', counts: [1, 2] });
	});

	it('should sort articles by number and dates chronologically', () => {
		const one = {
			slug: 'x',
			claims: [
				claim('c-1000000001', 'Article 12 and Article 2 and Article 10.', 0, [
					['article', '12', 'Article 12'],
					['article', '2', 'Article 2'],
					['article', '10', 'Article 10'],
				]),
				claim('c-1000000002', '2024 then 1961.', 1, [
					['date', '2024', '2024'],
					['date', '1961', '1961'],
				]),
			],
		};
		expect(topicRail([one]).map((t) => t.ref)).toEqual(['2', '10', '12', '1961', '2024']);
	});
});

describe('alignment', () => {
	it('should find a column’s claims about a topic in reading order', () => {
		expect(claimsAbout(roy, 'article:4').map((c) => c.id)).toEqual(['c-0000000002', 'c-0000000003']);
		expect(claimsAbout(rekha, 'actor:china')).toEqual([]);
	});

	it('should set the claims side by side, row by row, with gaps where a column has no more', () => {
		const rows = alignedRows([roy, rekha], 'article:4');
		expect(rows.map((row) => row.cells.map((c) => c?.id ?? null))).toEqual([
			['c-0000000002', 'c-0000000011'],
			['c-0000000003', null],
		]);
		expect(rows.every((row) => !row.paired && row.matters.length === 0)).toBe(true);
		expect(alignedRows([roy, rekha], 'actor:nobody')).toEqual([]);
	});

	/** Three columns with four, three and two claims about Article 4, in reading order. */
	const a4 = (id: string, blockIndex: number) => claim(id, `Article 4, sentence ${id}.`, blockIndex, [['article', '4', 'Article 4']]);
	const left = { claims: [a4('c-a1', 0), a4('c-a2', 1), a4('c-a3', 2), a4('c-a4', 3)] };
	const middle = { claims: [a4('c-b1', 0), a4('c-b2', 1), claim('c-bx', 'No article here.', 2), a4('c-b3', 3)] };
	const right = { claims: [a4('c-c1', 0), a4('c-c2', 1)] };
	/** Symmetric related claims from `[a, b, score, matters, confirmed]`. */
	function relatedOf(links: [string, string, number, string[], boolean?][]): Map<string, CompareRelated[]> {
		const related = new Map<string, CompareRelated[]>();
		for (const [a, b, score, matters, confirmed = false] of links) {
			related.set(a, [...(related.get(a) ?? []), { id: b, score, matters, confirmed }]);
			related.set(b, [...(related.get(b) ?? []), { id: a, score, matters, confirmed }]);
		}
		return related;
	}
	const ids = (rows: ReturnType<typeof alignedRows>) => rows.map((row) => row.cells.map((c) => c?.id ?? null));

	it('should pair related claims greedily by score, each claim once, paired rows in reading order and the rest after', () => {
		// a3 is related to b1 (0.9) and to b2 (0.5); a1 to b2 (0.8): the best links win, a3–b2 loses (both used).
		const related = relatedOf([
			['c-a3', 'c-b1', 0.9, ['Alliance']],
			['c-a1', 'c-b2', 0.8, ['Labour']],
			['c-a3', 'c-b2', 0.5, ['Alliance']],
		]);
		const rows = alignedRows([left, middle], 'article:4', related);
		expect(ids(rows)).toEqual([
			['c-a1', 'c-b2'],
			['c-a3', 'c-b1'],
			['c-a2', 'c-b3'],
			['c-a4', null],
		]);
		expect(rows.map((row) => row.paired)).toEqual([true, true, false, false]);
		expect(rows.map((row) => row.matters)).toEqual([['Labour'], ['Alliance'], [], []]);
	});

	it('should put a confirmed link first, whatever its score, and keep the stronger record of a link seen from both sides', () => {
		const related = new Map<string, CompareRelated[]>([
			// a1–b1 is recorded twice: 0.2 from a1’s side, 0.9 from b1’s; at 0.9 it beats a1–b2.
			['c-a1', [{ id: 'c-b1', score: 0.2, matters: ['Alliance'], confirmed: false }, { id: 'c-b2', score: 0.5, matters: ['Alliance'], confirmed: false }]],
			['c-b1', [{ id: 'c-a1', score: 0.9, matters: ['Alliance'], confirmed: false }]],
			// a4–b3 is confirmed by the editors (no shared matter): it comes before a4–b1, whose score is higher.
			['c-a4', [{ id: 'c-b1', score: 0.95, matters: ['Alliance'], confirmed: false }]],
			['c-b3', [{ id: 'c-a4', score: 0.1, matters: [], confirmed: true }]],
		]);
		const rows = alignedRows([left, middle], 'article:4', related);
		expect(ids(rows)).toEqual([
			['c-a1', 'c-b1'],
			['c-a4', 'c-b3'],
			['c-a2', 'c-b2'],
			['c-a3', null],
		]);
		expect(rows[1]).toMatchObject({ paired: true, matters: [], confirmed: true });
		expect(pairedRowCaption(rows[1]!)).toBe('Linked by the editors');
		expect(pairedRowCaption(rows[0]!)).toBe('Both on: Alliance');
	});

	it('should leave out links to claims about other topics or in the same column', () => {
		const related = relatedOf([
			['c-a1', 'c-bx', 0.9, ['Alliance']],
			['c-a1', 'c-a2', 0.9, ['Alliance']],
			['c-a1', 'c-nowhere', 0.9, ['Alliance']],
		]);
		expect(alignedRows([left, middle], 'article:4', related).some((row) => row.paired)).toBe(false);
	});

	it('should join a third column’s claim to a paired row where its column is free, and caption the row', () => {
		const related = relatedOf([
			['c-a2', 'c-b2', 0.9, ['Alliance']],
			['c-b2', 'c-c1', 0.7, ['Alliance', 'Sanctions']],
			['c-c1', 'c-a4', 0.5, ['Sanctions']],
			['c-c2', 'c-b3', 0.4, ['Labour']],
		]);
		const rows = alignedRows([left, middle, right], 'article:4', related);
		expect(ids(rows)).toEqual([
			['c-a2', 'c-b2', 'c-c1'],
			[null, 'c-b3', 'c-c2'],
			['c-a1', 'c-b1', null],
			['c-a3', null, null],
			['c-a4', null, null],
		]);
		expect(rows[0]!.matters).toEqual(['Alliance', 'Sanctions']);
		expect(pairedRowCaption(rows[0]!)).toBe('All three on: Alliance; Sanctions');
		expect(pairedRowCaption(rows[1]!)).toBe('Both on: Labour');
	});

	it('should give every topic’s rows at once as one topic’s rows give them, and index the claims by topic in reading order', () => {
		const related = relatedOf([
			['c-a2', 'c-b2', 0.9, ['Alliance']],
			['c-b2', 'c-c1', 0.7, ['Alliance']],
		]);
		const columns = [roy, rekha, left, middle, right];
		const byTopic = alignedRowsByTopic(columns, related);
		const keys = [...new Set(columns.flatMap((column) => column.claims.flatMap(claimTopics)))];
		expect([...byTopic.keys()].sort()).toEqual([...keys].sort());
		for (const key of keys) expect(byTopic.get(key), key).toEqual(alignedRows(columns, key, related));
		for (const key of keys) expect(claimsByTopic(roy.claims).get(key) ?? [], key).toEqual(claimsAbout(roy, key));
	});

	it('should read each claim’s mentions once for all the topics of a long column, not once per topic (the compare page stays linear)', () => {
		let reads = 0;
		/** 3,000 claims about 600 different dates and one shared article. */
		const counted = Array.from({ length: 3_000 }, (_, index): CompareClaim => {
			const mentions = [
				{ kind: 'article' as const, ref: '4', start: 0, end: 9 },
				{ kind: 'date' as const, ref: String(1400 + (index % 600)), start: 10, end: 14 },
			];
			return {
				id: `c-${index}`,
				text: `Article 4 ${1400 + (index % 600)}.`,
				block: 'p',
				blockIndex: index,
				get mentions() {
					reads++;
					return mentions;
				},
			};
		});
		const rows = alignedRowsByTopic([{ claims: counted }, right]);
		expect(rows.size).toBe(601);
		expect(reads).toBeLessThanOrEqual(3_000 * 2);
	});

	it('should say what an empty cell means', () => {
		expect(emptyCellText(false, false, true)).toBe('Not discussed');
		expect(emptyCellText(false, true, false)).toBe('Nothing more');
		expect(emptyCellText(true, true, false)).toBe('No sentence on this matter');
		expect(emptyCellText(true, false, false)).toBe('Nothing more');
	});

	it('should start the screen at the run of claims that fits in it with the most of them, the earliest on a tie', () => {
		expect(revealTop([], 600)).toBeUndefined();
		expect(revealTop([900], 600)).toBe(900);
		// In any order: 300 and 700 fit in one screen from 300; 2000 stands alone.
		expect(revealTop([2000, 700, 300], 600)).toBe(300);
		// The later run holds more: 1000, 1200 and 1500 over 100 alone.
		expect(revealTop([100, 1000, 1200, 1500], 600)).toBe(1000);
		// A tie goes to the earliest run; a claim exactly a screen below is outside it.
		expect(revealTop([100, 700, 1400], 600)).toBe(100);
		expect(revealTop([100, 699], 600)).toBe(100);
	});

	it('should step within a column and stop at both ends', () => {
		expect(stepPosition(3, -1, 1)).toBe(0);
		expect(stepPosition(3, 0, 1)).toBe(1);
		expect(stepPosition(3, 2, 1)).toBe(2);
		expect(stepPosition(3, 0, -1)).toBe(0);
		expect(stepPosition(0, -1, 1)).toBe(-1);
	});

	it('should move within a one-Tab-stop group with the arrow keys, Home and End, and leave other keys alone', () => {
		expect(rovingPosition(4, 0, 'ArrowDown')).toBe(1);
		expect(rovingPosition(4, 1, 'ArrowRight')).toBe(2);
		expect(rovingPosition(4, 3, 'ArrowDown')).toBe(3);
		expect(rovingPosition(4, 2, 'ArrowUp')).toBe(1);
		expect(rovingPosition(4, 0, 'ArrowLeft')).toBe(0);
		expect(rovingPosition(4, 2, 'Home')).toBe(0);
		expect(rovingPosition(4, 0, 'End')).toBe(3);
		expect(rovingPosition(4, 1, 'Enter')).toBeUndefined();
		expect(rovingPosition(4, 1, 'Tab')).toBeUndefined();
		expect(rovingPosition(0, -1, 'ArrowDown')).toBeUndefined();
	});
});

describe('claim text and blocks', () => {
	it('should split a claim at its mentions and keep every character', () => {
		const segments = claimSegments(roy.claims[2]!);
		expect(segments.map((s) => s.text).join('')).toBe(roy.claims[2]!.text);
		expect(segments.filter((s) => s.topic).map((s) => [s.text, s.topic])).toEqual([
			['Russia', 'actor:russia'],
			['Article 4', 'article:4'],
			['19 June', 'date:2024-06-19'],
		]);
	});

	it('should keep the first of two overlapping mentions', () => {
		const overlapping = { text: 'North Korea', mentions: [{ kind: 'actor' as const, ref: 'north-korea', start: 0, end: 11 }, { kind: 'actor' as const, ref: 'korea', start: 6, end: 11 }] };
		expect(claimSegments(overlapping)).toEqual([{ text: 'North Korea', topic: 'actor:north-korea' }]);
	});

	it('should group consecutive claims by the block they stand in', () => {
		expect(columnBlocks(roy.claims).map((b) => [b.blockIndex, b.claims.length])).toEqual([
			[0, 2],
			[1, 1],
			[2, 1],
		]);
	});
});

describe('editors’ notes in the compare view', () => {
	/** Claims and note claims as the pipeline records them for one commentary with these notes. */
	async function recorded(markdown: string, notes: { id: string; quote: string; prefix?: string }[]) {
		const anchors = notes.map((note) => ({ ...note, file: `content/notes/${note.id}.md`, commentary: 'sample' }));
		const file = new VFile({ value: markdown, path: '/site/content/commentaries/sample.md' });
		await unified()
			.use(remarkParse)
			.use(remarkEditorNoteAnchors, { notes: anchors })
			.use(remarkRehype)
			.use(rehypeClaims)
			.use(rehypeStringify)
			.process(file);
		return { claims: file.data.claims ?? [], noteClaims: file.data.noteClaims ?? {} };
	}

	it('should take a note’s claims from the sentence its marked words stand in', async () => {
		const { claims, noteClaims } = await recorded('He visited on June 18 and left. It ended.\n\nIt ended.', [
			{ id: 'visit', quote: 'June 18' },
			{ id: 'end', quote: 'It ended.', prefix: 'left. ' },
		]);
		expect(claimsOfNote(noteClaims, 'visit', 'n.md')).toEqual([claims[0]!.id]);
		// The prefix chose the first “It ended.”, in the first paragraph, not the second paragraph's.
		expect(claimsOfNote(noteClaims, 'end', 'n.md')).toEqual([claims[1]!.id]);
		expect(claims.map((claim) => claim.text)).toEqual(['He visited on June 18 and left.', 'It ended.', 'It ended.']);
	});

	it('should name the note’s file when its words stand in no sentence', async () => {
		const { noteClaims } = await recorded('## Limits\n\nA sentence.', [{ id: 'title', quote: 'Limits' }]);
		expect(() => claimsOfNote(noteClaims, 'title', 'content/notes/title.md')).toThrow(/^content\/notes\/title\.md: quote: the words this note is about stand in no sentence/);
		expect(() => claimsOfNote({}, 'absent', 'n.md')).toThrow(/^n\.md: quote:/);
	});

	it('should index notes by the claims they cover', () => {
		const notes = [
			{ id: 'x', claims: ['c-a', 'c-b'] },
			{ id: 'y', claims: ['c-b'] },
		];
		const byClaim = notesByClaim(notes);
		expect(byClaim.get('c-b')?.map((n) => n.id)).toEqual(['x', 'y']);
		expect(byClaim.get('c-c')).toBeUndefined();
	});
});

describe('published data', () => {
	it('should keep only what the view uses from a corpus claim', () => {
		const full: Claim = {
			id: 'c-0123456789',
			text: 'Russia signed.',
			block: 'p',
			blockIndex: 3,
			index: 7,
			section: 'Intro',
			mentions: [{ kind: 'actor', ref: 'russia', text: 'Russia', start: 0, end: 6, form: 'name' }],
		};
		const data = commentaryData('roy', [full], []);
		expect(data.claims).toEqual([
			{ id: 'c-0123456789', text: 'Russia signed.', block: 'p', blockIndex: 3, section: 'Intro', mentions: [{ kind: 'actor', ref: 'russia', start: 0, end: 6 }] },
		]);
	});
});

describe('related claims in the live view', () => {
	const link = (id: string): CompareRelated => ({ id, score: 0.5, confirmed: false, matters: ['A matter'] });

	it('should give each claim its related ids from either side, its own ranking first, each once, known claims only', () => {
		const related = new Map<string, CompareRelated[]>([
			['c-a1', [link('c-b1'), link('c-b2'), link('c-x9')]],
			['c-b1', [link('c-a1')]],
			['c-c1', [link('c-a1')]],
			['c-x8', [link('c-a2')]],
		]);
		const ids = relatedIdsByClaim(related, new Set(['c-a1', 'c-a2', 'c-b1', 'c-b2', 'c-c1']));
		expect(ids).toEqual(
			new Map([
				['c-a1', ['c-b1', 'c-b2', 'c-c1']],
				['c-b1', ['c-a1']],
				['c-c1', ['c-a1']],
				['c-b2', ['c-a1']],
			]),
		);
		// A claim no one relates to (c-a2: only an unknown claim does) has no entry.
		expect(ids.has('c-a2')).toBe(false);
	});

	it('should gather the claims that list one claim without searching its growing list at each (a long commentary stays linear)', () => {
		// 20,000 sentences of a long commentary all list the same sentence of a short one.
		const related = new Map<string, CompareRelated[]>(Array.from({ length: 20_000 }, (_, index) => [`c-l${index}`, [link('c-s1')]]));
		const known = new Set(['c-s1', ...related.keys()]);
		let scanned = 0;
		const { includes, indexOf } = Array.prototype;
		const spies = [
			vi.spyOn(Array.prototype, 'includes').mockImplementation(function (this: unknown[], ...args: [unknown, number?]) {
				scanned += this.length;
				return includes.apply(this, args);
			}),
			vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (this: unknown[], ...args: [unknown, number?]) {
				scanned += this.length;
				return indexOf.apply(this, args);
			}),
		];
		let ids: Map<string, string[]>;
		try {
			ids = relatedIdsByClaim(related, known);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
		expect(ids.get('c-s1')).toEqual([...related.keys()]);
		expect(ids.get('c-l7')).toEqual(['c-s1']);
		// Every element an array search looked at: a search per addition would look at about 200 million.
		expect(scanned).toBeLessThan(200_000);
	});

	it('should group thousands of related ids by column without copying a column’s list at each id (linear in the ids)', () => {
		const related = Array.from({ length: 3_000 }, (_, index) => `c-l${index}`);
		const columnOf = new Map(related.map((id, index) => [id, 1 + (index % 2)]));
		let steps = 0;
		const iterate = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator)!;
		// Patched by hand for the one call: every element any array iteration or spread steps through.
		Object.defineProperty(Array.prototype, Symbol.iterator, {
			...iterate,
			value: function* (this: unknown[]) {
				for (let index = 0; index < this.length; index++) {
					steps++;
					yield this[index];
				}
			},
		});
		let byColumn: Map<number, string[]>;
		try {
			byColumn = relatedInColumns(related, columnOf, 0);
		} finally {
			Object.defineProperty(Array.prototype, Symbol.iterator, iterate);
		}
		expect([...byColumn.keys()]).toEqual([1, 2]);
		expect(byColumn.get(1)).toEqual(related.filter((_, index) => index % 2 === 0));
		// A copy of the column's list at each id steps through about 2.25 million elements.
		expect(steps).toBeLessThan(3 * related.length);
	});

	it('should carry the ids on the column’s claims, and nothing on a claim without any', () => {
		const base = { text: 'Russia signed.', block: 'p' as const, blockIndex: 0, index: 0, mentions: [] };
		const data = commentaryData('roy', [{ id: 'c-0000000001', ...base }, { id: 'c-0000000002', ...base }], [], new Map([['c-0000000001', ['c-00000000ff']]]));
		expect(data.claims.map((claim) => claim.related)).toEqual([['c-00000000ff'], undefined]);
		expect('related' in data.claims[1]!).toBe(false);
	});

	it('should group a claim’s related claims by the other columns shown, in its order, leaving out the rest', () => {
		const columnOf = new Map([
			['c-a1', 0],
			['c-b1', 1],
			['c-b2', 1],
			['c-c1', 2],
			['c-a2', 0],
		]);
		expect(relatedInColumns(['c-c1', 'c-b2', 'c-zz', 'c-a2', 'c-b1'], columnOf, 0)).toEqual(
			new Map([
				[1, ['c-b2', 'c-b1']],
				[2, ['c-c1']],
			]),
		);
		expect([...relatedInColumns(['c-c1', 'c-b2'], columnOf, 0).keys()]).toEqual([1, 2]);
		expect(relatedInColumns(['c-zz'], columnOf, 0).size).toBe(0);
	});

	it('should find the claims about a topic related to a claim about it in another column', () => {
		const claims = [
			{ id: 'c-a1', column: 0, topics: ['article:4'], related: ['c-b1'] },
			{ id: 'c-a2', column: 0, topics: ['article:4'], related: ['c-b2'] },
			{ id: 'c-a3', column: 0, topics: ['article:4'], related: ['c-a1'] },
			{ id: 'c-b1', column: 1, topics: ['article:4', 'actor:russia'], related: ['c-a1'] },
			{ id: 'c-b2', column: 1, topics: ['actor:russia'], related: ['c-a2'] },
		];
		// c-a2's related claim is not about Article 4; c-a3's is in its own column.
		expect(pairedClaimIds(claims, 'article:4')).toEqual(['c-a1', 'c-b1']);
		expect(pairedClaimIds(claims, 'actor:russia')).toEqual([]);
	});

	it('should keep a claim’s last word (and its full stop) for the control, and nothing when it ends in a mention', () => {
		const segments = claimSegments(claim('c-0000000009', 'It binds Russia to defend it (Article 4).', 0, [['actor', 'russia', 'Russia'], ['article', '4', 'Article 4']]));
		const { body, end } = claimEnding(segments);
		expect(end).toEqual([{ text: ').' }]);
		expect([...body, ...end].map((segment) => segment.text).join('')).toBe('It binds Russia to defend it (Article 4).');
		expect(claimEnding(claimSegments(claim('c-000000000a', 'They met in Pyongyang.', 0)))).toEqual({ body: [{ text: 'They met in ' }], end: [{ text: 'Pyongyang.' }] });
		expect(claimEnding(claimSegments(claim('c-000000000b', 'Signed by Russia', 0, [['actor', 'russia', 'Russia']]))).end).toEqual([]);
		expect(claimEnding([])).toEqual({ body: [], end: [] });
	});

	it('should name the control and say what it showed', () => {
		expect(relatedLabel(1, 2)).toBe('Related to 1 sentence in the other column');
		expect(relatedLabel(3, 3)).toBe('Related to 3 sentences in the other columns');
		expect(relatedStatus([{ short: 'Rekha J', position: 1, count: 2, text: 'It lapsed.' }, { short: 'Roy', position: 0, count: 1, text: 'It echoes 1961.' }])).toBe(
			'Rekha J, related sentence 2 of 2: “It lapsed.”; Roy, related sentence 1 of 1: “It echoes 1961.”',
		);
		expect(pairedStatus(0)).toBe('');
		expect(pairedStatus(1)).toBe('; 1 sentence related across the columns');
		expect(pairedStatus(4)).toBe('; 4 sentences related across the columns');
	});
});

describe('compare routes', () => {
	it('should build pair, selection and parts addresses under any base', async () => {
		const { createRoutes } = await import('../../src/utils/routes.ts');
		const routes = createRoutes('/reader/');
		expect(routes.comparePair(pairId('roy', 'rekha'))).toBe('/reader/compare/rekha--roy/');
		expect(routes.compareSelection(['roy', 'rekha', 'lankov'])).toBe('/reader/compare/?c=roy,rekha,lankov');
		expect(routes.compareSelection(['roy', 'rekha'], topicAnchor('article:4'))).toBe('/reader/compare/?c=roy,rekha#t-article-4');
		expect(routes.compareParts('view')).toBe('/reader/compare/parts/view.htm');
	});
});
