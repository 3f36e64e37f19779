/**
 * `npm run build:shards -- --shards 2`: the build split into jobs run in
 * parallel, here as local processes (on several machines they would share
 * the project folder's caches the same way).
 *
 * 1. `astro build` (through scripts/build.mjs, into a staging folder) builds
 *    every page once and leaves the search index and the share cards to the
 *    jobs: it writes what they need to a work file
 *    (src/integrations/shard-work.ts).
 * 2. N processes (scripts/build-shard.ts) each index their search shards
 *    (shard k goes to job k mod N; an unchanged shard is copied from the
 *    shard cache) and draw their shards' cards into the shared card cache,
 *    placing both into the staging folder; beside them one more
 *    (scripts/build-annotations.ts) writes the Web Annotations.
 * 3. The shard cache keeps only the shards this build used; the staging
 *    folder replaces `dist/` (or `--outDir`) only when every step succeeded.
 *
 * The site is the one `npm run build` writes. Every argument besides
 * `--shards N` and `--outDir` is passed on (`--clean`, `--base /reader/`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pruneShardCache, SEARCH_SHARD_CACHE_DIR } from '../src/features/search/pagefind.ts';
import { SHARD_WORK_VARIABLE } from '../src/integrations/shard-work.ts';

const root = process.cwd();
const args = process.argv.slice(2);
let jobs = 2;
let outDir = 'dist';
const rest = [];
for (let index = 0; index < args.length; index++) {
	const arg = args[index];
	if (arg === '--shards') jobs = Number(args[++index]);
	else if (arg.startsWith('--shards=')) jobs = Number(arg.slice('--shards='.length));
	else if (arg === '--outDir') outDir = args[++index];
	else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
	else rest.push(arg);
}
if (!Number.isInteger(jobs) || jobs < 1) {
	process.stderr.write('build:shards: --shards takes a whole number of processes, at least 1\n');
	process.exit(2);
}
const target = resolve(root, outDir);
const staging = join(dirname(target), `.shards-${target.split(/[\\/]/).at(-1)}-${process.pid}`);
const workDir = join(root, 'node_modules', '.cache', 'treaty-reader', `shard-work-${process.pid}`);
const workFile = join(workDir, 'work.json');

/**
 * Run a command; resolve with its exit code.
 *
 * @param {string[]} command Node arguments.
 * @param {NodeJS.ProcessEnv} env Environment.
 * @returns {Promise<number>}
 */
function run(command, env) {
	return new Promise((done) => {
		const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit', env });
		child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
	});
}

/** Remove the staging folder and the work files, report, and exit. */
function fail(step, code) {
	rmSync(staging, { recursive: true, force: true });
	rmSync(workDir, { recursive: true, force: true });
	const kept = existsSync(target) ? `the previous ${outDir}/ is unchanged` : `no ${outDir}/ was written`;
	process.stderr.write(`\nbuild:shards: ${step} failed (exit code ${code}); ${kept}.\n`);
	process.exit(code);
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const started = performance.now();
const built = await run([join(root, 'scripts', 'build.mjs'), ...rest, '--outDir', staging], { ...process.env, [SHARD_WORK_VARIABLE]: workFile });
if (built !== 0) fail('the Astro build', built);
const astroSeconds = (performance.now() - started) / 1000;
const [annotated, ...codes] = await Promise.all([
	run([join(root, 'scripts', 'build-annotations.ts'), workFile, staging], process.env),
	...Array.from({ length: jobs }, (_, job) => run([join(root, 'scripts', 'build-shard.ts'), workFile, String(job), String(jobs), staging], process.env)),
]);
const failed = codes.find((code) => code !== 0);
if (failed !== undefined) fail('a shard job', failed);
if (annotated !== 0) fail('the Web Annotations', annotated);
const keys = codes.flatMap((_, job) => JSON.parse(readFileSync(`${workFile}.job-${job}.json`, 'utf8')).shards.map((shard) => shard.key));
await pruneShardCache(join(root, SEARCH_SHARD_CACHE_DIR), keys);
rmSync(workDir, { recursive: true, force: true });
const previous = `${staging}-previous`;
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`build:shards: Astro ${astroSeconds.toFixed(1)} s, then ${jobs} job(s) ${(seconds - astroSeconds).toFixed(1)} s; ${seconds.toFixed(1)} s in all\n`);
