/**
 * chrono-node against our date recogniser, over the fixture commentaries
 * (`tests/fixtures/annotate/commentaries/`): for every date an editor expects
 * there, which of the two finds it with the right value, and what each reads
 * that is not an expected date, per class of form (weekdays, today and
 * yesterday, bare days, day ranges, years in compounds, days and months
 * without a year, the rest). Ours is read from the site's own pipeline
 * (articles and actors first, as on the page); chrono reads the same
 * sentences with the publication date as its reference. The result is
 * recorded in `src/annotate/README.md` (Decisions, Dates).
 *
 * chrono-node is not a dependency of the site: install it anywhere and point
 * to it.
 *
 *   npm install --prefix /tmp/chrono chrono-node
 *   CHRONO_NODE=/tmp/chrono/node_modules/chrono-node npx node scripts/bench/chrono-dates.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { renderCommentary } from '../../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import { parseReferenceDate } from '../../src/annotate/date-expressions.ts';

/** The parts of chrono's result this measurement reads. */
interface ChronoComponents {
	get(component: 'year' | 'month' | 'day'): number | null;
	isCertain(component: 'year' | 'month' | 'day'): boolean;
}
interface ChronoResult {
	index: number;
	text: string;
	start: ChronoComponents;
	end?: ChronoComponents | null;
}
interface Chrono {
	parse(text: string, reference: Date, options?: { forwardDate?: boolean }): ChronoResult[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'tests/fixtures/annotate/commentaries');
const chronoPath = process.env['CHRONO_NODE'] ?? 'chrono-node';
const chrono: Chrono = createRequire(join(root, 'package.json'))(chronoPath);
const version: string = JSON.parse(readFileSync(join(chronoPath === 'chrono-node' ? join(root, 'node_modules/chrono-node') : chronoPath, 'package.json'), 'utf8')).version;

/** The classes of form reported on, in the order printed. */
const CLASSES = ['weekday', 'today/yesterday', 'bare day', 'day range', 'year in compound', 'no year', 'other'] as const;
type FormClass = (typeof CLASSES)[number];

/**
 * The class of an expected date by its words and the sentence around them.
 *
 * @param text
 *   The linked words.
 * @param iso
 *   Expected value (without `~`).
 * @param inferred
 *   Whether the expected value is inferred.
 * @param sentence
 *   The sentence it is in.
 * @returns
 *   Class.
 */
function classOf(text: string, iso: string, inferred: boolean, sentence: string): FormClass {
	if (/^(?:(?:last|next)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/iu.test(text)) return 'weekday';
	if (/^(?:today|yesterday|tomorrow)$/iu.test(text)) return 'today/yesterday';
	if (/^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)$/iu.test(text)) return 'bare day';
	if (/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/u.test(iso)) return 'day range';
	if (/^\d{4}s?$/u.test(text) && (sentence.includes(`-${text}`) || sentence.includes(`${text}-`))) return 'year in compound';
	if (inferred && /^\d{4}-\d{2}(?:-\d{2})?(?:\/\.\.)?$/u.test(iso)) return 'no year';
	return 'other';
}

/** Two digits. */
const pad = (value: number | null) => String(value ?? 0).padStart(2, '0');

/**
 * chrono's value at the precision of an expected ISO value (a year, a month, a
 * day, or a range of days; an open range by its start).
 *
 * @param result
 *   chrono's result.
 * @param iso
 *   Expected value.
 * @returns
 *   chrono's value written like it.
 */
function chronoValue(result: ChronoResult, iso: string): string {
	const at = (components: ChronoComponents, precision: number) =>
		`${components.get('year')}-${pad(components.get('month'))}-${pad(components.get('day'))}`.slice(0, precision);
	const [start, end] = iso.split('/');
	const first = at(result.start, start?.length ?? 10);
	if (end === undefined || end === '..') return end === '..' ? `${first}/..` : first;
	return `${first}/${result.end ? at(result.end, end.length) : '?'}`;
}

/** Tallies of one class. */
interface Tally {
	expected: number;
	ours: number;
	chrono: number;
	oursWrong: number;
	chronoWrong: number;
}

const tallies = new Map<FormClass, Tally>(CLASSES.map((name) => [name, { expected: 0, ours: 0, chrono: 0, oursWrong: 0, chronoWrong: 0 }]));
const chronoMisreadings: string[] = [];
const processor = createCommentaryProcessor(loadPipelineInputs(root, { ledger: false }));

for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md')).sort()) {
	const slug = name.slice(0, -3);
	const markdown = readFileSync(join(fixtures, name), 'utf8');
	const published: unknown = parseFrontmatter(markdown).frontmatter['published'];
	const referenceIso = parseReferenceDate(published && typeof published === 'object' && 'date' in published ? published.date : undefined);
	if (referenceIso === undefined) continue;
	const reference = new Date(`${referenceIso.padEnd(10, '-01').slice(0, 10)}T12:00:00`);
	const expected: { mentions: [string, string, string][] } = JSON.parse(readFileSync(join(fixtures, `${slug}.expected.json`), 'utf8'));
	const wanted = expected.mentions.filter(([kind]) => kind === 'date').map(([, ref, text]) => ({ ref, text, taken: false, chronoTaken: false }));
	const { claims } = await renderCommentary(markdown, join(root, 'content/commentaries', name), processor);
	for (const claim of claims) {
		// Ours: the mentions the page records.
		for (const mention of claim.mentions.filter((m) => m.kind === 'date')) {
			const ref = `${mention.inferred ? '~' : ''}${mention.ref}`;
			const match = wanted.find((w) => !w.taken && w.ref === ref && w.text === mention.text);
			if (match) {
				match.taken = true;
				tallies.get(classOf(match.text, ref.replace(/^~/u, ''), ref.startsWith('~'), claim.text))!.ours += 1;
			} else {
				tallies.get(classOf(mention.text, mention.ref, Boolean(mention.inferred), claim.text))!.oursWrong += 1;
			}
		}
		// chrono: the same sentence, the publication date as reference.
		for (const result of chrono.parse(claim.text, reference, { forwardDate: false })) {
			const overlapping = wanted.find((w) => !w.chronoTaken && claim.text.includes(w.text) && spansOverlap(claim.text.indexOf(w.text), w.text.length, result.index, result.text.length));
			const iso = overlapping?.ref.replace(/^~/u, '');
			if (overlapping && iso !== undefined && chronoValue(result, iso) === iso) {
				overlapping.chronoTaken = true;
				tallies.get(classOf(overlapping.text, iso, overlapping.ref.startsWith('~'), claim.text))!.chrono += 1;
			} else {
				const formClass = overlapping && iso !== undefined ? classOf(overlapping.text, iso, overlapping.ref.startsWith('~'), claim.text) : 'other';
				tallies.get(formClass)!.chronoWrong += 1;
				chronoMisreadings.push(`${slug}: “${result.text}” → ${overlapping && iso !== undefined ? `${chronoValue(result, iso)} (expected ${overlapping.ref})` : 'not an expected date'}`);
			}
		}
	}
	for (const w of wanted) tallies.get(classOf(w.text, w.ref.replace(/^~/u, ''), w.ref.startsWith('~'), claims.find((c) => c.text.includes(w.text))?.text ?? ''))!.expected += 1;
}

