/**
 * The record of a mention the annotation plugins keep on the file
 * (`file.data.mentions` and Astro's `remarkPluginFrontmatter.mentions`).
 */
import type { VFile } from 'vfile';
// Brings in the `file.data.astro.frontmatter` field Astro reads back as `remarkPluginFrontmatter`.
import type {} from '@astrojs/markdown-remark';
import type { FormType } from '../../annotate/actor-matcher.ts';

/** Kind of thing a mention points at; the value of `data-mention`. */
export type MentionKind = 'article' | 'actor' | 'date';

/**
 * One mention found in a commentary, as recorded on `file.data.mentions` and
 * on `file.data.astro.frontmatter.mentions` (Astro's `remarkPluginFrontmatter`).
 */
export interface Mention {
	kind: MentionKind;
	/** Article number (`"4"`), actor id (`"north-korea"`) or ISO value (`"2024-06-19"`, `"1960/1988"`, `"2023-09/.."`). */
	ref: string;
	/** The words as written (for an article inside a range, the whole range: `"Articles 3 to 5"`). */
	text: string;
	/** Article named by its subject rather than its number. */
	implicit?: true;
	/** Article inside a range, with no words of its own (Article 4 in "Articles 3–5"; `text` is the whole range). */
	range?: true;
	/** Date whose value is not all written: year taken from the reference date, or a relative expression. */
	inferred?: true;
	/** Date that stands for a vaguer span than its value says (`"the early 1960s"`). */
	approximate?: true;
	/** Reader-facing explanation of an inferred or approximate date. */
	note?: string;
	/** How an actor was named. */
	form?: FormType;
	/** Correct spelling, for an actor named by a misspelling. */
	correct?: string;
	/** 1-based line in the source file (0 when the tree carries no positions). */
	line: number;
	/** 1-based column in the source file (0 when the tree carries no positions). */
	column: number;
}

declare module 'vfile' {
	interface DataMap {
		/** Every mention found by the annotation plugins, in the order each plugin ran. */
		mentions: Mention[];
	}
}

/**
 * Append mentions to `file.data.mentions` and to
 * `file.data.astro.frontmatter.mentions` (created when missing; the three
 * plugins share both lists, so they are extended, never replaced).
 *
 * @param file
 *   File.
 * @param mentions
 *   Mentions to add.
 * @returns
 *   Nothing.
 */
export function recordMentions(file: VFile, mentions: readonly Mention[]): undefined {
	(file.data.mentions ??= []).push(...mentions);
	const astro = (file.data.astro ??= {});
	const frontmatter = (astro.frontmatter ??= {});
	if (!Array.isArray(frontmatter['mentions'])) frontmatter['mentions'] = [];
	(frontmatter['mentions'] as Mention[]).push(...mentions.map((mention) => ({ ...mention })));
	return undefined;
}
