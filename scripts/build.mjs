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
 * Every other argument is passed to `astro build` (`npm run build -- --base
 * /reader/`); `--outDir <dir>` names the final folder (default `dist`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { removeAbandonedStaging, STOP_SIGNALS, takeBuildLock } from './build-guard.mjs';

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
// One build at a time; staging folders of builds killed outright are deleted (scripts/build-guard.mjs).
takeBuildLock(root, 'npm run build');
removeAbandonedStaging(target);

// The `astro` command as npm runs it (its `bin`), found from the project.
const astro = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
// Earlier builds' replaced output, deleted while this build runs.
const leftovers = (existsSync(dirname(target)) ? readdirSync(dirname(target)) : []).filter((name) => name.startsWith(`.replaced-${folderName}-`));
const removingLeftovers = Promise.all(leftovers.map((name) => rm(join(dirname(target), name), { recursive: true, force: true })));

const child = spawn(process.execPath, [astro, 'build', ...(clean ? ['--force'] : []), ...rest, '--outDir', staging], { cwd: root, stdio: 'inherit' });
// Stopped (Ctrl-C, `kill`, a closed terminal): Astro stops, and the close handler below removes the staging folder.
// A build stopped is a failed build, whatever code Astro ends with.
let stoppedBy;
for (const signal of STOP_SIGNALS) {
	process.on(signal, () => {
		stoppedBy = signal;
		child.kill(signal);
	});
}

child.on('close', async (code, signal) => {
	const exitCode = stoppedBy ? 130 : (code ?? (signal ? 128 : 1));
	await removingLeftovers;
	if (exitCode !== 0) {
		rmSync(staging, { recursive: true, force: true });
		const kept = existsSync(target) ? `the previous ${outDir}/ is unchanged` : `no ${outDir}/ was written`;
		process.stderr.write(`\nThe build ${stoppedBy ? `was stopped (${stoppedBy})` : 'failed'} (exit code ${exitCode}); ${kept}.\n`);
		process.exit(exitCode);
	}
	if (existsSync(target)) renameSync(target, replaced);
	try {
		renameSync(staging, target);
	} catch (error) {
		// The new site could not take its place: the previous one goes back.
		if (existsSync(replaced)) renameSync(replaced, target);
		rmSync(staging, { recursive: true, force: true });
		throw error;
	}
	if (clean) rmSync(replaced, { recursive: true, force: true });
	process.exit(0);
});
