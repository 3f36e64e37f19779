/**
 * What search knows: one Pagefind record per commentary, each of its claims
 * (sentences) starting at an element with an id and a title, which Pagefind
 * 1.6 reports as a sub-result of its own; the filters a reader narrows by; and the small
 * vocabulary the search page uses to read a query (`Art. 4`, `the Kremlin`,
 * `mutual defense`), to suggest a spelling and to label filters.
 *
 * Fewer, larger records keep the index's page list (which every first
 * search loads) the size of the corpus in commentaries, not in sentences.
 * What a sentence is about stays claim-level: each record carries, per
 * claim, where its article and actor mentions stand and which articles an
 * editor's note re-attributes it to, so the search page shows only the
 * claims a filter names.
 *
 * Derived from the corpus model (`getCorpus()` claims and their mentions),
 * the editors' notes and the registries, never from rendered HTML. Pure
 * functions: the endpoints under `src/pages/search/` call them, the unit
 * tests too.
 */
import { h } from 'hastscript';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import type { Claim } from '../../schemas/corpus.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import { formatPublished } from '../../utils/format-date.ts';
import { shortCredit } from '../../utils/credit.ts';
import { sitePaths } from '../../utils/routes.ts';
import { pinpoints, pinpointText } from '../../claims/pinpoint.ts';
import { encodeClaimIndex, type IndexedClaim } from './hits.ts';

