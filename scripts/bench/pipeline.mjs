/**
 * The Markdown pipeline alone, outside Astro: CPU time per commentary of a
 * plain unified processor (remark-parse, GFM, remark-rehype,
 * rehype-stringify: what Astro's `unified()` runs without plugins) and of
 * ours, adding our plugins one at a time in their order, so the report can
 * say which plugin costs what. Runs over a deterministic sample of the
 * corpus's commentaries, in this process, after one warm-up pass.
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
	const rounds = options.rounds ?? 3;

	const time = async (remark, rehype) => {
		const processor = unified().use(remarkParse).use(remarkGfm).use(remark).use(remarkRehype, { allowDangerousHtml: false }).use(rehype).use(rehypeStringify);
		for (const doc of docs) await processor.process(new VFile(doc));
		const start = cpuMs();
		for (let round = 0; round < rounds; round++) for (const doc of docs) await processor.process(new VFile(doc));
		return (cpuMs() - start) / rounds / docs.length;
	};

	// The first configuration also warms the JIT up: measure plain first and last, keep the lower.
	const plainFirst = await time([], []);
	const steps = [];
	for (let count = 1; count <= remarkPlugins.length; count++) {
		steps.push({ plugin: nameOf(remarkPlugins[count - 1]), msPerDoc: await time(remarkPlugins.slice(0, count), []) });
	}
	for (let count = 1; count <= rehypePlugins.length; count++) {
		steps.push({ plugin: nameOf(rehypePlugins[count - 1]), msPerDoc: await time(remarkPlugins, rehypePlugins.slice(0, count)) });
	}
	const plain = Math.min(plainFirst, await time([], []));
	const ours = steps.at(-1)?.msPerDoc ?? plain;
	return { docs: docs.length, plainMsPerDoc: plain, oursMsPerDoc: ours, ratio: ours / plain, steps };
}
