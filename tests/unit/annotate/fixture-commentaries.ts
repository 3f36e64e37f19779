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

/**
 * The forms of writing a fixture mention or look-alike exercises, so that
 * recall and wrong links can be read per form as well as per fixture.
 * `baseline` is a form the recognisers handled before these classes were
 * named; every other class is one the annotator was found to miss or get wrong.
 */
export const MENTION_CLASSES = [
	'article-ordinal',
	'article-of-phrase',
	'article-relative-clause',
	'article-subject-phrase',
	'other-instrument',
	'exclusion-case',
	'actor-formal-name',
	'actor-acronym-variant',
	'instrument-with-org-name',
	'date-weekday',
	'date-today-yesterday',
	'date-bare-day',
	'date-day-range',
	'date-year-compound',
	'baseline',
] as const;

/** One of `MENTION_CLASSES`. */
export type MentionClass = (typeof MENTION_CLASSES)[number];

/** Class of a wrong link that falls in no classified look-alike and matches no expected mention's words. */
export const UNCLASSIFIED = 'unclassified';

export interface Expected {
	mentions: ExpectedMention[];
	/** Look-alikes inside which nothing may be linked that is not expected ("Article 51 of the UN Charter", "$34 billion"). */
	unlinked: string[];
	/** Class of each expected mention, by its index in `mentions` (as a string); a mention left out is `baseline`. */
	classes?: Record<string, MentionClass>;
	/** Class of each look-alike, by its index in `unlinked`; a wrong link inside it counts against that class. */
	unlinkedClasses?: Record<string, MentionClass>;
}

/** Expected, found and wrong mentions of one class. */
export interface ClassTally {
	expected: number;
	found: number;
	wrong: number;
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
	/** Expected, found and wrong mentions per class (`unclassified` for wrong links no class accounts for). */
	byClass: Map<string, ClassTally>;
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

/** Slugs of the fixture commentaries, sorted (the folder's README describes them and is none). */
export function fixtureSlugs(): string[] {
	return readdirSync(fixtureDir)
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name) => name.slice(0, -3))
		.sort();
}

/**
 * Read a fixture's expected annotations, checking that every class it names
 * is a known one and belongs to an existing mention or look-alike.
 *
 * @param slug
 *   Fixture name.
 * @returns
 *   Expected annotations.
 */
export function readExpected(slug: string): Expected {
	// cast: JSON.parse returns unknown data; the fields the score relies on are checked below.
	const expected = JSON.parse(readFileSync(join(fixtureDir, `${slug}.expected.json`), 'utf8')) as Expected;
	const known = new Set<string>(MENTION_CLASSES);
	const check = (field: 'classes' | 'unlinkedClasses', count: number) => {
		for (const [index, name] of Object.entries(expected[field] ?? {})) {
			if (!known.has(name)) throw new Error(`${slug}.expected.json: ${field}[${index}] is "${name}", not one of ${MENTION_CLASSES.join(', ')}`);
			if (!/^\d+$/u.test(index) || Number(index) >= count) throw new Error(`${slug}.expected.json: ${field} names index ${index}, which does not exist`);
		}
	};
	check('classes', expected.mentions.length);
	check('unlinkedClasses', expected.unlinked.length);
	return expected;
}

/** The tally of one class in a map of tallies, created empty when missing. */
function tallyOf(byClass: Map<string, ClassTally>, name: string): ClassTally {
	let tally = byClass.get(name);
	if (tally === undefined) {
		tally = { expected: 0, found: 0, wrong: 0 };
		byClass.set(name, tally);
	}
	return tally;
}

