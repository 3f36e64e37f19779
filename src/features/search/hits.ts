/**
 * Where a sentence's article and actor mentions stand, as one string in its
 * search record (`article:4 10 19|actor:russia 0 6`): written by the build
 * (./records.ts), read by the search page to mark a result's mentions. Pure;
 * both sides use this module, so the format has one definition.
 */

/** The kinds of mention a search result can mark. */
export type HitKind = 'article' | 'actor';

/** One mention: what it refers to and its offsets in the sentence's text. */
export interface MentionHit {
	kind: HitKind;
	/** The article number or actor id. */
	ref: string;
	/** Offset of the mention's first character (UTF-16 code units). */
	start: number;
	/** Offset just after its last character. */
	end: number;
}

/** Separates hits in the string. */
const HIT_SEPARATOR = '|';
/** Separates a hit's target from its offsets, and the offsets. */
const FIELD_SEPARATOR = ' ';

/**
 * Whether a string names a kind of hit.
 *
 * @param value
 *   Any string.
 */
function isHitKind(value: string): value is HitKind {
	return value === 'article' || value === 'actor';
}

/**
 * Write hits as the record's `hits` string.
 *
 * @param hits
 *   Mentions in any order.
 * @returns
 *   `kind:ref start end` for each, joined by `|` (empty for none).
 * @throws
 *   When a ref holds a separator or an offset is not a whole number: the
 *   string could not be read back.
 */
export function encodeHits(hits: readonly MentionHit[]): string {
	return hits
		.map(({ kind, ref, start, end }) => {
			if (ref === '' || /[|;, ]/u.test(ref)) {
				throw new Error(`Search hits: cannot encode the ${kind} ref ${JSON.stringify(ref)}`);
			}
			if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
				throw new Error(`Search hits: bad offsets ${start}–${end} for ${kind}:${ref}`);
			}
			return `${kind}:${ref}${FIELD_SEPARATOR}${start}${FIELD_SEPARATOR}${end}`;
		})
		.join(HIT_SEPARATOR);
}

/**
 * Read a record's `hits` string. Parts that are not hits (from an index built
 * by another version) are skipped, so a result is shown unmarked rather than
 * not at all.
 *
 * @param value
 *   The string `encodeHits` wrote.
 * @returns
 *   The hits, in the order written.
 */
export function decodeHits(value: string): MentionHit[] {
	return value.split(HIT_SEPARATOR).flatMap((part): MentionHit[] => {
		const [target = '', start = '', end = '', ...rest] = part.split(FIELD_SEPARATOR);
		const colon = target.indexOf(':');
		const kind = target.slice(0, colon);
		const ref = target.slice(colon + 1);
		const from = Number(start);
		const to = Number(end);
		if (rest.length > 0 || colon < 0 || !isHitKind(kind) || ref === '' || start === '' || end === '') return [];
		if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return [];
		return [{ kind, ref, start: from, end: to }];
	});
}

/** One claim of a commentary record: its paragraph, its mentions, the articles a note re-attributes it to. */
export interface IndexedClaim {
	/** The claim id (`c-…`). */
	id: string;
	/** Its block's ordinal in the commentary (claims of one paragraph share it). */
	block: number;
	hits: MentionHit[];
	/** Articles an editor's note says the claim is about, which it does not cite. */
	reattributed: number[];
}

/** Separates claims in a record's `claims` string. */
const CLAIM_SEPARATOR = ';';
/** Separates a claim's fields. */
const CLAIM_FIELD_SEPARATOR = ',';

/**
 * Write a commentary's claims as its record's `claims` string: `;` between
 * claims, each `id,block,hits,re-attributed articles` (`c-0123456789,2,article:4 0 9,`).
 *
 * @param claims
 *   The claims in reading order.
 * @returns
 *   The string.
 * @throws
 *   When an id holds a separator (it could not be read back).
 */
export function encodeClaimIndex(claims: readonly IndexedClaim[]): string {
	return claims
		.map(({ id, block, hits, reattributed }) => {
			if (!/^[\w-]+$/u.test(id)) throw new Error(`Search hits: cannot encode the claim id ${JSON.stringify(id)}`);
			return [id, String(block), encodeHits(hits), reattributed.join(FIELD_SEPARATOR)].join(CLAIM_FIELD_SEPARATOR);
		})
		.join(CLAIM_SEPARATOR);
}

/**
 * Read a record's `claims` string. A part that is not a claim is skipped.
 *
 * @param value
 *   The string `encodeClaimIndex` wrote.
 * @returns
 *   The claims, in reading order.
 */
export function decodeClaimIndex(value: string): IndexedClaim[] {
	return value.split(CLAIM_SEPARATOR).flatMap((line): IndexedClaim[] => {
		const [id = '', block = '', hits = '', moved = '', ...rest] = line.split(CLAIM_FIELD_SEPARATOR);
		if (rest.length > 0 || !/^[\w-]+$/u.test(id) || !/^\d+$/u.test(block)) return [];
		const reattributed = moved.split(FIELD_SEPARATOR).filter(Boolean).map(Number).filter(Number.isInteger);
		return [{ id, block: Number(block), hits: hits ? decodeHits(hits) : [], reattributed }];
	});
}
