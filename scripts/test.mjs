/**
 * `npm test`: every gate in order, with one summary at the end.
 *
 *   1. prerequisites  Chromium (Debian's package; never a downloaded browser)
 *   2. build          npm run build -- --clean (cold: no content store or page cache from an earlier build)
 *      unit           vitest --project unit, beside the build (below)
 *   3. dist           vitest --project dist     (needs the build)
 *   4. browser        vitest --project browser  (needs the build and Chromium)
 *      typecheck      astro check, then
 *      hardening      vitest --project hardening (bad input through real builds of copies of the
 *                     project; needs no dist/), both beside the browser stage (below)
 *
 * Stages that leave a core idle run beside one another. The build keeps
 * about one core busy; the unit tests build only copies of the project (or
 * stop a build before it reads any content) and read no dist/, so they run
 * beside it. The typecheck writes nothing once the build has generated
 * Astro's types (`astro check --noSync`), and the hardening builds each work
 * on a copy with its own Astro caches; the browser stage neither builds nor
 * writes, so both run beside it, one after the other, on what it leaves idle
 * of the two cores (docs/checks.md has the measurements). Not beside the dist stage: a dist test builds the
 * project under a sub-path, which rewrites Astro's types. A stage that runs
 * beside another holds its output and prints it afterwards under its own
 * banner; the summary lists the stages in their old order, the typecheck
 * first. If the build failed, the typecheck runs alone with its own sync.
 *
 * A failed stage does not stop the stages that do not depend on it; a stage
 * whose dependency failed is reported as failed, never as skipped. The last
 * line printed is exactly `N passed, N failed` (each Vitest test counts; the
 * typecheck and the build count one each), and the exit code is non-zero if
 * anything failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'node_modules', '.bin');
// Children find Astro, Vitest and the project's Node 24 first, whichever Node runs this file.
const env = { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter), FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') };
const reports = mkdtempSync(join(tmpdir(), 'treaty-reader-test-'));

/** @typedef {{ name: string, passed: number, failed: number, seconds: number, note: string, files?: { path: string, seconds: number }[] }} Suite */
/** @type {Suite[]} */
const suites = [];

/** Print a stage banner. */
function banner(title) {
	process.stdout.write(`\n━━ ${title} ${'━'.repeat(Math.max(3, 70 - title.length))}\n`);
}

/**
 * Run a command, its output inherited, or held and returned when `hold` is
 * set (for a stage that runs beside another, whose output it must not cut into).
 * @returns {Promise<{ code: number, seconds: number, output: string }>}
 */
function run(command, args, { hold = false, extraEnv = {} } = {}) {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		let output = '';
		if (hold) {
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
		}
		child.on('error', (error) => {
			output += `Could not start ${command}: ${error.message}\n`;
			if (!hold) process.stderr.write(output);
			resolve({ code: 127, seconds: (performance.now() - started) / 1000, output });
		});
		child.on('close', (code, signal) =>
			resolve({ code: code ?? (signal ? 128 : 1), seconds: (performance.now() - started) / 1000, output }),
		);
	});
}

/**
 * A stage that counts as one test; the caller records the returned suite.
 * With `hold`, its output is returned for the caller to print (see {@link run}).
 * @returns {Promise<Suite & { output: string }>}
 */
async function single(name, command, args, { hold = false } = {}) {
	if (!hold) banner(name);
	const { code, seconds, output } = await run(command, args, { hold });
	return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds, note: code === 0 ? '' : `exit code ${code}`, output };
}

/**
 * A Vitest project: counts every test, and a file that fails to load as one failure.
 * With `hold`, its output is returned for the caller to print (see {@link run}).
 * @returns {Promise<Suite & { output: string }>}
 */
async function vitest(project, { hold = false, extraEnv = {} } = {}) {
	const name = `vitest ${project}`;
	if (!hold) banner(name);
	const report = join(reports, `${project}.json`);
	rmSync(report, { force: true });
	const { code, seconds, output } = await run(
		join(bin, 'vitest'),
		['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
		{ hold, extraEnv },
	);
	let passed = 0;
	let failed = 0;
	let note = '';
	/** @type {{ path: string, seconds: number }[]} */
	let files = [];
	try {
		const result = JSON.parse(readFileSync(report, 'utf8'));
		passed = result.numPassedTests ?? 0;
		files = fileTimes(result);
		failed = result.numFailedTests ?? 0;
		// A test file that cannot even be loaded has no failed tests, only a failed suite.
		const broken = (result.testResults ?? []).filter(
			(file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
		);
		if (broken.length > 0) {
			failed += broken.length;
			note = `${broken.length} file(s) failed to run`;
		}
	} catch {
		note = 'no JSON report';
	}
	if (code !== 0 && failed === 0) {
		failed = 1;
		note ||= `exit code ${code}`;
	}
	return { name, passed, failed, seconds, note, output, files };
}

/**
 * Each test file's wall time from Vitest's JSON report, for the summary's slowest files: the suite is
 * CPU-bound, so the files that take longest are where its time goes. The report times a file from its
 * first test's start, so a `beforeAll` before it (the hardening files' builds) is left out: Vitest's own
 * line per file, printed with the stage, counts it.
 * @returns {{ path: string, seconds: number }[]}
 */
function fileTimes(result) {
	return (result.testResults ?? [])
		.filter((file) => typeof file.startTime === 'number' && typeof file.endTime === 'number')
		.map((file) => ({ path: relative(root, file.name), seconds: (file.endTime - file.startTime) / 1000 }));
}

/** Print the output of a stage that ran beside another, under its own banner. */
function printHeld(suite, beside) {
	banner(`${suite.name} (ran beside ${beside})`);
	process.stdout.write(suite.output);
}

/** A suite as the summary records it (without its held output). */
function record({ output: _output, ...suite }) {
	return suite;
}

/** A stage that could not run because a stage it needs failed; the caller records it. */
function blocked(name, reason) {
	banner(name);
	process.stdout.write(`Not run: ${reason}.\n`);
	return { name, passed: 0, failed: 1, seconds: 0, note: `not run: ${reason}`, output: '' };
}

function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Chromium from Debian, installed with apt when we are root and may. */
function ensureChromium() {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (isExecutable(path)) return { ok: true, path };
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (isRoot && hasApt && process.env.CHROMIUM_PATH === undefined) {
		process.stdout.write('Chromium is missing: running `apt-get update && apt-get install -y chromium fonts-dejavu-core` (Debian package).\n');
		const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
		if (update.status === 0) spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env: aptEnv });
		if (isExecutable(path)) return { ok: true, path };
	}
	return { ok: false, path };
}

