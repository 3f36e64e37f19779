/**
 * Direction of field values. A title, author, outlet, actor name or source
 * label set right to left (Hebrew, Arabic…) and shown in a left-to-right
 * line takes the neutral characters and numbers after it into its run
 * (“הארץ, 21 June” reads “21 ,הארץ June”) unless it is isolated: pages wrap
 * such a value in `<bdi>` (src/layouts/Field.astro).
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/**
 * Whether a text has a strong right-to-left character (bidi class R or AL),
 * so that it must be isolated from what follows it.
 *
 * @param text
 *   Field value.
 * @returns
 *   Whether it does.
 */
export function hasRightToLeft(text: string): boolean {
	for (const char of text) {
		const type = bidi.getBidiCharTypeName(char);
		if (type === 'R' || type === 'AL') return true;
	}
	return false;
}
