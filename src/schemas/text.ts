/**
 * What a text field of a content file may hold, said once for every schema.
 *
 * - No bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): they
 *   make a text display otherwise than it reads (a page and a share card
 *   showing different names), and no commentary needs them to quote
 *   right-to-left script, which Unicode orders by itself. The three
 *   directional marks (U+200E, U+200F, U+061C) are allowed: they change the
 *   order of neutral characters only, never of letters, and a right-to-left
 *   mark inside Arabic or Hebrew text is ordinary typing.
 * - No C0 or C1 control character other than tab, line feed and carriage
 *   return: nothing in a published text is one, and some stop the card
 *   drawing or the feed.
 * - None of the characters a text never carries on its own: the line and
 *   paragraph separators (U+2028, U+2029, an invisible line break), the
 *   byte-order mark (U+FEFF) inside a text, a lone surrogate (no encoding
 *   can write it: the page would show U+FFFD), a noncharacter (U+FDD0–U+FDEF,
 *   U+FFFE, U+FFFF and their kin in every plane; U+FFFE and U+FFFF make the
 *   feed invalid XML), a private-use character (it means nothing outside a
 *   private agreement and no font of the site draws it), and a tag character
 *   (U+E0000–U+E007F, invisible text) except inside the emoji tag sequence
 *   of a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
 * - A required text (a title, an author's name, an outlet, a body) must hold
 *   something visible: not blank, not only white space, not only invisible
 *   characters (zero-width spaces, soft hyphens, Hangul fillers), which would
 *   publish a link with no name or an empty card, and not only punctuation
 *   (a link named "–" or "…" names nothing): at least one letter, digit or
 *   symbol (an emoji is one).
 *
 * The Markdown bodies are checked with the same functions (src/loaders/).
 */
import { z } from 'astro/zod';

/** The noncharacters of planes 1 to 16 (U+1FFFE, U+1FFFF … U+10FFFF), as a character-class fragment. */
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, index) => `\\u{${(index + 1).toString(16)}FFFE}\\u{${(index + 1).toString(16)}FFFF}`).join('');

/** The characters refused anywhere in content text. */
const UNSAFE = new RegExp(
	`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}\\u{E0000}-\\u{E007F}${PLANE_NONCHARACTERS}]`,
	'u',
);

/** An emoji tag sequence (a subdivision flag: U+1F3F4, tag letters, CANCEL TAG): the one place tag characters belong. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

/** Names of the refused formatting characters, for messages. */
const NAMES: Readonly<Record<number, string>> = {
	0x202a: 'LEFT-TO-RIGHT EMBEDDING',
	0x202b: 'RIGHT-TO-LEFT EMBEDDING',
	0x202c: 'POP DIRECTIONAL FORMATTING',
	0x202d: 'LEFT-TO-RIGHT OVERRIDE',
	0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2066: 'LEFT-TO-RIGHT ISOLATE',
	0x2067: 'RIGHT-TO-LEFT ISOLATE',
	0x2068: 'FIRST STRONG ISOLATE',
	0x2069: 'POP DIRECTIONAL ISOLATE',
};

/**
 * Characters that show nothing on their own: white space, controls, format
 * characters (zero-width, soft hyphen, byte-order mark, directional marks),
 * combining marks, variation selectors, and the blank letters of Hangul and
 * Braille.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** What a required text needs at least one of: a letter, a digit or a symbol (punctuation alone names nothing). */
const MEANINGFUL = /[\p{L}\p{N}\p{S}]/u;

