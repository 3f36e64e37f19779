/**
 * Related claims: for every claim, the claims of other commentaries that say
 * something about the same matter, ranked. Pure: it reads plain claims (the
 * matters each is about already found by `src/annotate/matters.ts`) and the
 * editors' decisions, so the pages, the published data and the benchmark
 * compute relations through this one function.
 *
 * Two claims of different commentaries are related when they share a matter
 * and the editors have not rejected the pair, or when the editors confirmed
 * the pair. A claim's related claims are ranked confirmed first, then by how
 * many matters they share, then by a TF-IDF cosine over folded word stems
 * (`similarity.ts`); at most `RELATED_PER_COMMENTARY` are kept from each
 * other commentary (confirmed ones always), and at most `RELATED_AT_MOST` in
 * all.
 *
 * Candidates come from an inverted index matter → claims, never from all
 * pairs. A matter held by more than `CANDIDATES_PER_MATTER` claims (only in
 * a corpus far larger than today's) is not scanned whole: a claim considers
 * that many of its claims, those sharing its rarest word stems first, so the
 * work per claim stays bounded and the whole near-linear in the number of
 * claims.
 */
import type { Claim } from '../../schemas/corpus.ts';
import { compileMatters, type MatterMatcher } from '../../annotate/matters.ts';
import type { LoadedMatters } from '../../loaders/matters.ts';
import { cosine, EMPTY_VECTOR, stemsOf, tfIdfVectors, type StemVector } from './similarity.ts';

/**
 * How many related claims are kept from each other commentary, chosen on the
 * labelled pairs (`npm run bench:alignment` prints precision and recall for 1
 * to 5): the smallest value past which recall stops rising. On the 226 pairs
 * with the 26 matters, 1 → P 0.944 R 0.642, 2 → 0.933/0.792, 3 →
 * 0.936/0.830, 4 → 0.938/0.849, 5 → 0.938/0.849.
 */
export const RELATED_PER_COMMENTARY = 4;

/** How many related claims a claim keeps in all (binds only with many commentaries; confirmed ones always stay). */
export const RELATED_AT_MOST = 12;

/**
 * How many claims of one matter a claim considers at most: the whole bucket
 * while it is this small (every corpus of a few dozen commentaries), else the
 * claims sharing its rarest stems first.
 */
export const CANDIDATES_PER_MATTER = 200;

/** A claim as relations are computed over it. */
export interface MatteredClaim {
	/** Permalink id. */
	id: string;
	/** Slug of its commentary. */
	commentary: string;
	/** The sentence as written. */
	text: string;
	/** Ids of the matters it is about. */
	matters: readonly string[];
}

/** One related claim of a claim. */
export interface RelatedRecord {
	/** The related claim's id. */
	id: string;
	/** Its commentary. */
	commentary: string;
	/** The matters the two claims share (ids, in the first claim's order). */
	matters: string[];
	/** Whether the editors confirmed the pair. */
	confirmed: boolean;
	/** TF-IDF cosine of the two claims' stems, 0 to 1, three decimals. */
	score: number;
}

/** The editors' decisions, as pairs of claim ids. */
export interface RelatedDecisions {
	confirmed: readonly (readonly [string, string])[];
	rejected: readonly (readonly [string, string])[];
}

/** How relations are computed. */
export interface RelatedOptions {
	/** Spelling variant → standard form, for the stems. */
	spellings: ReadonlyMap<string, string>;
	/** Related claims kept per other commentary (default: `RELATED_PER_COMMENTARY`). */
	perCommentary?: number | undefined;
	/** Related claims kept in all (default: `RELATED_AT_MOST`). */
	atMost?: number | undefined;
}

/** Containers whose sentences are about the author or the publication, not the treaty. */
const UNRELATED_CONTAINERS: ReadonlySet<string> = new Set(['bio', 'dateline']);

/**
 * The matters a recorded claim is about: its words through the matters'
 * rules, and the articles it mentions by number or subject. An article
 * covered only by a range or list (“Articles 1–23”) does not count: a claim
 * that lists articles is not thereby about each one's matter. Sentences of a
 * bio or dateline are about no matter.
 *
 * @param matcher
 *   The compiled matters.
 * @param claim
 *   The claim as the pipeline recorded it.
 * @returns
 *   Matter ids.
 */
export function mattersOfClaim(matcher: MatterMatcher, claim: Pick<Claim, 'text' | 'mentions' | 'container'>): string[] {
	if (claim.container !== undefined && UNRELATED_CONTAINERS.has(claim.container)) return [];
	const articles = claim.mentions.filter((mention) => mention.kind === 'article' && !mention.range).map((mention) => mention.ref);
	return matcher.mattersOf(claim.text, articles);
}

