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

let sent: Promise<number> | undefined;

/**
 * Send every commentary's record to the build, once (the search page asks
 * while it is built).
 *
 * @returns
 *   How many records were sent (the search page tells its script how many
 *   shards the index has).
 */
export function sendCommentaryRecords(): Promise<number> {
	sent ??= getCorpus().then((corpus) => {
		const { notes } = buildContext();
		const records = commentaryRecords(corpus.map(({ slug, entry, claims, noteClaims }) => ({ slug, data: entry.data, claims, noteClaims })), notes);
		sendSearchRecords(records);
		return records.length;
	});
	return sent;
}
