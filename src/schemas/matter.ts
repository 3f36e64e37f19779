/**
 * The matters the commentaries discuss (`content/matters/<id>.yaml`) and the
 * editors' decisions on pairs of claims (`content/related.yaml`); their
 * phrases are read with the spellings table of `./spellings.ts`. A matter is the editors' statement of one
 * question the commentaries discuss, with the phrase rules that pick out the
 * sentences about it; two claims of different commentaries about one matter
 * are related (see `src/features/related/model.ts`).
 */
import { z } from 'astro/zod';
import { visibleText } from './text.ts';

/** A matter's id: its file name without `.yaml`, lowercase kebab-case. */
export const MATTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A required text as the editors write it in YAML (often a folded block,
 * `why: >-`), read without its surrounding white space, then held to the
 * text rule of `./text.ts`.
 *
 * @param max
 *   Longest allowed length (default: none).
 * @returns
 *   The schema.
 */
function trimmedText(max?: number) {
	return z.string().trim().pipe(visibleText(max));
}

/** A phrase as editors write it: words (letters, digits, apostrophes) separated by spaces or hyphens. */
const phraseSchema = z
	.string()
	.trim()
	.min(1)
	.regex(/^[\p{L}\p{N}'’]+(?:[\s-]+[\p{L}\p{N}'’]+)*$/u, 'expected words separated by spaces or hyphens (no other punctuation)');

/** A list of phrases, at least one. */
const phrasesSchema = z.array(phraseSchema).min(1);

/**
 * One rule of a matter: the claim contains one of `phrases` and, when `with`
 * is given, also one of `with` (anywhere in the same sentence).
 */
export const matterRuleSchema = z.strictObject({
	/** The claim contains one of these. */
	phrases: phrasesSchema.describe('The claim contains one of these phrases.'),
	/** …and also one of these (any order, same sentence). */
	with: phrasesSchema.optional().describe('…and also one of these (any order, same sentence).'),
});

/** One matter file. */
export const matterSchema = z.strictObject({
	/** Short label readers see. */
	title: trimmedText(80),
	/** The question the commentaries discuss. */
	question: trimmedText(),
	/** Treaty articles the matter is about: a claim that mentions one of them is about the matter. (default: none) */
	articles: z.array(z.number().int().positive()).default([]),
	/** A claim is about the matter if any rule matches its text. */
	rules: z.array(matterRuleSchema).min(1),
	/** A phrase here that contains a rule's match cancels that match. (default: none) */
	except: phrasesSchema.optional(),
	/** Why these phrases pick out this matter. */
	why: trimmedText(),
});

/** A claim id as the ledger records it. */
const claimIdSchema = z.string().regex(/^c-[0-9a-f]{10}$/, 'expected a claim id: c- and 10 hex digits');

/** An editors' decision on one pair of claims. */
export const pairDecisionSchema = z.strictObject({
	/** The two claims. */
	claims: z.tuple([claimIdSchema, claimIdSchema]),
	/** Why the editors decided so. */
	why: trimmedText(),
});

/** `content/related.yaml`: pairs the editors confirmed (always shown) or rejected (never shown). */
export const relatedDecisionsSchema = z.strictObject({
	confirmed: z.array(pairDecisionSchema).default([]),
	rejected: z.array(pairDecisionSchema).default([]),
});

export type MatterRule = z.infer<typeof matterRuleSchema>;
export type MatterFile = z.infer<typeof matterSchema>;
export type PairDecision = z.infer<typeof pairDecisionSchema>;
export type RelatedDecisions = z.infer<typeof relatedDecisionsSchema>;