/**
 * A key for an unordered pair of ids.
 *
 * @param a
 *   One id.
 * @param b
 *   The other.
 * @returns
 *   The same key whatever the order.
 */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/**
 * Every claim's related claims, ranked.
 *
 * @param claims
 *   Every claim of every commentary, each with its matters.
 * @param decisions
 *   Confirmed and rejected pairs (ids not among `claims` are ignored).
 * @param options
 *   Spellings and caps.
 * @returns
 *   Claim id → related claims, best first (a claim with none is absent).
 */
export function relatedClaims(claims: readonly MatteredClaim[], decisions: RelatedDecisions, options: RelatedOptions): Map<string, RelatedRecord[]> {
	const perCommentary = options.perCommentary ?? RELATED_PER_COMMENTARY;
	const atMost = options.atMost ?? RELATED_AT_MOST;
	const vectors = tfIdfVectors(claims.map((claim) => stemsOf(claim.text, options.spellings)));
	const position = new Map(claims.map((claim, index) => [claim.id, index]));
	const buckets = new Map<string, number[]>();
	claims.forEach((claim, index) => {
		for (const matter of claim.matters) {
			const bucket = buckets.get(matter);
			if (bucket) bucket.push(index);
			else buckets.set(matter, [index]);
		}
	});
	const searchBucket = bucketSearch(buckets, vectors);

	const confirmedWith = new Map<number, Set<number>>();
	for (const [a, b] of decisions.confirmed) {
		const [i, j] = [position.get(a), position.get(b)];
		if (i === undefined || j === undefined) continue;
		confirmedWith.set(i, (confirmedWith.get(i) ?? new Set()).add(j));
		confirmedWith.set(j, (confirmedWith.get(j) ?? new Set()).add(i));
	}
	// Rejected partners by claim: most claims have none, and a pair's key is made only for one that has.
	const rejectedWith = new Map<string, Set<string>>();
	for (const [a, b] of decisions.rejected) {
		rejectedWith.set(a, (rejectedWith.get(a) ?? new Set()).add(b));
		rejectedWith.set(b, (rejectedWith.get(b) ?? new Set()).add(a));
	}
	const matterSets = claims.map((claim) => new Set(claim.matters));

	const out = new Map<string, RelatedRecord[]>();
	claims.forEach((claim, index) => {
		const confirmed = confirmedWith.get(index) ?? new Set<number>();
		const rejected = rejectedWith.get(claim.id);
		const candidates = new Set<number>(confirmed);
		for (const matter of claim.matters) for (const other of searchBucket(matter, index)) candidates.add(other);
		const records: RelatedRecord[] = [];
		for (const other of candidates) {
			const candidate = claims[other];
			if (!candidate || candidate.commentary === claim.commentary) continue;
			const isConfirmed = confirmed.has(other);
			if (!isConfirmed && rejected?.has(candidate.id)) continue;
			const shared = sharedMatters(claim.matters, matterSets[other]);
			if (!isConfirmed && shared.length === 0) continue;
			const score = Math.round(cosine(vectors[index] ?? EMPTY_VECTOR, vectors[other] ?? EMPTY_VECTOR) * 1000) / 1000;
			records.push({ id: candidate.id, commentary: candidate.commentary, matters: shared, confirmed: isConfirmed, score });
		}
		records.sort(byRank);
		const kept = keepPerCommentary(records, perCommentary, atMost);
		if (kept.length > 0) out.set(claim.id, kept);
	});
	return out;
}

/**
 * The matters of a claim another claim shares, in the claim's order (a claim
 * has one or two matters: a loop, not a filter's callback, for each of the
 * many candidate pairs).
 *
 * @param matters
 *   The claim's matters.
 * @param other
 *   The other claim's matters.
 * @returns
 *   The shared ones.
 */
function sharedMatters(matters: readonly string[], other: ReadonlySet<string> | undefined): string[] {
	const shared: string[] = [];
	if (!other) return shared;
	for (const matter of matters) if (other.has(matter)) shared.push(matter);
	return shared;
}

/**
 * Ranking: confirmed first, then more shared matters, then the higher
 * cosine; ties by id, so every build ranks alike.
 *
 * @param a
 *   One record.
 * @param b
 *   Another.
 * @returns
 *   Sort order.
 */
