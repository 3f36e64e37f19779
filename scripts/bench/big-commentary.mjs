/**
 * `npm run bench:big`: one very long commentary, built as a contributor
 * would, to show that no stage grows faster than the text.
 *
 *   npm run bench:big                 a 5 MB commentary beside the real five
 *   npm run bench:big -- --mb 1       a 1 MB one (compare the two: the time per MB should hold)
 *   npm run bench:big -- --keep       keep the project copy
 *   npm run bench:big -- --no-cards   build without share cards
 *   npm run bench:big -- --again <dir>  build again a copy kept by --keep (its commentary and ledger as they are)
 *   npm run bench:big -- --cpu-prof <dir>  also write V8 CPU profiles of the build (one per thread) into <dir>
 *
 * It makes a cold project copy (scripts/bench/project.mjs), writes
 * `content/commentaries/big-commentary.md` of the size asked from the real
 * commentaries' sentences (each made unique by a passage number, so every
 * sentence is a claim of its own, with the mentions it really carries), in
 * paragraphs of two to six sentences under a `##` heading every twenty
 * paragraphs, then times `npm run ledger` and `npm run build -- --clean`, sampling the
 * resident memory of the build's whole process tree every 250 ms. It
 * prints the time and the peak memory of each stage (content: the Markdown
 * pipeline over every commentary; vite; pages; after the pages: the search
 * index, the share cards, the headers) and exits non-zero only when a step
 * fails. Timing is never asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { stagesOf } from './build.mjs';
import { readModels } from './corpus.mjs';
import { copyProject } from './project.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
	options: {
		mb: { type: 'string', default: '5' },
		keep: { type: 'boolean', default: false },
		'no-cards': { type: 'boolean', default: false },
		again: { type: 'string' },
		'cpu-prof': { type: 'string' },
	},
});
const started = performance.now();
const say = (text) => process.stdout.write(`[bench:big ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${text}\n`);

/**
 * Write a commentary of about `bytes` bytes into a project copy.
 *
 * @param {string} copy Project copy.
 * @param {number} bytes Size wanted.
 * @returns {{ file: string, bytes: number, sentences: number }}
 */
