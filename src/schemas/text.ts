/**
 * What a text field of a content file may hold, said once for every schema.
 *
 * - No bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): they
 *   make a text display otherwise than it reads (a page and a share card
 *   showing different names), and no commentary needs them to quote
 *   right-to-left script, which Unicode orders by itself.
 * - No C0 or C1 control character other than tab, line feed and carriage
 *   return: nothing in a published text is one, and some stop the card
 *   drawing or the feed.
 * - A required text (a title, an author's name, an outlet, a body) must hold
 *   something visible: not blank, not only white space, not only invisible
 *   characters (zero-width spaces, soft hyphens, Hangul fillers), which would
 *   publish a link with no name or an empty card.
 *
 * The Markdown bodies are checked with the same functions (src/loaders/).
 */
import { z } from 'astro/zod';

/** The characters refused anywhere in content text. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

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
 * characters (zero-width, soft hyphen, byte-order mark), combining marks, and
 * the blank letters of Hangul and Braille.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** A refused character found in a text. */
export interface UnsafeCharacter {
	/** UTF-16 offset in the text. */
	index: number;
	/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0007 (a control character)`. */
	shown: string;
	/** Whether it is a bidirectional formatting character (else a control character). */
	bidi: boolean;
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
	const match = UNSAFE.exec(text);
	if (!match) return undefined;
	const code = match[0].codePointAt(0)!;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	const name = NAMES[code];
	return { index: match.index, shown: name ? `${hex} ${name}` : `${hex} (a control character)`, bidi: name !== undefined };
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
	return found.bidi
		? `contains ${found.shown}, which makes the text display otherwise than it reads; remove it (right-to-left script needs no such character)`
		: `contains ${found.shown}; remove it (only tab and line breaks are allowed)`;
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
 * A required text: without refused characters and with something visible.
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
		}
	});
}
