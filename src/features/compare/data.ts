/**
 * The compare view's data, read once per build from the corpus and the
 * registries: each commentary's claims with the editors' notes placed on the
 * claims they cover (and the ids of their related claims, for the live
 * view), column labels, a label for every topic, and each claim's related
 * claims (which pair the rows by topic). The pages
 * and the parts under `/compare/parts/` both read it from here.
 */
import { toString } from 'mdast-util-to-string';
import { buildContext } from '../../build/context.ts';
import { getActors } from '../../corpus/actors.ts';
import { routes } from '../../utils/routes.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { shortCredit, surnames } from '../../utils/credit.ts';
import { formatIsoRange } from '../../utils/format-date.ts';
import { NOTE_KIND_LABEL } from '../../utils/labels.ts';
import { getRelated } from '../related/data.ts';
import {
	claimTopics,
	claimsOfNote,
	commentaryData,
	parseTopicKey,
	relatedIdsByClaim,
	type CompareCommentary,
	type CompareCommentaryData,
	type CompareNote,
	type CompareRelated,
	type CompareTopicInfo,
} from './model.ts';

/** Everything the compare pages and parts render. */
export interface CompareData {
	commentaries: CompareCommentary[];
	/** Per commentary: claims and notes. */
	columns: Map<string, CompareCommentaryData>;
	/** Label and page of every topic discussed anywhere, by key. */
	topics: Record<string, CompareTopicInfo>;
	/** Each claim's related claims in other commentaries, ranked. */
	related: Map<string, CompareRelated[]>;
}

let cached: Promise<CompareData> | undefined;

/** The compare data of this build (computed once). */
export function getCompareData(): Promise<CompareData> {
	cached ??= load();
	return cached;
}

/**
 * The label of a topic: `Article 4`, the actor's name, or the date in words.
 *
 * @param key
 *   Topic key.
 * @param actorNames
 *   Actor names by id.
 * @returns
 *   Label and page.
 */
function topicInfo(key: string, actorNames: ReadonlyMap<string, string>): CompareTopicInfo {
	const topic = parseTopicKey(key);
	if (!topic) throw new Error(`Not a topic key: ${key}`);
	const href = routes.entity(topic.kind, topic.ref);
	if (topic.kind === 'article') return { label: `Article ${topic.ref}`, href };
	if (topic.kind === 'actor') return { label: actorNames.get(topic.ref) ?? topic.ref, href };
	return { label: formatIsoRange(topic.ref), href };
}

async function load(): Promise<CompareData> {
	const corpus = await getCorpus();
	const actorNames = new Map((await getActors()).map((actor) => [actor.id, actor.data.name]));
	// The build's notes, parsed once by the notes loader.
	const { notes } = buildContext();
	const commentaries: CompareCommentary[] = corpus.map(({ slug, entry }) => ({
		slug,
		label: shortCredit(entry.data.authors),
		short: surnames(entry.data.authors),
		outlet: entry.data.outlet,
		title: entry.data.title,
	}));
	const related = new Map(
		[...(await getRelated())].map(([id, claims]) => [
			id,
			claims.map((claim) => ({ id: claim.id, score: claim.score, confirmed: claim.confirmed, matters: claim.matters.map((matter) => matter.title) })),
		]),
	);
	// What each column's claims carry for the live view: related ids from either side, of claims compare shows.
	const relatedIds = relatedIdsByClaim(related, new Set(corpus.flatMap(({ claims }) => claims.map((claim) => claim.id))));
	const columns = new Map<string, CompareCommentaryData>();
	const topics: Record<string, CompareTopicInfo> = {};
	// Grouped once: filtering every note for every commentary would grow with their product.
	const notesOf = Map.groupBy(notes, (note) => note.commentary);
	for (const { slug, claims, noteClaims } of corpus) {
		const own: CompareNote[] = (notesOf.get(slug) ?? []).map((note) => ({
			id: note.id,
			kind: NOTE_KIND_LABEL[note.kind],
			quote: note.quote,
			// The notes are plain prose; their Markdown tree keeps any emphasis out of the text.
			paragraphs: note.tree.children.map((block) => toString(block).replace(/\s+/g, ' ').trim()),
			sources: note.sources.map((source) => ({ label: source.label, ...(source.url ? { url: source.url } : {}) })),
			claims: claimsOfNote(noteClaims, note.id, note.file),
		}));
		columns.set(slug, commentaryData(slug, claims, own, relatedIds));
		for (const claim of claims) for (const key of claimTopics(claim)) topics[key] ??= topicInfo(key, actorNames);
	}
	return { commentaries, columns, topics, related };
}