function summary() {
	const rows = suites.map((suite) => [
		suite.name,
		suite.failed === 0 ? 'pass' : 'FAIL',
		String(suite.passed),
		String(suite.failed),
		`${suite.seconds.toFixed(1)}s`,
		suite.note,
	]);
	const header = ['suite', 'result', 'passed', 'failed', 'time', 'note'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells) => cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
	banner('summary');
	process.stdout.write(`${line(header)}\n${line(widths.map((width) => '─'.repeat(width)))}\n`);
	for (const row of rows) process.stdout.write(`${line(row)}\n`);
	const slowest = suites
		.flatMap((suite) => (suite.files ?? []).map((file) => ({ ...file, stage: suite.name.replace('vitest ', '') })))
		.sort((a, b) => b.seconds - a.seconds)
		.slice(0, 15);
	if (slowest.length > 0) {
		process.stdout.write("\nSlowest test files (first test's start to last test's end, as Vitest's JSON report times them: a file's beforeAll, where the hardening files build, is not counted):\n");
		for (const file of slowest) process.stdout.write(`${file.seconds.toFixed(1).padStart(7)}s  ${file.stage.padEnd(9)}  ${file.path}\n`);
	}
	const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
	const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
	process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
	return failed;
}

async function main() {
	const started = performance.now();
	banner('prerequisites');
	const chromium = ensureChromium();
	if (!chromium.ok) {
		process.stderr.write(
			`Chromium not found at ${chromium.path}: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH\n`,
		);
		process.stdout.write('\n0 passed, 1 failed\n');
		return 1;
	}
	const nodeVersion = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
	process.stdout.write(`Chromium: ${chromium.path}\nNode for the tools: ${nodeVersion || 'unknown'}\n`);

	// The unit tests build only copies of the project (or stop a build before it reads content) and read no dist/:
	// they run beside the build, which keeps about one core busy. From clean: Astro's content cache does not
	// notice changed Markdown plugins.
	for (const stale of ['dist', '.astro', join('node_modules', '.astro')]) rmSync(join(root, stale), { recursive: true, force: true });
	const unitRunning = vitest('unit', { hold: true });
	const build = await single('build', 'npm', ['run', 'build', '--', '--clean']);
	const built = build.failed === 0;
	process.stdout.write(`Build took ${build.seconds.toFixed(1)}s.\n`);
	const unit = await unitRunning;
	printHeld(unit, 'the build');

	let typecheck;
	/** @type {Suite[]} */
	let after = [];
	if (built) {
		const dist = await vitest('dist');
		// The build generated Astro's types: the typecheck reads them and writes nothing, beside the
		// browser stage, in which nothing rebuilds them; then the hardening builds, each on a copy of
		// the project with its own Astro caches (it does not need dist/, and the browser stage does not
		// write it). Their output is printed after the browser stage's.
		const besideBrowser = (async () => {
			const checked = await single('astro check', join(bin, 'astro'), ['check', '--noSync'], { hold: true });
			// dist/ is this run's build of these files: the shards test compares its one-shard search with a sharded
			// copy's instead of building the copy a third time (tests/hardening/search-shards.test.ts).
			return [checked, await vitest('hardening', { hold: true, extraEnv: { TREATY_READER_TEST_FRESH_DIST: '1' } })];
		})();
		const browser = await vitest('browser');
		const [checked, hardening] = await besideBrowser;
		printHeld(checked, 'vitest browser');
		printHeld(hardening, 'vitest browser');
		typecheck = checked;
		after = [dist, browser, hardening];
	} else {
		// Its own builds, on copies: it does not need dist/, but a project that does not build has nothing to harden.
		after = [blocked('vitest dist', 'the build failed'), blocked('vitest browser', 'the build failed'), blocked('vitest hardening', 'the build failed')];
		typecheck = await single('astro check', join(bin, 'astro'), ['check']);
	}
	// The summary keeps the order of the stages' dependencies: the typecheck first, wherever it ran.
	suites.push(...[typecheck, unit, build, ...after].map(record));

	rmSync(reports, { recursive: true, force: true });
	process.stdout.write(`Total ${((performance.now() - started) / 1000).toFixed(1)}s.\n`);
	return summary() === 0 ? 0 : 1;
}

process.exitCode = await main();
