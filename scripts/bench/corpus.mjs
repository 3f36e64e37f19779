/**
 * Synthetic corpora for the benchmark, made from the five real commentaries.
 *
 * A project copy gets the real commentaries plus N − 5 synthetic ones. Each
 * synthetic commentary takes a real one as its model: the same frontmatter
 * (authors, outlet, dates, capture: all valid references), a new title, slug
 * and order, and the same shape (its sections, directive blocks and the
 * number of sentences of each paragraph), filled with real sentences drawn
 * from all five texts by a seeded generator. Sentences keep their real
 * lengths and the mentions they carry (articles, actors, dates), so the
 * annotation plugins see realistic input. No sentence repeats inside one
 * commentary (claim ids are per commentary and sentence).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/loaders/frontmatter.ts';
import { splitSentences } from '../../src/claims/segment.ts';

/**
 * A small deterministic generator (mulberry32), so every run builds the same corpus.
 *
 * @param {number} seed
 * @returns {() => number} Numbers in [0, 1).
 */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @typedef {{ kind: 'text', text: string } | { kind: 'paragraph', sentences: number }} Block
 * @typedef {{ slug: string, frontmatter: Record<string, unknown>, blocks: Block[], sentences: string[] }} Model
 */

/**
 * Read the real commentaries as models: frontmatter, block shapes and sentences.
 *
 * @param {string} root Project root.
 * @returns {Model[]}
 */
export function readModels(root) {
	const dir = join(root, 'content', 'commentaries');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.md') && !file.startsWith('_'))
		.sort()
		.map((file) => {
			const { frontmatter, body } = splitFrontmatter(readFileSync(join(dir, file), 'utf8'), file);
			/** @type {Block[]} */
			const blocks = [];
			/** @type {string[]} */
			const sentences = [];
			let inDirective = false;
			for (const block of body.split(/\n{2,}/)) {
				const trimmed = block.trim();
				if (!trimmed) continue;
				// Headings, lists, quotes and directive blocks (bio, framing) are kept as written: they are few and short.
				const opens = trimmed.startsWith(':::');
				const closes = trimmed === ':::' || /\n:::\s*$/.test(trimmed);
				const keep = inDirective || opens || closes || /^(#|[-*+>] |\d+[.)] )/.test(trimmed);
				if (opens && !closes) inDirective = true;
				if (closes) inDirective = false;
				if (keep) {
					blocks.push({ kind: 'text', text: trimmed });
					continue;
				}
				const parts = splitSentences(trimmed);
				sentences.push(...parts);
				blocks.push({ kind: 'paragraph', sentences: parts.length });
			}
			return { slug: file.slice(0, -3), frontmatter: parse(frontmatter), blocks, sentences };
		});
}

/**
 * Write `count` synthetic commentaries into a project copy (the real ones stay).
 *
 * @param {string} root Project copy.
 * @param {number} total Commentaries wanted in all, real ones included.
 * @param {{ seed?: number }} [options]
 * @returns {{ written: string[], sentences: number }} Slugs written and sentences in them.
 */
export function writeSyntheticCorpus(root, total, options = {}) {
	const models = readModels(root);
	// Only sentences that end a sentence: one ending in a colon introduces a list and would run into the next.
	const pool = [...new Set(models.flatMap((model) => model.sentences))].filter((text) => /[.!?…]["”’)\]]*$/.test(text));
	const random = seededRandom(options.seed ?? 20240619);
	const dir = join(root, 'content', 'commentaries');
	const written = [];
	let sentences = 0;
	const firstOrder = 1 + Math.max(0, ...models.map((model) => Number(model.frontmatter['order'] ?? 0)));
	for (let index = 0; index < total - models.length; index++) {
		const model = models[index % models.length];
		const number = String(index + 1).padStart(4, '0');
		const slug = `synthetic-${number}-${model.slug}`.slice(0, 80);
		// Draw without replacement: a fresh shuffle of the pool for each commentary.
		const order = pool.map((text) => ({ text, key: random() })).sort((a, b) => a.key - b.key).map((item) => item.text);
		let next = 0;
		const body = model.blocks
			.map((block) => {
				if (block.kind === 'text') return block.text;
				const paragraph = order.slice(next, next + block.sentences);
				next += block.sentences;
				sentences += paragraph.length;
				return paragraph.join(' ');
			})
			.join('\n\n');
		const frontmatter = {
			...model.frontmatter,
			title: `Synthetic ${number}: ${model.frontmatter['title']}`,
			summary: `A synthetic commentary for the benchmark, recombined from real sentences (model: ${model.slug}).`,
			order: firstOrder + index,
		};
		writeFileSync(join(dir, `${slug}.md`), `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`);
		written.push(slug);
	}
	return { written, sentences };
}

/**
 * Edit one commentary as an author would: add a sentence at the end of its
 * first long paragraph (a new claim; no existing id changes).
 *
 * @param {string} root Project copy.
 * @param {string} slug Commentary to edit.
 * @returns {string} The file edited.
 */
export function editOneCommentary(root, slug) {
	const file = join(root, 'content', 'commentaries', `${slug}.md`);
	const text = readFileSync(file, 'utf8');
	const { frontmatter, body } = splitFrontmatter(text, file);
	const blocks = body.split(/\n{2,}/);
	const target = blocks.findIndex((block) => !/^(#|:::)/.test(block.trim()) && block.trim().length > 200);
	blocks[target] = `${blocks[target].trimEnd()} The benchmark added this sentence to measure a rebuild after one edit.`;
	writeFileSync(file, `---\n${frontmatter}\n---\n${blocks.join('\n\n')}`);
	return file;
}
