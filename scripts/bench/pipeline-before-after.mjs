/**
 * The Markdown pipeline of this tree against an earlier one, in one process:
 * first every text through both (the commentaries of a project copy, the
 * annotation fixtures), which must give the same HTML, file data (mentions,
 * claims) and messages; then CPU per commentary of plain, before and after,
 * runs interleaved round after round, with each plugin's own transform timed
 * (medians). How a speed-up of the plugins is shown to change nothing.
 *
 *   mkdir /tmp/before && git archive <commit> src | tar -x -C /tmp/before   # the earlier code
 *   ln -s "$PWD/node_modules" /tmp/before/node_modules                      # its packages: this tree's
 *   node scripts/bench/pipeline-before-after.mjs /tmp/before <project copy> [rounds]
 *
 * It exits non-zero when any text differs. The earlier tree needs only its `src/` and packages. The
 * copy is one made by `scripts/bench/corpus.mjs`, with `npm run ledger` run
 * in it so that every sentence is recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { cpuMs, median } from './cpu.mjs';

const here = resolve(import.meta.dirname, '..', '..');
const [beforeTree, copy, roundsArgument] = process.argv.slice(2);
if (!beforeTree || !copy) throw new Error('usage: node scripts/bench/pipeline-before-after.mjs <earlier tree> <project copy> [rounds]');
const rounds = Number(roundsArgument ?? 9);

/** Every text to compare: the copy's commentaries, then the annotation fixtures under a commentary's path. */
function texts() {
	const folder = join(copy, 'content', 'commentaries');
	const list = readdirSync(folder)
		.filter((name) => name.endsWith('.md') && !name.startsWith('_'))
		.sort()
		.map((name) => ({ path: join(folder, name), source: join(folder, name), fixture: false }));
	const fixtures = join(here, 'tests', 'fixtures', 'annotate');
	for (const name of readdirSync(join(fixtures, 'commentaries')).sort()) {
		if (name.endsWith('.md') && name !== 'README.md') list.push({ path: `/fixtures/content/commentaries/${name}`, source: join(fixtures, 'commentaries', name), fixture: true });
	}
	for (const name of ['generalisation', 'traps']) list.push({ path: `/fixtures/content/commentaries/${name}.md`, source: join(fixtures, name, 'input.md'), fixture: true });
	return list;
}

/**
 * The pipeline of a tree, with each plugin's transform timed into `own`.
 *
 * @param {string} tree Root whose `src/markdown/pipeline.ts` to use.
 * @param {boolean} ledger Whether to check the ledger (not for fixtures, which are in no ledger).
 * @param {Record<string, number>} own CPU ms per plugin, added to as files are processed.
 */
async function pipelineOf(tree, ledger, own) {
	const { loadPipelineInputs, markdownPlugins, processorSettings } = await import(join(tree, 'src', 'markdown', 'pipeline.ts'));
	const { remarkPlugins, rehypePlugins } = markdownPlugins(loadPipelineInputs(copy, { ledger }));
	/** The plugin with its transform timed (the attacher runs once, as unified runs it). */
	const timed = (entry) => {
		const [attacher, ...options] = Array.isArray(entry) ? entry : [entry];
		const name = attacher.name;
		function plugin() {
			const transform = attacher.apply(this, options);
			if (typeof transform !== 'function') return transform;
			return function timedTransform(tree, file) {
				const start = cpuMs();
				try {
					return transform.call(this, tree, file);
				} finally {
					own[name] = (own[name] ?? 0) + cpuMs() - start;
				}
			};
		}
		Object.defineProperty(plugin, 'name', { value: name });
		return plugin;
	};
	return unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkPlugins.map(timed))
		.use(remarkRehype, processorSettings.remarkRehype)
		.use(rehypePlugins.map(timed))
		.use(rehypeStringify);
}

/** What a text becomes: HTML, file data and messages, or the error. */
async function outcome(processor, text) {
	const { content, frontmatter } = parseFrontmatter(readFileSync(text.source, 'utf8'), { frontmatter: 'empty-with-lines' });
	const file = new VFile({ value: content, path: text.path, data: { astro: { frontmatter } } });
	const messages = () => file.messages.map((message) => ({ reason: message.reason, place: message.place, ruleId: message.ruleId, source: message.source, fatal: message.fatal }));
	try {
		await processor.process(file);
		return { html: String(file.value), data: JSON.parse(JSON.stringify(file.data)), messages: messages() };
	} catch (error) {
		return { error: String(error), messages: messages() };
	}
}

const all = texts();
const sides = {};
for (const [side, tree] of [['before', resolve(beforeTree)], ['after', here]]) {
	const own = {};
	sides[side] = { own, commentaries: await pipelineOf(tree, true, own), fixtures: await pipelineOf(tree, false, {}) };
}
let same = 0;
for (const text of all) {
	const [before, after] = await Promise.all(['before', 'after'].map((side) => outcome(text.fixture ? sides[side].fixtures : sides[side].commentaries, text)));
	if (!isDeepStrictEqual(before, after)) {
		console.error(`${text.source}: the output differs`);
		process.exitCode = 1;
	} else same++;
}
console.log(`${same} of ${all.length} texts give the same HTML, data and messages`);

// Timing: the copy's commentaries, every other one, read once.
const docs = all
	.filter((text) => !text.fixture)
	.filter((_, index) => index % 2 === 0)
	.map((text) => ({ path: text.path, value: parseFrontmatter(readFileSync(text.source, 'utf8'), { frontmatter: 'empty-with-lines' }).content }));
const configurations = [
	{ name: 'plain', processor: unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: false }).use(rehypeStringify), own: {} },
	{ name: 'before', processor: sides.before.commentaries, own: sides.before.own },
	{ name: 'after', processor: sides.after.commentaries, own: sides.after.own },
].map((configuration) => ({ ...configuration, passes: [], ownPasses: {} }));
for (const { processor } of configurations) for (const doc of docs) await processor.process(new VFile(doc));
for (let round = 0; round < rounds; round++) {
	for (const configuration of round % 2 === 0 ? configurations : [...configurations].reverse()) {
		for (const name of Object.keys(configuration.own)) configuration.own[name] = 0;
		const start = cpuMs();
		for (const doc of docs) await configuration.processor.process(new VFile(doc));
		configuration.passes.push((cpuMs() - start) / docs.length);
		for (const [name, ms] of Object.entries(configuration.own)) (configuration.ownPasses[name] ??= []).push(ms / docs.length);
	}
}
const [plain, before, after] = configurations;
const ratio = (configuration) => median(configuration.passes.map((pass, round) => pass / plain.passes[round]));
console.log(`${docs.length} commentaries, ${rounds} rounds, CPU ms per commentary (medians)`);
console.log(`plain ${median(plain.passes).toFixed(2)}; before ${median(before.passes).toFixed(2)} (${ratio(before).toFixed(2)} ×); after ${median(after.passes).toFixed(2)} (${ratio(after).toFixed(2)} ×)`);
for (const name of Object.keys(after.ownPasses)) {
	console.log(`  ${name}: ${before.ownPasses[name] ? median(before.ownPasses[name]).toFixed(3) : '–'} → ${median(after.ownPasses[name]).toFixed(3)}`);
}
