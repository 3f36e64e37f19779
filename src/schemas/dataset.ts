/**
 * The published dataset, `/data/corpus.json`: every commentary with its
 * claims, their mentions and related claims, the registries they refer to
 * and the matters that relate them. Built from the
 * corpus model and the collection schemas, so the JSON Schema published at
 * `/data/corpus.schema.json` is generated from these, never written by hand.
 */
import { z } from 'astro/zod';
import { actorSchema } from './actor.ts';
import { articleSchema } from './article.ts';
import { commentarySchema } from './commentary.ts';
import { claimFieldsSchema, withOffsetCheck } from './corpus.ts';
import { eventSchema } from './event.ts';
import { MATTER_ID } from './matter.ts';
import { noteSchema } from './note.ts';

/** Format version of `/data/corpus.json`; raised on any incompatible change. */
export const DATASET_VERSION = 1;

/** A matter as published: the question the commentaries discuss. */
export const datasetMatterSchema = z
	.object({
		id: z.string().regex(MATTER_ID).describe('The matter’s id (its file name in `content/matters/`).'),
		title: z.string().min(1).describe('Short label readers see.'),
		question: z.string().min(1).describe('The question the commentaries discuss.'),
		articles: z.array(z.number().int()).describe('Treaty articles the matter is about (a claim mentioning one is about the matter).'),
	})
	.strict();

/** One claim of another commentary related to a claim. */
export const datasetRelatedSchema = z
	.object({
		id: claimFieldsSchema.shape.id.describe('The related claim’s id.'),
		matters: z.array(z.string().regex(MATTER_ID)).describe('Ids of the matters (top-level `matters`) the two claims share; empty for a pair only the editors confirmed.'),
		confirmed: z.boolean().describe('Whether the editors confirmed the pair (`content/related.yaml`).'),
	})
	.strict();

/** A claim as published: the corpus claim with its addresses and its related claims. */
export const datasetClaimSchema = withOffsetCheck(
	claimFieldsSchema.extend({
		permalink: z.url().describe('The sentence in its commentary: the reading page with the claim’s fragment.'),
		share: z.url().describe('The claim’s share page (with its card image).'),
		related: z
			.array(datasetRelatedSchema)
			.describe('Claims of other commentaries about the same matter, best first: confirmed ones, then by shared matters, then by word similarity.'),
	}),
);

/** A commentary as published: its frontmatter, its address and its claims. */
export const datasetCommentarySchema = z
	.object({
		slug: z.string().min(1).describe('The commentary’s id, part of every claim id’s hash.'),
		url: z.url().describe('The reading page.'),
		metadata: commentarySchema.describe('The commentary’s frontmatter, as validated.'),
		claims: z.array(datasetClaimSchema).describe('Every sentence, in reading order.'),
	})
	.strict();

export const datasetSchema = z
	.object({
		version: z.literal(DATASET_VERSION).describe('Format version of this file.'),
		site: z.url().describe('The address the edition is published at.'),
		commentaries: z.array(datasetCommentarySchema).describe('The commentaries in reading order.'),
		articles: z.array(z.object({ number: z.number().int(), url: z.url(), data: articleSchema })).describe('The treaty’s articles.'),
		actors: z.array(z.object({ id: z.string(), url: z.url(), data: actorSchema })).describe('People, states and organisations.'),
		events: z.array(eventSchema).describe('Dated events of the timeline.'),
		notes: z
			.array(z.object({ id: z.string(), text: z.string().min(1), data: noteSchema }))
			.describe('Editors’ notes, each anchored to an exact quote of one commentary.'),
		matters: z.array(datasetMatterSchema).describe('The matters the commentaries discuss, by which claims are related.'),
	})
	.strict();

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetCommentary = z.infer<typeof datasetCommentarySchema>;
export type DatasetClaim = z.infer<typeof datasetClaimSchema>;
export type DatasetMatter = z.infer<typeof datasetMatterSchema>;

/**
 * The JSON Schema of `/data/corpus.json`, generated from `datasetSchema`.
 *
 * @param id
 *   The schema's own address (`$id`).
 * @returns
 *   A JSON Schema (draft 2020-12) object.
 */
export function datasetJsonSchema(id: string): Record<string, unknown> {
	const schema = z.toJSONSchema(datasetSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
	return { ...schema, $id: id, title: 'Treaty Reader corpus' };
}
