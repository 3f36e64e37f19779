/**
 * The labelled set of claim pairs (`tests/fixtures/alignment/labels.yaml`):
 * pairs of sentences from two different commentaries, each labelled by an
 * editor as about the same specific matter or not. The benchmark measures the
 * related-claims engine against it, and tests reuse it; the labels are test
 * data, never read by the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { formatSchemaError, parseYaml } from '../../src/loaders/schema-errors.ts';

/** Where the labelled set lives, relative to the project root. */
export const LABELS_FILE = 'tests/fixtures/alignment/labels.yaml';

/**
 * Why a pair is labelled as it is. `same-matter` is the one kind of a related
 * pair; the others say what an unrelated pair has in common, so that the
 * benchmark can report which traps a method falls into.
 */
export const labelKinds = [
	/** Both sentences say something about the same clause, event, question or fact. */
	'same-matter',
	/** They share an actor (a state, person or body) but speak of different matters. */
	'hard-actor',
	/** They mention the same treaty article but make different points. */
	'hard-article',
	/** They share a date or an event but speak of different matters. */
	'hard-date',
	/** They share distinctive words but speak of different matters. */
	'hard-words',
	/** They have nothing in particular in common. */
	'easy',
] as const;

export type LabelKind = (typeof labelKinds)[number];

/** Kinds of unrelated pairs that look related on the surface. */
export const hardNegativeKinds: readonly LabelKind[] = ['hard-actor', 'hard-article', 'hard-date', 'hard-words'];

/** A claim id as published (`c-` and ten hex digits). */
const claimId = z.string().regex(/^c-[0-9a-f]{10}$/, 'expected a claim id such as c-0123456789');

/** One sentence, exactly as in the ledger. */
const sentence = z.string().min(1);

/** One labelled pair as written in the file. */
export const labelledPairSchema = z
	.strictObject({
		a: claimId,
		b: claimId,
		/** Whether a reader comparing the two authors would want the sentences side by side. */
		related: z.boolean(),
		kind: z.enum(labelKinds),
		/** The editor's reason, one line a reviewer can check. */
		why: z.string().min(10),
		/** The sentences of `a` and `b`, in that order, for a reviewer to read. */
		texts: z.tuple([sentence, sentence]),
	})
	.refine((pair) => pair.related === (pair.kind === 'same-matter'), {
		message: 'a related pair has kind same-matter, an unrelated pair any other kind',
		path: ['kind'],
	});

/** The whole file: a list of pairs. */
export const labelledSetSchema = z.array(labelledPairSchema).min(1);

/** One labelled pair, with the line it starts on (for messages). */
export type LabelledPair = z.infer<typeof labelledPairSchema> & { line: number };

/**
 * Parse and validate a labelled set.
 *
 * @param source
 *   YAML text.
 * @param file
 *   Path shown in errors (default: `LABELS_FILE`).
 * @returns
 *   The pairs in file order, each with its line.
 * @throws
 *   `Error` with one line per problem, naming the file, the line and the field.
 */
export function parseLabels(source: string, file: string = LABELS_FILE): LabelledPair[] {
	const { value, locate } = parseYaml(source, file);
	const result = labelledSetSchema.safeParse(value);
	if (!result.success) throw new Error(formatSchemaError(file, result.error, locate));
	return result.data.map((pair, index) => ({ ...pair, line: locate([index]) ?? 1 }));
}

/**
 * Read the labelled set under `root`.
 *
 * @param root
 *   Project root directory.
 * @returns
 *   The validated pairs in file order.
 */
export function loadLabels(root: string): LabelledPair[] {
	return parseLabels(readFileSync(join(root, LABELS_FILE), 'utf8'), LABELS_FILE);
}

/**
 * The unordered key of a pair of claim ids: the same for (a, b) and (b, a).
 *
 * @param a
 *   One claim id.
 * @param b
 *   The other.
 * @returns
 *   Both ids, sorted, joined by a space.
 */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a} ${b}` : `${b} ${a}`;
}