function byRank(a: RelatedRecord, b: RelatedRecord): number {
	return Number(b.confirmed) - Number(a.confirmed) || b.matters.length - a.matters.length || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The ranked records a claim keeps: confirmed ones always; others while their
 * commentary has fewer than `perCommentary` and the claim fewer than `atMost`.
 *
 * @param ranked
 *   Records, best first.
 * @param perCommentary
 *   Cap per other commentary.
 * @param atMost
 *   Cap in all.
 * @returns
 *   The kept records, in rank order.
 */
function keepPerCommentary(ranked: readonly RelatedRecord[], perCommentary: number, atMost: number): RelatedRecord[] {
	const perSource = new Map<string, number>();
	const kept: RelatedRecord[] = [];
	for (const record of ranked) {
		const count = perSource.get(record.commentary) ?? 0;
		if (!record.confirmed && (count >= perCommentary || kept.length >= atMost)) continue;
		perSource.set(record.commentary, count + 1);
		kept.push(record);
	}
	return kept;
}

/**
 * The candidates of a claim in one matter's bucket: the whole bucket while it
 * holds at most `CANDIDATES_PER_MATTER` claims; in a larger one, that many:
 * first the claims sharing the claim's weightiest (rarest) stems, then the
 * rest of the bucket, each list read from a place that depends on the claim
 * so that no commentary is always first. Postings are built once per bucket.
 *
 * @param buckets
 *   Matter → claim positions.
 * @param vectors
 *   Each claim's stems.
 * @returns
 *   A function: matter, claim position → candidate positions.
 */
function bucketSearch(buckets: ReadonlyMap<string, readonly number[]>, vectors: readonly StemVector[]): (matter: string, claim: number) => Iterable<number> {
	const postings = new Map<string, Map<number, number[]>>();
	return (matter, claim) => {
		const bucket = buckets.get(matter) ?? [];
		if (bucket.length <= CANDIDATES_PER_MATTER) return bucket;
		let index = postings.get(matter);
		if (!index) {
			const built = new Map<number, number[]>();
			for (const member of bucket) {
				for (const item of vectors[member]?.stems ?? []) {
					const list = built.get(item);
					if (list) list.push(member);
					else built.set(item, [member]);
				}
			}
			index = built;
			postings.set(matter, built);
		}
		const found = new Set<number>();
		const take = (list: readonly number[]) => {
			for (let step = 0; step < list.length && found.size < CANDIDATES_PER_MATTER; step++) found.add(list[(claim + step) % list.length] ?? claim);
		};
		const vector = vectors[claim] ?? EMPTY_VECTOR;
		const weightiest = [...vector.stems.keys()].sort((a, b) => (vector.weights[b] ?? 0) - (vector.weights[a] ?? 0));
		for (const at of weightiest) {
			if (found.size >= CANDIDATES_PER_MATTER) break;
			take(index.get(vector.stems[at] ?? -1) ?? []);
		}
		take(bucket);
		return found;
	};
}

/** A commentary's recorded claims, as the corpus and `claimsOfDirectory` hand them. */
export interface CommentaryClaimsInput {
	slug: string;
	claims: readonly Pick<Claim, 'id' | 'text' | 'mentions' | 'container'>[];
}

/** Every claim with its matters, and every claim's related claims. */
export interface CorpusRelations {
	/** Every claim with the matters it is about. */
	claims: MatteredClaim[];
	/** Claim id → related claims, best first. */
	related: Map<string, RelatedRecord[]>;
}

/**
 * Related claims of a whole corpus: the matters compiled once, each claim's
 * matters found, relations computed with the editors' decisions. The pages
 * (through `data.ts`) and the benchmark both call this.
 *
 * @param commentaries
 *   Every commentary with its recorded claims.
 * @param loaded
 *   The matters, spellings and decisions (`src/loaders/matters.ts`).
 * @param options
 *   Caps (default: the published ones).
 * @returns
 *   The claims with their matters, and the relations.
 */
export function relationsOfCorpus(
	commentaries: readonly CommentaryClaimsInput[],
	loaded: LoadedMatters,
	options?: Readonly<Omit<RelatedOptions, 'spellings'>> | null,
): CorpusRelations {
	const matcher = compileMatters(loaded.matters, loaded.spellings);
	const claims = commentaries.flatMap((commentary) =>
		commentary.claims.map((claim) => ({ id: claim.id, commentary: commentary.slug, text: claim.text, matters: mattersOfClaim(matcher, claim) })),
	);
	const decisions: RelatedDecisions = {
		confirmed: loaded.decisions.confirmed.map((decision) => decision.claims),
		rejected: loaded.decisions.rejected.map((decision) => decision.claims),
	};
	return { claims, related: relatedClaims(claims, decisions, { ...options, spellings: loaded.spellings }) };
}