/** A refused character found in a text. */
export interface UnsafeCharacter {
	/** UTF-16 offset in the text. */
	index: number;
	/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0007 (a control character)`. */
	shown: string;
	/** Whether it is a bidirectional formatting character. */
	bidi: boolean;
	/** Why it is refused, when it is not bidirectional formatting (a clause after a semicolon). */
	why: string;
}

/**
 * What a refused character is, for messages: its kind and why it must go.
 *
 * @param code
 *   The code point (or lone surrogate).
 * @returns
 *   A description and the reason.
 */
function describeRefused(code: number): { kind: string; why: string } {
	if (code === 0x2028 || code === 0x2029) return { kind: code === 0x2028 ? 'LINE SEPARATOR' : 'PARAGRAPH SEPARATOR', why: 'it is an invisible line break; write a line feed, or a space' };
	if (code === 0xfeff) {
		return { kind: '(a byte-order mark)', why: 'it belongs only at the start of a file: inside a text it is invisible, and in a body Markdown reads it as text, so a heading or list after it becomes a paragraph; remove it' };
	}
	if (code >= 0xd800 && code <= 0xdfff) return { kind: '(a lone surrogate)', why: 'no text encoding can write it, so the page would show U+FFFD; write the whole character' };
	if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return { kind: '(a noncharacter)', why: 'it is never part of a published text; remove it' };
	if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) return { kind: '(a private-use character)', why: 'it means nothing outside a private agreement and no font of the site draws it; write the character it stands for' };
	if (code >= 0xe0000 && code <= 0xe007f) return { kind: '(a tag character)', why: 'it is invisible text; tag characters belong only inside a flag emoji' };
	return { kind: '(a control character)', why: 'remove it (only tab and line breaks are allowed)' };
}

/**
 * The first refused character of a text.
 *
 * @param text
 *   Any text.
 * @returns
 *   Where it is and how to name it, or `undefined`.
 */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
	// A flag's tag sequence is allowed: blank it out, keeping every other character at its offset.
	const match = UNSAFE.exec(text.replace(EMOJI_TAG_SEQUENCE, (sequence) => 'x'.repeat(sequence.length)));
	if (!match) return undefined;
	const code = match[0].codePointAt(0)!;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	const name = NAMES[code];
	if (name) return { index: match.index, shown: `${hex} ${name}`, bidi: true, why: '' };
	const { kind, why } = describeRefused(code);
	return { index: match.index, shown: `${hex} ${kind}`, bidi: false, why };
}

/**
 * Why a refused character must go, as a message clause.
 *
 * @param found
 *   The character.
 * @returns
 *   The message.
 */
export function unsafeCharacterMessage(found: UnsafeCharacter): string {
	return found.bidi ? `contains ${found.shown}, which makes the text display otherwise than it reads; remove it (right-to-left script needs no such character)` : `contains ${found.shown}; ${found.why}`;
}

/**
 * Whether a text has at least one character that shows.
 *
 * @param text
 *   Any text.
 * @returns
 *   `false` for blank, white-space-only or invisible-only text.
 */
export function hasVisibleText(text: string): boolean {
	for (const character of text) if (!INVISIBLE.test(character)) return true;
	return false;
}

/** Refuse bidirectional formatting and control characters. */
function refuseUnsafe(value: string, ctx: z.RefinementCtx): void {
	const found = findUnsafeCharacter(value);
	if (found) ctx.addIssue({ code: 'custom', message: unsafeCharacterMessage(found) });
}

/**
 * An optional or free text: any string without refused characters.
 *
 * @returns
 *   The schema.
 */
export function plainText() {
	return z.string().superRefine(refuseUnsafe);
}

/**
 * A required text: without refused characters, with something visible, and
 * more than punctuation.
 *
 * @param max
 *   Longest allowed length (default: none).
 * @returns
 *   The schema.
 */
export function visibleText(max?: number) {
	const base = max === undefined ? z.string() : z.string().max(max);
	return base.superRefine((value, ctx) => {
		refuseUnsafe(value, ctx);
		if (!hasVisibleText(value)) {
			ctx.addIssue({ code: 'custom', message: value === '' ? 'must not be empty' : 'must contain visible text (it holds only white space or invisible characters)' });
		} else if (!MEANINGFUL.test(value)) {
			ctx.addIssue({ code: 'custom', message: `must contain a letter, digit or symbol (${JSON.stringify(value)} is only punctuation)` });
		}
	});
}
