/**
 * The commentary files a page's script reads: the citations file (every
 * sentence's citations, `/data/citations/<slug>.json`) and the related files
 * (`/data/related/<slug>.json`, which sentences of other commentaries discuss
 * the same matter, and the words of this commentary's own). Each file is
 * fetched once per page and a failed fetch reads as nothing, so a page keeps
 * what it printed. Shared by the reading page's claim panel and the share
 * pages.
 */
import type { ClaimCitations } from '../cite.ts';
import type { RelatedGroup } from '../related-claims.ts';
import { routes } from '../../../utils/routes.ts';
import { decodeCitationsFile } from '../citations-file.ts';
import { decodeRelatedFile, quotedCommentaries, relatedGroupsOf, type RelatedFile } from '../related-file.ts';

/**
 * A commentary's citations, fetched on the first call.
 *
 * @param address
 *   The citations file (`routes.citations(slug)`).
 * @returns
 *   What loads them: every sentence's citations by id, or nothing when the file could not be read.
 */
export function citationsLoader(address: string): () => Promise<Map<string, ClaimCitations> | undefined> {
	let loaded: Promise<Map<string, ClaimCitations> | undefined> | undefined;
	return () =>
		(loaded ??= fetch(address)
			.then(async (response) => (response.ok ? decodeCitationsFile(await response.text()) : undefined))
			.catch(() => undefined));
}

/**
 * A commentary's sentences' related claims, each file fetched once.
 *
 * @param address
 *   The commentary's related file (`routes.related(slug)`).
 * @returns
 *   What loads a sentence's groups: its ids from this commentary's file,
 *   quoted from the files of the commentaries they come from; nothing when a
 *   file could not be read.
 */
export function relatedLoader(address: string): (id: string) => Promise<RelatedGroup[] | undefined> {
	/** Each related file fetched, by address (a failed one reads as undefined). */
	const files = new Map<string, Promise<RelatedFile | undefined>>();
	const fetchFile = (file: string): Promise<RelatedFile | undefined> => {
		let found = files.get(file);
		if (!found) {
			found = fetch(file)
				.then(async (response) => (response.ok ? decodeRelatedFile(await response.text()) : undefined))
				.catch(() => undefined);
			files.set(file, found);
		}
		return found;
	};
	return async (id) => {
		const own = await fetchFile(address);
		if (!own) return undefined;
		const slugs = quotedCommentaries(own, id);
		const others = await Promise.all(slugs.map((slug) => fetchFile(routes.related(slug))));
		return relatedGroupsOf(own, id, (slug) => others[slugs.indexOf(slug)]);
	};
}
