/**
 * Split a sentence into plain and highlighted runs for the words a mention
 * matched. Matching is exact and left to right; a word not found is simply not
 * highlighted (the sentence is always shown whole).
 *
 * @param text
 *   The sentence.
 * @param needles
 *   Matched words, in the order they occur.
 * @returns
 *   Runs that concatenate back to `text`.
 */
export function highlightSegments(text: string, needles: readonly string[]): { text: string; match: boolean }[] {
	const segments: { text: string; match: boolean }[] = [];
	let from = 0;
	for (const needle of needles) {
		if (!needle) continue;
		const at = text.indexOf(needle, from);
		if (at === -1) continue;
		if (at > from) segments.push({ text: text.slice(from, at), match: false });
		segments.push({ text: needle, match: true });
		from = at + needle.length;
	}
	if (from < text.length) segments.push({ text: text.slice(from), match: false });
	return segments;
}
