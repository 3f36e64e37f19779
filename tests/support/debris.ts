/**
 * The debris list: every line of a raw capture that is not part of the reading
 * text (comment forms, reading-time badges, captions, the title and byline that
 * the page shows from the frontmatter…), each with the reason it was removed.
 * `content/debris.yaml` is the one reviewed place for these removals; the
 * fidelity check (`./fidelity.ts`) refuses any other difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { formatSchemaError, parseYaml } from '../../src/loaders/schema-errors.ts';

/** Why a line is not the author's text. */
export const debrisReasons = [
	'title',
	'byline',
	'page-metadata',
	'section-label',
	'reading-time',
	'image-caption',
	'comment-form',
	'related-links',
	'site-disclaimer',
] as const;

export type DebrisReason = (typeof debrisReasons)[number];

/** One removed line. */
export const debrisEntrySchema = z.strictObject({
	/** The whole line exactly as captured; runs of whitespace count as one space. */
	text: z
		.string()
		.min(1)
		.refine((s) => s === s.trim() && !/[\r\n]/.test(s), {
			message: 'expected one line of text without leading or trailing whitespace',
		}),
	reason: z.enum(debrisReasons),
	/** 1-based line in the capture; only needed when `text` occurs on several lines. */
	line: z.number().int().positive().optional(),
});

export type DebrisEntry = z.infer<typeof debrisEntrySchema>;

/** Capture file name (in `content/sources/`) → its removed lines. */
export const debrisListSchema = z.record(
	z.string().regex(/^[\w.-]+\.txt$/, 'expected a capture file name in content/sources/'),
	z.array(debrisEntrySchema).min(1),
);

export type DebrisList = z.infer<typeof debrisListSchema>;

/** Where the debris list lives, relative to the project root. */
export const DEBRIS_FILE = 'content/debris.yaml';

/**
 * Parse and validate the debris list.
 *
 * @param source
 *   YAML text.
 * @param file
 *   Path shown in errors (default: `DEBRIS_FILE`).
 * @returns
 *   The list, keyed by capture file name.
 * @throws
 *   `Error` with one line per problem, naming the file, the line and the field.
 */
export function parseDebris(source: string, file: string = DEBRIS_FILE): DebrisList {
	const { value, locate } = parseYaml(source, file);
	const result = debrisListSchema.safeParse(value ?? {});
	if (!result.success) throw new Error(formatSchemaError(file, result.error, locate));
	return result.data;
}

/**
 * Read `content/debris.yaml` under `root`.
 *
 * @param root
 *   Project root directory.
 * @returns
 *   The validated list.
 */
export function loadDebris(root: string): DebrisList {
	return parseDebris(readFileSync(join(root, DEBRIS_FILE), 'utf8'), DEBRIS_FILE);
}
