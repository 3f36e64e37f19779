/**
 * The share pages of every id the claims ledger has published, as a pure
 * function of the ledger and the current claims (see `claim-pages.ts` for
 * the build's data):
 *
 * - `live`: a sentence on the page now, shown among its neighbours;
 * - `moved`: an edited sentence's old id, showing the old wording and leading
 *   to its successor (the page's canonical address is the successor's);
 * - `retired`: a sentence withdrawn on purpose, with the recorded reason.
 */
import { assertUniqueAcrossSite } from '../../claims/claim-id.ts';
import { checkLedger, LEDGER_PATH } from '../../claims/ledger.ts';
import type { Ledger, LedgerCheck } from '../../claims/types.ts';
import type { Claim } from '../../schemas/corpus.ts';
import { pinpoints, type Pinpoint } from '../../claims/pinpoint.ts';

/** A current sentence's share page. */
export interface LiveClaimPage<E> {
	kind: 'live';
	claim: Claim;
	/** Where it stands in its commentary (`para. 4, sentence 2`). */
	pinpoint: Pinpoint;
	previous: Claim | undefined;
	next: Claim | undefined;
	entry: E;
}

/** The share page of an edited sentence's old id. */
export interface MovedClaimPage<E> {
	kind: 'moved';
	id: string;
	/** The wording the old id was published with. */
	oldText: string;
	/** The sentence it now lands on. */
	successor: Claim;
	entry: E;
}

/** The share page of a withdrawn sentence. */
export interface RetiredClaimPage<E> {
	kind: 'retired';
	id: string;
	/** The wording the id was published with. */
	oldText: string;
	/** Why it was withdrawn, as the ledger records it. */
	reason: string;
	entry: E;
}

export type SharePage<E> = LiveClaimPage<E> | MovedClaimPage<E> | RetiredClaimPage<E>;

/** What `sharePagesFrom` needs of each commentary. */
export interface CommentaryClaimsOf<E> {
	slug: string;
	entry: E;
	claims: readonly Claim[];
}

/** What the share pages need of a ledger check. */
export type SharePagesCheck = Pick<LedgerCheck, 'redirects' | 'errors'>;

/**
 * The ledger checked against every commentary, one commentary at a time as
 * the Markdown pipeline checks it: a commentary's check the pipeline already
 * made is taken as it is, the others are made here. Ids unique across the
 * site are checked for the whole site.
 *
 * @param ledger
 *   The claims ledger, its entries under their commentaries' current slugs.
 * @param claimsBySlug
 *   Every published commentary's current claims.
 * @param recorded
 *   Checks already made, by slug (default: none).
 * @returns
 *   The redirects in ledger order and the errors, commentary by commentary.
 * @throws {ClaimIdCollisionError}
 *   When two commentaries produce the same id.
 */
export function checkLedgerByCommentary(
	ledger: Ledger,
	claimsBySlug: ReadonlyMap<string, readonly Claim[]>,
	recorded: ReadonlyMap<string, SharePagesCheck> = new Map(),
): SharePagesCheck {
	assertUniqueAcrossSite(claimsBySlug);
	const parts = new Map<string, Ledger>();
	for (const [id, entry] of Object.entries(ledger.claims)) {
		let part = parts.get(entry.commentary);
		if (!part) {
			part = { version: ledger.version, claims: {} };
			parts.set(entry.commentary, part);
		}
		part.claims[id] = entry;
	}
	const checks = [...parts].map(([slug, part]) => recorded.get(slug) ?? checkLedger(part, new Map([[slug, claimsBySlug.get(slug) ?? []]])));
	const order = new Map(Object.keys(ledger.claims).map((id, index) => [id, index]));
	const redirects = checks.flatMap((check) => check.redirects).sort((a, b) => (order.get(a.oldId) ?? 0) - (order.get(b.oldId) ?? 0));
	return { redirects, errors: checks.flatMap((check) => check.errors) };
}

/**
 * The share pages of every id: current claims in reading order, then the
 * ledger's old ids (moved, then retired) in ledger order.
 *
 * @param ledger
 *   The claims ledger, its entries under their commentaries' current slugs.
 * @param commentaries
 *   Every published commentary with its current claims.
 * @param recorded
 *   Each commentary's ledger check the pipeline made while rendering it, by
 *   slug (default: none; the missing ones are made here).
 * @returns
 *   One page per id.
 * @throws {Error}
 *   When a ledger id can be neither found nor re-anchored, or names a
 *   commentary that is not published (naming the ledger file and the id).
 */
export function sharePagesFrom<E>(
	ledger: Ledger,
	commentaries: readonly CommentaryClaimsOf<E>[],
	recorded?: ReadonlyMap<string, SharePagesCheck>,
): SharePage<E>[] {
	const bySlug = new Map(commentaries.map((commentary) => [commentary.slug, commentary]));
	const claimsById = new Map(commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, claim] as const)));
	const check = checkLedgerByCommentary(ledger, new Map(commentaries.map(({ slug, claims }) => [slug, claims])), recorded);
	if (check.errors.length > 0) throw new Error(`${LEDGER_PATH}: published permalinks would break:\n${check.errors.join('\n')}`);

	const pages: SharePage<E>[] = commentaries.flatMap(({ entry, claims }) => {
		const where = pinpoints(claims);
		return claims.map((claim, index) => ({ kind: 'live' as const, claim, pinpoint: where[index]!, previous: claims[index - 1], next: claims[index + 1], entry }));
	});
	const entryOf = (id: string, slug: string): E => {
		const commentary = bySlug.get(slug);
		if (!commentary) throw new Error(`${LEDGER_PATH}: claims["${id}"].commentary: "${slug}" is not a published commentary`);
		return commentary.entry;
	};
	for (const redirect of check.redirects) {
		const entry = ledger.claims[redirect.oldId];
		const successor = claimsById.get(redirect.newId);
		// A redirect names a ledger id and a current claim, always.
		if (!entry || !successor) throw new Error(`${LEDGER_PATH}: claims["${redirect.oldId}"]: no current sentence ${redirect.newId} to lead to`);
		pages.push({ kind: 'moved', id: redirect.oldId, oldText: redirect.oldText, successor, entry: entryOf(redirect.oldId, entry.commentary) });
	}
	for (const [id, entry] of Object.entries(ledger.claims)) {
		if (entry.status !== 'retired' || claimsById.has(id)) continue;
		pages.push({ kind: 'retired', id, oldText: entry.text, reason: entry.retiredReason ?? '', entry: entryOf(id, entry.commentary) });
	}
	return pages;
}

/** The id a share page answers at. */
export function sharePageId(page: SharePage<unknown>): string {
	return page.kind === 'live' ? page.claim.id : page.id;
}

/**
 * Retired ids by commentary, with their reasons (the reading page shows them
 * at `#<id>`), in the order of `pages`.
 *
 * @param pages
 *   Every share page.
 * @param slug
 *   The slug of a page's commentary.
 * @returns
 *   Each commentary's retired pages, by slug (a commentary without any is absent).
 */
export function retiredByCommentary<E>(pages: readonly SharePage<E>[], slug: (entry: E) => string): Map<string, RetiredClaimPage<E>[]> {
	const bySlug = new Map<string, RetiredClaimPage<E>[]>();
	for (const page of pages) {
		if (page.kind !== 'retired') continue;
		const key = slug(page.entry);
		const found = bySlug.get(key);
		if (found) found.push(page);
		else bySlug.set(key, [page]);
	}
	return bySlug;
}
