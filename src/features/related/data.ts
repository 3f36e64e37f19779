/**
 * Related claims and matters of this build, computed once from the corpus
 * (`getCorpus()`) and the build context's matters and pair decisions: the
 * reading page, share pages, compare and the published data all read them
 * from here.
 */
import { buildContext } from '../../build/context.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { relationsOfCorpus } from './model.ts';

/** One related claim of a claim, as the pages show it. */
export interface RelatedClaim {
	/** The related claim's id. */
	id: string;
	/** Slug of its commentary. */
	commentary: string;
	/** Its text, as the author wrote it. */
	text: string;
	/** The matters the two claims share. */
	matters: readonly { id: string; title: string }[];
	/** Whether the editors confirmed the pair. */
	confirmed: boolean;
	/** TF-IDF cosine of the two claims' word stems, 0 to 1 (it ranks; it decides nothing). */
	score: number;
}

/** A matter the commentaries discuss. */
export interface Matter {
	/** Its id (file name in `content/matters/`). */
	id: string;
	/** Short label readers see. */
	title: string;
	/** The question the commentaries discuss. */
	question: string;
	/** Treaty articles it is about. */
	articles: readonly number[];
}

let related: Promise<ReadonlyMap<string, readonly RelatedClaim[]>> | undefined;

/**
 * Every claim's related claims, ranked (computed once per build).
 *
 * @returns
 *   Claim id → related claims, best first (absent: none).
 */
export function getRelated(): Promise<ReadonlyMap<string, readonly RelatedClaim[]>> {
	related ??= load();
	return related;
}

let quoted: Promise<ReadonlySet<string>> | undefined;

/**
 * Every claim some other claim is related to (the related files quote it),
 * computed once per build.
 *
 * @returns
 *   Their ids.
 */
export function getQuotedClaims(): Promise<ReadonlySet<string>> {
	quoted ??= getRelated().then((all) => new Set([...all.values()].flatMap((list) => list.map((claim) => claim.id))));
	return quoted;
}

/**
 * The matters the commentaries discuss, sorted by id.
 *
 * @returns
 *   The matters.
 */
export function getMatters(): Promise<readonly Matter[]> {
	return Promise.resolve(
		buildContext().matters.matters.map((matter) => ({ id: matter.id, title: matter.title, question: matter.question, articles: matter.articles })),
	);
}

async function load(): Promise<ReadonlyMap<string, readonly RelatedClaim[]>> {
	const loaded = buildContext().matters;
	const corpus = await getCorpus();
	const { claims, related: records } = relationsOfCorpus(corpus, loaded);
	const textOf = new Map(claims.map((claim) => [claim.id, claim.text]));
	const titleOf = new Map(loaded.matters.map((matter) => [matter.id, matter.title]));
	return new Map(
		[...records].map(([id, list]) => [
			id,
			list.map((record) => ({
				id: record.id,
				commentary: record.commentary,
				text: textOf.get(record.id) ?? '',
				matters: record.matters.map((matter) => ({ id: matter, title: titleOf.get(matter) ?? matter })),
				confirmed: record.confirmed,
				score: record.score,
			})),
		]),
	);
}
