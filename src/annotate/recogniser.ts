/**
 * What every recogniser is: one global regex per kind and an interpreter that
 * turns a match into hits, with a scanner that runs it over a string exactly
 * as the plugins run it over a text node. Nothing here knows about articles,
 * actors, dates or trees.
 */
import { foldKeepingOffsets, needsFolding, originalSpan, toMatchingText } from './matching-text.ts';

/**
 * A span of a string that a recogniser identified. Offsets are absolute in the
 * scanned string, `end` exclusive.
 */
export interface Hit<Data> {
	start: number;
	end: number;
	data: Data;
}

/**
 * A recogniser: one global regex for the whole kind, and an interpreter that
 * turns a match into hits (possibly none: a look-alike consumed as plain text)
 * or rejects it (`false`: scanning resumes one character later).
 */
export interface Recogniser<Data> {
	/** Global (and Unicode) regex; its `lastIndex` is owned by the scanner. */
	pattern: RegExp;
	/**
	 * @param input
	 *   Whole string being scanned (a text node's value).
	 * @param index
	 *   Where the match starts.
	 * @param match
	 *   The matched text.
	 * @param found
	 *   The match itself, groups included, as `find` (or the pattern's global
	 *   `exec`) returned it, so that the interpreter need not run the pattern
	 *   again at `index` to read its groups (optional: a caller that has only
	 *   the text leaves it out).
	 * @returns
	 *   Hits inside `[index, index + match.length)`, in order, not overlapping;
	 *   or `false` when the match is not one after all.
	 */
	interpret(input: string, index: number, match: string, found?: RegExpExecArray): Array<Hit<Data>> | false;
	/**
	 * The first match of `pattern` at or after `from`, exactly as its global
	 * `exec` would find it, when the recogniser has a faster way to find it
	 * (default: `pattern.exec`).
	 */
	find?: ((input: string, from: number) => RegExpExecArray | null) | undefined;
}

/**
 * Run a recogniser over a string the way the plugins run it over a text node:
 * over the folded text (see `matching-text.ts`: curly and straight apostrophes
 * alike, invisible characters skipped), matches not overlapping, a rejected
 * match letting scanning resume one character later. Offsets are those of
 * the string as given.
 *
 * @param recogniser
 *   Recogniser.
 * @param input
 *   Text to scan.
 * @param before
 *   Text that precedes `input` in its sentence but is not to be annotated
 *   (the words of a link the previous plugin made): read as context only, so
 *   that "he will visit [Pyongyang] on February 14" still looks ahead
 *   (default: none).
 * @returns
 *   Every hit inside `input`, in order, with offsets in `input`.
 */
export function scan<Data>(recogniser: Recogniser<Data>, input: string, before = ''): Array<Hit<Data>> {
	const whole = before + input;
	// Most text has nothing to fold, and most of the rest only curly apostrophes or unbreakable spaces, which fold
	// one for one: then offsets need no map.
	const sameLength = needsFolding(whole) ? foldKeepingOffsets(whole) : whole;
	const matching = sameLength === undefined ? toMatchingText(whole) : undefined;
	const hits: Array<Hit<Data>> = [];
	for (const hit of scanFolded(recogniser, matching?.text ?? sameLength ?? whole)) {
		const [start, end] = matching ? originalSpan(matching, hit.start, hit.end) : [hit.start, hit.end];
		if (start >= before.length) hits.push({ ...hit, start: start - before.length, end: end - before.length });
	}
	return hits;
}

/**
 * Run a recogniser over text that is already folded.
 *
 * @param recogniser
 *   Recogniser.
 * @param input
 *   Folded text.
 * @returns
 *   Every hit, in order, with offsets in `input`.
 */
function scanFolded<Data>(recogniser: Recogniser<Data>, input: string): Array<Hit<Data>> {
	const find = recogniser.find ?? globalExec(recogniser.pattern);
	const hits: Array<Hit<Data>> = [];
	let match = find(input, 0);
	while (match) {
		const result = recogniser.interpret(input, match.index, match[0], match);
		// A rejected match lets scanning resume one character later; a zero-length match would loop for ever.
		const next = result === false || match[0].length === 0 ? match.index + 1 : match.index + match[0].length;
		if (result !== false) hits.push(...result);
		match = find(input, next);
	}
	return hits;
}

/**
 * A pattern's global `exec` from a given offset, on a copy (so that the
 * recogniser's own `lastIndex` is never shared), compiled once per pattern.
 *
 * @param pattern
 *   Global regex.
 * @returns
 *   Function giving the first match at or after `from`.
 */
function globalExec(pattern: RegExp): (input: string, from: number) => RegExpExecArray | null {
	let exec = globalExecs.get(pattern);
	if (!exec) {
		const copy = new RegExp(pattern.source, pattern.flags);
		exec = (input, from) => {
			copy.lastIndex = from;
			return copy.exec(input);
		};
		globalExecs.set(pattern, exec);
	}
	return exec;
}

/** The copy of each recogniser's pattern that `scan` runs (scanning never nests, so one copy is enough). */
const globalExecs = new WeakMap<RegExp, (input: string, from: number) => RegExpExecArray | null>();

/**
 * Re-run a global pattern at one position to get its named groups back
 * (`findAndReplace` passes numbered groups only).
 *
 * @param pattern
 *   The recogniser's pattern.
 * @returns
 *   Function giving the match at `index`, or `undefined`.
 */
export function matcherAt(pattern: RegExp): (input: string, index: number) => RegExpExecArray | undefined {
	const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
	return (input, index) => {
		sticky.lastIndex = index;
		return sticky.exec(input) ?? undefined;
	};
}

/**
 * Escape a literal for a regex compiled with the `u` flag (which forbids
 * escaping characters that have no special meaning, such as `-`).
 *
 * @param value
 *   Literal text.
 * @returns
 *   Regex source matching exactly `value`.
 */
export function escapeRegex(value: string): string {
	return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
