/**
 * The text of the work file the astro process leaves for the jobs after it,
 * printed in chunks. A module of its own, without the jobs' code
 * (`shard-work.ts` imports the index, cards and annotations writers), so
 * that what prints the file can be loaded and tested alone.
 */

/** Characters gathered before a write (a few hundred writes at 1,000 commentaries). */
const WORK_CHUNK = 1 << 20;

/**
 * The work file's text (src/integrations/shard-work.ts), `JSON.stringify(work)` to the byte, in chunks of
 * about a megabyte: an array's items are printed one at a time, so the text
 * of every search record and card is never one string in the astro process,
 * at the end of the build where it holds the most (writing it whole added
 * 0.13 GB to the process's resident memory at 1,000 commentaries).
 *
 * @param work
 *   The work.
 * @returns
 *   The text, in order.
 */
export function* workJson(work: object): Generator<string> {
	let pending = '';
	let separator = '{';
	for (const [key, value] of Object.entries(work)) {
		// As `JSON.stringify` does: a field that is `undefined` is left out.
		if (value === undefined) continue;
		pending += `${separator}${JSON.stringify(key)}:`;
		separator = ',';
		if (!Array.isArray(value)) {
			pending += JSON.stringify(value);
			continue;
		}
		pending += '[';
		for (let index = 0; index < value.length; index++) {
			// An item `JSON.stringify` cannot print (undefined, a function) is `null` in an array.
			pending += `${index > 0 ? ',' : ''}${JSON.stringify(value[index]) ?? 'null'}`;
			if (pending.length >= WORK_CHUNK) {
				yield pending;
				pending = '';
			}
		}
		pending += ']';
	}
	yield `${pending}${separator === '{' ? '{' : ''}}`;
}
