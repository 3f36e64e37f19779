/**
 * The published dataset, `/data/corpus.json`: every commentary with its
 * claims and their mentions, and the registries they refer to. Built from the
 * corpus model and the collection schemas, so the JSON Schema published at
 * `/data/corpus.schema.json` is generated from these, never written by hand.
 */
import { z } from 'astro/zod';
import { actorSchema } from './actor.ts';
import { articleSchema } from './article.ts';
import { commentarySchema } from './commentary.ts';
import { claimFieldsSchema, withOffsetCheck } from './corpus.ts';
import { eventSchema } from './event.ts';
import { noteSchema } from './note.ts';

/** Format version of `/data/corpus.json`; raised on any incompatible change. */
export const DATASET_VERSION = 1;

/** A claim as published: the corpus claim with its addresses. */
export const datasetClaimSchema = withOffsetCheck(
	claimFieldsSchema.extend({
		permalink: z.url().describe('The sentence in its commentary: the reading page with the claim’s fragment.'),
		share: z.url().describe('The claim’s share page (with its card image).'),
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
	})
	.strict();

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetCommentary = z.infer<typeof datasetCommentarySchema>;
export type DatasetClaim = z.infer<typeof datasetClaimSchema>;

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
