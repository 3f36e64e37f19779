/**
 * What search knows: one Pagefind record per claim (sentence) of the corpus,
 * with the filters a reader narrows by, and the small vocabulary the search
 * page uses to read a query (`Art. 4`, `the Kremlin`) and to label filters.
 *
 * Both are derived from the corpus model (`getCorpus()` claims and their
 * mentions) and the registries, never from rendered HTML, so the filters say
 * exactly what the annotations say. Pure functions: the endpoints under
 * `src/pages/search/` call them, the unit tests too.
 */
import type { Claim } from '../../schemas/corpus.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import { formatPublished } from '../../utils/format-date.ts';
import { shortCredit } from '../../utils/credit.ts';
import { sitePaths } from '../../utils/routes.ts';
import { encodeHits } from './hits.ts';

/** The filters every claim record carries (Pagefind filter name → values). */
export const SEARCH_FILTERS = ['commentary', 'author', 'outlet', 'kind', 'year', 'article', 'actor'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** A Pagefind custom record (the shape of `index.addCustomRecord`). */
export interface ClaimRecord {
	/** Root-relative: the search page prefixes Astro's `base` (Pagefind's `baseUrl`). */
	url: string;
	content: string;
	language: 'en';
	meta: ClaimRecordMeta;
	/**
	 * The reader's filters. Pages carry `type: page` and sentences no `type`,
	 * so a search keeps them apart by loading a filter as small as the number
	 * of pages (a `type: sentence` would list every sentence of the corpus).
	 */
	filters: Record<SearchFilter, string[]>;
}

/**
 * What a result needs besides its text. Kept small: every result shown costs
 * one fragment fetch, so the commentary's title, authors and date come once
 * with the vocabulary instead of with every sentence.
 */
export interface ClaimRecordMeta extends Record<string, string> {
	/** The commentary's slug. */
	slug: string;
	/** The claim id (`c-…`). */
	claim: string;
	/**
	 * Where the claim's article and actor mentions stand in `content`, so a
	 * result can mark them: `article:4 10 19|actor:russia 0 6` (./hits.ts).
	 */
	hits: string;
}

/** The parts of a corpus entry search needs. */
export interface SearchableCommentary {
	slug: string;
	data: Pick<Commentary, 'title' | 'authors' | 'outlet' | 'kind' | 'published'>;
	claims: readonly Claim[];
}

/**
 * The Pagefind records of a corpus: one per claim, in reading order.
 *
 * @param corpus
 *   Commentaries with their claims (from `getCorpus()`).
 * @returns
 *   Records whose URLs are root-relative claim permalinks.
 */
export function claimRecords(corpus: readonly SearchableCommentary[]): ClaimRecord[] {
	return corpus.flatMap(({ slug, data, claims }) => {
		const common = {
			commentary: [slug],
			author: data.authors.map((author) => author.name),
			outlet: [data.outlet],
			kind: [data.kind],
			year: [data.published.date.slice(0, 4)],
		};
		return claims.map((claim): ClaimRecord => {
			const refs = (kind: 'article' | 'actor') => [
				...new Set(claim.mentions.filter((mention) => mention.kind === kind).map((mention) => mention.ref)),
			];
			return {
				url: sitePaths.claim(slug, claim.id),
				content: claim.text,
				language: 'en',
				meta: {
					slug,
					claim: claim.id,
					hits: encodeHits(
						claim.mentions.flatMap(({ kind, ref, start, end }) => (kind === 'date' ? [] : [{ kind, ref, start, end }])),
					),
				},
				filters: { ...common, article: refs('article'), actor: refs('actor') },
			};
		});
	});
}

/** How the search page reads a query and labels filter values. */
export interface SearchVocabulary {
	articles: { number: number; title?: string | undefined }[];
	/** Every registered form of every actor, for reading names in a query. */
	actors: { id: string; name: string; forms: string[] }[];
	/** Each commentary's title, authors and date as results show them. */
	commentaries: { slug: string; title: string; author: string; date: string }[];
}

/** Registry data the vocabulary is built from. */
export interface VocabularyInput {
	articles: readonly { number: number; status: string; title?: string | undefined }[];
	actors: readonly { id: string; name: string; forms: readonly (string | { text: string })[] }[];
	commentaries: readonly { slug: string; data: Pick<Commentary, 'title' | 'authors' | 'published'> }[];
}

/**
 * The vocabulary the search page loads when it opens.
 *
 * @param input
 *   The article and actor registries and the commentaries.
 * @returns
 *   Articles (a subject only where sourced), actors with all their forms, commentary titles.
 */
export function searchVocabulary(input: VocabularyInput): SearchVocabulary {
	return {
		articles: [...input.articles]
			.sort((a, b) => a.number - b.number)
			.map((article) => ({ number: article.number, title: article.status === 'unknown' ? undefined : article.title })),
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
	};
}
