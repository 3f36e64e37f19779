/** Reader-facing wording of an article's verification status (schema `status`). */
export const STATUS_LABEL = {
	verified: 'Verified from the treaty text',
	secondary: 'From a secondary source',
	unknown: 'Subject not established',
} as const;

export type ArticleStatus = keyof typeof STATUS_LABEL;
