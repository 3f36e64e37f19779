/**
 * The work file the astro process leaves for the jobs after it
 * (src/integrations/shard-work.ts): printed in chunks, the same text as one
 * `JSON.stringify`, and read back whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShardWork, workJson, writeShardWork, type ShardWork } from '../../src/integrations/shard-work.ts';

const folder = mkdtempSync(join(tmpdir(), 'shard-work-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A work description with records long enough to be printed over several chunks. */
function sampleWork(): ShardWork {
	// About 3 MB of records, quotes, line ends and characters past Latin-1 among them.
	const records = Array.from({ length: 30 }, (_, index) => ({ url: `/commentaries/c-${index}/`, content: `<p>“Quoted”\n\\ ${'тест '.repeat(20_000)}${index}</p>` }));
	return {
		shardSize: 40,
		code: 'abc',
		reuse: false,
		searchCacheDir: '/cache/search',
		cardCacheDir: null,
		records,
		cards: [{ id: 'c-0000000001', card: { quote: 'A “quote”.', credit: 'A', source: 'S', site: 'Site' } }],
		sharePages: [],
		annotations: { base: '/reader/', cacheDir: '/cache/annotations' },
	};
}

describe('the work file', () => {
	it('should print JSON.stringify’s text in chunks of about a megabyte', () => {
		const work = sampleWork();
		const chunks = [...workJson(work)];
		expect(chunks.length).toBeGreaterThan(2);
		expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(2 << 20);
		expect(chunks.join('')).toBe(JSON.stringify(work));
	});

	it('should be read back as it was written', () => {
		const file = join(folder, 'work.json');
		const work = sampleWork();
		writeShardWork(file, work);
		expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(work));
		expect(readShardWork(file)).toEqual(work);
	});
});
