/**
 * The search index's commentaries, once per build: one record per
 * commentary, each claim a sub-result (`records.ts`), sent to the integration through the build's channel
 * (`src/build/channel.ts`), which indexes them with the built pages once the
 * build is done. Nothing is written to the site: the index is what it
 * publishes.
 */
import { sendSearchRecords } from '../../build/channel.ts';
import { buildContext } from '../../build/context.ts';
import { getCorpus } from '../../corpus/corpus.ts';
import { commentaryRecords } from './records.ts';

let sent: Promise<void> | undefined;

/** Send every commentary's record to the build, once (the search page asks while it is built). */
export function sendCommentaryRecords(): Promise<void> {
	sent ??= getCorpus().then((corpus) => {
		const { notes } = buildContext();
		sendSearchRecords(commentaryRecords(corpus.map(({ slug, entry, claims, noteClaims }) => ({ slug, data: entry.data, claims, noteClaims })), notes));
	});
	return sent;
}
