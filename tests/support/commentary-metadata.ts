/**
 * A commentary's metadata as the schema gives it, for unit tests that build a
 * dataset without reading `content/`: one author, a date, no source address.
 */
import { commentarySchema } from '../../src/schemas/commentary.ts';

/**
 * @param title
 *   The commentary's title.
 * @returns
 *   The parsed metadata (defaults filled in by the schema).
 */
export function sampleMetadata(title: string) {
	return commentarySchema.parse({
		title,
		authors: [{ name: 'A. Author', affiliation: 'Somewhere' }],
		outlet: 'Outlet',
		published: { date: '2024-06-21' },
		source: { url: null, capture: '000_x.txt' },
		kind: 'commentary',
		summary: 'One sentence.',
	});
}
