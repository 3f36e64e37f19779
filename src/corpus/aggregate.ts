/**
 * Cross-commentary views built from claims: which sentences mention which
 * article, actor or date. Pure functions over plain data, so the pages stay
 * thin and the logic is unit-tested without a build.
 */

import type { Claim, Mention, MentionKind } from '../schemas/corpus.ts';

/** One commentary's claims, in reading order. */
export interface CommentaryClaims {
	slug: string;
	claims: readonly Claim[];
}

/** A passage that mentions something: the claim and the mentions in it that matched. */
export interface Passage {
	slug: string;
	claim: Claim;
	mentions: Mention[];
}

/**
 * Every passage that mentions `ref` of `kind`, grouped by commentary in the
 * corpus order. A claim that mentions the ref twice is listed once.
 *
 * @param corpus
 *   Commentaries with their claims.
 * @param kind
 *   Mention kind.
 * @param ref
 *   Article number, actor id or ISO date.
 * @returns
 *   One entry per commentary (empty `passages` where it does not mention the ref).
 */
export function passagesFor(
	corpus: readonly CommentaryClaims[],
	kind: MentionKind,
	ref: string,
): { slug: string; passages: Passage[] }[] {
	return passagesByRef(corpus, kind).get(ref) ?? corpus.map(({ slug }) => ({ slug, passages: [] }));
}

/**
 * Every ref's passages of one kind ({@link passagesFor} for each ref), found
 * in one pass over the claims: the topic pages of every actor or article
 * cost one reading of the corpus, not one per actor or article.
 *
 * @param corpus
 *   Commentaries with their claims.
 * @param kind
 *   Mention kind.
 * @returns
 *   Ref → one entry per commentary, in corpus order (empty `passages` where
 *   it does not mention the ref); refs nothing mentions are absent.
 */
export function passagesByRef(corpus: readonly CommentaryClaims[], kind: MentionKind): Map<string, { slug: string; passages: Passage[] }[]> {
	const byRef = new Map<string, { slug: string; passages: Passage[] }[]>();
	corpus.forEach(({ slug, claims }, at) => {
		for (const claim of claims) {
			const mentionsOf = new Map<string, Mention[]>();
			for (const mention of claim.mentions) {
				if (mention.kind !== kind) continue;
				const list = mentionsOf.get(mention.ref);
				if (list) list.push(mention);
				else mentionsOf.set(mention.ref, [mention]);
			}
			for (const [ref, mentions] of mentionsOf) {
				let groups = byRef.get(ref);
				if (!groups) byRef.set(ref, (groups = corpus.map((commentary) => ({ slug: commentary.slug, passages: [] }))));
				groups[at]!.passages.push({ slug, claim, mentions });
			}
		}
	});
	return byRef;
}

/**
 * How many sentences of one commentary cite one ref: every count the site
 * shows (the articles and actors indexes, the home page, the topic pages)
 * counts sentences, never mention links, so the numbers agree everywhere.
 */
export interface ClaimCount {
	/** Sentences that cite the ref by number or name at least once. */
	explicit: number;
	/** Sentences that cite it only by subject (every mention of it implicit). */
	implicit: number;
}

/**
 * Count the sentences citing each ref, per commentary: `counts.get(ref).get(slug)`.
 * A sentence is counted once however often it names the ref, as a citation by
 * number when any of its mentions is explicit (the rule of `articleCitations`).
 *
 * @param corpus
 *   Commentaries with their claims.
 * @param kind
 *   Mention kind to count.
 * @returns
 *   Nested map of counts; refs never mentioned are absent.
 */
export function countClaims(corpus: readonly CommentaryClaims[], kind: MentionKind): Map<string, Map<string, ClaimCount>> {
	const counts = new Map<string, Map<string, ClaimCount>>();
	for (const { slug, claims } of corpus) {
		for (const claim of claims) {
			const explicitRefs = new Map<string, boolean>();
			for (const mention of claim.mentions) {
				if (mention.kind !== kind) continue;
				explicitRefs.set(mention.ref, (explicitRefs.get(mention.ref) ?? false) || !mention.implicit);
			}
			for (const [ref, explicit] of explicitRefs) {
				const bySlug = counts.get(ref) ?? new Map<string, ClaimCount>();
				counts.set(ref, bySlug);
				const count = bySlug.get(slug) ?? { explicit: 0, implicit: 0 };
				bySlug.set(slug, count);
				if (explicit) count.explicit += 1;
				else count.implicit += 1;
			}
		}
	}
	return counts;
}

