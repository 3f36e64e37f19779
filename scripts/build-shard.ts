/**
 * One job of `npm run build:shards` (scripts/build-shards.mjs): reads the
 * work file the Astro build left and does this job's share
 * (src/integrations/shard-work.ts). Prints a line of what it did, and writes
 * it as JSON to `<work file>.job-<n>.json` for the parent.
 *
 * Usage: node scripts/build-shard.ts <work file> <job> <jobs> <built site>
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readShardWork, runShardJob } from '../src/integrations/shard-work.ts';

const [file, jobText, jobsText, outDir] = process.argv.slice(2);
const job = Number(jobText);
const jobs = Number(jobsText);
if (!file || !outDir || !Number.isInteger(job) || !Number.isInteger(jobs) || job < 0 || job >= jobs) {
	process.stderr.write('Usage: node scripts/build-shard.ts <work file> <job> <jobs> <built site>\n');
	process.exit(2);
}
const started = performance.now();
const result = await runShardJob(resolve(outDir), readShardWork(file), job, jobs);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
const indexed = result.shards.filter((shard) => !shard.cached).length;
const cards = result.cards ? `, cards ${result.cards.cards} (${result.cards.drawn} drawn, ${result.cards.cached} from cache)` : '';
process.stdout.write(
	`job ${job + 1}/${jobs}: search shards ${result.shards.map((shard) => shard.shard).join(', ') || 'none'} ` +
		`(${indexed} indexed, ${result.shards.length - indexed} from cache)${cards} in ${seconds.toFixed(2)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU\n`,
);
writeFileSync(`${file}.job-${job}.json`, JSON.stringify({ ...result, seconds }));
