/**
 * A faster parser for the pipeline: Sätteri's native Markdown parser (Rust,
 * the engine of Astro's default processor) for every text it reads exactly
 * as remark-parse does, and remark-parse (micromark) for the rest.
 *
 * For the syntax our commentaries use (CommonMark, GFM, `:::name` blocks)
 * Sätteri gives the same mdast as remark-parse with remark-gfm and
 * remark-directive, node for node with the same positions, about thirty
 * times faster, and parsing is most of what a plain unified pipeline costs.
 * It does not agree everywhere: GFM autolink literals (`www.x.org`) get
 * positions micromark does not give them, a single `~` can become
 * strikethrough where micromark keeps it, a `:::` fence can interrupt a
 * paragraph or open a block where micromark reads text, a block inside
 * another ends at another place, and a colon before a tab or a non-ASCII
 * letter is read differently. A text with any of those
 * shapes goes to micromark, so what a reader sees never depends on which
 * parser read it (tests/unit/native-parse.test.ts compares both over the
 * site's texts and generated Markdown).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { markdownToMdast } from 'satteri';

/**
 * The syntax Sätteri reads: what remark-parse reads with remark-gfm and
 * remark-directive. Frontmatter is off: Astro and our loaders cut it off
 * before the Markdown reaches the pipeline, as remark-parse expects.
 */
const FEATURES = { gfm: true, directive: true, frontmatter: false } as const;

/**
 * Characters and sequences where the parsers may disagree: a tilde
 * (strikethrough), the starts of GFM autolink literals (`www.`, `://`, `@`),
 * a tab, a colon that could start a text or leaf directive (before anything
 * but a space or the end of the line: `10:30` is a directive named `30` to
 * both, read differently beside emphasis), and emphasis marks beside a
 * character outside ASCII (the two classify some, such as emoji,
 * differently), and footnotes (`[^`: a definition followed by a blank
 * continuation line ends at different places in the two trees). Checked on
 * every line but directive fences; a line that starts a definition
 * (`[label]:`, whose address may follow on the next line) is checked too.
 */
const UNSURE_INLINE = /[~\t@]|www\.|:[^ ]|[^\0-\x7f][*_]|[*_][^\0-\x7f]|\[\^|^ {0,3}\[[^\]]*\]:/;

/** A directive fence line: up to three spaces, three or more colons, then the rest of the line. */
const FENCE = /^ {0,3}(:{3,})(.*)$/;

/** The rest of an opening fence both parsers read alike: a name of ASCII letters and hyphens, nothing after. */
const OPENING = /^[A-Za-z][A-Za-z-]*$/;

/**
 * Whether Sätteri reads a text exactly as remark-parse does: no shape where
 * they are known to differ. Directive fences must be `:::name` after a blank
 * line (or at the start, or right after another fence) with no block open,
 * and a bare `:::` that closes the open block.
 *
 * @param document
 *   Markdown.
 * @returns
 *   `true` when the native parser may read it.
 */
export function nativeParseable(document: string): boolean {
	if (document.includes('\r')) return false;
	let open = 0;
	let previousBlank = true;
	for (const line of document.split('\n')) {
		const fence = FENCE.exec(line);
		if (!fence && UNSURE_INLINE.test(line)) return false;
		if (fence) {
			const [, colons, rest] = fence;
			if (colons!.length !== 3) return false;
			if (rest === '') {
				if (open === 0) return false;
				open--;
			} else {
				// A block opened inside another ends where the parsers disagree (its end position).
				if (!OPENING.test(rest!) || !previousBlank || open > 0) return false;
				open++;
			}
			// A fence ends what came before it as a blank line does.
			previousBlank = true;
			continue;
		}
		previousBlank = line.trim() === '';
	}
	return open === 0;
}

/**
 * Parse with Sätteri where it reads a text as remark-parse does, with
 * remark-parse's own parser otherwise. Attach it after remark-parse,
 * remark-gfm and remark-directive (unified uses the parser set last). With
 * any other syntax extension attached, every text goes to remark-parse,
 * which reads it.
 *
 * @returns
 *   Nothing (the plugin sets the processor's parser).
 */
const remarkNativeParse: Plugin<[], string, Root> = function remarkNativeParse() {
	const processor = this;
	const micromarkParser = processor.parser;
	if (!micromarkParser) throw new Error('remark-native-parse: attach it after remark-parse');
	processor.parser = function parseMarkdown(document, file) {
		// remark-gfm and remark-directive add one extension each; any other is syntax Sätteri would not read.
		const extensions = processor.data('micromarkExtensions') ?? [];
		if (extensions.length === 2 && nativeParseable(document)) return markdownToMdast(document, { features: FEATURES });
		return micromarkParser(document, file);
	};
};

export default remarkNativeParse;
