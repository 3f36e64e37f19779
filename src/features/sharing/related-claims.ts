/**
 * A sentence's related claims as readers see them: grouped by the other
 * commentary that makes them (its short credit and title once, then each of
 * its sentences with the matters they share). The share page prints this
 * list, the reading page's claim panel shows it from the commentary's
 * related file (src/features/sharing/related-file.ts), and the ¶ control's
 * accessible name says how many commentaries it lists. Pure.
 */
import { truncateAtWord } from '../../utils/truncate.ts';

/** A related claim as the build ranks it (the fields of `RelatedClaim` this view reads). */
export interface RankedRelatedClaim {
	id: string;
	/** The other commentary's slug. */
	commentary: string;
	text: string;
	matters: readonly { id: string; title: string }[];
	confirmed: boolean;
}

/** How a related commentary is named. */
export interface RelatedCommentaryName {
	/** Short credit (`Rajorshi Roy`, `Andrei Lankov`). */
	credit: string;
	title: string;
}

/** One related sentence of another commentary. */
export interface ShownRelatedClaim {
	id: string;
	/** The author's words, exactly. */
	text: string;
	/** The matters it shares with the sentence (id and title), in the build's order. */
	matters: readonly { id: string; title: string }[];
	/** An editor confirmed the link. */
	confirmed: boolean;
}

/** Another commentary that discusses what a sentence discusses, with its sentences in rank order. */
export interface RelatedGroup extends RelatedCommentaryName {
	commentary: string;
	claims: ShownRelatedClaim[];
}

/**
 * Group a sentence's ranked related claims by commentary: the commentaries
 * in the order of their best-ranked claim, each one's claims in rank order.
 *
 * @param related
 *   The sentence's related claims, ranked.
 * @param names
 *   Every commentary's name, by slug.
 * @returns
 *   The groups (empty when there are none).
 * @throws
 *   When a related claim's commentary is not known (the build's data disagree).
 */
export function groupRelated(related: readonly RankedRelatedClaim[], names: ReadonlyMap<string, RelatedCommentaryName>): RelatedGroup[] {
	const groups = new Map<string, RelatedGroup>();
	for (const claim of related) {
		let group = groups.get(claim.commentary);
		if (!group) {
			const name = names.get(claim.commentary);
			if (!name) throw new Error(`Related claim ${claim.id}: commentary “${claim.commentary}” is not in the corpus`);
			group = { commentary: claim.commentary, credit: name.credit, title: name.title, claims: [] };
			groups.set(claim.commentary, group);
		}
		group.claims.push({ id: claim.id, text: claim.text, matters: claim.matters.map(({ id, title }) => ({ id, title })), confirmed: claim.confirmed });
	}
	return [...groups.values()];
}

/**
 * Every sentence's groups, looked up by id: each call groups that sentence's
 * related claims afresh and keeps nothing, so the groups of a corpus's
 * sentences are never all held at once for the whole build (a dozen claims
 * at most are grouped per call, for a page or a file that prints them).
 *
 * @param related
 *   Every sentence's related claims, ranked, by id (absent: none).
 * @param names
 *   Every commentary's name, by slug.
 * @returns
 *   A lookup: sentence id → its groups (empty when it has none).
 */
export function relatedGroupsLookup(
	related: ReadonlyMap<string, readonly RankedRelatedClaim[]>,
	names: ReadonlyMap<string, RelatedCommentaryName>,
): (claimId: string) => RelatedGroup[] {
	return (claimId) => groupRelated(related.get(claimId) ?? [], names);
}

/** The longest opening of a related claim that names it in a list (about a line on a phone). */
const OPENING_LENGTH = 60;

/**
 * A related claim's opening words, quoted: what names its link where the
 * claim is not quoted whole (a share page without its script), so that two
 * claims of one commentary on the same matter are two different links.
 *
 * @param claim
 *   The claim.
 * @returns
 *   `“Its first words …”`, or the whole sentence in quotes when it is short.
 */
export function relatedOpening(claim: Pick<ShownRelatedClaim, 'text'>): string {
	return `“${truncateAtWord(claim.text, OPENING_LENGTH)}”`;
}

/**
 * What a related sentence is linked by, for its line under the quotation:
 * `On: Mutual military assistance; The 1961 treaty`, or, for a link an
 * editor made without a shared matter, `Linked by the editors`.
 *
 * @param claim
 *   The related sentence.
 * @returns
 *   The text.
 */
export function relatedBecause(claim: Pick<ShownRelatedClaim, 'matters' | 'confirmed'>): string {
	if (claim.matters.length === 0) return 'Linked by the editors';
	const on = `On: ${claim.matters.map((matter) => matter.title).join('; ')}`;
	return claim.confirmed ? `${on} (confirmed by the editors)` : on;
}

/**
 * How many other commentaries a sentence's related claims come from, in
 * words: `discussed by 1 other commentary`, `discussed by 3 other commentaries`.
 *
 * @param commentaries
 *   How many (at least 1).
 * @returns
 *   The phrase.
 */
export function discussedBy(commentaries: number): string {
	return `discussed by ${commentaries} other ${commentaries === 1 ? 'commentary' : 'commentaries'}`;
}

/**
 * The accessible name of a sentence's ¶ control: the plain name, and how
 * many other commentaries discuss it when any do.
 *
 * @param name
 *   The control's name without related claims (`Link to sentence 2 of para. 4`).
 * @param commentaries
 *   How many other commentaries discuss the sentence.
 * @returns
 *   `Link to sentence 2 of para. 4; discussed by 2 other commentaries`, or the name as it is.
 */
export function claimLinkName(name: string, commentaries: number): string {
	return commentaries > 0 ? `${name}; ${discussedBy(commentaries)}` : name;
}
