/**
 * How the search index is split: the commentaries' records, in reading
 * order, go into shards of a fixed number of commentaries each, every shard a
 * Pagefind index of its own that the search page merges (Pagefind's
 * `mergeIndex`). The first shard is the main index (`/pagefind/`), which also
 * holds the pages; shard `k` (from 1) is at `routes.searchIndexShard(k)`.
 *
 * A shard is indexed again only when its records change
 * (src/features/search/pagefind.ts keeps each shard's output by a digest of
 * its inputs), so a rebuild after one edit re-indexes one shard. Commentaries
 * are read in order of publication, so a new one usually lands in the last
 * shard and leaves the others as they were.
 */

/**
 * Commentaries per shard. Measured at 1,000 commentaries (docs/performance.md,
 * "Beyond one machine"): a shard costs the search page one more index to load
 * (its metadata and filters), while a smaller shard makes a rebuild re-index
 * less.
 */
export const COMMENTARIES_PER_SHARD = 250;

/** The variable that overrides the shard size (for measurements and tests). */
export const SHARD_SIZE_VARIABLE = 'TREATY_READER_SEARCH_SHARD_SIZE';

/**
 * The shard size this build uses: `COMMENTARIES_PER_SHARD`, or the whole
 * positive number in `TREATY_READER_SEARCH_SHARD_SIZE`.
 *
 * @param env
 *   The environment (default: the process's).
 * @returns
 *   Commentaries per shard.
 * @throws
 *   When the variable is set to anything but a positive whole number.
 */
export function searchShardSize(env: Readonly<Record<string, string | undefined>> = process.env): number {
	const value = env[SHARD_SIZE_VARIABLE];
	if (value === undefined || value === '') return COMMENTARIES_PER_SHARD;
	if (!/^[1-9]\d*$/.test(value)) throw new Error(`${SHARD_SIZE_VARIABLE}: expected a positive whole number of commentaries per search shard, got “${value}”`);
	return Number(value);
}

/**
 * How many shards hold this many commentaries (always at least one: the main
 * index holds the pages).
 *
 * @param commentaries
 *   Number of commentary records.
 * @param size
 *   Commentaries per shard.
 */
export function searchShardCount(commentaries: number, size: number): number {
	return Math.max(1, Math.ceil(commentaries / size));
}

/**
 * Items split into consecutive shards of `size` (the last may be shorter;
 * none is empty unless there are no items, then one empty shard).
 *
 * @param items
 *   In reading order.
 * @param size
 *   Items per shard.
 */
export function splitIntoShards<T>(items: readonly T[], size: number): T[][] {
	const shards: T[][] = [];
	for (let start = 0; start < items.length; start += size) shards.push(items.slice(start, start + size));
	return shards.length > 0 ? shards : [[]];
}
