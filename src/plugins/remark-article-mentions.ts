import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { annotateTree } from './mentions/annotate-tree.ts';
import { presentArticle } from './mentions/present.ts';
import { createArticleRecogniser } from '../annotate/article-refs.ts';
import type { ImplicitPhraseSource } from '../annotate/implicit-articles.ts';
import { lineOffsetOf, sourceOf } from './mentions/positions.ts';
import { recordMentions } from './mentions/record.ts';
import { defaultInclude, shouldAnnotate, type Include } from './mentions/scope.ts';

/** Options of `remarkArticleMentions`. */
export interface Options {
	/**
	 * Article records (from `loadRegistry(root).articles`); only their
	 * `implicitPhrases` are read (default: `[]`, explicit citations only).
	 */
	articles?: ReadonlyArray<ImplicitPhraseSource> | null | undefined;
	/** Number of articles in the treaty; higher numbers are reported, never linked (default: `23`). */
	articleCount?: number | null | undefined;
	/** Files to annotate: path substring, regex or predicate; files without a path always are (default: `'/content/commentaries/'`). */
	include?: Include | null | undefined;
}

/**
 * Link every citation of a treaty article to its page.
 *
 * ```md
 * Articles 11 and 13 of the treaty; a mutual defence pact; Article 51 of the UN Charter.
 * ```
 *
 * becomes
 *
 * ```html
 * <a href="/articles/11/" class="mention mention-article" data-mention="article" data-ref="11">Articles 11</a> and
 * <a href="/articles/13/" class="mention mention-article" data-mention="article" data-ref="13">13</a> of the treaty; a
 * <a href="/articles/4/" class="mention mention-article mention-implicit" data-mention="article" data-ref="4" data-implicit="">mutual defence pact</a>;
 * Article 51 of the UN Charter.
 * ```
 *
 * A citation of a number the treaty does not have is left as text and
 * reported with `file.message` (rule `article-out-of-range`). Mentions are
 * appended to `file.data.mentions` and `file.data.astro.frontmatter.mentions`.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkArticleMentions(options?: Readonly<Options> | null) {
	const include = options?.include ?? defaultInclude;
	const articleCount = options?.articleCount ?? 23;
	const recogniser = createArticleRecogniser({ articles: options?.articles ?? [], articleCount });

	return function transform(tree: Root, file: VFile): undefined {
		if (!shouldAnnotate(file, include)) return undefined;
		const { mentions, warnings } = annotateTree(tree, recogniser, (hit, text) => presentArticle(hit, text, articleCount), sourceOf(file), lineOffsetOf(file));
		recordMentions(file, mentions);
		for (const warning of warnings) {
			file.message(warning.message, { place: warning.place, ruleId: warning.ruleId, source: 'remark-article-mentions' });
		}
		return undefined;
	};
}
