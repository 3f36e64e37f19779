/**
 * The text rule of `src/schemas/text.ts` applied to a Markdown body: no
 * bidirectional formatting or control character on any line, typed or
 * written as a numeric character reference (`&#x202E;`, which Markdown
 * decodes into the character itself), which includes a byte-order mark
 * inside the text (one where a file starts is dropped by `decodeContent`),
 * and something visible to publish.
 */
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { findUnsafeCharacter, hasVisibleText, unsafeCharacterMessage, type UnsafeCharacter } from '../schemas/text.ts';

/** A numeric character reference as CommonMark reads one: `&#` and up to 7 digits, or `&#x` and up to 6 hex digits, then `;`. */
const NUMERIC_REFERENCE = /&#(?:([xX])([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;

/**
 * Refused characters in a body, one problem per line that has one, and a
 * body with nothing visible.
 *
 * @param file
 *   Path shown in problems.
 * @param body
 *   The body, as cut from its file.
 * @param firstLine
 *   The file's line number of the body's first line.
 * @param what
 *   What the file is, for the message (`the commentary`, `the note`).
 * @returns
 *   Problem lines, `file:line: body: message`.
 */
export function bodyTextProblems(file: string, body: string, firstLine: number, what: string): string[] {
	const problems: string[] = [];
	body.split('\n').forEach((text, index) => {
		const found = findUnsafeCharacter(text);
		const referenced = found ? undefined : unsafeReference(text);
		if (found) problems.push(`${file}:${firstLine + index}: body: column ${found.index + 1} ${unsafeCharacterMessage(found)}`);
		else if (referenced) problems.push(`${file}:${firstLine + index}: body: column ${referenced.index + 1} “${referenced.reference}” ${unsafeCharacterMessage(referenced)}`);
	});
	if (body.trim() !== '' && !hasVisibleText(body)) {
		problems.push(`${file}:${firstLine}: body: ${what} holds only white space or invisible characters; its page would be empty`);
	}
	return problems;
}

/**
 * The first numeric character reference on a line that decodes, as the
 * Markdown parser decodes it, to a refused character.
 *
 * @param line
 *   One line of a body.
 * @returns
 *   The character, where its reference starts and the reference as written, or `undefined`.
 */
function unsafeReference(line: string): (UnsafeCharacter & { reference: string }) | undefined {
	for (const match of line.matchAll(NUMERIC_REFERENCE)) {
		const [reference, hex, hexDigits, decimalDigits] = match;
		const character = hex ? decodeNumericCharacterReference(hexDigits!, 16) : decodeNumericCharacterReference(decimalDigits!, 10);
		const found = findUnsafeCharacter(character);
		if (found) return { ...found, index: match.index, reference };
	}
	return undefined;
}
