/**
 * Test helper (not a test file): the fixture commentaries in
 * `tests/fixtures/annotate/commentaries/` through the site's own pipeline
 * (`createCommentaryProcessor`, with the real registries), scored against the
 * annotations an editor expects (`<slug>.expected.json`): recall, and wrong
 * links (every mention a claim carries that is not expected).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCommentary, type CommentaryProcessor } from '../../../src/markdown/render';
import { createCommentaryProcessor, loadPipelineInputs } from '../../../src/markdown/pipeline';
import type { Claim } from '../../../src/schemas/corpus';

export const projectRoot = join(import.meta.dirname, '../../..');
export const fixtureDir = join(projectRoot, 'tests/fixtures/annotate/commentaries');

/** `[kind, ref, text]`; a ref starting with `~` is inferred (dates) or implicit (articles). */
export type ExpectedMention = [kind: string, ref: string, text: string];

export interface Expected {
	mentions: ExpectedMention[];
	/** Look-alikes inside which nothing may be linked that is not expected ("Article 51 of the UN Charter", "$34 billion"). */
	unlinked: string[];
}

export interface Score {
	slug: string;
	expected: number;
	found: number;
	/** Expected mentions not found, as `kind ref text`. */
	missed: string[];
	/** Mentions found that were not expected, as `kind ref text`. */
	wrong: string[];
	/** Wrong links that fell inside a listed look-alike (a subset of `wrong`, named for the report). */
	trapped: string[];
	claims: Claim[];
}

/**
 * Text as compared: white space collapsed, invisible format characters
 * (soft hyphen, zero-width space) removed.
 */
function comparable(text: string): string {
	return text.replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim();
}

/** One mention as `kind ref text`, `~` marking an inferred or implicit one. */
function key(kind: string, ref: string, text: string): string {
	return `${kind} ${ref} ${comparable(text)}`;
}

/**
 * The site's pipeline with the real registries and notes, without the ledger
 * (fixture sentences are not published).
 *
 * @returns
 *   Processor.
 */
export function fixtureProcessor(): CommentaryProcessor {
	return createCommentaryProcessor(loadPipelineInputs(projectRoot, { ledger: false }));
}

/** Slugs of the fixture commentaries, sorted. */
export function fixtureSlugs(): string[] {
	return readdirSync(fixtureDir)
		.filter((name) => name.endsWith('.md'))
		.map((name) => name.slice(0, -3))
		.sort();
}

/**
 * Render one fixture commentary and score its claims' mentions.
 *
 * @param slug
 *   Fixture name.
 * @param processor
 *   Pipeline (default: `fixtureProcessor()`).
 * @returns
 *   Score.
 */
export async function scoreFixture(slug: string, processor: CommentaryProcessor = fixtureProcessor()): Promise<Score> {
	const markdown = readFileSync(join(fixtureDir, `${slug}.md`), 'utf8');
	const expected = JSON.parse(readFileSync(join(fixtureDir, `${slug}.expected.json`), 'utf8')) as Expected;
	// Rendered as if it stood in content/commentaries/ (the folder the pipeline transforms); nothing is read from there.
	const { claims } = await renderCommentary(markdown, join(projectRoot, 'content/commentaries', `${slug}.md`), processor);
	const remaining = new Map<string, number>();
	for (const [kind, ref, text] of expected.mentions) {
		const k = key(kind, ref, text);
		remaining.set(k, (remaining.get(k) ?? 0) + 1);
	}
	const wrong: string[] = [];
	let found = 0;
	const trapped: string[] = [];
	for (const claim of claims) {
		for (const mention of claim.mentions) {
			const k = key(mention.kind, `${mention.inferred || mention.implicit ? '~' : ''}${mention.ref}`, mention.text);
			const left = remaining.get(k) ?? 0;
			if (left > 0) {
				remaining.set(k, left - 1);
				found += 1;
				continue;
			}
			wrong.push(k);
			for (const trap of expected.unlinked) {
				if (comparable(claim.text).includes(trap) && trap.includes(comparable(mention.text))) trapped.push(`${trap} ← ${k}`);
			}
		}
	}
	const missed = [...remaining].flatMap(([k, count]) => Array.from({ length: count }, () => k));
	return { slug, expected: expected.mentions.length, found, missed, wrong, trapped, claims };
}

/**
 * A printable table of scores, with totals.
 *
 * @param scores
 *   Scores of every fixture.
 * @returns
 *   Lines of text.
 */
export function scoreTable(scores: readonly Score[]): string {
	const lines = ['fixture                              expected  found  recall  wrong'];
	const row = (name: string, expected: number, found: number, wrong: number) =>
		`${name.padEnd(36)} ${String(expected).padStart(8)} ${String(found).padStart(6)} ${`${((100 * found) / Math.max(1, expected)).toFixed(1)}%`.padStart(7)} ${String(wrong).padStart(6)}`;
	for (const score of scores) lines.push(row(score.slug, score.expected, score.found, score.wrong.length));
	const sum = (pick: (score: Score) => number) => scores.reduce((total, score) => total + pick(score), 0);
	lines.push(row('total', sum((s) => s.expected), sum((s) => s.found), sum((s) => s.wrong.length)));
	for (const score of scores) {
		for (const missed of score.missed) lines.push(`  ${score.slug}: missed ${missed}`);
		for (const wrong of score.wrong) lines.push(`  ${score.slug}: wrong  ${wrong}`);
		for (const trapped of score.trapped) lines.push(`  ${score.slug}: trap   ${trapped}`);
	}
	return lines.join('\n');
}
