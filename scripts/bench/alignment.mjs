/**
 * How well and how fast claims are related across commentaries.
 *
 *   npm run bench:alignment                 (also: npm run bench -- --alignment-only)
 *   npm run bench:alignment -- --sizes 100  a quicker run
 *
 * Quality: the labelled pairs (tests/fixtures/alignment/labels.yaml, read by
 * tests/support/alignment-labels.ts) against the related claims the site
 * publishes, computed through the real code: the commentaries rendered by
 * the site's own pipeline (`claimsOfDirectory`), the matters and decisions
 * read by the content loaders, relations by `relationsOfCorpus`. A labelled
 * pair counts as found when either claim lists the other. Precision and
 * recall are printed at the published `RELATED_PER_COMMENTARY` and at 1 to 5,
 * to show why that value was chosen.
 *
 * Scale: the time to compute every relation for the site and for synthetic
 * corpora of 100 and 1,000 commentaries. As in scripts/bench/corpus.mjs, each
 * synthetic commentary takes a real one as its model (its number of
 * sentences) and is filled with real sentences (with the mentions the
 * pipeline recorded) drawn without repeats by a seeded generator, so the
 * matters are as frequent as in the real texts; only the relation step is
 * timed (rendering 1,000 commentaries is the build benchmark's job).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readBuildContext } from '../../src/build/context.ts';
import { RELATED_PER_COMMENTARY, relationsOfCorpus } from '../../src/features/related/model.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import { claimsOfDirectory } from '../../src/markdown/render.ts';
import { seededRandom } from './corpus.mjs';

/** Where the labelled pairs' reader lives. */
export const LABELS_MODULE = join('tests', 'support', 'alignment-labels.ts');

/**
 * The labelled pairs, through their reader.
 *
 * @param {string} root Project root.
 * @returns {Promise<{ a: string, b: string, related: boolean, kind: string, why: string, texts: [string, string] }[]>}
 * @throws When the reader is not there (the labels are written on another branch until they are merged).
 */
export async function readLabels(root) {
	const module = join(root, LABELS_MODULE);
	if (!existsSync(module)) throw new Error(`${LABELS_MODULE}: missing; the labelled pairs (tests/fixtures/alignment/labels.yaml and their reader) are needed to measure precision and recall`);
	const { loadLabels } = await import(pathToFileURL(module).href);
	return loadLabels(root);
}

/**
 * Every commentary's claims, rendered by the site's pipeline.
 *
 * @param {string} root Project root.
 * @returns {Promise<{ slug: string, claims: import('../../src/schemas/corpus.ts').Claim[] }[]>}
 */
export async function realCommentaries(root) {
	const claims = await claimsOfDirectory(join(root, 'content', 'commentaries'), createCommentaryProcessor(loadPipelineInputs(root)));
	return [...claims].map(([slug, list]) => ({ slug, claims: list }));
}

/**
 * Precision and recall of relations on labelled pairs.
 *
 * @template {{ a: string, b: string, related: boolean }} Label
 * @param {readonly Label[]} labels
 * @param {ReadonlyMap<string, readonly { id: string }[]>} related Claim id → related claims.
 * @returns {{ precision: number, recall: number, truePositives: number, falsePositives: number, falseNegatives: number, trueNegatives: number, wrong: (Label & { found: boolean })[] }}
 */
export function precisionRecall(labels, related) {
	const lists = (id) => new Set((related.get(id) ?? []).map((record) => record.id));
	let truePositives = 0;
	let falsePositives = 0;
	let falseNegatives = 0;
	let trueNegatives = 0;
	const wrong = [];
	for (const label of labels) {
		const found = lists(label.a).has(label.b) || lists(label.b).has(label.a);
		if (found && label.related) truePositives += 1;
		else if (found) falsePositives += 1;
		else if (label.related) falseNegatives += 1;
		else trueNegatives += 1;
		if (found !== label.related) wrong.push({ ...label, found });
	}
	return {
		// No pair found: nothing was claimed, so nothing was claimed wrongly.
		precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
		recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
		truePositives,
		falsePositives,
		falseNegatives,
		trueNegatives,
		wrong,
	};
}

/**
 * Labelled pairs whose claims are not among the current claims, or whose
 * recorded texts are no longer the claims' texts (stale labels).
 *
 * @param {readonly { a: string, b: string, texts: [string, string] }[]} labels
 * @param {readonly { slug: string, claims: readonly { id: string, text: string }[] }[]} commentaries
 * @returns {string[]} One line per problem.
 */
export function staleLabels(labels, commentaries) {
	const textOf = new Map(commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, claim.text])));
	const problems = [];
	for (const label of labels) {
		[label.a, label.b].forEach((id, side) => {
			const text = textOf.get(id);
			if (text === undefined) problems.push(`${id}: no such claim`);
			else if (label.texts?.[side] !== undefined && label.texts[side] !== text) problems.push(`${id}: its text changed`);
		});
	}
	return problems;
}

/**
 * A synthetic corpus of `total` commentaries made of the real ones' claims.
 *
 * @param {readonly { slug: string, claims: readonly import('../../src/schemas/corpus.ts').Claim[] }[]} real
 * @param {number} total Commentaries wanted, the real ones included.
 * @param {number} [seed]
 * @returns {{ slug: string, claims: import('../../src/schemas/corpus.ts').Claim[] }[]}
 */
