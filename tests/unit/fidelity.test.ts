import { describe, it, expect } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { DebrisEntry } from '../support/debris';
import {
	checkInOrder,
	findElement,
	formatInOrderResult,
	removeDebris,
	sourceWords,
	tokenize,
	visibleText,
} from '../support/fidelity';
import { parseDebris } from '../support/debris';

const values = (text: string) => tokenize(text).map((t) => t.value);
const check = (source: string, page: string, debris: DebrisEntry[] = []) =>
	checkInOrder(sourceWords(source, debris, 'capture.txt'), page);

describe('fidelity', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/fidelity')).sort()).toEqual([
			'checkInOrder',
			'findElement',
			'formatInOrderResult',
			'removeDebris',
			'sourceWords',
			'tokenize',
			'visibleText',
		]);
	});

	describe('tokenize', () => {
		it.each([
			['words and marks', 'Putin’s visit — brief.', ['Putin’s', 'visit', '—', 'brief', '.']],
			['straight apostrophe kept inside the word', "Russia's", ["Russia's"]],
			['whitespace of any kind is not a token', 'a \u00A0\t b\n\nc', ['a', 'b', 'c']],
			['a leading bullet is list structure', '  • Kiev is at liberty;', ['Kiev', 'is', 'at', 'liberty', ';']],
			['a bullet inside a line is text', 'a • b', ['a', '•', 'b']],
			['decimals and abbreviations stay whole', '1.5 track (i.e., sanctions)', ['1.5', 'track', '(', 'i.e', '.', ',', 'sanctions', ')']],
			['spacing inside a figure is not a token', '$ 5 billion', ['$', '5', 'billion']],
			['NFC: a decomposed letter equals the composed one', 'Cafe\u0301', ['Café']],
		])('should cut %s', (_name, text, expected) => {
			expect(values(text)).toEqual(expected);
		});

		it('should leave marks out when asked to', () => {
			expect(tokenize('“a” — b.', { marks: false }).map((t) => t.value)).toEqual(['a', 'b']);
		});

		it('should number lines from 1', () => {
			expect(tokenize('a\n\nb').map((t) => t.line)).toEqual([1, 3]);
		});
	});

	describe('checkInOrder', () => {
		it.each([
			['identical text', 'the the host country', 'the the host country', true],
			['extra page text around and between', 'Putin’s visit', 'Home › Putin’s state visit', true],
			['a missing word', 'by the the host country', 'by the host country', false],
			['reordered words', 'alpha beta gamma', 'alpha gamma beta', false],
			['a curly apostrophe on the page for a straight one', "Russia's strained relations", 'Russia’s strained relations', false],
			['a straight quote for a curly one', '“sanctuary”', '"sanctuary"', false],
			['a corrected misspelling', 'Jack Sullivan', 'Jake Sullivan', false],
			['a dash turned into a hyphen', 'Kim – North Korea', 'Kim - North Korea', false],
			['a bullet list rendered as list items', '  • first;\n  • second.', 'first;\nsecond.', true],
			['collapsed whitespace', 'brief\u00A0 visit', 'brief visit', true],
		])('should judge %s', (_name, source, page, ok) => {
			expect(check(source, page).ok).toBe(ok);
		});

		it('should name the first missing word with the 8 words before it', () => {
			const source = 'one two three four five six seven eight nine ten eleven';
			const result = check(source, 'one two three four five six seven eight nine eleven');
			expect(result).toMatchObject({ ok: false, matched: 9, total: 11 });
			expect(result.missing?.token).toEqual({ value: 'ten', kind: 'word', line: 1 });
			expect(result.missing?.before).toEqual(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);
			expect(formatInOrderResult('x.txt', result)).toBe(
				'x.txt line 1: word “ten” (token 10 of 11) is missing from the page or out of order, after “…two three four five six seven eight nine”',
			);
		});

		it('should count every token when all are found', () => {
			const result = check('a, b.', 'a, b.');
			expect(result).toEqual({ ok: true, matched: 4, total: 4, missing: null });
			expect(formatInOrderResult('x.txt', result)).toBe('x.txt: all 4 tokens found in order');
		});
	});

	describe('sourceWords and removeDebris', () => {
		const capture = 'Title\n6 mins read\nBody text.\nLeave a Reply\n';

		it('should drop debris lines and keep line numbers', () => {
			const entries: DebrisEntry[] = [
				{ text: '6 mins read', reason: 'reading-time' },
				{ text: 'Leave a Reply', reason: 'comment-form' },
			];
			const tokens = sourceWords(capture, entries, 'c.txt');
			expect(tokens.map((t) => [t.value, t.line])).toEqual([
				['Title', 1],
				['Body', 3],
				['text', 3],
				['.', 3],
			]);
		});

		it('should match a debris line whatever its spacing', () => {
			expect(removeDebris('a\n  Leave\u00A0 a Reply  \nb', [{ text: 'Leave a Reply', reason: 'comment-form' }], 'c.txt')).toBe(
				'a\n\nb',
			);
		});

		it.each([
			['an entry that matches no line', [{ text: 'Latest from Blog', reason: 'related-links' }], /c\.txt: debris entry “Latest from Blog” \(related-links\) matches no line/],
			['an entry that is only part of a line', [{ text: 'Body', reason: 'title' }], /matches no line/],
			['an entry that matches several lines', [{ text: 'x', reason: 'title' }], /matches lines 1, 2; add `line:`/],
			['an entry whose `line` reads otherwise', [{ text: 'x', reason: 'title', line: 3 }], /is not line 3, which reads “Body text\.”/],
			['two entries for one line', [{ text: 'x', reason: 'title', line: 1 }, { text: 'x', reason: 'byline', line: 1 }], /removes line 1 a second time/],
		] as [string, DebrisEntry[], RegExp][])('should reject %s, naming the capture and the entry', (_name, entries, message) => {
			expect(() => sourceWords('x\nx\nBody text.', entries, 'c.txt')).toThrow(message);
			if (!/several|second/.test(_name)) expect(() => sourceWords(capture, entries, 'c.txt')).toThrow(/^c\.txt: /);
		});

		it('should accept `line` to pick one of several equal lines', () => {
			expect(removeDebris('x\nx', [{ text: 'x', reason: 'title', line: 2 }], 'c.txt')).toBe('x\n');
		});
	});

	describe('visibleText', () => {
		it('should separate blocks and join inline elements', () => {
			const tree = fromHtml('<main><h1>Title</h1><p><a href="/a">Putin</a>’s visit</p><ul><li>a</li><li>b</li></ul></main>', {
				fragment: true,
			});
			expect(values(visibleText(tree))).toEqual(['Title', 'Putin’s', 'visit', 'a', 'b']);
		});

		it('should leave out hidden labels, scripts and styles', () => {
			const tree = fromHtml(
				'<aside><p class="block-label" aria-hidden="true">About the author</p><p>Rekha J is</p><p hidden>x</p><script>y()</script><style>p{}</style></aside>',
				{ fragment: true },
			);
			expect(values(visibleText(tree))).toEqual(['Rekha', 'J', 'is']);
		});

		it('should not let a hidden label stand in for the text', () => {
			const tree = fromHtml('<p aria-hidden="true">About the author</p>', { fragment: true });
			expect(checkInOrder(tokenize('About the author'), visibleText(tree)).ok).toBe(false);
		});

		it('should leave out elements the caller skips', () => {
			const tree = fromHtml('<div><p>Jack Sullivan</p><aside class="note"><p>Jake Sullivan</p></aside></div>', { fragment: true });
			const skip = (element: { properties: Record<string, unknown> }) =>
				Array.isArray(element.properties['className']) && element.properties['className'].includes('note');
			expect(values(visibleText(tree, { skip }))).toEqual(['Jack', 'Sullivan']);
			expect(values(visibleText(tree))).toEqual(['Jack', 'Sullivan', 'Jake', 'Sullivan']);
		});

		it('should find the main element, or nothing', () => {
			const tree = fromHtml('<html><body><nav>n</nav><main id="m"><p>x</p></main></body></html>');
			expect(findElement(tree, 'main')?.properties['id']).toBe('m');
			expect(findElement(fromHtml('<p>x</p>', { fragment: true }), 'main')).toBeUndefined();
		});
	});
});

