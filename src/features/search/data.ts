/**
 * The search index's sentences, once per build: one record per claim of the
 * corpus (`records.ts`), sent to the integration through the build's channel
 * (`src/build/channel.ts`), which indexes them with the built pages once the
 * build is done. Nothing is written to the site: the index is what it
 * publishes.
 */
import { sendSearchRecords } from '../../build/channel.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { claimRecords } from './records.ts';

let sent: Promise<void> | undefined;

/** Send every sentence's record to the build, once (the search page asks while it is built). */
export function sendClaimRecords(): Promise<void> {
	sent ??= getCorpus().then((corpus) => {
		sendSearchRecords(claimRecords(corpus.map(({ slug, entry, claims }) => ({ slug, data: entry.data, claims }))));
	});
	return sent;
}