/** Total of a ref's citing sentences across commentaries. */
export function totalClaims(bySlug: ReadonlyMap<string, ClaimCount> | undefined): number {
	let total = 0;
	for (const count of bySlug?.values() ?? []) total += count.explicit + count.implicit;
	return total;
}

/**
 * Actors named in the same sentences as `actorId`, most frequent first (ties
 * by id, so builds are deterministic).
 *
 * @param corpus
 *   Commentaries with their claims.
 * @param actorId
 *   The actor.
 * @returns
 *   `[{ id, claims }]`: how many claims name both.
 */
export function coMentionedActors(corpus: readonly CommentaryClaims[], actorId: string): { id: string; claims: number }[] {
	return coMentions(corpus).get(actorId) ?? [];
}

/**
 * Every actor's co-mentioned actors ({@link coMentionedActors} for each), in
 * one pass over the claims.
 *
 * @param corpus
 *   Commentaries with their claims.
 * @returns
 *   Actor id → `[{ id, claims }]`, most frequent first (ties by id); actors
 *   never named with another have an empty list or none.
 */
export function coMentions(corpus: readonly CommentaryClaims[]): Map<string, { id: string; claims: number }[]> {
	const together = new Map<string, Map<string, number>>();
	for (const { claims } of corpus) {
		for (const claim of claims) {
			const actors = new Set(claim.mentions.filter((m) => m.kind === 'actor').map((m) => m.ref));
			for (const actor of actors) {
				let counts = together.get(actor);
				if (!counts) together.set(actor, (counts = new Map()));
				for (const other of actors) if (other !== actor) counts.set(other, (counts.get(other) ?? 0) + 1);
			}
		}
	}
	return new Map(
		[...together].map(([actor, counts]): [string, { id: string; claims: number }[]] => [
			actor,
			[...counts].map(([id, claims]) => ({ id, claims })).sort((a, b) => b.claims - a.claims || a.id.localeCompare(b.id)),
		]),
	);
}

/** Every distinct date ref mentioned, with its passages, in chronological order. */
export interface DateEntry {
	ref: string;
	inferred: boolean;
	passages: Passage[];
}

/**
 * Dates mentioned across the corpus, sorted by their start (then by ref), each
 * with the passages that mention it. A date is marked inferred when every
 * mention of it is inferred.
 */
export function datesMentioned(corpus: readonly CommentaryClaims[]): DateEntry[] {
	const byRef = new Map<string, DateEntry>();
	for (const { slug, claims } of corpus) {
		for (const claim of claims) {
			const dates = claim.mentions.filter((m) => m.kind === 'date');
			for (const ref of new Set(dates.map((m) => m.ref))) {
				const mentions = dates.filter((m) => m.ref === ref);
				const entry = byRef.get(ref) ?? { ref, inferred: true, passages: [] };
				byRef.set(ref, entry);
				entry.passages.push({ slug, claim, mentions });
				if (mentions.some((m) => !m.inferred)) entry.inferred = false;
			}
		}
	}
	return [...byRef.values()].sort((a, b) => a.ref.localeCompare(b.ref));
}

/** What one commentary discusses: the summary at the top of its reading page. */
export interface CommentaryOverview {
	/** Articles it cites, by number; `byNumber` counts sentences citing by number, `bySubject` only by subject. */
	articles: { ref: string; byNumber: number; bySubject: number }[];
	/** Actors it names most, by the number of sentences naming them, most first (ties by id). */
	actors: { ref: string; sentences: number }[];
	/** Number of claims (sentences). */
	claims: number;
}

/**
 * Summarise what one commentary discusses.
 *
 * @param commentary
 *   The commentary's claims.
 * @param actorLimit
 *   How many actors to keep (default: 6).
 * @returns
 *   Articles in number order, the most-named actors, and the claim count.
 */
