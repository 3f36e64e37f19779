/**
 * A copy of the project in a temp folder, for running the real `astro build`
 * on changed content: everything but `node_modules`, `dist`, `.astro` and
 * `.git`. The copy's `node_modules` links to each of the project's packages
 * but is a folder of its own, so Astro's caches in it (`node_modules/.astro`:
 * the content store, the incremental build's manifest) belong to the copy,
 * and copies can build at the same time. The share-card cache
 * (content-addressed, written by rename, never pruned) is shared, as it is
 * between builds of the project; the other caches under `node_modules/.cache`
 * (search shards, Web Annotations, citations) are pruned by every build to
 * what that build used, so each copy has its own: a copy pruning a shared one
 * removed what another copy was writing.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD_CACHE_DIR } from '../../src/features/cards/share-cards.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const LEFT_OUT = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', '.build-lock']);

/**
 * Copy the project to a new temp folder.
 *
 * @param prefix
 *   Start of the folder's name.
 * @returns
 *   The copy's root.
 */
export function copyProject(prefix: string): string {
	const copy = mkdtempSync(join(tmpdir(), `${prefix}-`));
	for (const name of readdirSync(PROJECT_ROOT)) {
		// A build running in the project writes into `.staging-dist-<pid>` (scripts/build.mjs).
		if (LEFT_OUT.has(name) || name.startsWith('.staging-')) continue;
		cpSync(join(PROJECT_ROOT, name), join(copy, name), { recursive: true });
	}
	mkdirSync(join(copy, 'node_modules'));
	for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
		if (name === '.astro' || name === '.vite' || name === '.cache') continue;
		symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(copy, 'node_modules', name));
	}
	const cards = join(PROJECT_ROOT, CARD_CACHE_DIR);
	mkdirSync(cards, { recursive: true });
	mkdirSync(dirname(join(copy, CARD_CACHE_DIR)), { recursive: true });
	symlinkSync(cards, join(copy, CARD_CACHE_DIR));
	return copy;
}

/**
 * Edit a file of a copy; an edit that changes nothing is a broken fixture.
 *
 * @param copy
 *   The copy's root.
 * @param file
 *   Path inside the copy.
 * @param change
 *   The file's text → its new text.
 */
export function editCopy(copy: string, file: string, change: (text: string) => string): void {
	const path = join(copy, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`fixture: editing ${file} changed nothing`);
	writeFileSync(path, after);
}

/**
 * The 1-based line of the first occurrence of `needle` in a file of a copy.
 *
 * @param copy
 *   The copy's root.
 * @param file
 *   Path inside the copy.
 * @param needle
 *   Text the file holds.
 * @returns
 *   Its line.
 */
export function lineInCopy(copy: string, file: string, needle: string): number {
	const text = readFileSync(join(copy, file), 'utf8');
	const at = text.indexOf(needle);
	if (at < 0) throw new Error(`fixture: “${needle}” is not in ${file}`);
	return text.slice(0, at).split('\n').length;
}

/** Remove a copy made by `copyProject`. */
export function removeCopy(copy: string): void {
	if (basename(dirname(copy)) === basename(tmpdir()) || copy.startsWith(tmpdir())) rmSync(copy, { recursive: true, force: true });
}

/** What a build printed and how it ended. */
export interface BuildResult {
	code: number;
	/** stdout and stderr, without colour codes. */
	output: string;
}

/** Builds running now, and builds waiting for one of them to end. */
let running = 0;
const waiting: (() => void)[] = [];
/** One build per core: Astro renders on one thread, so two cores build two copies in about the time of one. */
const BUILDS_AT_ONCE = Math.max(1, availableParallelism());

/**
 * Run `npm run build` (scripts/build.mjs) in a copy. Calls may
 * overlap: up to one build per core runs at a time, the others wait.
 *
 * @param copy
 *   The copy's root.
 * @param env
 *   Extra environment (e.g. `TZ`, `LANG`).
 * @param args
 *   Arguments for `npm run build` (e.g. `--clean`).
 * @returns
 *   Exit code and output.
 */
export async function buildCopy(copy: string, env?: Readonly<Record<string, string>>, args: readonly string[] = []): Promise<BuildResult> {
	// A build that ends hands its place to the first waiting one.
	if (running < BUILDS_AT_ONCE) running++;
	else await new Promise<void>((resolve) => waiting.push(resolve));
	try {
		return await runBuild(copy, env, args);
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

/** One `npm run build` in a copy: `astro build` (incremental; `--clean` for cold) into a staging folder, swapped into `dist/` on success (scripts/build.mjs). */
function runBuild(copy: string, env: Readonly<Record<string, string>> | undefined, args: readonly string[]): Promise<BuildResult> {
	const build = join(copy, 'scripts', 'build.mjs');
	// Vitest sets these in its workers, and Vite would take them for the site's own.
	const inherited: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete inherited[name];
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [build, ...args], {
			cwd: copy,
			env: { ...inherited, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
	});
}
