import { z } from 'astro/zod';
import { visibleText } from './text.ts';
import { isoDateValue } from './iso-date.ts';
import { absoluteUrlSchema } from './safe-url.ts';

/**
 * A person credited with a commentary. `role` says how they took part: an
 * interview has an interviewee (whose words the piece reports) and an
 * interviewer.
 */
export const contributorSchema = z.strictObject({
	/** Name exactly as the source gives it. */
	name: visibleText(),
	/** Position and institution, as the source gives them. */
	affiliation: visibleText(),
	/** (default: `'author'`) */
	role: z.enum(['author', 'interviewee', 'interviewer']).default('author'),
	/** Actor id in `content/actors/` when the person is in the registry. */
	actor: visibleText().optional(),
});

/**
 * When the piece was published. Sources are often vague, so the precision is
 * part of the value: `2024-07-11` (a day), `2023-09` (a month) or `2024` (a
 * year). `circa` marks an editorial estimate; `note` says how it was reached.
 */
export const publishedSchema = z.strictObject({
	date: isoDateValue,
	/** True when the date is the editors' estimate, not stated by the source. (default: `false`) */
	circa: z.boolean().default(false),
	/** Earliest possible date when only a bound is known (ISO day). */
	notBefore: isoDateValue.optional(),
	/** How the date was established, shown to readers. */
	note: visibleText().optional(),
});

/** The original web page, or an honest statement that it was not found. */
export const sourceSchema = z.strictObject({
	/** Address of the original (absolute: it is on another site), or `null` when it is not known. */
	url: absoluteUrlSchema.nullable(),
	/** What is known about where the piece first appeared, shown to readers. */
	note: visibleText().optional(),
	/** The raw capture in `content/sources/` this text was taken from. */
	capture: z.string().regex(/^[\w.-]+\.txt$/, 'expected a file name in content/sources/'),
});

/** Frontmatter of a file in `content/commentaries/`. */
export const commentarySchema = z
	.strictObject({
		title: visibleText(),
		/** True when the source gives no title and the editors supplied one. (default: `false`) */
		titleSupplied: z.boolean().default(false),
		authors: z.array(contributorSchema).min(1),
		outlet: visibleText(),
		published: publishedSchema,
		source: sourceSchema,
		kind: z.enum(['commentary', 'interview', 'analysis', 'op-ed']),
		/**
		 * What a reference manager should call it (a CSL item type): `article-newspaper`,
		 * `article-magazine`, `post-weblog`, `report` (a numbered paper of an institute) or
		 * `webpage`. An interview is cited as an interview whatever this says. (default: `'webpage'`)
		 */
		citationType: z.enum(['article-newspaper', 'article-magazine', 'post-weblog', 'report', 'webpage']).default('webpage'),
		/** One sentence in the editors' own words. */
		summary: visibleText(400),
		/** Order on the home page (oldest first when omitted). */
		order: z.number().int().nonnegative().optional(),
	})
	.superRefine((value, ctx) => {
		if (value.published.notBefore && value.published.notBefore > normaliseForCompare(value.published.date, 'end')) {
			ctx.addIssue({
				code: 'custom',
				path: ['published', 'notBefore'],
				message: `notBefore (${value.published.notBefore}) is after the published date (${value.published.date})`,
			});
		}
		if (value.kind === 'interview' && !value.authors.some((a) => a.role === 'interviewee')) {
			ctx.addIssue({
				code: 'custom',
				path: ['authors'],
				message: 'an interview must name its interviewee (role: interviewee)',
			});
		}
	});

export type Commentary = z.infer<typeof commentarySchema>;
export type CommentaryInput = z.input<typeof commentarySchema>;

/** Pads a partial ISO date to the last possible day so that bounds compare as strings. */
function normaliseForCompare(iso: string, side: 'start' | 'end'): string {
	if (iso.length === 10) return iso;
	if (iso.length === 7) return side === 'start' ? `${iso}-01` : `${iso}-31`;
	return side === 'start' ? `${iso}-01-01` : `${iso}-12-31`;
}