export function overviewOf(commentary: CommentaryClaims, actorLimit = 6): CommentaryOverview {
	const own = [commentary];
	const articles = [...countClaims(own, 'article')]
		.map(([ref, bySlug]) => {
			const count = bySlug.get(commentary.slug) ?? { explicit: 0, implicit: 0 };
			return { ref, byNumber: count.explicit, bySubject: count.implicit };
		})
		.sort((a, b) => Number(a.ref) - Number(b.ref) || a.ref.localeCompare(b.ref));
	const actors = [...countClaims(own, 'actor')]
		.map(([ref, bySlug]) => ({ ref, sentences: totalClaims(bySlug) }))
		.sort((a, b) => b.sentences - a.sentences || a.ref.localeCompare(b.ref))
		.slice(0, actorLimit);
	return { articles, actors, claims: commentary.claims.length };
}

/** The passages citing one article, split by how they cite it. */
export interface ArticleCitations {
	/** Passages that cite the article by its number at least once, per commentary. */
	byNumber: { slug: string; passages: Passage[] }[];
	/** Passages that cite it only by its subject, per commentary. */
	bySubject: { slug: string; passages: Passage[] }[];
	/** Passages in all. */
	total: number;
	/** Commentaries with at least one such passage. */
	commentaries: number;
}

/**
 * Split the passages citing an article into citations by number and by
 * subject (a passage that does both counts as by number), per commentary in
 * corpus order; commentaries without such passages are left out.
 *
 * @param corpus
 *   Commentaries with their claims.
 * @param number
 *   The article.
 * @returns
 *   Both groups and the total.
 */
export function articleCitations(corpus: readonly CommentaryClaims[], number: number | string): ArticleCitations {
	return citationsByArticle(corpus).get(String(number)) ?? { byNumber: [], bySubject: [], total: 0, commentaries: 0 };
}

/**
 * Every cited article's citations ({@link articleCitations} for each), from
 * one pass over the claims for the passages and one for the counts.
 *
 * @param corpus
 *   Commentaries with their claims.
 * @returns
 *   Article number → its citations; articles nothing cites are absent.
 */
export function citationsByArticle(corpus: readonly CommentaryClaims[]): Map<string, ArticleCitations> {
	const counts = countClaims(corpus, 'article');
	return new Map(
		[...passagesByRef(corpus, 'article')].map(([number, grouped]): [string, ArticleCitations] => {
			const split = (keep: (passage: Passage) => boolean) =>
				grouped.map((group) => ({ slug: group.slug, passages: group.passages.filter(keep) })).filter((group) => group.passages.length > 0);
			// The totals are the counts every other page shows.
			const counted = counts.get(number);
			return [
				number,
				{
					byNumber: split((passage) => passage.mentions.some((mention) => !mention.implicit)),
					bySubject: split((passage) => passage.mentions.every((mention) => mention.implicit)),
					total: totalClaims(counted),
					commentaries: counted?.size ?? 0,
				},
			];
		}),
	);
}

/** Consecutive claims under one heading (or in the author's bio). */
export interface ClaimSection {
	/** The heading's text, `About the author` for a bio, or nothing before the first heading. */
	title: string | undefined;
	claims: Claim[];
}

/**
 * Group a commentary's claims into runs under the same heading, in order.
 *
 * @param claims
 *   Claims in reading order.
 * @returns
 *   The runs.
 */
export function claimSections(claims: readonly Claim[]): ClaimSection[] {
	const sections: ClaimSection[] = [];
	for (const claim of claims) {
		const last = sections.at(-1);
		const title = claim.container === 'bio' ? 'About the author' : claim.section;
		if (last && last.title === title) last.claims.push(claim);
		else sections.push({ title, claims: [claim] });
	}
	return sections;
}

/** An article or actor a claim mentions, named as the registry names it. */
export interface MentionedEntity {
	kind: 'article' | 'actor';
	ref: string;
	name: string;
}

/**
 * The articles and actors one claim mentions, once each, in order of first
 * mention, named by the registry (“Japan”, not the text's “Japan’s”; an
 * article as “Article 4”). Dates are left out.
 *
 * @param mentions
 *   The claim's mentions.
 * @param actorNames
 *   Actor id → registry name.
 * @returns
 *   Entities.
 */
export function mentionedEntities(mentions: readonly Mention[], actorNames: ReadonlyMap<string, string>): MentionedEntity[] {
	const found = new Map<string, MentionedEntity>();
	for (const { kind, ref } of mentions) {
		if (kind === 'date' || found.has(`${kind}:${ref}`)) continue;
		found.set(`${kind}:${ref}`, { kind, ref, name: kind === 'article' ? `Article ${ref}` : (actorNames.get(ref) ?? ref) });
	}
	return [...found.values()];
}
