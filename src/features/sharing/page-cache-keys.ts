/**
 * Cache keys for Astro's incremental static build (`experimental.incrementalBuild`
 * in astro.config.mjs). Astro re-renders a page when its route's code or its
 * `cacheKey` changes, and copies the previous build's output otherwise. So a
 * key must cover every piece of data the page reads that is not code: what
 * its props carry and anything it looks up beyond them (the actor registry's
 * names, the build's access date for citations). Keys are content digests of
 * that data, so a rebuild after editing one commentary re-renders only the
 * pages whose data changed.
 *
 * `npm run build` passes `--force`, which ignores the cache: the site's own
 * builds are always cold. The cache serves repeated builds of a large corpus
 * (`astro build`, see README: Performance).
 */
import { createHash } from 'node:crypto';
import type { SharePage } from './share-pages.ts';

/**
 * A short digest of JSON-serialisable data (object keys in insertion order:
 * the data comes from the same code each build, so the order is stable).
 *
 * @param parts
 *   Values the key depends on.
 * @returns
 *   Base64url SHA-256 digest.
 */
export function digestOf(...parts: unknown[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(JSON.stringify(part) ?? 'undefined').update('\u0000');
	return hash.digest('base64url');
}

/** What a commentary-level cache key reads of a collection entry. */
export interface KeyedEntry {
	id: string;
	data: unknown;
}

/**
 * A function that keys the share pages of one build.
 *
 * @param shared
 *   Data every share page reads beyond its props (the actor names it prints,
 *   the citations' access date); digested once.
 * @returns
 *   The cache key of a share page: its own data, what else it prints of its
 *   own (`printed`: the related claims of other commentaries, with their
 *   names), its commentary's data and the shared digest. Each commentary's
 *   data is digested once.
 */
export function sharePageCacheKeys<E extends KeyedEntry>(shared: unknown): (page: SharePage<E>, printed?: unknown) => string {
	const sharedDigest = digestOf(shared);
	const entryDigests = new Map<string, string>();
	return (page, printed) => {
		const { entry, ...own } = page;
		let entryDigest = entryDigests.get(entry.id);
		if (!entryDigest) {
			entryDigest = digestOf(entry.id, entry.data);
			entryDigests.set(entry.id, entryDigest);
		}
		return digestOf(own, printed, entryDigest, sharedDigest);
	};
}
