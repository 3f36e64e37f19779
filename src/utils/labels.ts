/** Reader-facing wording of the schemas' enums, in one place. */
import type { EditorNote } from '../schemas/note.ts';

/**
 * The one wording for an article whose subject no source ties to its number.
 * Every page, preview and search result says exactly this.
 */
export const SUBJECT_NOT_ESTABLISHED = 'Subject not established';

/** Why, in a clause that can follow `SUBJECT_NOT_ESTABLISHED` after a colon. */
export const SUBJECT_NOT_ESTABLISHED_REASON = 'no source read so far ties a subject to this article’s number';

/** How an article's number is known (article schema `status`). */
export const STATUS_LABEL = {
	verified: 'Verified from a numbered source',
	'verified-list': 'Verified from one secondary list',
	inferred: 'Number inferred from order',
	unknown: SUBJECT_NOT_ESTABLISHED,
} as const;

export type ArticleStatus = keyof typeof STATUS_LABEL;

/** How strong an inferred number is (article schema `inference.strength`). */
export const INFERENCE_STRENGTH_LABEL = {
	strong: 'strong inference',
	weak: 'weak inference',
} as const;

/** The visible mark an inferred subject carries wherever it is shown. */
export const INFERRED_MARK = 'inferred';

/** What a source shows about an article (article schema `sources[].supports`). */
export const SOURCE_SUPPORTS_LABEL = {
	number: 'prints the number',
	subject: 'describes the subject, without the number',
	order: 'gives the order, without numbers',
	context: 'background',
} as const;

/** What kind of piece a commentary is (commentary schema `kind`). */
export const COMMENTARY_KIND_LABEL = {
	commentary: 'Commentary',
	interview: 'Interview',
	analysis: 'Analysis',
	'op-ed': 'Op-ed',
} as const;

/** What an editor's note corrects (note schema `kind`). */
export const NOTE_KIND_LABEL = {
	'factual-error': 'factual error',
	misattribution: 'misattribution',
	misspelling: 'misspelling',
	imprecision: 'imprecision',
	context: 'context',
} as const satisfies Record<EditorNote['kind'], string>;
