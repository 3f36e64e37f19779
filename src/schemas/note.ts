import { z } from 'astro/zod';
import { visibleText, plainText } from './text.ts';
import { TREATY_ARTICLE_COUNT } from './article.ts';
import { sourceRefSchema } from './source-ref.ts';

/**
 * Frontmatter of an editor's note in `content/notes/`. The note is anchored to
 * an exact quote of one commentary; `prefix`/`suffix` disambiguate when the
 * quote alone occurs more than once. The body (Markdown) is the note itself.
 */
export const noteSchema = z.strictObject({
	/** Slug of the commentary the note annotates. */
	commentary: visibleText(),
	/** Exact words of the commentary, as printed. */
	quote: visibleText().min(2),
	prefix: plainText().optional(),
	suffix: plainText().optional(),
	/** Kind of correction. */
	kind: z.enum(['factual-error', 'misattribution', 'misspelling', 'imprecision', 'context']),
	/** Article numbers the note concerns, for the article pages. */
	articles: z.array(z.number().int().min(1).max(TREATY_ARTICLE_COUNT)).default([]),
	sources: z.array(sourceRefSchema).min(1),
});

export type EditorNote = z.infer<typeof noteSchema>;