export function syntheticCommentaries(real, total, seed = 20240619) {
	const pool = real.flatMap((commentary) => commentary.claims);
	const random = seededRandom(seed);
	const out = [...real];
	let serial = 0;
	for (let index = 0; index < total - real.length; index++) {
		const model = real[index % real.length];
		const order = pool.map((claim) => ({ claim, key: random() })).sort((x, y) => x.key - y.key);
		const claims = order.slice(0, model.claims.length).map(({ claim }) => {
			serial += 1;
			return { ...claim, id: `c-${serial.toString(16).padStart(10, '0')}` };
		});
		out.push({ slug: `synthetic-${String(index + 1).padStart(4, '0')}-${model.slug}`, claims });
	}
	return out;
}

/**
 * Time relations over a corpus: the best of a few runs (the machine is shared).
 *
 * @param {readonly { slug: string, claims: readonly import('../../src/schemas/corpus.ts').Claim[] }[]} commentaries
 * @param {import('../../src/loaders/matters.ts').LoadedMatters} loaded
 * @param {number} runs
 * @returns {{ commentaries: number, claims: number, withMatters: number, links: number, ms: number, usPerClaim: number }}
 */
export function timeRelations(commentaries, loaded, runs) {
	let best = Infinity;
	let result;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		result = relationsOfCorpus(commentaries, loaded);
		best = Math.min(best, performance.now() - start);
	}
	const claims = result.claims.length;
	return {
		commentaries: commentaries.length,
		claims,
		withMatters: result.claims.filter((claim) => claim.matters.length > 0).length,
		links: [...result.related.values()].reduce((sum, list) => sum + list.length, 0),
		ms: best,
		usPerClaim: (best * 1000) / claims,
	};
}

/**
 * Measure quality and scale.
 *
 * @param {string} root Project root.
 * @param {{ sizes?: number[] }} [options]
 * @returns {Promise<Record<string, any>>}
 */
export async function measureAlignment(root, options = {}) {
	const context = readBuildContext(root);
	const loaded = context.matters;
	const real = await realCommentaries(root);
	const result = { matters: loaded.matters.length, confirmed: loaded.decisions.confirmed.length, rejected: loaded.decisions.rejected.length, published: RELATED_PER_COMMENTARY };

	let labels;
	try {
		labels = await readLabels(root);
	} catch (error) {
		result.labelsMissing = String(error.message ?? error);
	}
	if (labels) {
		result.labels = { pairs: labels.length, related: labels.filter((label) => label.related).length, stale: staleLabels(labels, real) };
		result.quality = [1, 2, 3, 4, 5].map((perCommentary) => {
			const { related } = relationsOfCorpus(real, loaded, { perCommentary });
			const { wrong, ...figures } = precisionRecall(labels, related);
			return { perCommentary, ...figures, wrong: perCommentary === RELATED_PER_COMMENTARY ? wrong : undefined };
		});
	}

	result.scale = [timeRelations(real, loaded, 5)];
	for (const size of options.sizes ?? [100, 1000]) result.scale.push(timeRelations(syntheticCommentaries(real, size), loaded, size >= 1000 ? 1 : 3));
	return result;
}

/**
 * The figures as Markdown.
 *
 * @param {Record<string, any>} result
 * @returns {string}
 */
export function renderAlignment(result) {
	const out = ['## Related claims (alignment)', ''];
	out.push(`${result.matters} matters, ${result.confirmed} confirmed and ${result.rejected} rejected pairs; published RELATED_PER_COMMENTARY = ${result.published}.`, '');
	if (result.labelsMissing) out.push(`**No precision or recall:** ${result.labelsMissing}.`, '');
	if (result.quality) {
		out.push(`Labelled pairs: ${result.labels.pairs} (${result.labels.related} related)${result.labels.stale.length ? `; **stale: ${result.labels.stale.join('; ')}**` : ''}.`, '');
		out.push('| per commentary | precision | recall | found related | found unrelated | missed |', '|---|---:|---:|---:|---:|---:|');
		for (const row of result.quality) {
			const mark = row.perCommentary === result.published ? ' (published)' : '';
			out.push(`| ${row.perCommentary}${mark} | ${row.precision.toFixed(3)} | ${row.recall.toFixed(3)} | ${row.truePositives} | ${row.falsePositives} | ${row.falseNegatives} |`);
		}
		out.push('');
		const wrong = result.quality.find((row) => row.perCommentary === result.published)?.wrong ?? [];
		if (wrong.length > 0) {
			out.push('Wrong at the published setting:', '');
			for (const pair of wrong) out.push(`- ${pair.found ? 'found, labelled unrelated' : 'missed'}: ${pair.a} ↔ ${pair.b} (${pair.kind})`);
			out.push('');
		}
	}
	out.push('| commentaries | claims | claims with a matter | links | time (ms) | µs per claim |', '|---:|---:|---:|---:|---:|---:|');
	for (const row of result.scale) {
		out.push(`| ${row.commentaries.toLocaleString('en-GB')} | ${row.claims.toLocaleString('en-GB')} | ${row.withMatters.toLocaleString('en-GB')} | ${row.links.toLocaleString('en-GB')} | ${row.ms.toFixed(1)} | ${row.usPerClaim.toFixed(1)} |`);
	}
	out.push('');
	return out.join('\n');
}

/** Run from the command line: print the figures. */
async function main() {
	const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000' }, root: { type: 'string' } } });
	const root = values.root ?? join(import.meta.dirname, '..', '..');
	const sizes = values.sizes.split(',').map((size) => Number(size.trim())).filter((size) => Number.isInteger(size) && size > 5);
	const result = await measureAlignment(root, { sizes });
	process.stdout.write(`${renderAlignment(result)}\n`);
	if (result.labelsMissing) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exitCode = 1;
	});
}