export function writeBigCommentary(copy, bytes) {
	const models = readModels(copy);
	const pool = [...new Set(models.flatMap((model) => model.sentences))].filter((text) => /[.!?…]["”’)\]]*$/.test(text));
	const model = models.find((each) => each.slug.startsWith('lankov')) ?? models[0];
	const frontmatter = {
		...model.frontmatter,
		title: 'A very long commentary for the benchmark',
		summary: 'A synthetic commentary for the benchmark, recombined from real sentences.',
		order: 1 + Math.max(0, ...models.map((each) => Number(each.frontmatter['order'] ?? 0))),
	};
	const parts = [];
	let size = 0;
	let sentences = 0;
	let paragraph = 0;
	while (size < bytes) {
		if (paragraph % 20 === 0) parts.push(`## Part ${paragraph / 20 + 1} of the argument`);
		const count = 2 + (paragraph % 5);
		const chosen = [];
		for (let index = 0; index < count; index++) {
			const text = pool[(sentences * 7919) % pool.length];
			// A passage number before the closing punctuation makes each sentence unique (one claim id each).
			chosen.push(text.replace(/([.!?…]["”’)\]]*)$/, ` (passage ${sentences + 1})$1`));
			sentences++;
		}
		const block = chosen.join(' ');
		parts.push(block);
		size += Buffer.byteLength(block) + 2;
		paragraph++;
	}
	const text = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${parts.join('\n\n')}\n`;
	const file = join(copy, 'content', 'commentaries', 'big-commentary.md');
	writeFileSync(file, text);
	return { file, bytes: Buffer.byteLength(text), sentences };
}

/** Clock ticks per second of `/proc/<pid>/stat` (Linux's USER_HZ). */
const TICKS = 100;

/**
 * Resident memory (MB) and CPU time so far (seconds, user + system) of a
 * process and all its descendants (Linux `/proc`). CPU time says what a stage
 * costs when other work shares the machine and wall time does not.
 *
 * @param {number} pid
 * @returns {{ mb: number, cpu: number }}
 */
function treeUsage(pid) {
	let kb = 0;
	let ticks = 0;
	const visit = (id) => {
		try {
			const status = readFileSync(`/proc/${id}/status`, 'utf8');
			kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			// Fields 14 to 17 (utime, stime, and cutime, cstime: the children it has waited for, such as the astro
			// process once it has exited), counted after the command's closing parenthesis.
			const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
			for (const task of readdirSync(`/proc/${id}/task`)) {
				const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
				for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
			}
		} catch {
			// The process ended between two reads.
		}
	};
	visit(pid);
	return { mb: kb / 1024, cpu: ticks / TICKS };
}

/**
 * Run a command, stamping its output lines and sampling its tree's memory.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ code: number, seconds: number, lines: { at: number, text: string }[], samples: { at: number, mb: number, cpu: number }[] }>}
 */
function measured(command, args, options) {
	const begin = performance.now();
	const lines = [];
	const samples = [];
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
		const timer = setInterval(() => samples.push({ at: (performance.now() - begin) / 1000, ...treeUsage(child.pid) }), 250);
		for (const stream of [child.stdout, child.stderr]) {
			let rest = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk) => {
				const parts = (rest + chunk).split('\n');
				rest = parts.pop() ?? '';
				for (const text of parts) lines.push({ at: (performance.now() - begin) / 1000, text });
			});
		}
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({ code: code ?? 1, seconds: (performance.now() - begin) / 1000, lines, samples });
		});
	});
}

/** Peak memory (MB) and CPU seconds spent between two times (seconds). */
function usageBetween(samples, from, to) {
	const inside = samples.filter((sample) => sample.at >= from && sample.at <= to + 0.25);
	if (inside.length === 0) return { peak: null, cpu: null };
	const before = samples.filter((sample) => sample.at < from).at(-1)?.cpu ?? 0;
	return { peak: Math.max(...inside.map((sample) => sample.mb)), cpu: inside.at(-1).cpu - before };
}

async function main() {
	const mb = Number(values.mb);
	const again = values.again;
	const work = again ?? mkdtempSync(join(tmpdir(), 'treaty-bench-big-'));
	const copy = join(work, 'site');
	let failed = false;
	try {
		let big;
		if (again) {
			const file = join(copy, 'content', 'commentaries', 'big-commentary.md');
			const text = readFileSync(file, 'utf8');
			big = { file, bytes: Buffer.byteLength(text), sentences: (text.match(/\(passage \d+\)/g) ?? []).length };
			for (const stale of ['dist', '.astro', join('node_modules', '.astro')]) rmSync(join(copy, stale), { recursive: true, force: true });
		} else {
			copyProject(root, copy);
			big = writeBigCommentary(copy, mb * 1024 * 1024);
		}
		say(`${again ? 'again' : 'wrote'} ${(big.bytes / 1024 / 1024).toFixed(2)} MB, ${big.sentences} sentences, in ${copy}`);

		const ledger = await measured(process.execPath, [join(copy, 'scripts', 'update-ledger.ts'), '--root', copy], { cwd: copy });
		const ledgerCpu = ledger.samples.at(-1)?.cpu ?? 0;
		say(`ledger: ${ledger.seconds.toFixed(1)} s, CPU ${ledgerCpu.toFixed(1)} s, peak ${Math.max(0, ...ledger.samples.map((sample) => sample.mb)).toFixed(0)} MB (exit ${ledger.code})`);
		if (ledger.code !== 0) throw new Error(ledger.lines.map((line) => line.text).join('\n').slice(-3000));

		// A profile says which function grows faster than the text (`--cpu-prof-dir` writes one file per thread, in each process).
		const profile = values['cpu-prof'] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values['cpu-prof']}` } : {};
		const env = { ...(values['no-cards'] ? { TREATY_READER_SHARE_CARDS: 'off' } : {}), ...profile };
		// The contributor's cold build: `npm run build -- --clean` (Astro, then the index, cards and annotations in processes of their own).
		const build = await measured(process.execPath, [join(copy, 'scripts', 'build.mjs'), '--clean'], { cwd: copy, env });
		writeFileSync(join(work, 'build.log'), build.lines.map((line) => `${line.at.toFixed(2).padStart(8)}  ${line.text}`).join('\n'));
		const stages = stagesOf(build.lines, build.seconds);
		say(`build: ${build.seconds.toFixed(1)} s, CPU ${(build.samples.at(-1)?.cpu ?? 0).toFixed(1)} s, peak ${Math.max(0, ...build.samples.map((sample) => sample.mb)).toFixed(0)} MB (exit ${build.code}); log ${join(work, 'build.log')}`);
		// The stages follow one another from Astro's first content line; before it, the integration checks the content.
		const setup = build.lines.find((line) => /\[content\] Syncing content/.test(line.text))?.at ?? 0;
		let at = 0;
		/** @type {Record<string, { seconds: number, cpuSeconds: number | null, peakMb: number | null }>} */
		const stageUsage = {};
		for (const [name, seconds] of Object.entries({ setup, ...stages })) {
			if (seconds === null || name === 'cardsTail' || name === 'search') continue;
			const { peak, cpu } = usageBetween(build.samples, at, at + seconds);
			stageUsage[name] = { seconds, cpuSeconds: cpu, peakMb: peak };
			say(`  ${name.padEnd(11)} ${seconds.toFixed(1).padStart(7)} s   CPU ${cpu === null ? '?' : cpu.toFixed(1).padStart(7)} s   peak ${peak === null ? '?' : peak.toFixed(0).padStart(5)} MB`);
			at += seconds;
		}
		for (const name of ['cardsTail', 'search']) if (stages[name] !== null) say(`  (${name} ${stages[name].toFixed(1)} s, inside “afterPages”)`);
		if (build.code !== 0) {
			failed = true;
			say(build.lines.slice(-30).map((line) => line.text).join('\n'));
		}
		// Pass the timings on to a caller (the report) as JSON on the last line.
		process.stdout.write(`${JSON.stringify({ mb: big.bytes / 1024 / 1024, sentences: big.sentences, ledgerSeconds: ledger.seconds, ledgerCpuSeconds: ledgerCpu, buildSeconds: build.seconds, buildCpuSeconds: build.samples.at(-1)?.cpu ?? null, stageUsage, peakMb: Math.max(0, ...build.samples.map((sample) => sample.mb)), stages, code: build.code })}\n`);
	} finally {
		if (values.keep || again) say(`kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
	if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
