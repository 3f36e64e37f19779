import { z } from 'astro/zod';
import { visibleText } from './text.ts';

/**
 * How a surface form names its actor. `adjective` forms ("Russian") are
 * linked like names (see README, "Adjectives"); `misspelling` forms carry the
 * correct spelling for an editor's note; `short` forms (a bare "Kim") are
 * linked only where the same text names exactly one actor with that short
 * form in full.
 */
export const formTypeSchema = z.enum(['name', 'abbreviation', 'metonym', 'adjective', 'misspelling', 'short']);

export const surfaceFormSchema = z.union([
	visibleText(),
	z.strictObject({
		text: visibleText(),
		/** (default: `'name'`) */
		type: formTypeSchema.default('name'),
		/** The correct spelling, required for `type: misspelling`. */
		correct: visibleText().optional(),
	}),
]);

/** A person, state, organisation, outlet or collective named in the texts. */
export const actorSchema = z
	.strictObject({
		/** Display name. */
		name: visibleText(),
		kind: z.enum(['person', 'state', 'organisation', 'outlet', 'collective', 'document']),
		/** One line: who or what this is. */
		description: visibleText(300),
		/**
		 * Every surface form that names this actor, matched case-sensitively,
		 * whole words, longest first across the registry. Possessives (`’s`,
		 * `'s`, `’`) are recognised without listing them.
		 */
		forms: z.array(surfaceFormSchema).min(1),
		/**
		 * Strings that contain a form but do not name this actor ("Russia Day",
		 * "Korean Peninsula"): where one matches, nothing inside it is linked.
		 * Matched in any letter case and with a hyphen or space between words
		 * ("Russian far east", "Russian Far-East" for "Russian Far East").
		 */
		notForms: z.array(visibleText()).default([]),
		/**
		 * Look-alikes matched only exactly as written, letter case included,
		 * where another case is this actor's form in ordinary use: "Russia
		 * Today" (the outlet) is not Russia, "Russia today" is.
		 */
		exactNotForms: z.array(visibleText()).default([]),
		/** Where the name is ambiguous in the texts, a reader-facing caveat. */
		ambiguity: visibleText().optional(),
	})
	.superRefine((value, ctx) => {
		value.forms.forEach((form, index) => {
			if (typeof form === 'object' && form.type === 'misspelling' && !form.correct) {
				ctx.addIssue({ code: 'custom', path: ['forms', index, 'correct'], message: 'a misspelling needs its correct spelling' });
			}
		});
	});

export type Actor = z.infer<typeof actorSchema>;
export type SurfaceForm = z.infer<typeof surfaceFormSchema>;
