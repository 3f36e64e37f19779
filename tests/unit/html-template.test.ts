/**
 * HTML printed from template literals (src/utils/html-template.ts): values
 * escaped by where they stand: attributes as hast-util-to-html prints them,
 * text with `&`, `<` and `>` escaped, so that no value becomes markup.
 */
import { h } from 'hastscript';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, html, rawHtml } from '../../src/utils/html-template.ts';

/** Every character either escaping treats specially, and some it must leave alone. */
const AWKWARD = `Kim's "treaty" <b>& 'Article 4'</b> > 3 & <!-- --> \u0000 \` \u00a0 “quoted” 😀 &amp;`;

/** hast-util-to-html's settings the share pages were printed with. */
const TO_HTML = { allowDangerousHtml: true, allowDangerousCharacters: true, collapseEmptyAttributes: true, characterReferences: { useNamedReferences: true } } as const;

describe('html', () => {
	it('should escape an attribute value as hast-util-to-html prints it', () => {
		for (const value of [AWKWARD, '', 'plain', '"', '&']) {
			expect(html`<meta content="${value}">`.value).toBe(toHtml(h('meta', { content: value }), TO_HTML));
			expect(html`<img src="/a.png" alt="${value}" loading="lazy">`.value).toBe(toHtml(h('img', { src: '/a.png', alt: value, loading: 'lazy' }), TO_HTML));
		}
	});

	it('should escape `&`, `<` and `>` in text, and leave quotes as they are', () => {
		expect(html`<p>${AWKWARD}</p>`.value).toBe(
			'<p>Kim\'s "treaty" &lt;b&gt;&amp; \'Article 4\'&lt;/b&gt; &gt; 3 &amp; &lt;!-- --&gt; \u0000 ` \u00a0 “quoted” 😀 &amp;amp;</p>',
		);
		// Parsed back, the text is the value (a NUL in text is dropped by every HTML parser, as it was before).
		expect(toString(fromHtml(html`<p>${AWKWARD}</p>`.value, { fragment: true }))).toBe(AWKWARD.replace('\u0000', ''));
		expect(escapeText(AWKWARD)).toBe(html`${AWKWARD}`.value);
		expect(escapeAttribute(AWKWARD)).toBe(html`<a title="${AWKWARD}">`.value.slice('<a title="'.length, -2));
	});

	it('should print markup as it is, lists in order, and nothing for nothing', () => {
		const items = ['a & b', 'c'].map((item) => html`<li>${item}</li>`);
		expect(html`<ul>${items}</ul>${undefined}${false}${rawHtml('<hr>')}`.value).toBe('<ul><li>a &amp; b</li><li>c</li></ul><hr>');
		// A text value that only looks like an attribute's is still text.
		expect(html`<p>${'"'}</p><p title="${'<"'}">${'<'}</p>`.value).toBe('<p>"</p><p title="<&quot;">&lt;</p>');
	});
});