/**
 * Render one fixture commentary and score its claims' mentions.
 *
 * A found mention is credited to the class of the first expected mention with
 * the same kind, ref and words still unmatched (reading order, mentions inside
 * a look-alike last). A wrong link is charged to the class of an expected
 * mention in its sentence whose words hold it (a piece of a longer link), else
 * to the class of the first classified look-alike it falls in, else to the
 * class of an expected mention with the same kind and words (a wrong ref or
 * year), else to `unclassified`.
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
	const expected = readExpected(slug);
	// Rendered as if it stood in content/commentaries/ (the folder the pipeline transforms); nothing is read from there.
	const { claims } = await renderCommentary(markdown, join(projectRoot, 'content/commentaries', `${slug}.md`), processor);
	const paragraphs = markdown.split(/\n\s*\n/u).map(comparable);
	const byClass = new Map<string, ClassTally>();
	/** Classes of the expected mentions not yet found, per key, in reading order. */
	const remaining = new Map<string, MentionClass[]>();
	/** Class of the expected mentions per kind and words, for wrong refs. */
	const classOfWords = new Map<string, MentionClass>();
	expected.mentions.forEach(([kind, ref, text], index) => {
		const name = expected.classes?.[String(index)] ?? 'baseline';
		const k = key(kind, ref, text);
		remaining.set(k, [...(remaining.get(k) ?? []), name]);
		if (!classOfWords.has(`${kind} ${comparable(text)}`)) classOfWords.set(`${kind} ${comparable(text)}`, name);
		tallyOf(byClass, name).expected += 1;
	});
	const wrong: string[] = [];
	let found = 0;
	const trapped: string[] = [];
	/** The look-alikes (with their index) that hold a mention's words in its claim. */
	const trapsHolding = (claim: Claim, text: string) =>
		expected.unlinked.flatMap((trap, index) => (comparable(claim.text).includes(trap) && trap.includes(comparable(text)) ? [{ trap, index }] : []));
	// Mentions inside a look-alike are credited last, so that when the same words are expected elsewhere in the
	// fixture it is the one inside the look-alike that counts as wrong (the totals are the same either way).
	const inReadingOrder = claims.flatMap((claim) => claim.mentions.map((mention) => ({ claim, mention })));
	const creditOrder = [
		...inReadingOrder.filter(({ claim, mention }) => trapsHolding(claim, mention.text).length === 0),
		...inReadingOrder.filter(({ claim, mention }) => trapsHolding(claim, mention.text).length > 0),
	];
	for (const { claim, mention } of creditOrder) {
		const k = key(mention.kind, `${mention.inferred || mention.implicit ? '~' : ''}${mention.ref}`, mention.text);
		const credited = remaining.get(k)?.shift();
		if (credited !== undefined) {
			found += 1;
			tallyOf(byClass, credited).found += 1;
			continue;
		}
		wrong.push(k);
		const traps = trapsHolding(claim, mention.text);
		for (const { trap } of traps) trapped.push(`${trap} ← ${k}`);
		// A piece of a longer expected link ("UN" of "UN charter", "30 November" of a range) counts against that link's class.
		const words = comparable(mention.text);
		// Read in the claim's paragraph: a sentence may end inside the longer link ("Oct. 31-Nov. 1").
		const context = paragraphs.find((paragraph) => paragraph.includes(comparable(claim.text))) ?? comparable(claim.text);
		const holder = expected.mentions.findIndex(
			([kind, , text]) => kind === mention.kind && comparable(text) !== words && comparable(text).includes(words) && context.includes(comparable(text)),
		);
		const charged =
			(holder === -1 ? undefined : (expected.classes?.[String(holder)] ?? 'baseline')) ??
			traps.map(({ index }) => expected.unlinkedClasses?.[String(index)]).find((name) => name !== undefined) ??
			classOfWords.get(`${mention.kind} ${words}`) ??
			UNCLASSIFIED;
		tallyOf(byClass, charged).wrong += 1;
	}
	const missed = [...remaining].flatMap(([k, left]) => left.map(() => k));
	return { slug, expected: expected.mentions.length, found, missed, wrong, trapped, byClass, claims };
}

/**
 * Expected, found and wrong mentions per class, summed over fixtures.
 *
 * @param scores
 *   Scores of every fixture.
 * @returns
 *   Tally per class; a class no fixture names is absent.
 */
export function classTotals(scores: readonly Score[]): Map<string, ClassTally> {
	const totals = new Map<string, ClassTally>();
	for (const score of scores) {
		for (const [name, tally] of score.byClass) {
			const total = tallyOf(totals, name);
			total.expected += tally.expected;
			total.found += tally.found;
			total.wrong += tally.wrong;
		}
	}
	return totals;
}

/**
 * A printable table of scores, with totals, then the same per class.
 *
 * @param scores
 *   Scores of every fixture.
 * @returns
 *   Lines of text.
 */
export function scoreTable(scores: readonly Score[]): string {
	const lines = ['fixture                              expected  found  recall  wrong'];
	const row = (name: string, expected: number, found: number, wrong: number) =>
		`${name.padEnd(36)} ${String(expected).padStart(8)} ${String(found).padStart(6)} ${expected === 0 ? '      -' : `${((100 * found) / expected).toFixed(1)}%`.padStart(7)} ${String(wrong).padStart(6)}`;
	for (const score of scores) lines.push(row(score.slug, score.expected, score.found, score.wrong.length));
	const sum = (pick: (score: Score) => number) => scores.reduce((total, score) => total + pick(score), 0);
	lines.push(row('total', sum((s) => s.expected), sum((s) => s.found), sum((s) => s.wrong.length)));
	lines.push('', 'class                                expected  found  recall  wrong');
	const totals = classTotals(scores);
	for (const name of [...MENTION_CLASSES, UNCLASSIFIED]) {
		const tally = totals.get(name);
		if (tally !== undefined) lines.push(row(name, tally.expected, tally.found, tally.wrong));
	}
	lines.push('');
	for (const score of scores) {
		for (const missed of score.missed) lines.push(`  ${score.slug}: missed ${missed}`);
		for (const wrong of score.wrong) lines.push(`  ${score.slug}: wrong  ${wrong}`);
		for (const trapped of score.trapped) lines.push(`  ${score.slug}: trap   ${trapped}`);
	}
	return lines.join('\n');
}
