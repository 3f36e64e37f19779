/**
 * What the reading page knows of each sentence's related claims (the claims
 * of other commentaries about the same matter):
 *
 * - the commentary's related file (`/data/related/<slug>.json`), fetched by
 *   the claim panel when it first opens: every sentence's related claims,
 *   grouped by commentary, each commentary, matter and quoted sentence
 *   written once however many sentences point at it, and referred to by
 *   position or id;
 * - the page's counts (`data-related-counts` on its `<article>`: `c-…:2 c-…:1`),
 *   how many other commentaries discuss each sentence, so the ¶ controls can
 *   say so before anything is fetched.
 *
 * The endpoint and the page write both with this module and the script reads
 * them with it. Pure.
 */
import type { RelatedGroup, ShownRelatedClaim } from '../sharing/related-claims.ts';

/**
 * A related claim as the file stores it: `[id, confirmed, ...matters]`, the
 * flag 1 or 0 and each matter an index into the file's `matters`; its text
 * is looked up in `claims`.
 */
type StoredClaim = [string, 0 | 1, ...number[]];

/** A group as the file stores it: `[commentary, ...claims]`, the commentary an index into `commentaries`. */
type StoredGroup = [number, ...StoredClaim[]];

/** The file's JSON. */
interface StoredFile {
	/** `[slug, credit, title]` of each commentary a group names. */
	commentaries: [string, string, string][];
	/** `[id, title]` of each matter a claim shares. */
	matters: [string, string][];
	/** Each related claim's text, by id. */
	claims: Record<string, string>;
	/** Each sentence's groups, by id. */
	related: Record<string, StoredGroup[]>;
}

/**
 * Give each distinct key a position in a list, in first-seen order.
 *
 * @returns
 *   The list, and a function that returns a key's position (adding it when new).
 */
function indexer<T>(key: (item: T) => string): { items: T[]; indexOf(item: T): number } {
	const items: T[] = [];
	const positions = new Map<string, number>();
	return {
		items,
		indexOf(item) {
			let position = positions.get(key(item));
			if (position === undefined) {
				position = items.push(item) - 1;
				positions.set(key(item), position);
			}
			return position;
		},
	};
}

/**
 * Write a commentary's related file. Every commentary, matter and quoted
 * sentence is written once and referred to by position or id, so a file is
 * mostly the ids of related sentences (half the bytes of one written as
 * objects with named fields).
 *
 * @param related
 *   Each sentence of the commentary that has related claims → its groups, in
 *   reading order.
 * @returns
 *   The file's JSON text.
 */
export function encodeRelatedFile(related: ReadonlyMap<string, readonly RelatedGroup[]>): string {
	const commentaries = indexer<RelatedGroup>((group) => group.commentary);
	const matters = indexer<{ id: string; title: string }>((matter) => matter.id);
	const claims: Record<string, string> = {};
	const stored: Record<string, StoredGroup[]> = {};
	for (const [id, groups] of related) {
		if (groups.length === 0) continue;
		stored[id] = groups.map((group): StoredGroup => [
			commentaries.indexOf(group),
			...group.claims.map((claim): StoredClaim => {
				claims[claim.id] = claim.text;
				return [claim.id, claim.confirmed ? 1 : 0, ...claim.matters.map((matter) => matters.indexOf(matter))];
			}),
		]);
	}
	const file: StoredFile = {
		commentaries: commentaries.items.map((group) => [group.commentary, group.credit, group.title]),
		matters: matters.items.map((matter) => [matter.id, matter.title]),
		claims,
		related: stored,
	};
	return JSON.stringify(file);
}

/** A field of a parsed object, when it is an object (not an array). */
function objectField(value: unknown, field: string): object | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const found: unknown = Reflect.get(value, field);
	return typeof found === 'object' && found !== null && !Array.isArray(found) ? found : undefined;
}

/** A field of a parsed object, when it is an array. */
function arrayField(value: unknown, field: string): unknown[] {
	if (typeof value !== 'object' || value === null) return [];
	const found: unknown = Reflect.get(value, field);
	return Array.isArray(found) ? found : [];
}

