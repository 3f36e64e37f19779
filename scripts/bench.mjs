/**
 * `npm run bench`: how the build scales with the corpus.
 *
 *   npm run bench                      the real site, 100 and 1,000 commentaries
 *   npm run bench -- --sizes 100       the real site and 100 (a quicker run)
 *   npm run bench -- --sizes 100 --keep   keep the temporary project copies
 *   npm run bench -- --report-only        write bench/report.md again from bench/report.json (no builds)
 *   npm run bench -- --cards-up-to 5      draw cards only for corpora up to 5 commentaries: larger ones
 *                                         are built without cards, and the report estimates their cards
 *                                         from the measured time per card (for a run that must be short)
 *   npm run bench -- --alignment-only     only the related claims: precision and recall on the labelled
 *                                         pairs, and the time to relate 5, 100 and 1,000 commentaries
 *                                         (scripts/bench/alignment.mjs; also `npm run bench:alignment`)
 *
 * For the real site and each size it makes a cold project copy in a
 * temporary folder (synthetic commentaries from scripts/bench/corpus.mjs and
 * a fresh ledger from `npm run ledger`), then measures:
 *
 *   1. a cold build with share cards (stages, peak memory, pages per second,
 *      what dist/ holds, gzipped HTML, CSS and JS per page type, the cards);
 *   2. a first and a later search in Chromium (scripts/search-budget.mjs);
 *   3. a rebuild after editing one commentary (content and card caches kept);
 *   4. a cold build without share cards;
 *   5. a plain Astro site over the same commentaries, without our plugins;
 *   6. the Markdown pipeline alone, plain and ours plugin by plugin (CPU time).
 *
 * First it measures the related claims (scripts/bench/alignment.mjs). It writes bench/report.json and bench/report.md (rewritten after each size,
 * so an interrupted run still leaves its figures) and prints them. It never
 * fails on timing; it exits non-zero only when a build fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureAlignment, renderAlignment } from './bench/alignment.mjs';
import { timedBuild } from './bench/build.mjs';
import { editOneCommentary, writeSyntheticCorpus } from './bench/corpus.mjs';
import { measureDist } from './bench/measure.mjs';
import { copyProject, writePlainSite } from './bench/project.mjs';
import { renderReport } from './bench/report.mjs';
import { measurePipeline } from './bench/pipeline.mjs';
import { measureSearch } from './bench/search.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '100,1000' },
		out: { type: 'string', default: join(root, 'bench') },
		keep: { type: 'boolean', default: false },
		'cards-up-to': { type: 'string', default: 'Infinity' },
		'report-only': { type: 'boolean', default: false },
		'alignment-only': { type: 'boolean', default: false },
	},
});
const cardsUpTo = Number(values['cards-up-to']);
const sizes = values.sizes.split(',').map((size) => Number(size.trim())).filter((size) => Number.isInteger(size) && size > 0);

/** Print a line with the time since the start. */
const started = performance.now();
const say = (text) => process.stdout.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${text}\n`);

function machine() {
	const cpu = cpus();
	const astro = JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version;
	const pagefind = JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
	return {
		cpu: cpu[0]?.model ?? 'unknown',
		cores: cpu.length,
		availableParallelism: availableParallelism(),
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		astro,
		pagefind,
		platform: `${process.platform} ${process.arch}`,
		commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
		loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
	};
}

/** Run the ledger command in a copy; seconds. */
function ledger(copy) {
	const start = performance.now();
	const result = spawnSync(process.execPath, [join(copy, 'scripts', 'update-ledger.ts'), '--root', copy], { cwd: copy, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`ledger failed in ${copy}:\n${result.stderr}${result.stdout}`);
	return (performance.now() - start) / 1000;
}

/** A build that must succeed; its log is kept beside the report when it does not. */
async function build(label, folder, options) {
	say(`${label}: building…`);
	const result = await timedBuild(folder, options);
	mkdirSync(join(values.out, 'logs'), { recursive: true });
	writeFileSync(join(values.out, 'logs', `${label.replace(/[^\w.-]+/g, '-')}.log`), result.log);
	if (!result.ok) throw new Error(`${label}: build failed (exit ${result.code}); see bench/logs/`);
	const largest = result.peakProcess ? `; largest process ${result.peakProcess.mb.toFixed(0)} MB at ${result.peakProcess.atSeconds.toFixed(0)} s, ${result.peakProcess.command}` : '';
	say(`${label}: ${result.seconds.toFixed(1)} s, peak ${result.peakRssMb?.toFixed(0) ?? '?'} MB (whole process tree)${largest}`);
	const { lines, log, ...kept } = result;
	return kept;
}

/**
 * Measure one corpus size (5 = the real site), filling `result` as each
 * measurement ends and calling `save` then, so an interrupted run keeps what
 * it measured.
 *
 * @param {number} size
 * @param {Record<string, any>} result
 * @param {() => void} save
 */
async function measureSize(size, result, save) {
	const work = mkdtempSync(join(tmpdir(), `treaty-bench-${size}-`));
	const copy = join(work, 'site');
	try {
		copyProject(root, copy);
		const real = size <= 5;
		const corpus = real ? { written: [], sentences: 0 } : writeSyntheticCorpus(copy, size);
		result.ledgerSeconds = ledger(copy);
		result.synthetic = corpus.written.length;
		const label = real ? 'real' : String(size);
		say(`${label}: ${size} commentaries (${corpus.written.length} synthetic), ledger ${result.ledgerSeconds.toFixed(1)} s`);

		// Without cards, the cold build is the build without cards; the report estimates the cards.
		const withCards = size <= cardsUpTo;
		result.cardsDrawn = withCards;
		const coldEnv = withCards ? {} : { env: { TREATY_READER_SHARE_CARDS: 'off' } };
		result.cold = await build(`${label} cold${withCards ? '' : ' without cards'}`, copy, coldEnv);
		result.dist = measureDist(join(copy, 'dist'));
		const store = join(copy, 'node_modules', '.astro', 'data-store.json');
		// Astro's content store: every rendered commentary, kept in one JSON string.
		result.dataStoreBytes = existsSync(store) ? statSync(store).size : null;
		save();
		result.search = await measureSearch(root, join(copy, 'dist'));
		save();
		say(`${label}: the Markdown pipeline alone, plain and ours…`);
		result.pipeline = await measurePipeline(copy, { sample: 40 });
		save();

		const edited = corpus.written.at(-1) ?? 'lankov-nbr-interview';
		editOneCommentary(copy, edited);
		const ledgerAfterEdit = ledger(copy);
		const rebuild = await build(`${label} rebuild${withCards ? '' : ' without cards'}`, copy, coldEnv);
		result.rebuild = { ...rebuild, edited, ledgerSeconds: ledgerAfterEdit, ofCold: rebuild.seconds / result.cold.seconds };
		save();

		if (withCards) {
			for (const stale of ['dist', '.astro', join('node_modules', '.astro')]) rmSync(join(copy, stale), { recursive: true, force: true });
			result.noCards = await build(`${label} cold without cards`, copy, { env: { TREATY_READER_SHARE_CARDS: 'off' } });
		} else {
			result.noCards = result.cold;
		}
		save();

		const plainDir = join(work, 'plain');
		writePlainSite(root, copy, plainDir);
		result.plain = await build(`${label} plain`, plainDir, { astro: true });
		const ratio = (ours) => (ours && result.plain.stages.content ? ours / result.plain.stages.content : null);
		result.overhead = { content: ratio(result.cold.stages.content), contentNoCards: ratio(result.noCards.stages.content) };
		save();
	} finally {
		if (values.keep) say(`kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
}

