/**
 * The text rule of `src/schemas/text.ts` applied to a Markdown body: no
 * bidirectional formatting or control character on any line, and something
 * visible to publish.
 */
import { findUnsafeCharacter, hasVisibleText, unsafeCharacterMessage } from '../schemas/text.ts';

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
		if (found) problems.push(`${file}:${firstLine + index}: body: column ${found.index + 1} ${unsafeCharacterMessage(found)}`);
	});
	if (body.trim() !== '' && !hasVisibleText(body)) {
		problems.push(`${file}:${firstLine}: body: ${what} holds only white space or invisible characters; its page would be empty`);
	}
	return problems;
}
