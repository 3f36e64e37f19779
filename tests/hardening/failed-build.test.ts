/**
 * A failed build leaves no half-built site: `npm run build` (scripts/build.mjs)
 * builds into a staging folder and swaps it into `dist/` only on success, so
 * after a failure the previous `dist/` is exactly as it was, or there is none.
 * A build stopped while pages are being written, the point where Astro used
 * to leave hundreds of files (a closed terminal, SIGHUP), is the case here,
 * with a second build started while it runs and a staging folder a killed
 * build left; the plain failures are checked on other files' builds (below).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';

const copies: string[] = [];
afterAll(() => {
	for (const copy of copies) removeCopy(copy);
});

/** Staging folders left in a copy's root. */
function stagingLeft(copy: string): string[] {
	return readdirSync(copy).filter((name) => name.startsWith('.staging-'));
}


const PREVIOUS = new Map([
	['index.html', '<!doctype html><title>The previous site</title>'],
	['commentaries/x/index.html', '<!doctype html><title>A previous page</title>'],
]);

// A build that fails keeps the previous dist/ byte for byte (search-shards.test.ts: its last build fails with an
// empty events list over the sharded site, which is then compared file for file and byte for byte with the same
// site built in two processes), and writes no dist/ where there was none (bad-input.test.ts: the build refusing
// every content problem at setup). Both were builds of their own here; what is left is the build stopped half-way.

// The dist/ a build replaces, kept aside and deleted by the next build, failed or not, needs a build that succeeds:
// search-shards.test.ts checks it on its own copy's builds rather than building the whole project once more here.

/** Wait until a test holds, polling; throw after `limit` ms. */
async function until(test: () => boolean, limit: number): Promise<void> {
	const end = Date.now() + limit;
	while (!test()) {
		if (Date.now() > end) throw new Error(`gave up waiting after ${limit} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('a build stopped or killed half-way leaves the previous dist/ and nothing else', () => {
	let copy: string;
	let second: BuildResult;
	let stopped: BuildResult;
	let stagingWhileRunning: string[];
	const ABANDONED = '.staging-dist-999999';

	beforeAll(async () => {
		copy = copyProject('treaty-stopped-build');
		copies.push(copy);
		for (const [file, text] of PREVIOUS) {
			mkdirSync(join(copy, 'dist', file, '..'), { recursive: true });
			writeFileSync(join(copy, 'dist', file), text);
		}
		// A build killed outright (SIGKILL, the out-of-memory killer) could not remove its staging folder or its lock.
		mkdirSync(join(copy, ABANDONED, 'commentaries'), { recursive: true });
		writeFileSync(join(copy, ABANDONED, 'index.html'), '<!doctype html><title>Half built</title>');
		writeFileSync(join(copy, '.build-lock'), '999999');

		const inherited: NodeJS.ProcessEnv = { ...process.env };
		for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete inherited[name];
		const env = { ...inherited, TREATY_READER_SHARE_CARDS: 'off', FORCE_COLOR: '0', NO_COLOR: '1' };
		const first = spawn(process.execPath, [join(copy, 'scripts/build.mjs')], { cwd: copy, env });
		let output = '';
		first.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		first.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const ended = new Promise<BuildResult>((resolve) => first.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output })));
		const own = `.staging-dist-${first.pid}`;
		// Half-way: Astro has started writing pages into the staging folder.
		await until(() => existsSync(join(copy, own, 'index.html')) || existsSync(join(copy, own, 'commentaries')), 540_000);
		stagingWhileRunning = stagingLeft(copy);
		// A second build while the first runs.
		second = await buildCopy(copy, { TREATY_READER_SHARE_CARDS: 'off' });
		// A closed terminal.
		first.kill('SIGHUP');
		stopped = await ended;
	}, 900_000);

	it('should delete the staging folder a killed build left, once its process is gone', () => {
		expect(stagingWhileRunning).not.toContain(ABANDONED);
	});

	it('should refuse a second build while one runs, naming it, and change nothing', () => {
		expect(second.code).not.toBe(0);
		expect(second.output).toContain('another build');
		expect(stagingWhileRunning).toHaveLength(1);
	});

	it('should stop on SIGHUP, say so, keep the previous dist/ byte for byte and leave no staging folder or lock', () => {
		expect(stopped.code, stopped.output.slice(-2000)).not.toBe(0);
		expect(stopped.output).toContain('the previous dist/ is unchanged');
		expect(listFiles(join(copy, 'dist'))).toEqual([...PREVIOUS.keys()].sort());
		for (const [file, text] of PREVIOUS) expect(readFileSync(join(copy, 'dist', file), 'utf8')).toBe(text);
		expect(stagingLeft(copy)).toEqual([]);
		expect(existsSync(join(copy, '.build-lock'))).toBe(false);
	});
});
