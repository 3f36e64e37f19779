/**
 * The labelled set of claim pairs is valid evidence: every pair names two live
 * claims of different commentaries with exactly the sentences the ledger holds,
 * no pair is labelled twice, every pair of commentaries is covered, and there
 * are enough related pairs and hard negatives for precision and recall to mean
 * something. A broken file is reported by file, line and field.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import { listPublished } from '../../src/loaders/published.ts';
import { hardNegativeKinds, LABELS_FILE, labelKinds, loadLabels, pairKey, parseLabels } from '../support/alignment-labels.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Fewest pairs in all, related pairs, unrelated pairs and hard negatives the set must hold. */
const MINIMUM = { pairs: 160, related: 60, unrelated: 90, hardNegatives: 60 } as const;

const labels = loadLabels(ROOT);
const ledger = parseLedger(readFileSync(join(ROOT, 'content', 'claims-ledger.json'), 'utf8'));
const commentaries = listPublished(join(ROOT, 'content', 'commentaries'), '.md').map((name) => basename(name, '.md'));

/**
 * Where a pair is, for messages.
 *
 * @param line
 *   Line the pair starts on.
 * @returns
 *   `file:line`.
 */
function at(line: number): string {
	return `${LABELS_FILE}:${line}`;
}

/**
 * The unordered key of two commentaries.
 *
 * @param first
 *   One commentary slug.
 * @param second
 *   The other.
 * @returns
 *   Both slugs, sorted, joined by ` × `.
 */
function commentaryPairKey(first: string, second: string): string {
	return [first, second].sort().join(' × ');
}

describe('parseLabels', () => {
	const good = [
		'- a: c-0000000001',
		'  b: c-0000000002',
		'  related: false',
		'  kind: hard-actor',
		'  why: Both name Seoul, about different things.',
		'  texts: ["One.", "Two."]',
	];

	it('should read a pair and the line it starts on', () => {
		const [pair] = parseLabels(['# a comment', ...good].join('\n'), 'x.yaml');
		expect(pair).toEqual({
			a: 'c-0000000001',
			b: 'c-0000000002',
			related: false,
			kind: 'hard-actor',
			why: 'Both name Seoul, about different things.',
			texts: ['One.', 'Two.'],
			line: 2,
		});
	});

	it('should name the file, line and field of an unknown kind', () => {
		const source = [...good, ...good.map((l) => l.replace('hard-actor', 'same-topic'))].join('\n');
		expect(() => parseLabels(source, 'x.yaml')).toThrow(/^x\.yaml:10: \[1\]\.kind: /);
	});

	it('should refuse a related pair whose kind is not same-matter', () => {
		const source = good.map((l) => l.replace('related: false', 'related: true')).join('\n');
		expect(() => parseLabels(source, 'x.yaml')).toThrow(/^x\.yaml:4: \[0\]\.kind: a related pair has kind same-matter/);
	});

	it('should refuse a pair without its two sentences', () => {
		const source = good.map((l) => l.replace('["One.", "Two."]', '["One."]')).join('\n');
		expect(() => parseLabels(source, 'x.yaml')).toThrow(/^x\.yaml:6: \[0\]\.texts/);
	});
});

describe(LABELS_FILE, () => {
	it('should name live claims with exactly the sentences the ledger holds', () => {
		const problems: string[] = [];
		for (const { a, b, texts, line } of labels) {
			[a, b].forEach((id, index) => {
				const entry = ledger.claims[id];
				if (entry === undefined) problems.push(`${at(line)}: ${id} is not in the ledger`);
				else if (entry.status !== 'live') problems.push(`${at(line)}: ${id} is ${entry.status}`);
				else if (entry.text !== texts[index]) problems.push(`${at(line)}: texts[${index}] is not the sentence of ${id}: “${entry.text}”`);
			});
		}
		expect(problems).toEqual([]);
	});

	it('should pair claims of two different commentaries', () => {
		const same = labels.filter(({ a, b }) => ledger.claims[a]?.commentary === ledger.claims[b]?.commentary).map(({ line }) => at(line));
		expect(same).toEqual([]);
	});

	it('should label each pair once, in either order', () => {
		const firstLine = new Map<string, number>();
		const repeats: string[] = [];
		for (const { a, b, line } of labels) {
			const key = pairKey(a, b);
			const first = firstLine.get(key);
			if (first === undefined) firstLine.set(key, line);
			else repeats.push(`${at(line)} repeats the pair of line ${first}`);
		}
		expect(repeats).toEqual([]);
	});

	it('should use only the allowed kinds', () => {
		const unknown = labels.filter(({ kind }) => !labelKinds.includes(kind)).map(({ line, kind }) => `${at(line)}: ${kind}`);
		expect(unknown).toEqual([]);
	});

	it('should cover every pair of commentaries with related pairs and hard negatives', () => {
		expect(commentaries).toHaveLength(5);
		const covered = new Map<string, { related: number; hard: number }>();
		for (const { a, b, related, kind } of labels) {
			const key = commentaryPairKey(ledger.claims[a]?.commentary ?? a, ledger.claims[b]?.commentary ?? b);
			const counts = covered.get(key) ?? { related: 0, hard: 0 };
			if (related) counts.related++;
			if (hardNegativeKinds.includes(kind)) counts.hard++;
			covered.set(key, counts);
		}
		const expected = commentaries.flatMap((first, i) => commentaries.slice(i + 1).map((second) => commentaryPairKey(first, second)));
		expect(expected).toHaveLength(10);
		for (const key of expected) {
			expect(covered.get(key)?.related ?? 0, `related pairs of ${key}`).toBeGreaterThanOrEqual(1);
			expect(covered.get(key)?.hard ?? 0, `hard negatives of ${key}`).toBeGreaterThanOrEqual(1);
		}
		expect([...covered.keys()].filter((key) => !expected.includes(key))).toEqual([]);
	});

	it('should hold enough related pairs and hard negatives', () => {
		const related = labels.filter((pair) => pair.related).length;
		const hardNegatives = labels.filter(({ kind }) => hardNegativeKinds.includes(kind)).length;
		expect(labels.length).toBeGreaterThanOrEqual(MINIMUM.pairs);
		expect(related).toBeGreaterThanOrEqual(MINIMUM.related);
		expect(labels.length - related).toBeGreaterThanOrEqual(MINIMUM.unrelated);
		expect(hardNegatives).toBeGreaterThanOrEqual(MINIMUM.hardNegatives);
	});
});
