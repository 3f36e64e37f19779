/**
 * How the search index is split into shards (src/features/search/shards.ts):
 * consecutive runs of commentaries in reading order, a size from the
 * configuration or a checked variable, at least one shard.
 */
import { describe, expect, it } from 'vitest';
import { COMMENTARIES_PER_SHARD, searchShardCount, searchShardSize, SHARD_SIZE_VARIABLE, splitIntoShards } from '../../src/features/search/shards.ts';

describe('search shards', () => {
	it('should split in reading order into runs of the size, the last shorter, and keep one shard when there is nothing', () => {
		expect(splitIntoShards([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(splitIntoShards([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
		expect(splitIntoShards([], 2)).toEqual([[]]);
		expect(searchShardCount(5, 2)).toBe(3);
		expect(searchShardCount(4, 2)).toBe(2);
		expect(searchShardCount(0, 2)).toBe(1);
	});

	it('should keep the earlier shards unchanged when a commentary is added at the end', () => {
		const before = splitIntoShards(['a', 'b', 'c', 'd', 'e'], 2);
		const after = splitIntoShards(['a', 'b', 'c', 'd', 'e', 'f'], 2);
		expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
	});

	it('should take the size from the variable when set, and refuse anything but a positive whole number', () => {
		expect(searchShardSize({})).toBe(COMMENTARIES_PER_SHARD);
		expect(searchShardSize({ [SHARD_SIZE_VARIABLE]: '' })).toBe(COMMENTARIES_PER_SHARD);
		expect(searchShardSize({ [SHARD_SIZE_VARIABLE]: '40' })).toBe(40);
		for (const bad of ['0', '-3', '2.5', 'ten', '1e3']) {
			expect(() => searchShardSize({ [SHARD_SIZE_VARIABLE]: bad }), bad).toThrow(`${SHARD_SIZE_VARIABLE}: expected a positive whole number`);
		}
	});
});
