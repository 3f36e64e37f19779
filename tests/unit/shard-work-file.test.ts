/**
 * The work file the astro process leaves for the jobs after it
 * (src/integrations/shard-work.ts, work-json.ts): printed in chunks, the same
 * text as one `JSON.stringify`, and read back whole.
 */
import { describe, expect, it } from 'vitest';
// Only the printer: `shard-work.ts` would load the annotations writer into the worker's shared module cache
// before `annotations-file.test.ts` mocks the file reads it makes.
import type { ShardWork } from '../../src/integrations/shard-work.ts';
import { workJson } from '../../src/integrations/work-json.ts';

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
		const work = sampleWork();
		expect(JSON.parse([...workJson(work)].join(''))).toEqual(work);
	});
});
