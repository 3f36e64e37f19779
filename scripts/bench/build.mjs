/**
 * One timed build of a project copy: `astro build`, every output line stamped
 * as it arrives, its memory, and the stages read from those lines:
 *
 *   content      `[content] Syncing content` → `Synced content`: the glob
 *                loader renders every commentary through the Markdown pipeline
 *   vite         the bundling between content and page generation
 *   pages        `generating static routes` → its `✓ Completed in`
 *   after pages  from there to the end: integration hooks (the share cards'
 *                tail, `share cards: …`, and search indexing)
 *
 * The share-card line of the `treaty-reader` integration carries its own
 * counts and drawing time; search indexing ends with its `search index: …`
 * line and starts where the hook before it ended.
 *
 * Memory: `peakRssMb` is the peak of the resident memory of the build's whole
 * process tree, summed (`node scripts/build.mjs`, `astro build` with its card
 * threads, the Pagefind binary), sampled every 250 ms from `/proc`
 * (./process-memory.mjs); `peakProcess` names the process that held the most
 * at its own peak and when. GNU time's `%M`, which this printed before, is
 * the largest single process only (`largestProcessRssMb`, exact, kept beside).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { watchTree } from './process-memory.mjs';

const GNU_TIME = '/usr/bin/time';

/**
 * @typedef {{ at: number, text: string }} Line
 * @typedef {{
 *   ok: boolean, code: number, seconds: number, peakRssMb: number | null, largestProcessRssMb: number | null,
 *   peakAtSeconds: number | null, peakProcess: { command: string, mb: number, atSeconds: number } | null,
 *   stages: Record<string, number | null>, cards: Record<string, number> | null, lines: Line[], log: string
 * }} BuildResult
 */

/**
 * Run `npm run build` (scripts/build.mjs: incremental, staged) in a project
 * copy, or with `astro: true` plain `astro build` (a copy without the
 * project's scripts, such as the plain site).
 *
 * @param {string} root Project copy.
 * @param {{ args?: string[], env?: Record<string, string>, astro?: boolean }} [options]
 * @returns {Promise<BuildResult>}
 */
export function timedBuild(root, options = {}) {
	const astro = join(root, 'node_modules', '.bin', 'astro');
	const [program, ...args] = options.astro
		? [astro, 'build', ...(options.args ?? [])]
		: [process.execPath, join(root, 'scripts', 'build.mjs'), ...(options.args ?? [])];
	const useTime = existsSync(GNU_TIME);
	const command = useTime ? GNU_TIME : program;
	const commandArgs = useTime ? ['-f', 'GNU_TIME_MAXRSS_KB=%M', program, ...args] : args;
	const started = performance.now();
	/** @type {Line[]} */
	const lines = [];
	return new Promise((resolve) => {
		const child = spawn(command, commandArgs, {
			cwd: root,
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const collect = (stream) => {
			let rest = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk) => {
				const at = (performance.now() - started) / 1000;
				const parts = (rest + chunk).split('\n');
				rest = parts.pop() ?? '';
				for (const text of parts) lines.push({ at, text });
			});
			stream.on('end', () => {
				if (rest) lines.push({ at: (performance.now() - started) / 1000, text: rest });
			});
		};
		collect(child.stdout);
		collect(child.stderr);
		const memory = child.pid === undefined ? undefined : watchTree(child.pid, { intervalMs: 250 });
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			const rss = lines.map((line) => /GNU_TIME_MAXRSS_KB=(\d+)/.exec(line.text)).find(Boolean);
			const tree = memory?.stop();
			const largest = tree?.processes[0];
			resolve({
				ok: code === 0,
				code: code ?? 1,
				seconds,
				peakRssMb: tree ? tree.treePeakMb : null,
				peakAtSeconds: tree ? tree.treePeakAtSeconds : null,
				peakProcess: largest ? { command: largest.command, mb: largest.peakMb, atSeconds: largest.atSeconds } : null,
				largestProcessRssMb: rss ? Number(rss[1]) / 1024 : null,
				stages: stagesOf(lines, seconds),
				cards: cardsOf(lines),
				lines,
				log: lines.map((line) => `${line.at.toFixed(2).padStart(8)}  ${line.text}`).join('\n'),
			});
		});
	});
}

/**
 * The first line matching `pattern` at or after index `from`.
 *
 * @param {Line[]} lines
 * @param {RegExp} pattern
 * @param {number} [from]
 * @returns {number} Index, or -1.
 */
function find(lines, pattern, from = 0) {
	for (let index = from; index < lines.length; index++) if (pattern.test(lines[index].text)) return index;
	return -1;
}

/**
 * Stage durations in seconds, from the stamped lines.
 *
 * @param {Line[]} lines
 * @param {number} total Build seconds.
 * @returns {Record<string, number | null>}
 */
export function stagesOf(lines, total) {
	const syncing = find(lines, /\[content\] Syncing content/);
	const synced = find(lines, /\[content\] Synced content/, Math.max(0, syncing));
	const generating = find(lines, /generating static routes/);
	const generated = generating >= 0 ? find(lines, /✓ Completed in/, generating) : -1;
	const at = (index) => (index >= 0 ? lines[index].at : null);
	const span = (from, to) => (from !== null && to !== null ? Math.max(0, to - from) : null);
	const cardsLine = find(lines, /share cards: \d+/);
	const searchLine = find(lines, /search index: \d+/);
	// Hooks after page generation run one after another: each ends with its own line.
	const since = (index) => Math.max(...[generated, cardsLine, searchLine].filter((other) => other >= 0 && other < index).map((other) => lines[other].at));
	return {
		content: span(at(syncing), at(synced)),
		vite: span(at(synced), at(generating)),
		pages: span(at(generating), at(generated)),
		afterPages: span(at(generated), total),
		cardsTail: cardsLine >= 0 && generated >= 0 ? span(since(cardsLine), at(cardsLine)) : null,
		search: searchLine >= 0 && generated >= 0 ? span(since(searchLine), at(searchLine)) : null,
	};
}

/**
 * What the share-card line of the integration says.
 *
 * @param {Line[]} lines
 * @returns {Record<string, number> | null}
 */
export function cardsOf(lines) {
	const line = lines.find((item) => /share cards: \d+/.test(item.text))?.text;
	if (!line) return null;
	const match = /share cards: (\d+) \((\d+) drawn, (\d+) from cache\) by (\d+) thread\(s\), (\d+) KiB, ([\d.]+) ms per drawing \(([\d.]+) ms CPU\), ready ([\d.]+) s/.exec(line);
	if (!match) return null;
	const [, cards, drawn, cached, threads, kib, msPerDrawing, cpuMsPerDrawing, ready] = match.map(Number);
	return { cards, drawn, cached, threads, kib, msPerDrawing, cpuMsPerDrawing, readySeconds: ready };
}
