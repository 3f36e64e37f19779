/**
 * Resident memory of a build's process tree, process by process, from Linux
 * `/proc`. GNU time's `%M` (what the benchmark printed before) is the largest
 * resident size of any one process the build waited for, not the tree's sum:
 * a build is `node scripts/build.mjs` → `astro build` → the Pagefind binary
 * (spawned by Pagefind's Node API), and worker threads (the share cards)
 * count within their process. This samples every process of the tree at an
 * interval and keeps, for each, its peak and when it was reached, and the
 * peak of the tree's sum.
 *
 *   node scripts/bench/process-memory.mjs [--interval 0.5] [--trace file.tsv] -- <command> [args…]
 *
 * runs the command, passes its output through, and prints each process's
 * peak and the tree's at the end (`--trace` writes every sample).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ pid: number, command: string, rssMb: number }} ProcessSample
 * @typedef {{ pid: number, command: string, peakMb: number, atSeconds: number }} ProcessPeak
 * @typedef {{ treePeakMb: number, treePeakAtSeconds: number, processes: ProcessPeak[] }} TreeMemory
 */

/**
 * A process's command line, shortened to what tells the build's processes apart.
 *
 * @param {number} pid
 * @returns {string}
 */
function commandOf(pid) {
	const words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
	return words
		.map((word) => (word.includes('/') ? word.replace(/^.*\/(node_modules\/)?/, '') : word))
		.join(' ')
		.slice(0, 100);
}

/**
 * Every process of the tree under `rootPid` (itself included) with its
 * resident memory now. A process that ends between two reads is left out.
 *
 * @param {number} rootPid
 * @returns {ProcessSample[]}
 */
export function sampleTree(rootPid) {
	/** @type {ProcessSample[]} */
	const samples = [];
	const pending = [rootPid];
	while (pending.length > 0) {
		const pid = /** @type {number} */ (pending.pop());
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const rss = /VmRSS:\s+(\d+) kB/.exec(status);
			samples.push({ pid, command: commandOf(pid), rssMb: rss ? Number(rss[1]) / 1024 : 0 });
			for (const task of readdirSync(`/proc/${pid}/task`)) {
				const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
				if (children) pending.push(...children.split(/\s+/).map(Number));
			}
		} catch {
			// The process ended between two reads.
		}
	}
	return samples;
}

/**
 * Follow a process tree until `stop()`: the peak of each process and of the
 * tree's sum.
 *
 * @param {number} rootPid
 * @param {{ intervalMs?: number, onSample?: (seconds: number, samples: ProcessSample[]) => void }} [options]
 * @returns {{ stop(): TreeMemory }}
 */
export function watchTree(rootPid, options = {}) {
	const started = performance.now();
	/** @type {Map<number, ProcessPeak>} */
	const peaks = new Map();
	let treePeakMb = 0;
	let treePeakAtSeconds = 0;
	const take = () => {
		const seconds = (performance.now() - started) / 1000;
		const samples = sampleTree(rootPid);
		let sum = 0;
		for (const sample of samples) {
			sum += sample.rssMb;
			const peak = peaks.get(sample.pid);
			if (!peak || sample.rssMb > peak.peakMb) peaks.set(sample.pid, { pid: sample.pid, command: sample.command, peakMb: sample.rssMb, atSeconds: seconds });
		}
		if (sum > treePeakMb) {
			treePeakMb = sum;
			treePeakAtSeconds = seconds;
		}
		options.onSample?.(seconds, samples);
	};
	take();
	const timer = setInterval(take, options.intervalMs ?? 500);
	return {
		stop() {
			clearInterval(timer);
			const processes = [...peaks.values()].sort((a, b) => b.peakMb - a.peakMb);
			return { treePeakMb, treePeakAtSeconds, processes };
		},
	};
}

/**
 * The peaks as lines of text, largest process first.
 *
 * @param {TreeMemory} memory
 * @param {number} [count] At most this many processes.
 * @returns {string}
 */
export function describeTreeMemory(memory, count = 6) {
	const lines = [`whole tree: peak ${(memory.treePeakMb / 1024).toFixed(2)} GB at ${memory.treePeakAtSeconds.toFixed(1)} s`];
	for (const peak of memory.processes.slice(0, count)) {
		lines.push(`  ${(peak.peakMb / 1024).toFixed(2)} GB at ${peak.atSeconds.toFixed(1)} s  pid ${peak.pid}  ${peak.command}`);
	}
	return lines.join('\n');
}

async function main() {
	const args = process.argv.slice(2);
	const split = args.indexOf('--');
	if (split < 0 || split === args.length - 1) throw new Error('usage: process-memory.mjs [--interval s] [--trace file.tsv] -- <command> [args…]');
	const own = args.slice(0, split);
	const option = (name) => (own.includes(name) ? own[own.indexOf(name) + 1] : undefined);
	const intervalMs = Number(option('--interval') ?? 0.5) * 1000;
	const trace = option('--trace');
	/** @type {string[]} */
	const rows = ['seconds\tpid\trss_mb\tcommand'];
	const [command, ...commandArgs] = args.slice(split + 1);
	const child = spawn(command, commandArgs, { stdio: 'inherit' });
	if (child.pid === undefined) throw new Error(`could not start ${command}`);
	const watch = watchTree(child.pid, {
		intervalMs,
		onSample: trace ? (seconds, samples) => samples.forEach((s) => rows.push(`${seconds.toFixed(2)}\t${s.pid}\t${s.rssMb.toFixed(0)}\t${s.command}`)) : undefined,
	});
	const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)));
	const memory = watch.stop();
	if (trace) writeFileSync(trace, `${rows.join('\n')}\n`);
	process.stderr.write(`${describeTreeMemory(memory)}\n`);
	process.exitCode = code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