async function main() {
	mkdirSync(values.out, { recursive: true });
	if (values['report-only']) {
		writeFileSync(join(values.out, 'report.md'), renderReport(JSON.parse(readFileSync(join(values.out, 'report.json'), 'utf8'))));
		say(`wrote ${join(values.out, 'report.md')} from report.json`);
		return;
	}
	if (values['alignment-only']) {
		const alignment = await measureAlignment(root, { sizes });
		process.stdout.write(`${renderAlignment(alignment)}\n`);
		if (alignment.labelsMissing) process.exitCode = 1;
		return;
	}
	const report = { generated: new Date().toISOString(), machine: machine(), sizes: /** @type {unknown[]} */ ([]) };
	const write = () => {
		report.machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
		writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
		writeFileSync(join(values.out, 'report.md'), renderReport(report));
	};
	say(`machine: ${report.machine.cores} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, load ${report.machine.loadAverageAtStart.join(' ')}`);
	say('related claims: precision, recall and time…');
	report.alignment = await measureAlignment(root, { sizes });
	write();
	for (const size of [5, ...sizes]) {
		const result = { size, commentaries: size };
		report.sizes.push(result);
		await measureSize(size, result, write);
	}
	process.stdout.write(`\n${renderReport(report)}`);
	say(`wrote ${join(values.out, 'report.md')} and report.json`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
