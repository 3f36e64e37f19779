/**
 * `npm run build`: `astro build` into a staging folder beside the output
 * folder, swapped into place only when the build succeeds.
 *
 * The build is incremental: Astro keeps its content store (a commentary is
 * rendered again only when its digest changes) and, with
 * `experimental.incrementalBuild`, a copy of every page that has a cache key
 * (a share page is rendered again only when what it prints changed), both in
 * `node_modules/.astro/`. The staging folder starts empty; pages whose key
 * is unchanged are copied into it from that cache. `npm run build -- --clean`
 * passes `--force` instead: the content store and the page cache are ignored
 * and written afresh, as in a fresh checkout (the share-card cache is
 * content-addressed and always kept).
 *
 * Staging: Astro
 * writes pages into its output folder as it renders them, so a build that
 * fails halfway (a content problem found while rendering, a card that cannot
 * be drawn, a route conflict) would otherwise leave hundreds of files of a
 * half-built site in `dist/`. With the swap, a failed build leaves the
 * previous `dist/` exactly as it was (or none, if there was none) and exits
 * with the build's code.
 *
 * The output it replaces is not deleted on the spot: it is renamed aside
 * (`.replaced-dist-<pid>`) and the next build deletes it while Astro builds,
 * the disk's work beside Astro's CPU, which no longer waits at the end of the
 * build for some 150,000 files to be unlinked at 1,000 commentaries (most are
 * hard links into the share-page and card caches, so the folder aside holds
 * little of its own). A clean build (`--clean`) deletes it before it exits.
 *
 * After Astro: the search index, the share cards and the Web Annotations
 * are not made in the astro process. Astro writes what they need to a work
 * file (src/integrations/shard-work.ts) and exits; then two processes do them
 * side by side in the staging folder (scripts/build-shard.ts: the index and
 * the cards; scripts/build-annotations.ts: the annotations), so none of them
 * runs beside what the astro process holds at its peak (its content store,
 * bundler and page models: at 1,000 commentaries the three together passed
 * 4 GB). A failure in either is a failed build like any other. A caller that
 * sets the work file's variable itself (`npm run build:shards`) runs that
 * work in its own jobs.
 *
 * Every other argument is passed to `astro build` (`npm run build -- --base
 * /reader/`); `--outDir <dir>` names the final folder (default `dist`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = process.cwd();
const args = process.argv.slice(2);

/**
 * The output folder the arguments name (`--outDir x` or `--outDir=x`), and the
 * arguments without it.
 *
 * @param {string[]} list Arguments for `astro build`.
 * @returns {{ outDir: string, rest: string[] }}
 */
function takeOutDir(list) {
	const rest = [];
	let outDir = 'dist';
	for (let index = 0; index < list.length; index++) {
		const arg = list[index];
		if (arg === '--outDir' && index + 1 < list.length) outDir = list[++index];
		else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
		else rest.push(arg);
	}
	return { outDir, rest };
}

const { outDir, rest: astroArgs } = takeOutDir(args);
// `--clean` (or Astro's own `--force`): a cold build.
const clean = astroArgs.some((arg) => arg === '--clean' || arg === '--force');
const rest = astroArgs.filter((arg) => arg !== '--clean' && arg !== '--force');
const target = resolve(root, outDir);
const folderName = target.split(/[\\/]/).at(-1);
// Beside the target, so the swap is a rename on one file system.
const staging = join(dirname(target), `.staging-${folderName}-${process.pid}`);
// The output this build replaces, kept aside until the next build deletes it.
const replaced = join(dirname(target), `.replaced-${folderName}-${process.pid}`);

// The `astro` command as npm runs it (its `bin`), found from the project.
const astro = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
// Earlier builds' replaced output, deleted while this build runs.
const leftovers = (existsSync(dirname(target)) ? readdirSync(dirname(target)) : []).filter((name) => name.startsWith(`.replaced-${folderName}-`));
const removingLeftovers = Promise.all(leftovers.map((name) => rm(join(dirname(target), name), { recursive: true, force: true })));

// The variable src/integrations/shard-work.ts reads (`SHARD_WORK_VARIABLE`; not imported, so that this process,
// which waits beside Astro's, loads none of the after-build code).
const WORK_VARIABLE = 'TREATY_READER_SHARD_WORK';
// Set by a caller that runs the after-build work in its own jobs (scripts/build-shards.mjs).
const workByCaller = Boolean(process.env[WORK_VARIABLE]);
const workDir = join(root, 'node_modules', '.cache', 'treaty-reader', `build-work-${process.pid}`);
const workFile = join(workDir, 'work.json');
if (!workByCaller) {
	rmSync(workDir, { recursive: true, force: true });
	mkdirSync(workDir, { recursive: true });
}

/** Children running now, to pass a signal on to. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => running.forEach((child) => child.kill(signal)));

/**
 * Run a Node script; resolve with its exit code.
 *
 * @param {string[]} command Node arguments.
 * @param {NodeJS.ProcessEnv} [env] Environment.
 * @returns {Promise<number>}
 */
function run(command, env = process.env) {
	return new Promise((done) => {
		const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit', env });
		running.add(child);
		child.on('close', (code, signal) => {
			running.delete(child);
			done(code ?? (signal ? 128 : 1));
		});
	});
}

/**
 * Leave no staging folder nor work files, say what happened to the output,
 * and exit with the failed step's code.
 *
 * @param {string} step What failed.
 * @param {number} exitCode Its exit code.
 * @returns {Promise<never>}
 */
async function fail(step, exitCode) {
	await removingLeftovers;
	rmSync(staging, { recursive: true, force: true });
	if (!workByCaller) rmSync(workDir, { recursive: true, force: true });
	const kept = existsSync(target) ? `the previous ${outDir}/ is unchanged` : `no ${outDir}/ was written`;
	process.stderr.write(`\n${step} failed (exit code ${exitCode}); ${kept}.\n`);
	process.exit(exitCode);
}

const astroCommand = [astro, 'build', ...(clean ? ['--force'] : []), ...rest, '--outDir', staging];
const built = await run(astroCommand, workByCaller ? process.env : { ...process.env, [WORK_VARIABLE]: workFile });
if (built !== 0) await fail('The build', built);
if (!workByCaller) {
	// Astro has exited: the index and cards, and the annotations, side by side.
	const scripts = join(root, 'scripts');
	const codes = await Promise.all([run([join(scripts, 'build-shard.ts'), workFile, '0', '1', staging]), run([join(scripts, 'build-annotations.ts'), workFile, staging])]);
	rmSync(workDir, { recursive: true, force: true });
	if (codes[0] !== 0) await fail('The build (search index and share cards)', codes[0]);
	if (codes[1] !== 0) await fail('The build (Web Annotations)', codes[1]);
}
await removingLeftovers;
if (existsSync(target)) renameSync(target, replaced);
renameSync(staging, target);
if (clean) rmSync(replaced, { recursive: true, force: true });
process.exit(0);
