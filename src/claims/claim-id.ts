/**
 * Permalink ids for claims. An id is derived from the commentary's slug and
 * the claim's normalised text, never from its position, so editing or
 * inserting other sentences leaves it alone.
 *
 * Shape: `c-` + 10 lowercase hex digits of SHA-256. The hyphen makes every id
 * an invalid JavaScript identifier, and no global of a browser (`window`,
 * `document`) has a hyphen in its name, so an element with such an id can
 * never shadow (“clobber”) a global that page scripts read as `window.name`.
 */
import { hash as digestOf } from 'node:crypto';
import { normaliseClaimText } from './normalise.ts';

/** Turns the hash input into hex digits (injectable so tests can force collisions). */
export type HashFunction = (input: string) => string;

/** Prefix of every claim id. */
export const CLAIM_ID_PREFIX = 'c-';

/** Number of hex digits kept from the hash: 40 bits, ample for a few thousand sentences. */
export const CLAIM_ID_DIGITS = 10;

/** Every id this module produces matches this. */
export const claimIdPattern = /^c-[0-9a-f]{10}$/;

/** SHA-256 of the UTF-8 input, in hex (default hash). */
export const sha256Hex: HashFunction = (input) => digestOf('sha256', input, 'hex');

/** Two different inputs produced the same id: the build must stop rather than send a link to the wrong sentence. */
export class ClaimIdCollisionError extends Error {
	/** The id both inputs produce. */
	readonly id: string;
	/** The input seen first. */
	readonly first: string;
	/** The input seen second. */
	readonly second: string;

	constructor(id: string, first: string, second: string) {
		super(
			`Claim id collision: ${id} is produced by both “${first}” and “${second}”. ` +
				'Change the wording of one of them slightly, or lengthen CLAIM_ID_DIGITS in src/claims/claim-id.ts (this changes every id; regenerate the ledger with redirects).',
		);
		this.name = 'ClaimIdCollisionError';
		this.id = id;
		this.first = first;
		this.second = second;
	}
}

export interface ClaimIdOptions {
	/** Hash of the id input, as hex (default: `sha256Hex`). */
	hash?: HashFunction;
}

/**
 * The id an input hashes to.
 *
 * @param hash
 *   Hash of the input, as hex.
 * @param input
 *   Slug, normalised text and any context.
 * @returns
 *   `c-` + the first digits.
 */
function toId(hash: HashFunction, input: string): string {
	// SHA-256's hex is lowercase hex of 64 digits: only an injected hash needs checking (once per claim, it showed).
	if (hash === sha256Hex) return CLAIM_ID_PREFIX + hash(input).slice(0, CLAIM_ID_DIGITS);
	const digest = hash(input).toLowerCase();
	if (!/^[0-9a-f]{10,}$/.test(digest)) throw new Error(`Claim id hash must return at least ${CLAIM_ID_DIGITS} hex digits, got “${digest}”`);
	return CLAIM_ID_PREFIX + digest.slice(0, CLAIM_ID_DIGITS);
}

/**
 * Id of one claim, ignoring duplicates.
 *
 * @param slug
 *   Slug of the commentary (makes ids unique across the site).
 * @param text
 *   Claim text (normalised here).
 * @param options
 *   Configuration (optional).
 * @returns
 *   `c-` + 10 hex digits.
 */
export function claimId(slug: string, text: string, options?: Readonly<ClaimIdOptions> | null): string {
	return toId(options?.hash ?? sha256Hex, `${slug}\u0000${normaliseClaimText(text)}`);
}

/**
 * Ids for every claim of one commentary, in order.
 *
 * A sentence that repeats an earlier one word for word is told apart by its
 * context, not its ordinal: first by the text of the claim before it, and if
 * that repeats too (“Yes. Yes.”), by the id already given to the claim before
 * it. Both are deterministic, so every build gives the same ids.
 *
 * @param slug
 *   Slug of the commentary.
 * @param texts
 *   Claim texts in reading order.
 * @param options
 *   Configuration (optional).
 * @returns
 *   One id per text, all distinct.
 * @throws {ClaimIdCollisionError}
 *   When two different inputs hash to the same id.
 */
export function assignClaimIds(slug: string, texts: readonly string[], options?: Readonly<ClaimIdOptions> | null): string[] {
	const hash = options?.hash ?? sha256Hex;
	/** id → the input that produced it. */
	const inputs = new Map<string, string>();
	const ids: string[] = [];

	const take = (input: string): string | undefined => {
		const id = toId(hash, input);
		const previous = inputs.get(id);
		if (previous === undefined) {
			inputs.set(id, input);
			return id;
		}
		if (previous !== input) throw new ClaimIdCollisionError(id, describe(previous), describe(input));
		return undefined; // Same input again: a duplicate sentence, try a wider context.
	};

	const normals = texts.map((text) => normaliseClaimText(text));
	normals.forEach((normal, index) => {
		const base = `${slug}\u0000${normal}`;
		const previousText = index > 0 ? normals[index - 1]! : '';
		const previousId = index > 0 ? ids[index - 1]! : '';
		const id =
			take(base) ??
			take(`${base}\u0000after\u0000${previousText}`) ??
			take(`${base}\u0000after-id\u0000${previousId}`);
		// The previous id is unique, so the last input is unique unless the hash collides.
		if (id === undefined) throw new ClaimIdCollisionError(toId(hash, base), describe(base), describe(base));
		ids.push(id);
	});
	return ids;
}

/** Human-readable form of an id input: the claim text, with its context when there is one. */
function describe(input: string): string {
	const [slug, text, , context] = input.split('\u0000');
	return `${slug}: ${text}${context ? ` (after “${context}”)` : ''}`;
}

/**
 * Check that ids are unique across commentaries. Slugs are part of the hash
 * input, so a clash here is a true hash collision.
 *
 * @param idsByCommentary
 *   Slug → ids of its claims.
 * @throws {ClaimIdCollisionError}
 *   Naming both commentaries.
 */
export function assertUniqueAcrossSite(idsByCommentary: ReadonlyMap<string, readonly { id: string; text: string }[]>): void {
	const seen = new Map<string, string>();
	for (const [slug, claims] of idsByCommentary) {
		for (const claim of claims) {
			const where = `${slug}: ${claim.text}`;
			const other = seen.get(claim.id);
			if (other !== undefined && other !== where) throw new ClaimIdCollisionError(claim.id, other, where);
			seen.set(claim.id, where);
		}
	}
}
