/**
 * HTML printed from template literals (src/utils/html-template.ts): values
 * escaped by where they stand, as Astro prints text and hast-util-to-html
 * prints attributes, so pages printed through it are byte for byte those
 * printed before through a syntax tree.
 */
import { h } from 'hastscript';
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

	it('should escape text as Astro prints an expression', () => {
		expect(html`<p>${AWKWARD}</p>`.value).toBe(
			'<p>Kim&#39;s &quot;treaty&quot; &lt;b&gt;&amp; &#39;Article 4&#39;&lt;/b&gt; &gt; 3 &amp; &lt;!-- --&gt; \u0000 ` \u00a0 “quoted” 😀 &amp;amp;</p>',
		);
		expect(escapeText(AWKWARD)).toBe(html`${AWKWARD}`.value);
		expect(escapeAttribute(AWKWARD)).toBe(html`<a title="${AWKWARD}">`.value.slice('<a title="'.length, -2));
	});

	it('should print markup as it is, lists in order, and nothing for nothing', () => {
		const items = ['a & b', 'c'].map((item) => html`<li>${item}</li>`);
		expect(html`<ul>${items}</ul>${undefined}${false}${rawHtml('<hr>')}`.value).toBe('<ul><li>a &amp; b</li><li>c</li></ul><hr>');
		// A text value that only looks like an attribute's is still text.
		expect(html`<p>${'"'}</p><p title="${'<"'}">${'<'}</p>`.value).toBe('<p>&quot;</p><p title="<&quot;">&lt;</p>');
	});
});