describe('debris', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/debris')).sort()).toEqual([
			'DEBRIS_FILE',
			'debrisEntrySchema',
			'debrisListSchema',
			'debrisReasons',
			'loadDebris',
			'parseDebris',
		]);
	});

	it('should parse a valid list', () => {
		expect(parseDebris('a.txt:\n  - text: "Leave a Reply"\n    reason: comment-form\n')).toEqual({
			'a.txt': [{ text: 'Leave a Reply', reason: 'comment-form' }],
		});
	});

	it.each([
		['an unknown reason', 'a.txt:\n  - text: "x"\n    reason: junk\n', /^content\/debris\.yaml:3: a\.txt\[0\]\.reason: /],
		['an unknown key', 'a.txt:\n  - text: "x"\n    reason: title\n    why: no\n', /^content\/debris\.yaml:4: a\.txt\[0\]\.why: unknown field/],
		['a missing text', 'a.txt:\n  - reason: title\n', /^content\/debris\.yaml:2: a\.txt\[0\]\.text: required field is missing/],
		['text with surrounding spaces', 'a.txt:\n  - text: " x"\n    reason: title\n', /a\.txt\[0\]\.text: expected one line/],
		['a key that is not a capture file', 'notes.md:\n  - text: "x"\n    reason: title\n', /expected a capture file name/],
		['a YAML syntax error', 'a.txt:\n  - text: "x\n', /^content\/debris\.yaml:\d+: YAML syntax error/],
	])('should reject %s, naming the file, line and field', (_name, source, message) => {
		expect(() => parseDebris(source)).toThrow(message);
	});
});
