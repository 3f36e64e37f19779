/**
 * What the reading page knows of each sentence's related claims (the claims
 * of other commentaries about the same matter):
 *
 * - the commentary's related file (`/data/related/<slug>.json`), fetched by
 *   the claim panel when it first opens: every sentence's related claims as
 *   ids, grouped by commentary, and the commentary's own name and the texts
 *   of its sentences that other files point at. The panel fetches the files
 *   of the commentaries a sentence's claims come from to quote them, so each
 *   sentence's text and each commentary's name is written once in the site;
 * - the page's counts (`data-related-counts` on its `<article>`: `c-…:2 c-…:1`),
 *   how many other commentaries discuss each sentence, so the ¶ controls can
 *   say so before anything is fetched.
 *
 * The endpoint and the page write both with this module and the script reads
 * them with it. Pure.
 */
import type { RelatedGroup, ShownRelatedClaim } from './related-claims.ts';

/**
 * A related claim as the file stores it: `[id, confirmed, ...matters]`, the
 * flag 1 or 0 and each matter an index into the file's `matters`. Its text
 * and its commentary's name are in its own commentary's file.
 */
type StoredClaim = [string, 0 | 1, ...number[]];

/** A group as the file stores it: `[commentary, ...claims]`, the commentary an index into `commentaries`. */
type StoredGroup = [number, ...StoredClaim[]];

/** The file's JSON. */
interface StoredFile {
	/** This commentary's `[credit, title]`, for the panels of other commentaries that quote it. */
	name: [string, string];
	/** The text of each of this commentary's sentences that another commentary's file points at, by id. */
	texts: Record<string, string>;
	/** The slug of each commentary a group names. */
	commentaries: string[];
	/** `[id, title]` of each matter a claim shares. */
	matters: [string, string][];
	/** Each sentence's groups, by id. */
	related: Record<string, StoredGroup[]>;
}

