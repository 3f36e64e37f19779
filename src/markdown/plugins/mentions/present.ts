/**
 * What each kind's hit becomes: the link (or, for a range, the links inside
 * the element that records the articles between its ends), the mentions to
 * record and any warning for an editor.
 */
import type { PhrasingContent } from 'mdast';
import type { ActorHit } from '../../../annotate/actor-matcher.ts';
import type { ArticleHit } from '../../../annotate/article-refs.ts';
import type { DateValue } from '../../../annotate/date-expressions.ts';
import type { Hit } from '../../../annotate/recogniser.ts';
import { timelineAnchor } from '../../../utils/routes.ts';
import type { MentionDraft, Presentation } from './annotate-tree.ts';
import { mentionLink, mentionRange, type MentionProperties } from './nodes.ts';

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
export function presentArticle(hit: Hit<ArticleHit>, text: string, articleCount: number): Presentation {
	const { number, implicit, outOfRange, range } = hit.data;
	if (outOfRange) {
		return {
			warning: {
				message: `“${text}” cites Article ${number}, but the treaty has Articles 1–${articleCount}; left unlinked (if it is another instrument's article, name it: “of the UN Charter”)`,
				ruleId: 'article-out-of-range',
			},
		};
	}
	if (range) return presentArticleRange(hit, text, range);
	const mention: MentionDraft = { kind: 'article', ref: String(number), text, ...(implicit ? { implicit: true as const } : {}) };
	return { node: articleLink(number, text, implicit), mentions: [mention] };
}

/**
 * A range ("Articles 3–5"): its two ends are links as before, and the whole
 * range is wrapped in one element per article between them
 * (`<span data-mention="article" data-ref="4" data-range>`), so that every
 * consumer that reads mentions from the page (claims, and through them the
 * article pages, the matrix and search) sees that the passage cites Article 4
 * too. The element is not a link and is not styled: Article 4 has no words of
 * its own here.
 *
 * @param hit
 *   Hit spanning the whole range.
 * @param text
 *   Its text.
 * @param range
 *   The range's ends and the numbers between them.
 * @returns
 *   Presentation.
 */
function presentArticleRange(hit: Hit<ArticleHit>, text: string, range: NonNullable<ArticleHit['range']>): Presentation {
	const numbers = [...text.matchAll(/\d{1,3}(?:\([0-9a-z]{1,4}\))*/giu)];
	const lowEnd = (numbers[0]?.index ?? 0) + (numbers[0]?.[0].length ?? 0);
	const highStart = numbers[numbers.length - 1]?.index ?? text.length;
	let children: PhrasingContent[] = [
		articleLink(range.low, text.slice(0, lowEnd), false),
		{ type: 'text', value: text.slice(lowEnd, highStart) },
		articleLink(range.high, text.slice(highStart), false),
	];
	// Innermost first, so that the outermost element carries the lowest number.
	for (const inside of [...range.interior].reverse()) children = [mentionRange(String(inside), children)];
	const mentions: MentionDraft[] = [
		{ kind: 'article', ref: String(range.low), text: text.slice(0, lowEnd) },
		...range.interior.map((inside) => ({ kind: 'article' as const, ref: String(inside), text, range: true as const })),
		{ kind: 'article', ref: String(range.high), text: text.slice(highStart), at: hit.start + highStart },
	];
	return { node: children[0]!, mentions };
}

/**
 * The link of one article citation.
 *
 * @param number
 *   Article number.
 * @param text
 *   Words as written.
 * @param implicit
 *   Cited by subject rather than number.
 * @returns
 *   mdast link.
 */
function articleLink(number: number, text: string, implicit: boolean): PhrasingContent {
	const properties: MentionProperties = {
		className: implicit ? ['mention', 'mention-article', 'mention-implicit'] : ['mention', 'mention-article'],
		dataMention: 'article',
		dataRef: String(number),
	};
	if (implicit) properties['dataImplicit'] = '';
	return mentionLink(text, `/articles/${number}/`, properties);
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
