/**
 * What the three annotation plugins share: the record of a mention, the mdast
 * nodes a mention becomes, and the plumbing that lets one combined regex per
 * kind be used both by a pure string scanner (tests, corpus checks) and by
 * `mdast-util-find-and-replace` (the plugins).
 *
 * Nothing here knows about articles, actors or dates.
 */
import { readFileSync } from 'node:fs';
import type { Link, Nodes, Parent, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
// Brings in the `data.hName`/`data.hProperties` fields that remark-rehype reads.
import type {} from 'mdast-util-to-hast';
// Brings in the `file.data.astro.frontmatter` field Astro reads back as `remarkPluginFrontmatter`.
import type {} from '@astrojs/markdown-remark';
import type { FormType } from './actor-matcher.ts';

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
 * `<time>` element inside a date mention's link. A node of its own (not
 * `emphasis` in disguise) so that no other plugin mistakes it for markup the
 * author wrote; remark-rehype renders unknown nodes through `data.hName`.
 */
export interface MentionTime extends Parent {
	type: 'mentionTime';
	children: PhrasingContent[];
	data: { hName: 'time'; hProperties: { dateTime: string } };
}

declare module 'mdast' {
	interface PhrasingContentMap {
		mentionTime: MentionTime;
	}
	interface RootContentMap {
		mentionTime: MentionTime;
	}
}

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
	 * @returns
	 *   Hits inside `[index, index + match.length)`, in order, not overlapping;
	 *   or `false` when the match is not one after all.
	 */
	interpret(input: string, index: number, match: string): Array<Hit<Data>> | false;
}

/**
 * Run a recogniser over a string the way `findAndReplace` does: matches do not
 * overlap, and a rejected match lets scanning resume one character later.
 *
 * @param recogniser
 *   Recogniser.
 * @param input
 *   Text to scan.
 * @returns
 *   Every hit, in order.
 */
export function scan<Data>(recogniser: Recogniser<Data>, input: string): Array<Hit<Data>> {
	const pattern = new RegExp(recogniser.pattern.source, recogniser.pattern.flags);
	const hits: Array<Hit<Data>> = [];
	let match = pattern.exec(input);
	while (match) {
		const result = recogniser.interpret(input, match.index, match[0]);
		if (result === false) pattern.lastIndex = match.index + 1;
		else hits.push(...result);
		// A zero-length match would loop for ever.
		if (match[0].length === 0) pattern.lastIndex = match.index + 1;
		match = pattern.exec(input);
	}
	return hits;
}

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

/** Hast properties of a mention link, in hast's camelCase (`dataMention` → `data-mention`). */
export type MentionProperties = Record<string, string | string[]>;

/**
 * The node a mention becomes: a `link` to the thing's page, so that it renders
 * as `<a>` with the mention's data attributes. Text is kept as written.
 *
 * @param text
 *   Visible text (exactly as in the source).
 * @param url
 *   Address of the page (`/articles/4/`).
 * @param properties
 *   Hast properties (class and data attributes).
 * @param dateTime
 *   When set, the text is wrapped in `<time datetime>` inside the link.
 * @returns
 *   mdast link.
 */
export function mentionLink(text: string, url: string, properties: MentionProperties, dateTime?: string): Link {
	const inner: Text = { type: 'text', value: text };
	const children: PhrasingContent[] =
		dateTime === undefined ? [inner] : [{ type: 'mentionTime', children: [inner], data: { hName: 'time', hProperties: { dateTime } } }];
	return { type: 'link', url, title: null, children, data: { hProperties: { ...properties } } };
}

/**
 * Replacement for one regex match: the matched text cut into plain text and
 * mention nodes, so that the text reads exactly as before.
 *
 * @param input
 *   Scanned string.
 * @param index
 *   Start of the match.
 * @param match
 *   Matched text.
 * @param hits
 *   Spans to turn into nodes (inside the match).
 * @param build
 *   Node for one hit.
 * @returns
 *   Nodes covering the whole match (at least one).
 */
