/**
 * Shapes of the claims engine: the ledger that remembers every id ever
 * published, and the answers of re-anchoring. Pure types; no runtime code.
 * The claims themselves are described by `src/schemas/corpus.ts`.
 */

/** Status of a ledger entry. */
export type LedgerStatus = 'live' | 'retired';

/**
 * What the ledger remembers about one published id. The `text` + `prefix` +
 * `suffix` triple is a quote selector (Web Annotation `TextQuoteSelector`):
 * enough to find the sentence again after it has been reworded.
 */
export interface LedgerEntry {
	/** Slug of the commentary the claim belongs to. */
	commentary: string;
	/** Text of the claim when it was recorded. */
	text: string;
	/** Up to 32 characters of the commentary's plain text before the claim. */
	prefix: string;
	/** Up to 32 characters of the commentary's plain text after the claim. */
	suffix: string;
	/**
	 * `live`: links to this id must keep working (directly, or through
	 * `successor` when the sentence was reworded). `retired`: the sentence was
	 * removed on purpose; `retiredReason` says why.
	 */
	status: LedgerStatus;
	/** Why the claim was retired (required when `status` is `retired`). */
	retiredReason?: string;
	/** Current id of the reworded sentence, when this id was re-anchored. */
	successor?: string;
}

/** The file `content/claims-ledger.json`. */
export interface Ledger {
	/** Format version of the file. */
	version: 1;
	/** Every id ever published, grouped by commentary, in reading order. */
	claims: Record<string, LedgerEntry>;
}

/** A current claim as re-anchoring sees it. */
export interface AnchorCandidate {
	id: string;
	text: string;
}

/** Answer of `reanchor`. */
export type ReanchorResult =
	| { status: 'same'; successorId: string; oldText: string; score: 1 }
	| { status: 'edited'; successorId: string; oldText: string; score: number }
	| { status: 'lost' };

/** An old id that now lands on another claim. */
export interface ClaimRedirect {
	oldId: string;
	newId: string;
	/** Text the old id pointed at, to show in the "this sentence was edited" notice. */
	oldText: string;
}

/** Answer of `checkLedger`. */
export interface LedgerCheck {
	/** Old ids (edited sentences) and where they land now, sorted by commentary then old id order. */
	redirects: ClaimRedirect[];
	/** One message per published id that can no longer be found and is not retired. */
	errors: string[];
	/** True when the ledger lacks current ids or holds re-anchorings it has not recorded. */
	stale: boolean;
	/** Current ids the ledger does not know yet (`commentary/id`). */
	missing: string[];
	/**
	 * Ids the ledger records as retired whose sentence is in the text again
	 * (the retirement contradicts the text; `npm run ledger` makes them live).
	 */
	revived: string[];
}
