import { z } from 'astro/zod';
import { sourceRefSchema } from './source-ref.ts';

/**
 * A phrase that identifies an article by its subject rather than its number
 * ("a mutual defence pact" for Article 4). Matched case-insensitively, whole
 * words only, with any run of white space between words. Editorial data: every
 * phrase carries the reason it is safe.
 */
export const implicitPhraseSchema = z.strictObject({
	phrase: z.string().min(3),
	/** Why this phrase points at this article and nowhere else. */
	why: z.string().min(1),
});

/**
 * One article of the treaty. Only a subject with a source is ever shown as
 * fact: `status: unknown` forbids `title` and `summary`.
 */
export const articleSchema = z
	.strictObject({
		number: z.number().int().min(1).max(23),
		/** Verification status of the subject, see treaty-facts §1a. */
		status: z.enum(['verified', 'secondary', 'unknown']),
		/** Short title in the editors' words; absent when the subject is unknown. */
		title: z.string().min(1).optional(),
		/** Summary in the editors' words; absent when the subject is unknown. */
		summary: z.string().min(1).optional(),
		/** How the status was reached (e.g. "number inferred from the order of a factbox"). */
		statusNote: z.string().min(1).optional(),
		sources: z.array(sourceRefSchema).default([]),
		/** Phrases that cite this article by subject. (default: `[]`) */
		implicitPhrases: z.array(implicitPhraseSchema).default([]),
	})
	.superRefine((value, ctx) => {
		if (value.status === 'unknown') {
			for (const key of ['title', 'summary'] as const) {
				if (value[key] !== undefined) {
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: `an article whose subject is unknown must not be given a ${key}`,
					});
				}
			}
			if (value.implicitPhrases.length > 0) {
				ctx.addIssue({
					code: 'custom',
					path: ['implicitPhrases'],
					message: 'an article whose subject is unknown cannot be identified by subject',
				});
			}
		} else {
			for (const key of ['title', 'summary'] as const) {
				if (value[key] === undefined) {
					ctx.addIssue({ code: 'custom', path: [key], message: `a ${value.status} article needs a ${key}` });
				}
			}
			if (value.sources.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['sources'], message: `a ${value.status} article needs at least one source` });
			}
		}
	});

export type Article = z.infer<typeof articleSchema>;
