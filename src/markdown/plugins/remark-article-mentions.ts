import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { annotateTree } from './mentions/annotate-tree.ts';
import { presentArticle } from './mentions/present.ts';
import { createArticleRecogniser } from '../../annotate/article-refs.ts';
import type { ImplicitPhraseSource, SpellingTable } from '../../annotate/implicit-articles.ts';
import type { Instruments } from '../../schemas/instrument.ts';
import { sourceOf } from './mentions/positions.ts';
import { recordMentions } from './mentions/record.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';
import { TREATY_ARTICLE_COUNT } from '../../schemas/article.ts';

/** Options of `remarkArticleMentions`. */
export interface Options extends ScopeOptions {
	/**
	 * Article records (from `loadRegistry(root).articles`); only their
	 * `implicitPhrases` are read (default: `[]`, explicit citations only).
	 */
	articles?: ReadonlyArray<ImplicitPhraseSource> | null | undefined;
	/**
	 * How instruments are named (`loadRegistry(root).instruments`): what decides whose an "Article N" is (default:
	 * none, so an "Article N of …" stays plain).
	 */
	instruments?: Readonly<Instruments> | null | undefined;
	/** Variant spellings folded in subject phrases (`loadRegistry(root).spellings`; default: none). */
	spellings?: SpellingTable | null | undefined;
	/** Number of articles in the treaty; higher numbers are reported, never linked (default: `TREATY_ARTICLE_COUNT`; the pipeline passes the registry's count). */
	articleCount?: number | null | undefined;
	/**
	 * Lines of the file before the Markdown the plugin is given (its frontmatter, which Astro cuts off), so that
	 * positions name the line an editor opens (default: none; the pipeline passes the loaders' `lineOffset`).
	 */
	lineOffset?: ((file: VFile) => number) | null | undefined;
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
 * appended to `file.data.mentions`.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkArticleMentions(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const lineOffset = options?.lineOffset ?? (() => 0);
	const articles = options?.articles ?? [];
	const articleCount = options?.articleCount ?? TREATY_ARTICLE_COUNT;
	const recogniser = createArticleRecogniser({ articles, articleCount, instruments: options?.instruments, spellings: options?.spellings });

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const { mentions, warnings } = annotateTree(tree, recogniser, (hit, text) => presentArticle(hit, text, articleCount), sourceOf(file), lineOffset(file));
		recordMentions(file, mentions);
		for (const warning of warnings) {
			file.message(warning.message, { place: warning.place, ruleId: warning.ruleId, source: 'remark-article-mentions' });
		}
		return undefined;
	};
}
