/**
 * What the annotation plugins found, with where they found it, kept on
 * `file.data.mentions` for tools and tests that ask where a mention stands
 * in the source. Pages read mentions from the claims instead (the corpus
 * model, `src/schemas/corpus.ts`), which `rehype-claims` records.
 */
import type { VFile } from 'vfile';
import type { FormType } from '../../../annotate/actor-matcher.ts';
import type { MentionKind } from '../../../schemas/corpus.ts';

/** One mention found in a commentary's source, with its line and column. */
export interface MentionHit {
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
		mentions: MentionHit[];
	}
}

/**
 * Append mentions to `file.data.mentions` (created when missing; the three
 * plugins share the list, so it is extended, never replaced).
 *
 * @param file
 *   File.
 * @param mentions
 *   Mentions to add.
 * @returns
 *   Nothing.
 */
export function recordMentions(file: VFile, mentions: readonly MentionHit[]): undefined {
	(file.data.mentions ??= []).push(...mentions);
	return undefined;
}