/** The filters every commentary record carries (Pagefind filter name → values). */
export const SEARCH_FILTERS = ['commentary', 'author', 'outlet', 'kind', 'year', 'article', 'actor'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** A commentary's search record: a small HTML document Pagefind indexes as the commentary's page. */
export interface CommentaryRecord {
	/** Root-relative: the search page prefixes Astro's `base` (Pagefind's `baseUrl`). */
	url: string;
	/** The document: the claims as elements with their ids, the filters and the result's labels as meta elements. */
	content: string;
}

/** What a result needs besides its sentences (Pagefind meta keys). */
export interface CommentaryRecordMeta {
	/** The commentary's slug. */
	slug: string;
	/** Its title, for the group heading. */
	title: string;
	/** Its authors, short (`Andrei Lankov`, `A and B`). */
	author: string;
	/** Its date as shown. */
	date: string;
	/** Per claim: block, mentions, re-attributions (./hits.ts `encodeClaimIndex`). */
	claims: string;
}

/** The parts of a corpus entry search needs. */
export interface SearchableCommentary {
	slug: string;
	data: Pick<Commentary, 'title' | 'authors' | 'outlet' | 'kind' | 'published'>;
	claims: readonly Claim[];
	/** The claims each editor's note of the commentary is about, by note id. */
	noteClaims?: Readonly<Record<string, readonly string[]>>;
}

/** The parts of an editor's note that move a claim to another article. */
export interface SearchableNote {
	id: string;
	kind: string;
	/** The articles the note concerns: those the claim does not cite are where the note says it belongs. */
	articles: readonly number[];
}

/**
 * The articles an editor's note re-attributes each claim to: a
 * misattribution note's articles that the claim it is about does not cite
 * (the Sharma sentence citing “Article 8” for the guarantee Article 4 gives
 * is re-attributed to Article 4).
 *
 * @param claims
 *   The commentary's claims.
 * @param noteClaims
 *   The claims each of its notes is about.
 * @param notes
 *   Every note (those of other commentaries are not in `noteClaims`).
 * @returns
 *   Article numbers by claim id, for the claims re-attributed.
 */
export function reattributedArticles(
	claims: readonly Claim[],
	noteClaims: Readonly<Record<string, readonly string[]>>,
	notes: readonly SearchableNote[],
): Map<string, number[]> {
	const byId = new Map(claims.map((claim) => [claim.id, claim]));
	const moved = new Map<string, number[]>();
	for (const note of notes) {
		if (note.kind !== 'misattribution') continue;
		for (const id of noteClaims[note.id] ?? []) {
			const claim = byId.get(id);
			if (!claim) continue;
			const cited = new Set(claim.mentions.filter((mention) => mention.kind === 'article').map((mention) => Number(mention.ref)));
			const to = note.articles.filter((number) => !cited.has(number));
			if (to.length > 0) moved.set(id, [...new Set([...(moved.get(id) ?? []), ...to])]);
		}
	}
	return moved;
}

/**
 * A meta element Pagefind reads as a filter value or a meta field.
 *
 * @param attribute
 *   `data-pagefind-filter` or `data-pagefind-meta`.
 * @param name
 *   The filter or field.
 * @param value
 *   Its value (any text: it is an attribute, escaped when written).
 */
function pagefindMeta(attribute: 'data-pagefind-filter' | 'data-pagefind-meta', name: string, value: string) {
	return h('meta', { [attribute]: `${name}[content]`, content: value });
}

/**
 * The Pagefind records of a corpus: one per commentary, in reading order,
 * each claim an element with its id (a sub-result of its own).
 *
 * @param corpus
 *   Commentaries with their claims (from `getCorpus()`).
 * @param notes
 *   The editors' notes (misattributions move claims to the right article).
 * @returns
 *   Records whose URLs are the commentaries' reading pages.
 */
export function commentaryRecords(corpus: readonly SearchableCommentary[], notes: readonly SearchableNote[] = []): CommentaryRecord[] {
	const html = unified().use(rehypeStringify);
	return corpus.map(({ slug, data, claims, noteClaims = {} }) => {
		const moved = reattributedArticles(claims, noteClaims, notes);
		// Each sentence's label is its pinpoint, as the site cites it (`para. 4, sentence 2`).
		const labels = pinpoints(claims).map(pinpointText);
		const indexed: IndexedClaim[] = claims.map((claim) => ({
			id: claim.id,
			block: claim.blockIndex,
			hits: claim.mentions.flatMap(({ kind, ref, start, end }) => (kind === 'date' ? [] : [{ kind, ref, start, end }])),
			reattributed: moved.get(claim.id) ?? [],
		}));
		const refs = (kind: 'article' | 'actor') => [
			...new Set(indexed.flatMap((claim) => [...claim.hits.filter((hit) => hit.kind === kind).map((hit) => hit.ref), ...(kind === 'article' ? claim.reattributed.map(String) : [])])),
		];
		const filters: Record<SearchFilter, string[]> = {
			commentary: [slug],
			author: data.authors.map((author) => author.name),
			outlet: [data.outlet],
			kind: [data.kind],
			year: [data.published.date.slice(0, 4)],
			article: refs('article').sort((a, b) => Number(a) - Number(b)),
			actor: refs('actor'),
		};
		const meta: CommentaryRecordMeta = {
			slug,
			title: data.title,
			author: shortCredit(data.authors),
			date: formatPublished(data.published),
			claims: encodeClaimIndex(indexed),
		};
		const tree = h(null, [
			h('html', { lang: 'en' }, [
				h('head', [h('title', data.title)]),
				h('body', [
					...Object.entries(meta).map(([name, value]) => pagefindMeta('data-pagefind-meta', name, value)),
					...Object.entries(filters).flatMap(([name, values]) => values.map((value) => pagefindMeta('data-pagefind-filter', name, value))),
					// Each claim starts at an empty marked element: Pagefind keeps the claims' text once (in the
					// content, not again in each anchor), and one block keeps it from adding punctuation between them.
					h(
						'div',
						claims.flatMap((claim, at) => [h('span', { id: claim.id, dataPagefindTitle: labels[at] }), `${claim.text} `]),
					),
				]),
			]),
		]);
		return { url: sitePaths.commentary(slug), content: `<!doctype html>${html.stringify(tree)}` };
	});
}

/** A commentary as the commentary filter labels it. */
export interface SearchCommentaryLabel {
	slug: string;
	title: string;
	author: string;
	date: string;
}

/** How the search page reads a query, suggests spellings and labels filters. */
export interface SearchVocabulary {
	/** Each article, with its subject (where sourced) and every phrase that names it by subject. */
	articles: { number: number; title?: string | undefined; phrases: string[] }[];
	/** Every registered form of every actor, for reading names in a query. */
	actors: { id: string; name: string; forms: string[] }[];
	/**
	 * Each commentary's title, authors and date, to label the commentary
	 * filter: published apart (`/search/commentaries.json`, it grows with the
	 * corpus) and loaded with the filters; empty until then.
	 */
	commentaries: SearchCommentaryLabel[];
	/** Spelling variants (`defense`) and the form they are folded to (`defence`): content/spellings.yaml. */
	spellings: [string, string][];
}

/** Registry data the vocabulary is built from. */
export interface VocabularyInput {
	articles: readonly { number: number; status: string; title?: string | undefined; implicitPhrases?: readonly { phrase: string }[] }[];
	actors: readonly { id: string; name: string; forms: readonly (string | { text: string })[] }[];
	commentaries: readonly { slug: string; data: Pick<Commentary, 'title' | 'authors' | 'published'> }[];
	spellings?: ReadonlyMap<string, string>;
}

/**
 * The vocabulary the search page loads when it opens.
 *
 * @param input
 *   The article and actor registries, the commentaries and the spellings table.
 * @returns
 *   Articles (a subject only where sourced) with their subject phrases, actors
 *   with all their forms, commentary titles, spelling variants.
 */
export function searchVocabulary(input: VocabularyInput): SearchVocabulary {
	return {
		articles: [...input.articles]
			.sort((a, b) => a.number - b.number)
			.map((article) => {
				const title = article.status === 'unknown' ? undefined : article.title;
				return { number: article.number, title, phrases: (article.implicitPhrases ?? []).map((item) => item.phrase) };
			}),
		actors: input.actors.map((actor) => ({
			id: actor.id,
			name: actor.name,
			forms: [...new Set([actor.name, ...actor.forms.map((form) => (typeof form === 'string' ? form : form.text))])],
		})),
		commentaries: input.commentaries.map(({ slug, data }) => ({
			slug,
			title: data.title,
			author: shortCredit(data.authors),
			date: formatPublished(data.published),
		})),
		spellings: [...(input.spellings ?? new Map<string, string>())],
	};
}
