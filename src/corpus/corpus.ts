/**
 * The rendered corpus: every commentary with the claims (sentences) and
 * mentions its Markdown pipeline recorded. Rendering happens once per build;
 * every page that reads claims (the reading page, articles, actors, timeline,
 * share pages, search records, compare, the published dataset) reads this one
 * result, validated against the corpus schema.
 */
import { render, type RenderResult } from 'astro:content';
import { commentaryClaimsSchema, noteClaimsSchema, type Claim, type NoteClaims } from '../schemas/corpus.ts';
import type { CommentaryClaims } from './aggregate.ts';
import { getCommentaries, type CommentaryEntry } from './commentaries.ts';
import { formatSchemaError } from '../loaders/schema-errors.ts';

export interface CorpusEntry extends CommentaryClaims {
	entry: CommentaryEntry;
	claims: Claim[];
	/** The claims each editor's note of the commentary is about, by note id. */
	noteClaims: NoteClaims;
	/** The rendered body, for the reading page. */
	Content: RenderResult['Content'];
}

let corpus: Promise<CorpusEntry[]> | undefined;

/** All commentaries in reading order, each with its claims. */
export function getCorpus(): Promise<CorpusEntry[]> {
	corpus ??= load();
	return corpus;
}

/**
 * One commentary of the corpus.
 *
 * @param slug
 *   The commentary's id.
 * @returns
 *   Its corpus entry.
 * @throws
 *   When no commentary has that slug.
 */
export async function getCorpusEntry(slug: string): Promise<CorpusEntry> {
	const found = (await getCorpus()).find((item) => item.slug === slug);
	if (!found) throw new Error(`No commentary “${slug}” in the corpus`);
	return found;
}

/**
 * The claims the pipeline recorded for a commentary, validated.
 *
 * @param entry
 *   The commentary.
 * @param recorded
 *   `remarkPluginFrontmatter.claims` as Astro hands it back.
 * @returns
 *   Claims in reading order.
 * @throws
 *   An error naming the commentary's file and each field that does not fit.
 */
export function parseRecordedClaims(entry: Pick<CommentaryEntry, 'id' | 'filePath'>, recorded: unknown): Claim[] {
	const result = commentaryClaimsSchema.safeParse(recorded);
	if (result.success) return result.data;
	// Not a content error an author made: the pipeline recorded something the model does not allow.
	throw new Error(`Recorded claims do not fit the corpus schema:\n${formatSchemaError(fileOf(entry), result.error)}`);
}

/**
 * Which claims each editor's note is about, as the pipeline recorded them,
 * validated.
 *
 * @param entry
 *   The commentary.
 * @param recorded
 *   `remarkPluginFrontmatter.noteClaims` as Astro hands it back (absent: no note).
 * @returns
 *   Claim ids by note id.
 * @throws
 *   An error naming the commentary's file and each field that does not fit.
 */
export function parseRecordedNoteClaims(entry: Pick<CommentaryEntry, 'id' | 'filePath'>, recorded: unknown): NoteClaims {
	const result = noteClaimsSchema.safeParse(recorded ?? {});
	if (result.success) return result.data;
	throw new Error(`Recorded note claims do not fit the corpus schema:\n${formatSchemaError(fileOf(entry), result.error)}`);
}

/** A commentary's file, for messages. */
function fileOf(entry: Pick<CommentaryEntry, 'id' | 'filePath'>): string {
	return entry.filePath ?? `content/commentaries/${entry.id}.md`;
}

async function load(): Promise<CorpusEntry[]> {
	const entries = await getCommentaries();
	return Promise.all(
		entries.map(async (entry) => {
			const { Content, remarkPluginFrontmatter } = await render(entry);
			const claims = parseRecordedClaims(entry, remarkPluginFrontmatter['claims']);
			const noteClaims = parseRecordedNoteClaims(entry, remarkPluginFrontmatter['noteClaims']);
			return { slug: entry.id, entry, claims, noteClaims, Content };
		}),
	);
}
