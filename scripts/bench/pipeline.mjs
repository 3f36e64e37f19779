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
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { loadPipelineInputs, markdownPlugins } from '../../src/markdown/pipeline.ts';
import { splitFrontmatter } from '../../src/loaders/frontmatter.ts';

/** CPU milliseconds of this process. */
function cpuMs() {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

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

	const processorOf = (remark, rehype) =>
		unified().use(remarkParse).use(remarkGfm).use(remark).use(remarkRehype, { allowDangerousHtml: false }).use(rehype).use(rehypeStringify);
	const configurations = [{ plugin: 'plain', processor: processorOf([], []), passes: [] }];
	for (let count = 1; count <= remarkPlugins.length; count++) {
		configurations.push({ plugin: nameOf(remarkPlugins[count - 1]), processor: processorOf(remarkPlugins.slice(0, count), []), passes: [] });
	}
	for (let count = 1; count <= rehypePlugins.length; count++) {
		configurations.push({ plugin: nameOf(rehypePlugins[count - 1]), processor: processorOf(remarkPlugins, rehypePlugins.slice(0, count)), passes: [] });
	}
	// Warm-up: every configuration once, so that no round pays for compiling code or patterns.
	for (const { processor } of configurations) for (const doc of docs) await processor.process(new VFile(doc));
	// Plain and the whole pipeline side by side in every round (their ratio is taken per round), then the steps.
	const order = [configurations[0], ...configurations.slice(1).reverse()];
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
	return { docs: docs.length, rounds, plainMsPerDoc: plain, oursMsPerDoc: ours, ratio: median(all.map((pass, round) => pass / plainConfiguration.passes[round])), steps };
}
