/**
 * How an article's subject is shown to a reader, in one place: the page, the
 * /articles/ matrix, the mention preview and search results all call these,
 * so an inferred subject is marked as inferred wherever it appears and an
 * unknown one always reads `SUBJECT_NOT_ESTABLISHED`.
 *
 * Pure (no Astro imports): the Markdown plugins use it at build time.
 */
import type { Article } from '../schemas/article.ts';
import { INFERENCE_STRENGTH_LABEL, INFERRED_MARK, STATUS_LABEL, SUBJECT_NOT_ESTABLISHED } from './labels.ts';

/** Strength of an inferred number. */
export type InferenceStrength = NonNullable<Article['inference']>['strength'];

/** The fields of an article record these helpers read. */
export type SubjectSource = Pick<Article, 'number' | 'status' | 'title'> & Partial<Pick<Article, 'inference'>>;

/** An article's subject as a reader may see it. */
export interface ArticleSubject {
	/** The title, or `SUBJECT_NOT_ESTABLISHED`. */
	text: string;
	/** A sourced subject is shown (any status but `unknown`). */
	established: boolean;
	/** The number is inferred from order, not printed by a source: mark the subject. */
	inferred: boolean;
	/** How the number is known, in words (`STATUS_LABEL`), with the strength of an inference. */
	status: string;
}

/**
 * The subject of `article` and how its number is known.
 *
 * @param article
 *   Article record.
 * @returns
 *   What to show.
 */
export function articleSubject(article: SubjectSource): ArticleSubject {
	const established = article.status !== 'unknown' && article.title !== undefined;
	const inferred = established && article.status === 'inferred';
	return {
		text: established ? article.title! : SUBJECT_NOT_ESTABLISHED,
		established,
		inferred,
		status: statusText(article.status, article.inference?.strength),
	};
}

/**
 * A status in words, with the strength of an inference when there is one.
 *
 * @param status
 *   Article status.
 * @param strength
 *   Strength of the inference (only read for `inferred`).
 * @returns
 *   E.g. `Verified from a numbered source`, `Number inferred from order (weak inference)`.
 */
export function statusText(status: Article['status'], strength?: InferenceStrength): string {
	return status === 'inferred' && strength ? `${STATUS_LABEL[status]} (${INFERENCE_STRENGTH_LABEL[strength]})` : STATUS_LABEL[status];
}

/**
 * The subject as one line of plain text, for places that cannot carry a tag:
 * the document title, search results, a share text. An inferred subject ends
 * with “(inferred)”.
 *
 * @param article
 *   Article record.
 * @returns
 *   E.g. `Joint defence mechanisms`, `Global challenges (inferred)`, `Subject not established`.
 */
export function articleSubjectText(article: SubjectSource): string {
	const subject = articleSubject(article);
	return subject.inferred ? `${subject.text} (${INFERRED_MARK})` : subject.text;
}

/**
 * The short description of an article mention (the preview a screen reader
 * announces and the tooltip shows).
 *
 * @param article
 *   Article record.
 * @returns
 *   E.g. `Treaty Article 9: Global challenges (inferred). Number inferred from order (strong inference).`
 */
export function articlePreviewText(article: SubjectSource): string {
	const subject = articleSubject(article);
	if (!subject.established) return `Treaty Article ${article.number}: ${SUBJECT_NOT_ESTABLISHED}.`;
	return `Treaty Article ${article.number}: ${articleSubjectText(article)}. ${subject.status}.`;
}

/** How many articles have each status, with the totals pages state. */
export interface StatusCounts {
	/** Every article in the registry. */
	total: number;
	verified: number;
	'verified-list': number;
	inferred: number;
	unknown: number;
	/** A source prints the number: `verified` plus `verified-list`. */
	established: number;
}

/**
 * Count the registry's articles by status.
 *
 * @param articles
 *   Every article record.
 * @returns
 *   Counts per status and totals.
 */
export function countByStatus(articles: ReadonlyArray<Pick<Article, 'status'>>): StatusCounts {
	const counts: StatusCounts = { total: articles.length, verified: 0, 'verified-list': 0, inferred: 0, unknown: 0, established: 0 };
	for (const { status } of articles) counts[status]++;
	counts.established = counts.verified + counts['verified-list'];
	return counts;
}
