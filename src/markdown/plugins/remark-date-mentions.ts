import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { annotateTree } from './mentions/annotate-tree.ts';
import { presentDate } from './mentions/present.ts';
import { createDateRecogniser, parseReferenceDate } from '../../annotate/date-expressions.ts';
import { sourceOf } from './mentions/positions.ts';
import { recordMentions } from './mentions/record.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/** Options of `remarkDateMentions`. */
export interface Options extends ScopeOptions {
	/**
	 * Date that year-less and relative expressions are read from, `YYYY`,
	 * `YYYY-MM` or `YYYY-MM-DD` (default: the file's frontmatter
	 * `published.date`, as Astro exposes it on `file.data.astro.frontmatter`).
	 */
	referenceDate?: string | null | undefined;
	/**
	 * Lines of the file before the Markdown the plugin is given (its frontmatter, which Astro cuts off), so that
	 * positions name the line an editor opens (default: none; the pipeline passes the loaders' `lineOffset`).
	 */
	lineOffset?: ((file: VFile) => number) | null | undefined;
}

/**
 * Link every date expression to its place on the timeline, inside a
 * `<time datetime>`.
 *
 * ```md
 * Signed on June 19, in the 1961 treaty's spirit, since September 2023.
 * ```
 *
 * becomes (reference date 2024-06-21)
 *
 * ```html
 * Signed on <a href="/timeline/#d-2024-06-19" class="mention mention-date" data-mention="date" data-ref="2024-06-19"
 *   data-inferred="" data-note="Year inferred from the publication date (2024)"><time datetime="2024-06-19">June 19</time></a>,
 * in the <a … data-ref="1961"><time datetime="1961">1961</time></a> treaty's spirit, since
 * <a href="/timeline/#d-2023-09_open" … data-ref="2023-09/.."><time datetime="2023-09">September 2023</time></a>.
 * ```
 *
 * Without a reference date, year-less and relative expressions stay text and
 * one file message says so. Mentions are appended to `file.data.mentions`.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkDateMentions(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const lineOffset = options?.lineOffset ?? (() => 0);
	const givenReferenceDate = options?.referenceDate;

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const published: unknown = file.data.astro?.frontmatter?.['published'];
		const fromFrontmatter = published && typeof published === 'object' && 'date' in published ? published.date : undefined;
		const referenceDate = parseReferenceDate(givenReferenceDate ?? fromFrontmatter);
		if (referenceDate === undefined) {
			file.message('No reference date (frontmatter `published.date`): dates without a year and relative dates are left unlinked', {
				ruleId: 'no-reference-date',
				source: 'remark-date-mentions',
			});
		}
		const { mentions } = annotateTree(tree, createDateRecogniser({ referenceDate }), presentDate, sourceOf(file), lineOffset(file));
		recordMentions(file, mentions);
		return undefined;
	};
}
