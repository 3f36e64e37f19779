/**
 * The tree side of annotation: run one recogniser over every annotatable text
 * node of an mdast tree with `mdast-util-find-and-replace` (one walk per kind),
 * and say what each kind's hit becomes (`present*`). The plugins only wire
 * options and `file` to these.
 */
import type { PhrasingContent, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { ActorHit } from './actor-matcher.ts';
import type { ArticleHit } from './article-refs.ts';
import type { DateValue } from './date-expressions.ts';
import {
	isIgnored,
	mentionLink,
	placeOf,
	positionFrom,
	replacementNodes,
	restorePositions,
	timelineAnchor,
	type Hit,
	type Mention,
	type MentionProperties,
	type Recogniser,
} from './mention.ts';

/** A mention before its place in the file is known. */
export type MentionDraft = Omit<Mention, 'line' | 'column'>;

/** What one hit becomes. */
export interface Presentation {
	/** Node replacing the hit's text; absent to leave the text as it is. */
	node?: PhrasingContent;
	/** Mentions to record (a range records the numbers it spans). */
	mentions?: MentionDraft[];
	/** Something an editor should look at; reported as a file message. */
	warning?: { message: string; ruleId: string };
}

/** A warning with its place in the file. */
export interface PlacedWarning {
	message: string;
	ruleId: string;
	place: { line: number; column: number };
}

/** What annotating a tree found. */
export interface AnnotationResult {
	/** Mentions in document order. */
	mentions: Mention[];
	/** Warnings in document order. */
	warnings: PlacedWarning[];
}

/**
 * Replace every hit of a recogniser in the tree's text (links, code, `<time>`
 * and block labels excluded) by what `present` makes of it.
 *
 * @param tree
 *   mdast tree, changed in place.
 * @param recogniser
 *   Recogniser for one kind.
 * @param present
 *   Turns a hit and its text into a node, mentions and warnings.
 * @param source
 *   The file's text, to restore the positions of cut text nodes (optional).
 * @param lineOffset
 *   Lines before the text in the file on disk, added to reported lines (default: `0`).
 * @returns
 *   Mentions and warnings with their places.
 */
export function annotateTree<Data>(
	tree: Root,
	recogniser: Recogniser<Data>,
	present: (hit: Hit<Data>, text: string) => Presentation,
	source?: string,
	lineOffset = 0,
): AnnotationResult {
	const result: AnnotationResult = { mentions: [], warnings: [] };
	// A copy: findAndReplace owns `lastIndex` while it walks.
	const pattern = new RegExp(recogniser.pattern.source, recogniser.pattern.flags);

	findAndReplace(
		tree,
		[
			pattern,
			(...args: unknown[]) => {
				const match = args[0] as string;
				const { index, input, stack } = args[args.length - 1] as RegExpMatchObject;
				const hits = recogniser.interpret(input, index, match);
				if (hits === false) return false;
				const textNode = stack[stack.length - 1];
				return replacementNodes(input, index, match, hits, (hit, text) => {
					const shown = present(hit, text);
					const { line, column } = placeOf(textNode, hit.start);
					const place = { line: line > 0 ? line + lineOffset : line, column };
					for (const draft of shown.mentions ?? []) result.mentions.push({ ...draft, ...place });
					if (shown.warning) result.warnings.push({ ...shown.warning, place });
					const node: PhrasingContent = shown.node ?? { type: 'text', value: text };
					positionFrom(node, textNode, hit.start, hit.end);
					return node;
				});
			},
		],
		{ ignore: (node) => isIgnored(node as Root['children'][number]) },
	);
	restorePositions(tree, source);
	return result;
}

/**
 * Every annotatable text value of a tree, in document order (for document-wide
 * decisions such as which actor a short form names).
 *
 * @param tree
 *   mdast tree.
 * @returns
 *   Text values.
 */
export function annotatableTexts(tree: Root): string[] {
	const texts: string[] = [];
	visitParents(tree, (node) => {
		if (node.type !== 'root' && isIgnored(node)) return SKIP;
		if (node.type === 'text') texts.push(node.value);
		return undefined;
	});
	return texts;
}

/**
 * An article hit: a link to the article's page, or, for a number the treaty
 * does not have, the text left alone and a warning.
 *
 * @param hit
 *   Article hit.
 * @param text
 *   Its text.
 * @param articleCount
 *   Articles in the treaty, for the warning.
 * @returns
 *   Presentation.
 */
export function presentArticle(hit: Hit<ArticleHit>, text: string, articleCount = 23): Presentation {
	const { number, implicit, outOfRange, range } = hit.data;
	if (outOfRange) {
		return {
			warning: {
				message: `“${text}” cites Article ${number}, but the treaty has Articles 1–${articleCount}; left unlinked (if it is another instrument's article, name it: “of the UN Charter”)`,
				ruleId: 'article-out-of-range',
			},
		};
	}
	const properties: MentionProperties = {
		className: implicit ? ['mention', 'mention-article', 'mention-implicit'] : ['mention', 'mention-article'],
		dataMention: 'article',
		dataRef: String(number),
	};
	if (implicit) properties['dataImplicit'] = '';
	const mentions: MentionDraft[] = [{ kind: 'article', ref: String(number), text, ...(implicit ? { implicit: true as const } : {}) }];
	// The numbers inside a range have no words of their own: recorded, not linked.
	for (const inside of range?.interior ?? []) mentions.push({ kind: 'article', ref: String(inside), text: range?.text ?? text });
	return { node: mentionLink(text, `/articles/${number}/`, properties), mentions };
}

/**
 * An actor hit: a link to the actor's page with the form it was named by.
 *
 * @param hit
 *   Actor hit.
 * @param text
 *   Its text.
 * @returns
 *   Presentation.
 */
export function presentActor(hit: Hit<ActorHit>, text: string): Presentation {
	const { actor, type, correct } = hit.data;
	const properties: MentionProperties = {
		className: ['mention', 'mention-actor'],
		dataMention: 'actor',
		dataRef: actor,
		dataForm: type,
	};
	if (type === 'misspelling' && correct) properties['dataCorrect'] = correct;
	return {
		node: mentionLink(text, `/actors/${actor}/`, properties),
		mentions: [{ kind: 'actor', ref: actor, text, form: type, ...(type === 'misspelling' && correct ? { correct } : {}) }],
	};
}

/**
 * A date hit: a link to the date on the timeline around `<time datetime>`
 * (the start of a range: `datetime` cannot hold one), with the full value in
 * `data-ref` and, when inferred or approximate, the explanation in `data-note`.
 *
 * @param hit
 *   Date hit.
 * @param text
 *   Its text.
 * @returns
 *   Presentation.
 */
export function presentDate(hit: Hit<DateValue>, text: string): Presentation {
	const { iso, inferred, approximate, note } = hit.data;
	const properties: MentionProperties = {
		className: ['mention', 'mention-date'],
		dataMention: 'date',
		dataRef: iso,
	};
	if (inferred) properties['dataInferred'] = '';
	if (approximate) properties['dataApproximate'] = '';
	if (note) properties['dataNote'] = note;
	const mention: MentionDraft = {
		kind: 'date',
		ref: iso,
		text,
		...(inferred ? { inferred: true as const } : {}),
		...(approximate ? { approximate: true as const } : {}),
		...(note ? { note } : {}),
	};
	const dateTime = iso.split('/')[0] ?? iso;
	return { node: mentionLink(text, `/timeline/#${timelineAnchor(iso)}`, properties, dateTime), mentions: [mention] };
}
