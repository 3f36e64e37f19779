/** Reader-facing wording of the schemas' enums, in one place. */

/** An article's verification status (article schema `status`). */
export const STATUS_LABEL = {
	verified: 'Verified from the treaty text',
	secondary: 'From a secondary source',
	unknown: 'Subject not established',
} as const;

export type ArticleStatus = keyof typeof STATUS_LABEL;

/** What kind of piece a commentary is (commentary schema `kind`). */
export const COMMENTARY_KIND_LABEL = {
	commentary: 'Commentary',
	interview: 'Interview',
	analysis: 'Analysis',
	'op-ed': 'Op-ed',
} as const;
