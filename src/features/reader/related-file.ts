/**
 * What the reading page knows of each sentence's related claims (the claims
 * of other commentaries about the same matter):
 *
 * - the commentary's related file (`/data/related/<slug>.json`), fetched by
 *   the claim panel when it first opens: every sentence's related claims,
 *   grouped by commentary, each commentary, matter and quoted sentence
 *   written once however many sentences point at it;
 * - the page's counts (`data-related-counts` on its `<article>`: `c-…:2 c-…:1`),
 *   how many other commentaries discuss each sentence, so the ¶ controls can
 *   say so before anything is fetched.
 *
 * The endpoint and the page write both with this module and the script reads
 * them with it. Pure.
 */
import type { RelatedGroup, ShownRelatedClaim } from '../sharing/related-claims.ts';

/** A related claim as the file stores it: its text and its commentary's name are looked up. */
interface StoredClaim {
	id: string;
	matters: string[];
	confirmed: boolean;
}

/** The file's JSON. */
interface StoredFile {
	commentaries: Record<string, { credit: string; title: string }>;
	matters: Record<string, string>;
	claims: Record<string, string>;
	related: Record<string, { commentary: string; claims: StoredClaim[] }[]>;
}

/**
 * Write a commentary's related file.
 *
 * @param related
 *   Each sentence of the commentary that has related claims → its groups, in
 *   reading order.
 * @returns
 *   The file's JSON text.
 */
export function encodeRelatedFile(related: ReadonlyMap<string, readonly RelatedGroup[]>): string {
	const file: StoredFile = { commentaries: {}, matters: {}, claims: {}, related: {} };
	for (const [id, groups] of related) {
		if (groups.length === 0) continue;
		file.related[id] = groups.map((group) => {
			file.commentaries[group.commentary] = { credit: group.credit, title: group.title };
			return {
				commentary: group.commentary,
				claims: group.claims.map((claim) => {
					file.claims[claim.id] = claim.text;
					for (const matter of claim.matters) file.matters[matter.id] = matter.title;
					return { id: claim.id, matters: claim.matters.map((matter) => matter.id), confirmed: claim.confirmed };
				}),
			};
		});
	}
	return JSON.stringify(file);
}

/** A field of a parsed object, when it is an object (not an array). */
function objectField(value: unknown, field: string): object | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const found: unknown = Reflect.get(value, field);
	return typeof found === 'object' && found !== null && !Array.isArray(found) ? found : undefined;
}

/** A field of a parsed object, when it is text. */
function textField(value: unknown, field: string): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const found: unknown = Reflect.get(value, field);
	return typeof found === 'string' ? found : undefined;
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
	const matterTitles = textsOf(objectField(data, 'matters'));
	const names = objectField(data, 'commentaries');
	const related = new Map<string, RelatedGroup[]>();
	for (const [id, entry] of Object.entries(relatedField)) {
		if (!Array.isArray(entry)) continue;
		const groups: RelatedGroup[] = [];
		for (const stored of entry) {
			const commentary = textField(stored, 'commentary');
			const name = commentary === undefined ? undefined : objectField(names, commentary);
			const credit = textField(name, 'credit');
			const title = textField(name, 'title');
			if (commentary === undefined || credit === undefined || title === undefined) continue;
			const claims: ShownRelatedClaim[] = [];
			for (const claim of arrayField(stored, 'claims')) {
				const claimId = textField(claim, 'id');
				const claimText = claimId === undefined ? undefined : texts.get(claimId);
				const matterIds = arrayField(claim, 'matters');
				const matters = matterIds.flatMap((matter) => {
					const matterTitle = typeof matter === 'string' ? matterTitles.get(matter) : undefined;
					return typeof matter === 'string' && matterTitle !== undefined ? [{ id: matter, title: matterTitle }] : [];
				});
				const confirmed: unknown = typeof claim === 'object' && claim !== null ? Reflect.get(claim, 'confirmed') : undefined;
				if (claimId === undefined || claimText === undefined || matters.length !== matterIds.length || typeof confirmed !== 'boolean') continue;
				claims.push({ id: claimId, text: claimText, matters, confirmed });
			}
			if (claims.length > 0) groups.push({ commentary, credit, title, claims });
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
