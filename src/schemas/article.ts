import { z } from 'astro/zod';
import { visibleText } from './text.ts';
import { contentUrlSchema } from './safe-url.ts';

/**
 * A phrase that identifies an article by its subject rather than its number
 * ("a mutual defence pact" for Article 4). Matched case-insensitively, whole
 * words only, with any run of white space between words. Editorial data: every
 * phrase carries the reason it is safe.
 */
export const implicitPhraseSchema = z.strictObject({
	phrase: visibleText().min(3),
	/** Why this phrase points at this article and nowhere else. */
	why: visibleText(),
});

/**
 * How an article's number is known, from strongest to weakest:
 *
 * - `verified`: a source prints the number together with the subject or wording.
 * - `verified-list`: the number comes from one secondary source that lists
 *   topics with article numbers, other numbers of which match independent sources.
 * - `inferred`: no source prints the number; it follows from the order of a
 *   summary (`inference` says how, and how strongly).
 * - `unknown`: no source ties a subject to the number (`searched` says what was tried).
 */
export const ARTICLE_STATUSES = ['verified', 'verified-list', 'inferred', 'unknown'] as const;

/** What a source shows about an article (see `articleSourceSchema`). */
export const SOURCE_SUPPORTS = ['number', 'subject', 'order', 'context'] as const;

/**
 * A public source for an article's subject or number. `quote` is the
 * source's own words, copied exactly, in the source's language (`lang`).
 */
export const articleSourceSchema = z.strictObject({
	/** What the source is, e.g. "Hankook Ilbo, 20 June 2024 (in Korean)". */
	label: visibleText(),
	/** Public address; required when the source prints the number. */
	url: contentUrlSchema.optional(),
	/**
	 * What the source shows: `number` — prints the article number with its
	 * subject; `subject` — describes the subject without a number; `order` —
	 * gives the order of the provisions without numbers; `context` — background.
	 */
	supports: z.enum(SOURCE_SUPPORTS),
	/** The source's exact words that tie the number (or show the subject or order). */
	quote: visibleText().optional(),
	/**
	 * Why the exact phrase of a source that prints the number was not recorded
	 * (the page says so instead of showing a quote). Rare: prefer `quote`.
	 */
	quoteMissing: visibleText().optional(),
	/** BCP 47 language of `quote` when it is not English, e.g. `ko`, `ja`, `ru`. */
	lang: z
		.string()
		.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "ko" or "zh-Hans"')
		.optional(),
});

/** How an inferred number was reached. */
export const inferenceSchema = z.strictObject({
	/** `strong`: the order is anchored by numbered neighbours on both sides; `weak`: it is not. */
	strength: z.enum(['strong', 'weak']),
	/** The reasoning, in the editors' words, as the page shows it. */
	reasoning: visibleText(),
});

/** One search made for an article's number that did not establish it. */
export const searchRecordSchema = z.strictObject({
	/** What was looked for, e.g. `"제12조" with the treaty's Korean name`. */
	query: visibleText(),
	/** Where, e.g. "stored web pages (Korean news)". */
	where: visibleText(),
	/** What came of it. */
	outcome: visibleText(),
});

/** How many articles the treaty has: the one place this number is written; pages and plugins count the registry. */
export const TREATY_ARTICLE_COUNT = 23;

/**
 * One article of the treaty. Only a subject with a source is ever shown, and
 * the status says how its number is known; the rules below make the file say
 * so honestly (see `ARTICLE_STATUSES`).
 */
export const articleSchema = z
	.strictObject({
		/** The article's number (the registry's files are numbered 1 to N without gaps). */
		number: z.number().int().min(1).max(TREATY_ARTICLE_COUNT),
		/** How the number is known. */
		status: z.enum(ARTICLE_STATUSES),
		/** Short title in the editors' words; absent when the subject is unknown. */
		title: visibleText().optional(),
		/** Summary in the editors' words; absent when the subject is unknown. */
		summary: visibleText().optional(),
		/** How the status was reached, in a sentence or two, when the sources alone do not say. */
		statusNote: visibleText().optional(),
		/** Required for `status: inferred`, forbidden otherwise. */
		inference: inferenceSchema.optional(),
		sources: z.array(articleSourceSchema).default([]),
		/** What was searched without result; required while the subject is unknown. (default: `[]`) */
		searched: z.array(searchRecordSchema).default([]),
		/** Phrases that cite this article by subject. (default: `[]`) */
		implicitPhrases: z.array(implicitPhraseSchema).default([]),
	})
	.superRefine((value, ctx) => {
		const a = /^[aeiou]/.test(value.status) ? `an ${value.status}` : `a ${value.status}`;
		const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

		value.sources.forEach((source, index) => {
			if (source.supports !== 'number') return;
			if (source.url === undefined) issue(['sources', index, 'url'], 'a source that prints the number needs its url');
			if (source.quote === undefined && source.quoteMissing === undefined) {
				issue(['sources', index, 'quote'], 'a source that prints the number needs the exact phrase that ties it (quote), or quoteMissing saying why it was not recorded');
			}
		});
		value.sources.forEach((source, index) => {
			if (source.quote !== undefined && source.quoteMissing !== undefined) issue(['sources', index, 'quoteMissing'], 'a source has either a quote or quoteMissing, not both');
			if (source.lang !== undefined && source.quote === undefined) issue(['sources', index, 'lang'], 'lang is the language of the quote; there is no quote');
		});
		const numbered = value.sources.some((source) => source.supports === 'number');

		if (value.status === 'unknown') {
			for (const key of ['title', 'summary'] as const) {
				if (value[key] !== undefined) issue([key], `an article whose subject is unknown must not be given a ${key}`);
			}
			if (value.implicitPhrases.length > 0) issue(['implicitPhrases'], 'an article whose subject is unknown cannot be identified by subject');
			if (value.searched.length === 0) issue(['searched'], 'an article whose subject is unknown needs a record of what was searched');
			if (numbered) issue(['status'], 'a source prints this article’s number (supports: number), so its status cannot be unknown');
		} else {
			for (const key of ['title', 'summary'] as const) {
				if (value[key] === undefined) issue([key], `${a} article needs a ${key}`);
			}
			if (value.sources.length === 0) issue(['sources'], `${a} article needs at least one source`);
			else if (value.status !== 'inferred' && !numbered) {
				issue(['sources'], `${a} article needs a source that prints its number (supports: number)`);
			}
		}

		if (value.status === 'inferred') {
			if (value.inference === undefined) issue(['inference'], 'an inferred article needs its inference: strength and reasoning');
			if (numbered) issue(['status'], 'a source prints this article’s number (supports: number), so it is not merely inferred');
			if (value.implicitPhrases.length > 0) issue(['implicitPhrases'], 'an article whose number is inferred cannot be identified by subject');
		} else if (value.inference !== undefined) {
			issue(['inference'], `only an inferred article has an inference (this one is ${value.status})`);
		}

		if (value.status === 'verified-list' && value.statusNote === undefined) {
			issue(['statusNote'], 'a verified-list article needs a statusNote saying which list gives the number and why it is trusted');
		}
	});

export type Article = z.infer<typeof articleSchema>;
export type ArticleStatus = Article['status'];
export type ArticleSource = z.infer<typeof articleSourceSchema>;
