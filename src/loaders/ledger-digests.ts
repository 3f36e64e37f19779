/**
 * The claims ledger as Astro's content cache should see it. Each commentary's
 * rendering reads only its own part of the ledger (`rehype-claim-redirects`
 * checks that its published ids still resolve), so that part is folded into
 * the commentary's entry digest (`strictGlob`'s `renderInputs`, fed by the build's context), and the
 * ledger is kept out of the digest Astro takes of its whole config (any change
 * there clears the content cache and every incremental page). Editing one
 * commentary and updating the ledger then re-renders that commentary alone.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { LEDGER_PATH } from '../claims/ledger.ts';
import type { Ledger } from '../claims/types.ts';
import { currentSlug } from './renames.ts';

/**
 * Digest of each commentary's part of the ledger, by current slug (ids
 * published under a renamed commentary's old slug count for the new one).
 *
 * @param ledger
 *   The parsed ledger (`undefined` when there is none yet).
 * @param renames
 *   Recorded renames, old slug → new slug.
 * @returns
 *   For a commentary file, the digest of its part of the ledger (empty when
 *   it has none, or there is no ledger yet).
 */
export function ledgerDigests(ledger: Ledger | undefined, renames: ReadonlyMap<string, string>): (file: string) => string {
	if (!ledger) return () => '';
	const hashes = new Map<string, ReturnType<typeof createHash>>();
	for (const [id, entry] of Object.entries(ledger.claims)) {
		const slug = currentSlug(renames, entry.commentary);
		let hash = hashes.get(slug);
		if (!hash) {
			hash = createHash('sha256').update(String(ledger.version));
			hashes.set(slug, hash);
		}
		hash.update(JSON.stringify([id, entry, slug]));
	}
	const digests = new Map([...hashes].map(([slug, hash]) => [slug, hash.digest('base64url')]));
	return (file) => digests.get(basename(file, extname(file)).toLowerCase()) ?? '';
}

/**
 * The ledger as a Markdown plugin option that Astro's digests of its config
 * (the content cache's and the incremental build's) read as a fixed label:
 * its fields are not enumerable, so neither digest walks them, while the
 * plugin reads them as usual. Each commentary's digest carries its part
 * instead (`ledgerDigests`).
 *
 * @param ledger
 *   The parsed ledger.
 * @returns
 *   The same ledger, digested as a label.
 */
export function ledgerOption(ledger: Ledger): Ledger {
	const option: Ledger & { digestedPerCommentary: string } = { digestedPerCommentary: LEDGER_PATH, version: ledger.version, claims: ledger.claims };
	// Hidden from the digests, still read by the plugin.
	return Object.defineProperties(option, { version: { enumerable: false }, claims: { enumerable: false } });
}
