import { z } from 'astro/zod';
import { visibleText } from './text.ts';

/**
 * How the context of an article citation is read to decide whose article it
 * is (`content/instruments.yaml`): the words that name this treaty, the words
 * that make an instrument another one, and the other instruments authors
 * name. Every list is matched without regard to letter case, quotes, hyphens
 * and invisible characters.
 */

/** A word or phrase of a list. */
const entry = z.union([visibleText(), z.number().int()]).transform(String);

/** Another instrument: its names are exclusions (nothing inside is linked) and decide the articles near them. */
export const otherInstrumentSchema = z.strictObject({
	/** Kebab-case id, for the names report. */
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected a kebab-case id'),
	/** Its full name, for the names report. */
	name: visibleText(),
	/** Names and acronyms authors use. */
	forms: z.array(visibleText()).min(1),
});

/** `content/instruments.yaml`. */
export const instrumentsSchema = z.strictObject({
	ours: z.strictObject({
		/** The treaty's year: an instrument qualified by another year is another one. */
		year: z.number().int().min(1800).max(2100),
		/** Nouns that name this treaty when nothing else qualifies them. */
		nouns: z.array(entry).min(1),
		/** Its titles. */
		titles: z.array(visibleText()).default([]),
		/** The parties, alone or joined by a hyphen or dash in a compound ("Russia-DPRK"). */
		parties: z.array(entry).default([]),
		/** Other words that leave a noun naming this treaty. */
		qualifiers: z.array(entry).default([]),
	}),
	/** Words that make the instrument they qualify another one. */
	otherQualifiers: z.array(entry).default([]),
	/** Nouns that always name another instrument. */
	otherNouns: z.array(entry).default([]),
	/** Other instruments by name. */
	others: z.array(otherInstrumentSchema).default([]),
});

export type Instruments = z.infer<typeof instrumentsSchema>;
export type OtherInstrument = z.infer<typeof otherInstrumentSchema>;
