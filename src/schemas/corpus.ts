/**
 * The corpus model: the claims (sentences) of a commentary and the mentions
 * inside them, as the Markdown pipeline records them. One zod schema, with the
 * types inferred from it, describes them for every reader: the pages, search,
 * the compare view and the published dataset (`/data/corpus.json`, whose JSON
 * Schema is generated from these schemas).
 */
import { z } from 'astro/zod';
import { formTypeSchema } from './actor.ts';

/** What a mention refers to. */
export const mentionKindSchema = z.enum(['article', 'actor', 'date']).describe('What the mention refers to.');

/** How an actor is named by a mention: the registry's form types. */
export const mentionFormSchema = formTypeSchema;

/** One annotation link inside a claim. */
export const mentionSchema = z
	.object({
		kind: mentionKindSchema,
		ref: z
			.string()
			.min(1)
			.describe('The article number (`4`), the actor id (`russia`) or the ISO date (`2024-06-19`, `1960/1988`, `2023-09/..`).'),
		text: z.string().min(1).describe('The words of the commentary that make the mention, whitespace collapsed.'),
		start: z.number().int().nonnegative().describe('Offset of the first character of `text` in the claim text (UTF-16 code units).'),
		end: z.number().int().nonnegative().describe('Offset after the last character of `text` in the claim text.'),
		implicit: z.boolean().optional().describe('An article cited by its subject, not its number.'),
		range: z.boolean().optional().describe('An article covered by a range or list (“Articles 3–5”): `text` is the whole range.'),
		inferred: z.boolean().optional().describe('A date whose year (or more) was inferred from the publication date.'),
		form: mentionFormSchema.optional().describe('How an actor is named.'),
		correct: z.string().optional().describe('For a misspelt name, its correct spelling.'),
	})
	.strict()
	.refine((mention) => mention.end > mention.start, { message: '`end` must be after `start`', path: ['end'] });

/** Element a claim was found in. */
export const claimBlockSchema = z.enum(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The fields of one sentence of a commentary (without the offset check; extend this, then `withOffsetCheck`). */
export const claimFieldsSchema = z
	.object({
		id: z
			.string()
			.regex(/^c-[0-9a-f]{10}$/)
			.describe('Permalink id: `c-` and 10 hex digits of a hash of the commentary slug and the normalised sentence.'),
		text: z.string().min(1).describe('The sentence as the author wrote it, whitespace collapsed.'),
		block: claimBlockSchema.describe('The element the sentence stands in.'),
		blockIndex: z.number().int().nonnegative().describe('Ordinal of that element among the commentary’s blocks.'),
		index: z.number().int().nonnegative().describe('Ordinal of the sentence in the commentary.'),
		section: z.string().optional().describe('Text of the nearest heading above the sentence.'),
		container: z.string().optional().describe('The commentary block it stands in (`bio`, `framing`, `standfirst`, `dateline`).'),
		mentions: z.array(mentionSchema).describe('Annotation links inside the sentence, in reading order.'),
	})
	.strict();

/**
 * Add the check that every mention's offsets hold its text in the claim.
 *
 * @param schema
 *   A claim schema (`claimFieldsSchema` or an extension of it).
 * @returns
 *   The schema, refined.
 */
export function withOffsetCheck<Schema extends z.ZodType<{ text: string; mentions: Mention[] }>>(schema: Schema) {
	return schema.superRefine((claim, context) => {
		claim.mentions.forEach((mention, index) => {
			if (claim.text.slice(mention.start, mention.end) !== mention.text) {
				context.addIssue({
					code: 'custom',
					path: ['mentions', index, 'start'],
					message: `offsets ${mention.start}–${mention.end} do not hold “${mention.text}” in the claim text`,
				});
			}
		});
	});
}

/** One sentence of a commentary. */
export const claimSchema = withOffsetCheck(claimFieldsSchema);

/** The claims of one commentary, in reading order. */
export const commentaryClaimsSchema = z.array(claimSchema);

/**
 * Which claims hold each editor's note's marked words, by note id, as the
 * pipeline records them beside the claims (not part of the published data:
 * the notes there carry their quote and selectors).
 */
export const noteClaimsSchema = z.record(z.string().min(1), z.array(claimFieldsSchema.shape.id).min(1));

export type MentionKind = z.infer<typeof mentionKindSchema>;
export type MentionForm = z.infer<typeof mentionFormSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type ClaimBlock = z.infer<typeof claimBlockSchema>;
export type Claim = z.infer<typeof claimSchema>;

/** Claim ids by editor's note id (`noteClaimsSchema`). */
export type NoteClaims = z.infer<typeof noteClaimsSchema>;