/** What a commentary's related file is written from. */
export interface RelatedFileContent {
	/** The commentary's short credit and title. */
	name: { credit: string; title: string };
	/** The commentary's sentences that other commentaries' sentences are related to: id → text. */
	quoted: ReadonlyMap<string, string>;
	/** Each sentence of the commentary that has related claims → its groups, in reading order. */
	related: ReadonlyMap<string, readonly RelatedGroup[]>;
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
 * Write a commentary's related file: its own name and the texts of its
 * sentences that others point at, then its sentences' related claims as ids.
 * A quoted sentence's text and its commentary's name are written once in
 * the whole site, in that commentary's file, however many files point at it.
 *
 * @param content
 *   The commentary's name, quoted sentences and related claims.
 * @returns
 *   The file's JSON text.
 */
export function encodeRelatedFile(content: RelatedFileContent): string {
	const commentaries = indexer<string>((slug) => slug);
	const matters = indexer<{ id: string; title: string }>((matter) => matter.id);
	const stored: Record<string, StoredGroup[]> = {};
	for (const [id, groups] of content.related) {
		if (groups.length === 0) continue;
		stored[id] = groups.map((group): StoredGroup => [
			commentaries.indexOf(group.commentary),
			...group.claims.map((claim): StoredClaim => [claim.id, claim.confirmed ? 1 : 0, ...claim.matters.map((matter) => matters.indexOf(matter))]),
		]);
	}
	const file: StoredFile = {
		name: [content.name.credit, content.name.title],
		texts: Object.fromEntries(content.quoted),
		commentaries: commentaries.items,
		matters: matters.items.map((matter) => [matter.id, matter.title]),
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

/** A parsed row when it is `width` texts (anything else reads as missing). */
function textRow(row: unknown, width: number): string[] | undefined {
	return Array.isArray(row) && row.length === width && row.every((cell) => typeof cell === 'string') ? row.map(String) : undefined;
}

/** A related claim read from a file, before its text is looked up. */
interface ReadClaim {
	id: string;
	matters: { id: string; title: string }[];
	confirmed: boolean;
}

/** A commentary's related file, read. */
export interface RelatedFile {
	/** The commentary's short credit and title (absent when the file lacks them). */
	name: { credit: string; title: string } | undefined;
	/** Texts of its sentences that other files point at. */
	texts: ReadonlyMap<string, string>;
	/** Each sentence's groups: the other commentary's slug and its claims. */
	related: ReadonlyMap<string, readonly { commentary: string; claims: readonly ReadClaim[] }[]>;
}

/** The row a stored index points at, when it is a whole number within the list. */
function at<T>(list: readonly T[], index: unknown): T | undefined {
	return typeof index === 'number' && Number.isInteger(index) ? list[index] : undefined;
}

/**
 * Read a commentary's related file. A claim with a bad flag or a matter the
 * file does not hold is left out, and a group whose commentary it does not
 * name.
 *
 * @param text
 *   The file's JSON text.
 * @returns
 *   The file's name, texts and groups.
 * @throws
 *   When the text is not JSON or not a related file.
 */
export function decodeRelatedFile(text: string): RelatedFile {
	const data: unknown = JSON.parse(text);
	const relatedField = objectField(data, 'related');
	if (relatedField === undefined) throw new Error('Related file: no `related` object');
	const nameRow = textRow(arrayField(data, 'name'), 2);
	const matters = arrayField(data, 'matters').map((row) => textRow(row, 2));
	const commentaries = arrayField(data, 'commentaries').map((slug) => (typeof slug === 'string' ? slug : undefined));
	const related = new Map<string, { commentary: string; claims: ReadClaim[] }[]>();
	for (const [id, entry] of Object.entries(relatedField)) {
		if (!Array.isArray(entry)) continue;
		const groups: { commentary: string; claims: ReadClaim[] }[] = [];
		for (const stored of entry) {
			if (!Array.isArray(stored)) continue;
			const [position, ...storedClaims] = stored;
			const commentary = at(commentaries, position);
			if (commentary === undefined) continue;
			const claims: ReadClaim[] = [];
			for (const claim of storedClaims) {
				if (!Array.isArray(claim)) continue;
				const [claimId, confirmed, ...matterPositions] = claim;
				const shared = matterPositions.map((matter) => at(matters, matter));
				if (typeof claimId !== 'string' || (confirmed !== 0 && confirmed !== 1)) continue;
				if (shared.some((matter) => matter === undefined)) continue;
				claims.push({ id: claimId, matters: shared.flatMap((matter) => (matter ? [{ id: matter[0]!, title: matter[1]! }] : [])), confirmed: confirmed === 1 });
			}
			if (claims.length > 0) groups.push({ commentary, claims });
		}
		if (groups.length > 0) related.set(id, groups);
	}
	return { name: nameRow ? { credit: nameRow[0]!, title: nameRow[1]! } : undefined, texts: textsOf(objectField(data, 'texts')), related };
}

/**
 * The other commentaries whose files a sentence's related claims are quoted
 * from (their texts and names are there).
 *
 * @param file
 *   The sentence's commentary's file, read.
 * @param id
 *   The sentence.
 * @returns
 *   Their slugs, in the groups' order.
 */
export function quotedCommentaries(file: RelatedFile, id: string): string[] {
	return (file.related.get(id) ?? []).map((group) => group.commentary);
}

/**
 * A sentence's related claims as the panel shows them, each quoted from its
 * own commentary's file. A claim whose text that file lacks is left out (and
 * a group left empty with it, or whose commentary's file is missing or
 * unnamed), so the panel never shows a sentence it cannot quote.
 *
 * @param file
 *   The sentence's commentary's file, read.
 * @param id
 *   The sentence.
 * @param fileOf
 *   The file of another commentary, read, by slug (undefined when it could not be had).
 * @returns
 *   The groups, or undefined when the file lists none for the sentence or none could be quoted.
 */
export function relatedGroupsOf(file: RelatedFile, id: string, fileOf: (slug: string) => RelatedFile | undefined): RelatedGroup[] | undefined {
	const groups: RelatedGroup[] = [];
	for (const group of file.related.get(id) ?? []) {
		const other = fileOf(group.commentary);
		if (!other?.name) continue;
		const claims = group.claims.flatMap((claim): ShownRelatedClaim[] => {
			const text = other.texts.get(claim.id);
			return text === undefined ? [] : [{ id: claim.id, text, matters: claim.matters, confirmed: claim.confirmed }];
		});
		if (claims.length > 0) groups.push({ commentary: group.commentary, credit: other.name.credit, title: other.name.title, claims });
	}
	return groups.length > 0 ? groups : undefined;
}

/**
 * Every sentence's related claims across a set of related files (all of a
 * site's, as the checks read them).
 *
 * @param files
 *   Each commentary's file as JSON text, by slug.
 * @returns
 *   Sentence id → its groups, for every sentence of every file that has any.
 */
export function decodeRelatedFiles(files: ReadonlyMap<string, string>): Map<string, RelatedGroup[]> {
	const read = new Map([...files].map(([slug, text]) => [slug, decodeRelatedFile(text)]));
	const all = new Map<string, RelatedGroup[]>();
	for (const file of read.values()) {
		for (const id of file.related.keys()) {
			const groups = relatedGroupsOf(file, id, (slug) => read.get(slug));
			if (groups) all.set(id, groups);
		}
	}
	return all;
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
