/**
 * HTML printed from template literals: the fixed markup of a template is its
 * literal text, written once in the source and joined as it is; only the
 * values put into it are escaped. For pages printed thousands of times per
 * build (the share pages), this costs a string join where a syntax tree and
 * its serialiser cost an object per element and attribute.
 *
 * A value is escaped by where it stands: right after a fixed `="` it is an
 * attribute's value, and only `&` and `"` (and NUL) are escaped, as
 * hast-util-to-html prints a double-quoted attribute, and an empty value
 * leaves the attribute's name alone; anywhere else it is
 * text, and `&`, `<` and `>` are escaped (quotes are plain text there). A
 * value made by `html` itself (or `rawHtml`) is markup and printed as is; a
 * list of them is printed in order. Pure.
 */

/** Markup ready to print, made by `html` or `rawHtml`: never escaped again. */
export class Markup {
	/** The HTML. */
	readonly value: string;

	/**
	 * @param value
	 *   HTML, already escaped.
	 */
	constructor(value: string) {
		this.value = value;
	}

	/** The HTML. */
	toString(): string {
		return this.value;
	}
}

/** What a template takes: text (escaped), markup (as is), a list of markup, or nothing (`undefined`, `false`). */
export type TemplateValue = string | Markup | readonly Markup[] | undefined | false;

/**
 * The characters escaped in text, with their references: `&` and `<`, which could start a reference or a tag, and
 * `>` to keep a `<!--`-like run of text plainly text. Quotes need no escaping outside an attribute (Astro escapes
 * them; every `&quot;` in a CSL-JSON record is five bytes more for no reader).
 */
const TEXT_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The characters hast-util-to-html escapes in a double-quoted attribute value, with their references. */
const ATTRIBUTE_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '\u0000': '&#x0;' };

/** Characters of text to escape. */
const TEXT_SPECIAL = /[&<>]/g;

/** Characters of an attribute value to escape. */
const ATTRIBUTE_SPECIAL = /[&"\u0000]/g;

/**
 * Text: every `&`, `<` and `>` escaped.
 *
 * @param value
 *   Plain text.
 * @returns
 *   The escaped text.
 */
export function escapeText(value: string): string {
	return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL, (character) => TEXT_REFERENCES[character] ?? character) : value;
}

/**
 * A double-quoted attribute's value as hast-util-to-html prints it (`allowDangerousCharacters`): `&`, `"` and NUL
 * escaped; `'`, `<` and `>` left as they are, which a double-quoted value allows.
 *
 * @param value
 *   The value.
 * @returns
 *   The escaped value.
 */
export function escapeAttribute(value: string): string {
	return ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIAL, (character) => ATTRIBUTE_REFERENCES[character] ?? character) : value;
}

/**
 * Markup that is already HTML (a serialised JSON-LD whose `<` is escaped, a page part made elsewhere).
 *
 * @param value
 *   The HTML.
 * @returns
 *   Markup printed as is.
 */
export function rawHtml(value: string): Markup {
	return new Markup(value);
}

/**
 * HTML from a template literal: `` html`<a href="${href}">${text}</a>` ``.
 *
 * @param strings
 *   The template's fixed markup.
 * @param values
 *   The values between, escaped by where they stand (see the module's comment).
 * @returns
 *   The markup.
 */
export function html(strings: TemplateStringsArray, ...values: readonly TemplateValue[]): Markup {
	let out = strings[0] ?? '';
	for (let index = 0; index < values.length; index++) {
		const value = values[index];
		let next = strings[index + 1] ?? '';
		if (typeof value === 'string') {
			if (!strings[index]?.endsWith('="')) out += escapeText(value);
			else if (value !== '' || !next.startsWith('"')) out += escapeAttribute(value);
			else {
				// An empty value: the attribute's name alone, as hast-util-to-html prints it (`collapseEmptyAttributes`).
				out = out.slice(0, -2);
				next = next.slice(1);
			}
		} else if (value instanceof Markup) out += value.value;
		else if (Array.isArray(value)) for (const item of value) out += item.value;
		out += next;
	}
	return new Markup(out);
}