export function replacementNodes<Data>(
	input: string,
	index: number,
	match: string,
	hits: ReadonlyArray<Hit<Data>>,
	build: (hit: Hit<Data>, text: string) => PhrasingContent,
): PhrasingContent[] {
	const end = index + match.length;
	const nodes: PhrasingContent[] = [];
	let cursor = index;
	for (const hit of hits) {
		if (hit.start > cursor) nodes.push({ type: 'text', value: input.slice(cursor, hit.start) });
		nodes.push(build(hit, input.slice(hit.start, hit.end)));
		cursor = hit.end;
	}
	// Never return an empty list: findAndReplace would delete the matched text.
	if (cursor < end || nodes.length === 0) nodes.push({ type: 'text', value: input.slice(cursor, end) });
	return nodes;
}

/**
 * Point of an offset inside a text node, from the node's position. Exact
 * when the node's value is the source as written (no escapes or character
 * references before the offset, no indented continuation lines).
 *
 * @param node
 *   Text node (its `value` is the scanned string).
 * @param offset
 *   Offset in `node.value`.
 * @returns
 *   1-based line and column (and source offset when known), or zeros when the
 *   node has no position.
 */
export function placeOf(node: Nodes | undefined, offset: number): Point {
	const start = node?.position?.start;
	if (!start || !node || !('value' in node)) return { line: 0, column: 0 };
	return advance(start, node.value.slice(0, offset));
}

/**
 * The point reached after `text` from `start`.
 *
 * @param start
 *   Starting point.
 * @param text
 *   Text read from there.
 * @returns
 *   New point.
 */
function advance(start: Point, text: string): Point {
	const breaks = text.split('\n').length - 1;
	const offset = start.offset === undefined ? {} : { offset: start.offset + text.length };
	if (breaks === 0) return { line: start.line, column: start.column + text.length, ...offset };
	return { line: start.line + breaks, column: text.length - text.lastIndexOf('\n'), ...offset };
}

/**
 * Give a replacement node (and its descendants) the position of its text in
 * the original text node, so that later plugins and messages can still point
 * into the file.
 *
 * @param node
 *   Node built for a hit.
 * @param textNode
 *   Original text node.
 * @param start
 *   Offset of the hit in `textNode.value`.
 * @param end
 *   End offset of the hit.
 * @returns
 *   Nothing.
 */
export function positionFrom(node: PhrasingContent, textNode: Nodes | undefined, start: number, end: number): undefined {
	if (!textNode?.position) return undefined;
	const position = { start: placeOf(textNode, start), end: placeOf(textNode, end) };
	const set = (target: Nodes): void => {
		target.position ??= { start: { ...position.start }, end: { ...position.end } };
		if ('children' in target) for (const child of target.children) set(child);
	};
	set(node);
	return undefined;
}

/**
 * Give text nodes that `findAndReplace` cut out of a positioned text node a
 * position again (it creates them without one): a piece starts where its
 * previous sibling ends, or ends where its next one starts, or (a first piece
 * spanning lines) where its opening words are found in the source.
 *
 * @param tree
 *   Tree after a replacement pass.
 * @param source
 *   The file's text, to place a first piece that spans lines (optional).
 * @returns
 *   Nothing.
 */
export function restorePositions(tree: Root, source?: string): undefined {
	visit(tree, (parent) => {
		if (!('children' in parent)) return;
		const children: Nodes[] = parent.children;
		children.forEach((child, index) => {
			if (child.position || child.type !== 'text') return;
			const previous = children[index - 1]?.position?.end;
			if (previous) {
				child.position = { start: { ...previous }, end: advance(previous, child.value) };
				return;
			}
			const next = children[index + 1]?.position?.start;
			const length = child.value.length;
			if (next && !child.value.includes('\n')) {
				const start = { line: next.line, column: next.column - length, ...(next.offset === undefined ? {} : { offset: next.offset - length }) };
				child.position = { start, end: { ...next } };
				return;
			}
			// A first piece: find its opening words in the source, inside the parent.
			const from = parent.position?.start.offset;
			if (source === undefined || from === undefined) return;
			const probe = child.value.split('\n')[0]?.slice(0, 40) ?? '';
			const offset = probe === '' ? -1 : source.indexOf(probe, from);
			if (offset === -1 || offset > (parent.position?.end.offset ?? source.length)) return;
			const before = source.slice(0, offset);
			const start = { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), offset };
			child.position = { start, end: advance(start, child.value) };
		});
	});
	return undefined;
}

