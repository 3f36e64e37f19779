/**
 * The related claims the site publishes, against the labelled pairs
 * (tests/fixtures/alignment/labels.yaml, read by
 * tests/support/alignment-labels.ts): the real commentaries through the
 * site's pipeline, the real matters and decisions, the published settings.
 * The same figures `npm run bench:alignment` prints.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { precisionRecall, readLabels, realCommentaries, staleLabels } from '../../scripts/bench/alignment.mjs';
import { readBuildContext } from '../../src/build/context.ts';
import { relationsOfCorpus } from '../../src/features/related/model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Label = { a: string; b: string; related: boolean; kind: string; why: string; texts: [string, string] };

/** The labels and the rendered commentaries, read once; each test awaits them, so a missing file fails every test by name (none is skipped). */
let inputs: Promise<{ labels: Label[]; commentaries: Awaited<ReturnType<typeof realCommentaries>> }> | undefined;
function read() {
	inputs ??= Promise.all([readLabels(ROOT), realCommentaries(ROOT)]).then(([labels, commentaries]) => ({ labels, commentaries }));
	return inputs;
}

describe('related claims on the labelled pairs', () => {
	it('should label at least 150 pairs of current claims, related and not', async () => {
		const { labels, commentaries } = await read();
		expect(labels.length).toBeGreaterThanOrEqual(150);
		expect(labels.some((label) => label.related)).toBe(true);
		expect(labels.some((label) => !label.related)).toBe(true);
		expect(staleLabels(labels, commentaries)).toEqual([]);
	}, 60_000);

	it('should find related pairs with precision ≥ 0.9 and recall ≥ 0.6 at the published settings', async () => {
		const { labels, commentaries } = await read();
		const { related } = relationsOfCorpus(commentaries, readBuildContext(ROOT).matters);
		const figures = precisionRecall(labels, related);
		const wrong = figures.wrong.map((pair) => `${pair.found ? 'found' : 'missed'} ${pair.a} ↔ ${pair.b} (${pair.kind})`);
		expect(figures.precision, `precision ${figures.precision.toFixed(3)}; wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.9);
		expect(figures.recall, `recall ${figures.recall.toFixed(3)}; wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.6);
	}, 60_000);
});
