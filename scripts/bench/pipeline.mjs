/**
 * The Markdown pipeline alone, outside Astro: CPU time per commentary of a
 * plain unified processor (remark-parse, GFM, remark-rehype,
 * rehype-stringify: what Astro's `unified()` runs without plugins) and of
 * ours, adding our plugins one at a time in their order, so the report can
 * say which plugin costs what. Runs over a deterministic sample of the
 * corpus's commentaries, in this process, after one warm-up pass. The
 * configurations take turns, round after round, and the figures are medians
 * over the rounds (the ratio: of each round's ours ÷ plain): on a shared
 * machine a burst of load then slows one pass of every configuration alike
 * instead of all the passes of one, and the ratio stays comparable between
 * runs.
 *
 * Beside them runs the floor of any plugin set that produces our output: our
 * parser (remark-directive's syntax, Sätteri where it reads as micromark), mdast to hast of the tree our
 * remark plugins leave and the serialisation of the tree our rehype plugins
 * leave, with no plugin running (the finished trees are handed in). What ours
 * takes above the floor is the plugins' own work; what the floor takes above
 * plain is the price of the output itself (every mention a link with its data
 * attributes, every sentence a span with its permalink).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { loadPipelineInputs, markdownPlugins, processorSettings } from '../../src/markdown/pipeline.ts';
import { splitFrontmatter } from '../../src/loaders/frontmatter.ts';
import { cpuMs, median } from './cpu.mjs';

/** A plugin's name for the report. */
function nameOf(plugin) {
	const fn = Array.isArray(plugin) ? plugin[0] : plugin;
	return typeof fn === 'function' ? fn.name || 'anonymous' : String(fn);
}

/**
 * @param {string} copy Project copy (its commentaries, registries, notes and ledger).
 * @param {{ sample?: number, rounds?: number }} [options]
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measurePipeline(copy, options = {}) {
	const dir = join(copy, 'content', 'commentaries');
	const files = readdirSync(dir)
		.filter((file) => file.endsWith('.md') && !file.startsWith('_'))
		.sort();
	const sample = files.filter((_, index) => index % Math.max(1, Math.floor(files.length / (options.sample ?? 50))) === 0);
	const docs = sample.map((file) => ({ path: join(dir, file), value: splitFrontmatter(readFileSync(join(dir, file), 'utf8'), file).body }));
	const { remarkPlugins, rehypePlugins } = markdownPlugins(loadPipelineInputs(copy));
	const rounds = options.rounds ?? 7;

	// Ours converts with the pipeline's remark-rehype settings (its handlers for mention nodes); plain with remark-rehype's own.
	const processorOf = (remark, rehype, settings = processorSettings.remarkRehype) =>
		unified().use(remarkParse).use(remarkGfm).use(remark).use(remarkRehype, settings).use(rehype).use(rehypeStringify);
	const configurations = [{ plugin: 'plain', processor: processorOf([], [], { allowDangerousHtml: false }), passes: [] }];
	const floor = { processor: await floorProcessor(docs, remarkPlugins, rehypePlugins, processorOf), passes: [] };
	for (let count = 1; count <= remarkPlugins.length; count++) {
		configurations.push({ plugin: nameOf(remarkPlugins[count - 1]), processor: processorOf(remarkPlugins.slice(0, count), []), passes: [] });
	}
	for (let count = 1; count <= rehypePlugins.length; count++) {
		configurations.push({ plugin: nameOf(rehypePlugins[count - 1]), processor: processorOf(remarkPlugins, rehypePlugins.slice(0, count)), passes: [] });
	}
	// Warm-up: every configuration once, so that no round pays for compiling code or patterns.
	for (const { processor } of configurations) for (const doc of docs) await processor.process(new VFile(doc));
	// Plain and the whole pipeline side by side in every round (their ratio is taken per round), then the steps.
	const order = [configurations[0], floor, ...configurations.slice(1).reverse()];
	for (let round = 0; round < rounds; round++) {
		// Every other round backwards, so that no configuration always follows the same one.
		for (const configuration of round % 2 === 0 ? order : [...order].reverse()) {
			const start = cpuMs();
			for (const doc of docs) await configuration.processor.process(new VFile(doc));
			configuration.passes.push((cpuMs() - start) / docs.length);
		}
	}
	const [plainConfiguration, ...pluginConfigurations] = configurations;
	const plain = median(plainConfiguration.passes);
	const steps = pluginConfigurations.map(({ plugin, passes }) => ({ plugin, msPerDoc: median(passes) }));
	const all = pluginConfigurations.at(-1)?.passes ?? plainConfiguration.passes;
	const ours = median(all);
	const perRound = (passes) => median(passes.map((pass, round) => pass / plainConfiguration.passes[round]));
	return {
		docs: docs.length,
		rounds,
		plainMsPerDoc: plain,
		oursMsPerDoc: ours,
		ratio: perRound(all),
		floorMsPerDoc: median(floor.passes),
		floorRatio: perRound(floor.passes),
		steps,
	};
}

/**
 * A processor that parses as ours does and turns each sample's finished trees
 * into HTML with no plugin running: after parsing, the mdast our remark
 * plugins leave replaces the parsed one; after remark-rehype, the hast our
 * rehype plugins leave replaces the converted one. Neither step changes the
 * tree it is handed, so the same trees serve every round.
 *
 * @param {Array<{ path: string, value: string }>} docs Sampled commentaries.
 * @param {unknown[]} remarkPlugins Our remark plugins (remark-directive and the native parse first).
 * @param {unknown[]} rehypePlugins Our rehype plugins.
 * @param {(remark: unknown[], rehype: unknown[]) => import('unified').Processor} processorOf Processor maker.
 */
async function floorProcessor(docs, remarkPlugins, rehypePlugins, processorOf) {
	const finished = new Map();
	const keepMdast = () => (tree, file) => {
		finished.set(file.path, { mdast: structuredClone(tree) });
	};
	const keepHast = () => (tree, file) => {
		finished.get(file.path).hast = tree;
	};
	const ours = processorOf([...remarkPlugins, keepMdast], [...rehypePlugins, keepHast]);
	const html = new Map();
	for (const doc of docs) html.set(doc.path, String(await ours.process(new VFile(doc))));
	// Our parser: the plugins up to the native parse (remark-directive's syntax, then Sätteri where it reads as micromark).
	const parsing = remarkPlugins.slice(0, remarkPlugins.findIndex((plugin) => nameOf(plugin) === 'remarkNativeParse') + 1);
	const handMdast = () => (_tree, file) => finished.get(file.path).mdast;
	const handHast = () => (_tree, file) => finished.get(file.path).hast;
	const floor = processorOf([...parsing, handMdast], [handHast]);
	// The floor is only a floor if it writes exactly our pages.
	for (const doc of docs) {
		if (String(await floor.process(new VFile(doc))) !== html.get(doc.path)) throw new Error(`${doc.path}: the floor's HTML differs from the pipeline's`);
	}
	return floor;
}
