/**
 * A commentary's slug after its recorded renames (`content/renames.yaml`,
 * read by `src/loaders/renames.ts`): the ledger resolves ids published under
 * an old slug in the renamed commentary.
 */

/**
 * Resolve a slug through the renames (a rename of a rename is followed).
 *
 * @param renames
 *   Old slug → new slug.
 * @param slug
 *   A slug, old or current.
 * @returns
 *   The current slug.
 */
export function currentSlug(renames: ReadonlyMap<string, string>, slug: string): string {
	let current = slug;
	const seen = new Set<string>();
	while (renames.has(current) && !seen.has(current)) {
		seen.add(current);
		current = renames.get(current)!;
	}
	return current;
}
