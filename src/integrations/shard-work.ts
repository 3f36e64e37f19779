/**
 * The work after Astro, in processes of their own. `npm run build`
 * (scripts/build.mjs, one job) and `npm run build:shards -- --shards 2`
 * (scripts/build-shards.mjs, N jobs) both have Astro build the pages and,
 * instead of indexing, placing the cards and writing the Web Annotations
 * itself, write what that work needs to a work file (`writeShardWork`). Once
 * the astro process has exited (and so let go of everything it held), each of
 * N jobs, a process of its own (scripts/build-shard.ts), takes its share
 * (`runShardJob`): the search index shards numbered `job`, `job + N`, …
 * (src/features/search/pagefind.ts, each copied from the shard cache when
 * unchanged) and the share cards of those shards' sentences, drawn into the
 * shared card cache and placed into the output folder
 * (src/features/cards/share-cards.ts); beside them another process
 * (scripts/build-annotations.ts) writes the Web Annotations from the built
 * reading pages (`runAnnotationsJob`). What comes out is the site the
 * integration writes when it does all of this itself, in the astro process
 * (`astro build` run directly).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../build/channel.ts';
import { workJson } from './work-json.ts';
import type { ShareCardRequest } from '../features/cards/share-card.ts';
import { createShareCardRun, type CardStats } from '../features/cards/share-cards.ts';
import { writeAnnotations, type AnnotationsWritten } from '../features/dataset/annotations-file.ts';
import { indexSearchShard, planSearchShards, type IndexSummary, type SearchShard, type ShardResult } from '../features/search/pagefind.ts';

/** The variable that tells the build to write the work file (its path) instead of indexing and placing cards. */
export const SHARD_WORK_VARIABLE = 'TREATY_READER_SHARD_WORK';

/** What the jobs need, as the build leaves it. */
export interface ShardWork {
	/** Commentaries per search shard. */
	shardSize: number;
	/** The code digest the shard cache is keyed on. */
	code: string;
	/** Whether cached shards may be reused (not after `--clean`). */
	reuse: boolean;
	/** The search shards' cache folder (absolute). */
	searchCacheDir: string;
	/** The card cache folder (absolute), or `null` when cards are off. */
	cardCacheDir: string | null;
	/** The commentaries' search records in reading order. */
	records: SearchRecord[];
	/** Every card the share pages asked for. */
	cards: ShareCardRequest[];
	/** Claim ids of the share pages built: each must get its card. */
	sharePages: string[];
	/** The Web Annotations: the site's base and their cache folder (absolute). */
	annotations: { base: string; cacheDir: string };
}

/** What one job did. */
export interface ShardJobResult {
	shards: ShardResult[];
	/** Pages and commentary records in the whole index (every job plans every shard). */
	index: IndexSummary;
	/** Milliseconds this job's shards took. */
	indexMs: number;
	cards: CardStats | null;
}

/**
 * Write the work file.
 *
 * @param file
 *   Its path.
 * @param work
 *   The work.
 */
export function writeShardWork(file: string, work: ShardWork): void {
	const fd = openSync(file, 'w');
	try {
		for (const chunk of workJson(work)) writeSync(fd, chunk);
	} finally {
		closeSync(fd);
	}
}


/**
 * Read a work file written by `writeShardWork` (by this same code, a moment
 * before, so its shape is checked only at the top).
 *
 * @param file
 *   Its path.
 * @returns
 *   The work.
 * @throws
 *   When the file does not hold a work description.
 */
export function readShardWork(file: string): ShardWork {
	const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
	const fields = ['shardSize', 'code', 'reuse', 'searchCacheDir', 'cardCacheDir', 'records', 'cards', 'sharePages', 'annotations'];
	if (typeof data !== 'object' || data === null || !fields.every((field) => field in data)) {
		throw new Error(`${file}: not a shard work file (expected the fields ${fields.join(', ')})`);
	}
	// cast: written by `writeShardWork` from a `ShardWork` in the same build; its fields are checked above.
	return data as ShardWork;
}

/**
 * The job that takes a card: the job of the shard whose record holds the
 * sentence, or (a sentence no record holds) one chosen by the id's digest,
 * the same in every job.
 *
 * @param id
 *   Claim id.
 * @param shardOfClaim
 *   Claim id → shard number.
 * @param jobs
 *   Number of jobs.
 */
function jobOfCard(id: string, shardOfClaim: ReadonlyMap<string, number>, jobs: number): number {
	const shard = shardOfClaim.get(id);
	if (shard !== undefined) return shard % jobs;
	return createHash('sha256').update(id).digest().readUInt32BE(0) % jobs;
}

/**
 * Claim id → shard, from the ids the records' claims carry (`id="c-…"`).
 *
 * @param shards
 *   The planned shards.
 */
function claimShards(shards: readonly SearchShard[]): Map<string, number> {
	const map = new Map<string, number>();
	for (const shard of shards) {
		for (const record of shard.records) for (const match of record.content.matchAll(/\sid="(c-[0-9a-f]+)"/g)) map.set(match[1] ?? '', shard.shard);
	}
	return map;
}

/**
 * Do one job's share of the work: index its search shards and draw and
 * place its cards. The card threads draw while the shards are indexed.
 *
 * @param outDir
 *   The built site (absolute): where the build left it (the build moves its
 *   output folder into place when it ends, so the work file does not name it).
 * @param work
 *   The work file's content.
 * @param job
 *   This job's number (from 0).
 * @param jobs
 *   How many jobs share the work.
 * @returns
 *   What was done.
 */
export async function runShardJob(outDir: string, work: ShardWork, job: number, jobs: number): Promise<ShardJobResult> {
	const shards = await planSearchShards(outDir, work.records, work.shardSize);
	const index = { pages: shards[0]?.pages.length ?? 0, records: work.records.length };
	const mine = shards.filter((shard) => shard.shard % jobs === job);
	const shardOfClaim = claimShards(shards);
	const run = work.cardCacheDir === null ? undefined : createShareCardRun({ cacheDir: work.cardCacheDir });
	run?.request(work.cards.filter((request) => jobOfCard(request.id, shardOfClaim, jobs) === job));
	const results: ShardResult[] = [];
	const started = performance.now();
	try {
		for (const shard of mine) results.push(await indexSearchShard(outDir, shard, { cacheDir: work.searchCacheDir, code: work.code, reuse: work.reuse }));
	} catch (error) {
		await run?.close();
		throw error;
	} finally {
		await pagefind.close();
	}
	const indexMs = performance.now() - started;
	if (!run) return { shards: results, index, indexMs, cards: null };
	const cards = await run.finish(
		outDir,
		work.sharePages.filter((id) => jobOfCard(id, shardOfClaim, jobs) === job),
	);
	return { shards: results, index, indexMs, cards };
}

/**
 * Write the Web Annotations (`/data/annotations.jsonld`) of a built site, as
 * the work file says: measured on its reading pages, each commentary's kept
 * in the annotation cache.
 *
 * @param outDir
 *   The built site (absolute).
 * @param work
 *   The work file's content.
 * @returns
 *   What was written.
 */
export function runAnnotationsJob(outDir: string, work: ShardWork): Promise<AnnotationsWritten> {
	return writeAnnotations(outDir, work.annotations.base, { cacheDir: work.annotations.cacheDir, code: work.code, reuse: work.reuse });
}
