/**
 * The rendered corpus: every commentary with the claims (sentences) and
 * mentions its Markdown plugins recorded. Rendering happens once per build;
 * every cross-commentary page (articles, actors, timeline, share pages) reads
 * the same result.
 */
import { render } from 'astro:content';
import type { ClaimRecord, CommentaryClaims } from './aggregate';
import { getCommentaries, type CommentaryEntry } from './commentaries';

export interface CorpusEntry extends CommentaryClaims {
	entry: CommentaryEntry;
	claims: ClaimRecord[];
}

let corpus: Promise<CorpusEntry[]> | undefined;

/** All commentaries in reading order, each with its claims. */
export function getCorpus(): Promise<CorpusEntry[]> {
	corpus ??= load();
	return corpus;
}

async function load(): Promise<CorpusEntry[]> {
	const entries = await getCommentaries();
	return Promise.all(
		entries.map(async (entry) => {
			const { remarkPluginFrontmatter } = await render(entry);
			const claims = (remarkPluginFrontmatter['claims'] ?? []) as ClaimRecord[];
			return { slug: entry.id, entry, claims };
		}),
	);
}