/**
 * Node types whose text is never annotated: existing links, code, our own
 * `<time>`, and the visible label `remark-commentary-blocks` adds above a block
 * (not the author's words).
 *
 * @param node
 *   Node.
 * @returns
 *   Whether to skip the node and everything in it.
 */
export function isIgnored(node: Nodes | Parents): boolean {
	switch (node.type) {
		case 'link':
		case 'linkReference':
		case 'code':
		case 'inlineCode':
		case 'html':
		case 'mentionTime':
		case 'definition':
			return true;
		case 'paragraph': {
			const className = node.data?.hProperties?.className;
			return Array.isArray(className) ? className.includes('block-label') : className === 'block-label';
		}
		default:
			return false;
	}
}

/** Which files a plugin annotates. */
export type Include = string | RegExp | ((path: string) => boolean);

/** Files under `content/commentaries/` only. */
export const defaultInclude = '/content/commentaries/';

/**
 * Whether a plugin applies to a file. Files without a path (tests, strings)
 * are always annotated.
 *
 * @param file
 *   File being processed.
 * @param include
 *   Substring, regex or predicate on the path (`\` normalised to `/`).
 * @returns
 *   Whether to annotate.
 */
export function shouldAnnotate(file: VFile, include: Include): boolean {
	if (!file.path) return true;
	const path = file.path.replace(/\\/g, '/');
	if (typeof include === 'string') return path.includes(include);
	if (include instanceof RegExp) return include.test(path);
	return include(path);
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

/**
 * Where the timeline page puts a date: `d-` + the ISO value with `/` as `_`
 * and an open end `..` as `open`. The timeline page must give an element this
 * id for every date it lists.
 *
 * @param iso
 *   ISO date, range or open range (`2024-06-19`, `1960/1988`, `2023-09/..`).
 * @returns
 *   Fragment id without `#` (`d-2023-09_open`).
 */
export function timelineAnchor(iso: string): string {
	return `d-${iso.replace(/\.\./g, 'open').replace(/\//g, '_')}`;
}

/**
 * The file's text, when it has one (to place nodes after a replacement pass).
 *
 * @param file
 *   File.
 * @returns
 *   Text, or `undefined`.
 */
export function sourceOf(file: VFile): string | undefined {
	if (typeof file.value === 'string') return file.value;
	return file.value ? new TextDecoder().decode(file.value) : undefined;
}

/**
 * Lines that precede the Markdown body in the file on disk. Astro hands remark
 * the body with its frontmatter cut off (and trimmed), so positions count from
 * the body; adding this makes mentions and messages point at the real line an
 * editor opens.
 *
 * @param file
 *   File (its `path` is read when it exists; nothing is written).
 * @returns
 *   Line offset, 0 when the file cannot be read or is the body itself.
 */
export function lineOffsetOf(file: VFile): number {
	const source = sourceOf(file);
	if (!file.path || !source) return 0;
	let disk: string;
	try {
		disk = readFileSync(file.path, 'utf8');
	} catch {
		return 0;
	}
	if (disk === source) return 0;
	const body = source.trimStart();
	const at = body === '' ? -1 : disk.indexOf(body.slice(0, 500));
	if (at === -1) return 0;
	const linesBefore = (text: string) => text.split('\n').length - 1;
	return Math.max(0, linesBefore(disk.slice(0, at)) - linesBefore(source.slice(0, source.length - body.length)));
}
