/**
 * One job of the work after Astro (src/integrations/shard-work.ts): reads the
 * work file the Astro build left and does this job's share, the search index
 * shards and the share cards. `npm run build` (scripts/build.mjs) runs one
 * job, which prints the same lines as a build that indexes in its own process
 * (`search index: …`, `share cards: …`); `npm run build:shards`
 * (scripts/build-shards.mjs) runs N, each printing a line of what it did.
 * Either way what it did is written as JSON to `<work file>.job-<n>.json`
 * for the parent.
 *
 * Usage: node scripts/build-shard.ts <work file> <job> <jobs> <built site>
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeCards } from '../src/features/cards/share-cards.ts';
import { describeSearchIndex, pruneShardCache } from '../src/features/search/pagefind.ts';
import { readShardWork, runShardJob } from '../src/integrations/shard-work.ts';

const [file, jobText, jobsText, outDir] = process.argv.slice(2);
const job = Number(jobText);
const jobs = Number(jobsText);
if (!file || !outDir || !Number.isInteger(job) || !Number.isInteger(jobs) || job < 0 || job >= jobs) {
	process.stderr.write('Usage: node scripts/build-shard.ts <work file> <job> <jobs> <built site>\n');
	process.exit(2);
}
const started = performance.now();
const work = readShardWork(file);
const result = await runShardJob(resolve(outDir), work, job, jobs);
// The only job: the cache keeps the shards it used (with N jobs the parent prunes once all are done).
if (jobs === 1) await pruneShardCache(work.searchCacheDir, result.shards.map((shard) => shard.key));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
if (jobs === 1) {
	// The whole index and every card: the lines a one-process build prints.
	process.stdout.write(`${describeSearchIndex(result.index, result.shards, result.indexMs)}\n`);
	if (result.cards) process.stdout.write(`${describeCards(result.cards)}\n`);
} else {
	const indexed = result.shards.filter((shard) => !shard.cached).length;
	const cards = result.cards ? `, cards ${result.cards.cards} (${result.cards.drawn} drawn, ${result.cards.cached} from cache)` : '';
	process.stdout.write(
		`job ${job + 1}/${jobs}: search shards ${result.shards.map((shard) => shard.shard).join(', ') || 'none'} ` +
			`(${indexed} indexed, ${result.shards.length - indexed} from cache)${cards} in ${seconds.toFixed(2)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU\n`,
	);
}
writeFileSync(`${file}.job-${job}.json`, JSON.stringify({ ...result, seconds }));
