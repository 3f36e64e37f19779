/**
 * `node scripts/bench/shards.mjs --work <file> --site <dir>`: the search
 * index's shard jobs measured on their own, from the work file a build
 * leaves (`TREATY_READER_SHARD_WORK=<file> npm run build`) and the site it
 * built. For each shard size and number of processes: a cold index (empty
 * shard cache), then a rebuild after one commentary's record changed (the
 * last one, as a new or edited recent commentary would), each as wall time
 * and CPU of the jobs and the Pagefind service they start (`/usr/bin/time`).
 * Cards are left out: their cache is measured by `npm run bench`.
 *
 * Options: `--sizes 1000,250,100` (commentaries per shard), `--jobs 1,2`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
/** @param {string} name @param {string} [fallback] */
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	const value = at >= 0 ? args[at + 1] : fallback;
	if (value === undefined) throw new Error(`shards bench: --${name} is required`);
	return value;
};
const workFile = resolve(option('work'));
const site = resolve(option('site'));
const sizes = option('sizes', '1000,250,100').split(',').map(Number);
const jobCounts = option('jobs', '1,2').split(',').map(Number);
const root = process.cwd();
const work = JSON.parse(readFileSync(workFile, 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'shards-bench-'));

/**
 * Run the jobs at once, each under `/usr/bin/time`; wall seconds of the whole and CPU seconds summed.
 *
 * @param {object} variant The work to do.
 * @param {number} jobs Processes.
 * @returns {{ wall: number, cpu: number }}
 */
function runJobs(variant, jobs) {
	const file = join(scratch, 'work.json');
	writeFileSync(file, JSON.stringify(variant));
	const script = Array.from(
		{ length: jobs },
		(_, job) => `/usr/bin/time -f "%U %S" -o ${file}.time-${job} ${JSON.stringify(process.execPath)} scripts/build-shard.ts ${file} ${job} ${jobs} ${JSON.stringify(site)} > /dev/null &`,
	).join('\n');
	const started = performance.now();
	const result = spawnSync('sh', ['-c', `${script}\nwait`], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
	const wall = (performance.now() - started) / 1000;
	if (result.status !== 0) throw new Error('shards bench: a job failed');
	let cpu = 0;
	for (let job = 0; job < jobs; job++) {
		const [user, system] = readFileSync(`${file}.time-${job}`, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
		cpu += user + system;
	}
	return { wall, cpu };
}

const rows = [];
for (const size of sizes) {
	for (const jobs of jobCounts) {
		const cacheDir = join(scratch, 'cache');
		rmSync(cacheDir, { recursive: true, force: true });
		const base = { ...work, shardSize: size, searchCacheDir: cacheDir, cardCacheDir: null, reuse: true };
		const cold = runJobs(base, jobs);
		const records = [...base.records];
		const last = records.at(-1);
		records[records.length - 1] = { ...last, content: last.content.replace(' the ', ' the edited ') };
		const rebuild = runJobs({ ...base, records }, jobs);
		const shards = Math.max(1, Math.ceil(work.records.length / size));
		rows.push({ size, shards, jobs, cold, rebuild });
		process.stdout.write(
			`${work.records.length} commentaries, ${size} per shard (${shards} shards), ${jobs} process(es): ` +
				`cold ${cold.wall.toFixed(1)} s wall / ${cold.cpu.toFixed(1)} s CPU, rebuild after one edit ${rebuild.wall.toFixed(1)} s wall / ${rebuild.cpu.toFixed(1)} s CPU\n`,
		);
	}
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write('\n| per shard | shards | processes | cold wall | cold CPU | rebuild wall | rebuild CPU |\n|---|---|---|---|---|---|---|\n');
for (const row of rows) {
	process.stdout.write(
		`| ${row.size} | ${row.shards} | ${row.jobs} | ${row.cold.wall.toFixed(1)} s | ${row.cold.cpu.toFixed(1)} s | ${row.rebuild.wall.toFixed(1)} s | ${row.rebuild.cpu.toFixed(1)} s |\n`,
	);
}