/**
 * Whether two spans of one string overlap.
 *
 * @returns
 *   Whether they share a character.
 */
function spansOverlap(startA: number, lengthA: number, startB: number, lengthB: number): boolean {
	return startA < startB + lengthB && startB < startA + lengthA;
}

console.log(`chrono-node ${version} against the recogniser, fixture commentaries (found with the right value / wrong readings)`);
console.log(`${'class'.padEnd(18)} ${'expected'.padStart(8)} ${'ours'.padStart(6)} ${'chrono'.padStart(7)} ${'ours wrong'.padStart(11)} ${'chrono wrong'.padStart(13)}`);
const total: Tally = { expected: 0, ours: 0, chrono: 0, oursWrong: 0, chronoWrong: 0 };
for (const [name, tally] of tallies) {
	console.log(`${name.padEnd(18)} ${String(tally.expected).padStart(8)} ${String(tally.ours).padStart(6)} ${String(tally.chrono).padStart(7)} ${String(tally.oursWrong).padStart(11)} ${String(tally.chronoWrong).padStart(13)}`);
	for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
}
console.log(`${'total'.padEnd(18)} ${String(total.expected).padStart(8)} ${String(total.ours).padStart(6)} ${String(total.chrono).padStart(7)} ${String(total.oursWrong).padStart(11)} ${String(total.chronoWrong).padStart(13)}`);
console.log('\nchrono’s wrong readings:');
for (const line of chronoMisreadings) console.log(`  ${line}`);