/** The text values of a parsed object, by key. */
function textsOf(value: object | undefined): Map<string, string> {
	return new Map(Object.entries(value ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The rows of a parsed list that are `width` texts each (any other row reads as missing). */
function textRows(rows: unknown[], width: number): (string[] | undefined)[] {
	return rows.map((row) => (Array.isArray(row) && row.length === width && row.every((cell) => typeof cell === 'string') ? row.map(String) : undefined));
}

/**
 * Read a commentary's related file. A claim whose text, matter or commentary
 * the file does not hold is left out (and a group left empty with it), so the
 * panel never shows a sentence it cannot quote.
 *
 * @param text
 *   The file's JSON text.
 * @returns
 *   Sentence id → its groups.
 * @throws
 *   When the text is not JSON or not a related file.
 */
export function decodeRelatedFile(text: string): Map<string, RelatedGroup[]> {
	const data: unknown = JSON.parse(text);
	const relatedField = objectField(data, 'related');
	if (relatedField === undefined) throw new Error('Related file: no `related` object');
	const texts = textsOf(objectField(data, 'claims'));
	const matters = textRows(arrayField(data, 'matters'), 2);
	const commentaries = textRows(arrayField(data, 'commentaries'), 3);
	/** The row a stored index points at, when it is a whole number within the list and the row was readable. */
	const at = <T>(list: readonly (T | undefined)[], index: unknown): T | undefined => (Number.isInteger(index) && typeof index === 'number' ? list[index] : undefined);
	const related = new Map<string, RelatedGroup[]>();
	for (const [id, entry] of Object.entries(relatedField)) {
		if (!Array.isArray(entry)) continue;
		const groups: RelatedGroup[] = [];
		for (const stored of entry) {
			if (!Array.isArray(stored)) continue;
			const [position, ...storedClaims] = stored;
			const name = at(commentaries, position);
			if (name === undefined) continue;
			const [commentary, credit, title] = name;
			const claims: ShownRelatedClaim[] = [];
			for (const claim of storedClaims) {
				if (!Array.isArray(claim)) continue;
				const [claimId, confirmed, ...matterPositions] = claim;
				const claimText = typeof claimId === 'string' ? texts.get(claimId) : undefined;
				const shared = matterPositions.map((matter) => at(matters, matter));
				if (typeof claimId !== 'string' || claimText === undefined || (confirmed !== 0 && confirmed !== 1)) continue;
				if (shared.some((matter) => matter === undefined)) continue;
				claims.push({ id: claimId, text: claimText, matters: shared.flatMap((matter) => (matter ? [{ id: matter[0]!, title: matter[1]! }] : [])), confirmed: confirmed === 1 });
			}
			if (commentary !== undefined && credit !== undefined && title !== undefined && claims.length > 0) groups.push({ commentary, credit, title, claims });
		}
		if (groups.length > 0) related.set(id, groups);
	}
	return related;
}

/**
 * Write the page's counts: each sentence discussed by other commentaries and
 * how many, `id:count` separated by spaces (sentences with none left out).
 *
 * @param counts
 *   Sentence id → other commentaries discussing it, in reading order.
 * @returns
 *   The attribute's value.
 */
export function encodeRelatedCounts(counts: ReadonlyMap<string, number>): string {
	return [...counts]
		.filter(([, count]) => count > 0)
		.map(([id, count]) => `${id}:${count}`)
		.join(' ');
}

/**
 * Read the page's counts back; anything that is not `id:count` with a whole
 * positive count is left out.
 *
 * @param value
 *   The attribute's value (absent reads as none).
 * @returns
 *   Sentence id → other commentaries discussing it.
 */
export function decodeRelatedCounts(value: string | undefined): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of (value ?? '').split(/\s+/)) {
		const match = /^(.+):([1-9][0-9]*)$/.exec(item);
		if (match) counts.set(match[1]!, Number(match[2]));
	}
	return counts;
}
