/**
 * What keeps a build from leaving a half-built site behind when it does not
 * end by itself, shared by `npm run build` (scripts/build.mjs) and
 * `npm run build:shards` (scripts/build-shards.mjs):
 *
 * - one build at a time per project: two builds would write the same content
 *   store and page cache (`node_modules/.astro/`) and race for the swap, so a
 *   second build stops at once, naming the one that runs;
 * - a build killed outright (SIGKILL, the machine's out-of-memory killer, a
 *   closed terminal) cannot remove its staging folder: the next build deletes
 *   every staging folder whose process is gone.
 *
 * A build stopped by SIGINT, SIGTERM or SIGHUP cleans up after itself (the
 * scripts forward the signal to their children and remove their staging
 * folder), so these only matter when that could not run.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The signals a build stops for, cleaning up first. */
export const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Set by a build script for the build it runs itself (build:shards runs
 * `npm run build`), which then does not ask for the lock its parent holds.
 */
export const LOCK_HELD_VARIABLE = 'TREATY_READER_BUILD_LOCK_HELD';

/** Prefixes of the folders a build writes beside its output folder, each ending in the builder's process id. */
const STAGING_PREFIXES = ['.staging-', '.shards-'];

/**
 * Whether a process is running.
 *
 * @param {number} pid Process id.
 * @returns {boolean}
 */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/**
 * The process id a staging folder's name ends in, or undefined for any other
 * name: `.staging-dist-1234` (npm run build), `.shards-dist-1234` and
 * `.shards-dist-1234-previous` (build:shards), and
 * `.staging-.shards-dist-1234-5678` (the build that build:shards runs).
 *
 * @param {string} name Folder name.
 * @param {string} folderName The output folder's name (`dist`).
 * @returns {number | undefined}
 */
export function stagingOwner(name, folderName) {
	const match = /^(?:\.staging-|\.shards-)(.+)-(\d+)(?:-previous)?$/.exec(name);
	if (!match) return undefined;
	const [, output = '', pid = ''] = match;
	const ours = output === folderName || (output.startsWith(`.shards-${folderName}-`) && /^\d+$/.test(output.slice(`.shards-${folderName}-`.length)));
	return ours ? Number(pid) : undefined;
}

/**
 * Delete the staging folders beside an output folder that builds no longer
 * running left behind.
 *
 * @param {string} target The output folder (absolute).
 * @returns {string[]} The names deleted.
 */
export function removeAbandonedStaging(target) {
	const parent = dirname(target);
	if (!existsSync(parent)) return [];
	const folderName = target.split(/[\\/]/).at(-1) ?? '';
	const removed = [];
	for (const name of readdirSync(parent)) {
		const owner = stagingOwner(name, folderName);
		if (owner === undefined || owner === process.pid || alive(owner)) continue;
		rmSync(join(parent, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}

/**
 * Take the project's build lock (`.build-lock` in its root, holding the
 * builder's process id), or stop the process with a message if a running
 * build holds it. A lock whose process is gone is taken over. (Not under
 * `node_modules/.cache/`: test copies of the project share that folder.)
 *
 * @param {string} root The project's root.
 * @param {string} command What is building, for the message (`npm run build`).
 * @returns {() => void} Releases the lock (safe to call twice).
 */
export function takeBuildLock(root, command) {
	if (process.env[LOCK_HELD_VARIABLE]) return () => {};
	const file = join(root, '.build-lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, String(process.pid), { flag: 'wx' });
			let held = true;
			const release = () => {
				if (held && existsSync(file) && readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
				held = false;
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
		if (Number.isInteger(owner) && alive(owner)) {
			process.stderr.write(`${command}: another build (process ${owner}) is running in this project; wait for it to end, then build again. Nothing was changed.\n`);
			process.exit(1);
		}
		// Its build was killed: the lock is stale.
		rmSync(file, { force: true });
	}
	process.stderr.write(`${command}: could not take the build lock ${file}\n`);
	process.exit(1);
}
