import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../src/utils/find-quote';
import { loadEditorNotes, readEditorNotes } from '../../src/loaders/notes';
import { siteAddressCheck } from '../../src/loaders/site-addresses';
import { contentProblems } from '../../src/loaders/content-checks';
import { copyProject, removeCopy } from '../support/project-copy';
import rehypeEditorNotes, { type PlacedNote } from '../../src/markdown/plugins/rehype-editor-notes';
import remarkEditorNoteAnchors, { type AnchorNote } from '../../src/markdown/plugins/remark-editor-note-anchors';

const note: AnchorNote & PlacedNote = {
	id: 'trade-figure',
	file: 'content/notes/trade-figure.md',
	commentary: 'sample',
	quote: '$34 billion',
	kind: 'factual-error',
	body: 'Russian figures give **US$34.4 million** for 2023.',
	sources: [{ label: 'TASS, 17 June 2024', url: 'https://tass.com/economy/1804561' }],
};

async function render(markdown: string, notes = [note]) {
	const file = new VFile({ value: markdown, path: '/site/content/commentaries/sample.md' });
	const result = await unified()
		.use(remarkParse)
		.use(remarkEditorNoteAnchors, { notes })
		.use(remarkRehype)
		.use(rehypeEditorNotes, { notes })
		.use(rehypeStringify)
		.process(file);
	return String(result);
}

describe('findQuote', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/utils/find-quote')).sort()).toEqual(['findQuote']);
	});

	it.each([
		['a b a b', { quote: 'a b' }, [0, 4]],
		['a b a b', { quote: 'a b', prefix: 'b ' }, [4]],
		['a b a c', { quote: 'a', suffix: ' c' }, [4]],
		['a b', { quote: 'a b', prefix: 'x ' }, []],
		['a b', { quote: '' }, []],
		['Russia’s', { quote: "Russia's" }, []],
	])('should find %j in %s at %j', (text, selector, expected) => {
		expect(findQuote(text, selector)).toEqual(expected);
	});
});

describe('editor notes plugins', () => {
	it('should mark the quote and place the note beside its paragraph', async () => {
		const html = await render('Trade exceeded $34 billion last year.\n\nNext paragraph.');
		expect(html).toContain(
			'<div class="with-note"><p>Trade exceeded <mark class="noted" id="noted-trade-figure" data-note="trade-figure" aria-details="note-trade-figure">$34 billion</mark> last year.</p><div class="editor-notes"><aside class="editor-note" id="note-trade-figure"',
		);
		expect(html).toContain('aria-label="Editor’s note on “$34 billion”"');
		expect(html).toContain('<strong>US$34.4 million</strong>');
		expect(html).toContain('<a href="https://tass.com/economy/1804561" rel="external noopener">TASS, 17 June 2024</a>');
		expect(html).toMatch(/<\/aside><\/div><\/div>\n<p>Next paragraph.<\/p>/);
	});

	it('should mark a note’s links to other sites noopener noreferrer, as a commentary’s, and leave its site links alone', async () => {
		const linked = { ...note, body: 'See [TASS](https://tass.com/x), <https://example.org/y> and [Article 4](/articles/4/).' };
		const html = await render('Trade exceeded $34 billion last year.', [linked]);
		expect(html).toContain('<a href="https://tass.com/x" rel="noopener noreferrer">TASS</a>');
		expect(html).toContain('<a href="https://example.org/y" rel="noopener noreferrer">https://example.org/y</a>');
		expect(html).toContain('<a href="/articles/4/">Article 4</a>');
	});

	it('should keep the authors’ words unchanged around the mark', async () => {
		const html = await render('Trade exceeded $34 billion last year.');
		expect(html.replace(/<aside[\s\S]*<\/aside>/, '').replace(/<[^>]+>/g, '')).toBe('Trade exceeded $34 billion last year.');
	});

	it('should wrap a paragraph once when it carries two notes, keeping every other block', async () => {
		const second = { ...note, id: 'year', quote: 'last year', file: 'content/notes/year.md' };
		const html = await render('First.\n\nTrade exceeded $34 billion last year.\n\nLast.', [note, second]);
		expect(html.match(/class="with-note"/g)).toHaveLength(1);
		expect(html.match(/Trade exceeded/g)).toHaveLength(1);
		expect(html.match(/<aside/g)).toHaveLength(2);
		// One group holds both, so they stack as one column in the margin.
		expect(html.match(/class="editor-notes"/g)).toHaveLength(1);
		expect(html).toContain('<p>First.</p>');
		expect(html).toContain('<p>Last.</p>');
	});

	it('should put a note on a list item inside the item', async () => {
		const html = await render('- Trade exceeded $34 billion last year.\n- Other item.');
		expect(html).toMatch(/<li>Trade exceeded <mark[^>]*>\$34 billion<\/mark> last year\.<aside class="editor-note"/);
	});

	it('should fail the build, naming the note file, when the quote is missing', async () => {
		await expect(render('Nothing to see here.')).rejects.toThrow(/content\/notes\/trade-figure\.md(:\d+)?: quote: “\$34 billion” is found 0 times in sample/);
	});

	it('should fail when the quote is found twice, and accept a prefix that disambiguates', async () => {
		const twice = 'It was $34 billion. Then $34 billion again.';
		await expect(render(twice)).rejects.toThrow(/found 2 times/);
		const html = await render(twice, [{ ...note, prefix: 'Then ' }]);
		expect(html).toContain('Then <mark class="noted"');
	});

	it('should report a quote found twice against its own note, whichever order the notes come in', async () => {
		// “billion” is in the text twice; the other note's mark covers one of them.
		const text = 'Trade exceeded $34 billion last year, and 12 billion before.';
		const wide = { ...note, id: 'a-wide', file: 'content/notes/a-wide.md', quote: '$34 billion last' };
		const word = { ...note, id: 'b-word', file: 'content/notes/b-word.md', quote: 'billion' };
		for (const notes of [[wide, word], [word, wide]]) {
			await expect(render(text, notes)).rejects.toThrow(/^content\/notes\/b-word\.md: quote: “billion” is found 2 times in sample/);
		}
	});

	it('should name both notes when their quotes overlap, whichever order they come in, never blaming one alone', async () => {
		const text = 'Trade exceeded $34 billion last year.';
		const first = { ...note, id: 'first', file: 'content/notes/first.md', quote: '$34 billion' };
		const second = { ...note, id: 'second', file: 'content/notes/second.md', quote: 'billion last' };
		const messages: string[] = [];
		for (const notes of [[first, second], [second, first]]) {
			const error: unknown = await render(text, notes).then(() => undefined, (caught: unknown) => caught);
			expect(error).toBeInstanceOf(Error);
			const message = (error as Error).message;
			expect(message).toMatch(/overlaps the quote of/);
			expect(message).not.toMatch(/found 0 times/);
			expect(message).toContain('content/notes/first.md');
			expect(message).toContain('content/notes/second.md');
			messages.push(message);
		}
	});

	it('should mark two notes in one text node, in either order', async () => {
		const first = { ...note, id: 'first', file: 'content/notes/first.md', quote: '$34 billion' };
		const second = { ...note, id: 'second', file: 'content/notes/second.md', quote: 'last year' };
		const one = await render('Trade exceeded $34 billion last year.', [first, second]);
		const other = await render('Trade exceeded $34 billion last year.', [second, first]);
		expect(one).toContain('<mark class="noted" id="noted-first" data-note="first" aria-details="note-first">$34 billion</mark> <mark class="noted" id="noted-second"');
		expect(other).toContain('<mark class="noted" id="noted-first" data-note="first" aria-details="note-first">$34 billion</mark> <mark class="noted" id="noted-second"');
	});

	it('should leave other commentaries alone', async () => {
		const html = await render('Trade exceeded $34 billion.', [{ ...note, commentary: 'other' }]);
		expect(html).not.toContain('<mark');
	});
});

describe('loadEditorNotes', () => {
	function site(files: Record<string, string>) {
		const root = mkdtempSync(join(tmpdir(), 'notes-'));
		mkdirSync(join(root, 'content', 'notes'), { recursive: true });
		for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', 'notes', name), text);
		return root;
	}
	const good = `---\ncommentary: sample\nquote: "$34 billion"\nkind: factual-error\nsources:\n  - label: TASS\n---\nThe figure is in millions.\n`;

	it('should load a valid note with its id and body', () => {
		const [loaded] = loadEditorNotes(site({ 'trade.md': good }), ['sample']);
		expect(loaded).toMatchObject({ id: 'trade', commentary: 'sample', quote: '$34 billion', body: 'The figure is in millions.\n' });
	});

	it('should name the file and the field of an invalid note', () => {
		const bad = good.replace('kind: factual-error', 'kind: typo');
		expect(() => loadEditorNotes(site({ 'trade.md': bad }), ['sample'])).toThrow(/content\/notes\/trade\.md:\d+: kind: /);
	});

	it('should reject a note on a commentary that does not exist', () => {
		expect(() => loadEditorNotes(site({ 'trade.md': good }), ['other'])).toThrow(
			/content\/notes\/trade\.md:\d+: commentary: no commentary “sample”/,
		);
	});

	it('should reject a note without text', () => {
		expect(() => loadEditorNotes(site({ 'trade.md': good.replace('The figure is in millions.\n', '') }), ['sample'])).toThrow(
			/has no text/,
		);
	});
});

describe('the Markdown of a note', () => {
	const root = mkdtempSync(join(tmpdir(), 'note-markdown-'));
	mkdirSync(join(root, 'content', 'notes'), { recursive: true });
	const sitePath = siteAddressCheck({ articleCount: 22, actorIds: ['russia'], commentarySlugs: ['sample'], claims: new Map([['c-0123456789', 'sample']]) });
	/** The problems of a note whose body is one valid line, a blank line and `markdown` (from line 10 of the file). */
	const problemsOf = (markdown: string) => {
		writeFileSync(join(root, 'content', 'notes', 'probe.md'), `---\ncommentary: sample\nquote: "$34 billion"\nkind: factual-error\nsources:\n  - label: TASS\n---\nThe figure is in millions.\n\n${markdown}\n`);
		return readEditorNotes(root, ['sample'], { sitePath }).problems;
	};

	it.each([
		['a level-1 heading', '# A second title', /a heading is not supported in an editor’s note/],
		['a heading', 'Details\n-------', /a heading is not supported in an editor’s note/],
		['a heading inside a blockquote', '> ### Quoted heading', /a heading is not supported/],
		['a code block', '```\ncode\n```', /code is not supported in an editor’s note/],
		['an indented code block', '    indented words', /code is not supported/],
		['inline code', 'Use `x` here.', /code is not supported/],
		['a site image', 'A map: ![map](/favicon.svg)', /an image is not supported in an editor’s note/],
		['an image reference', 'A map: ![map][m]\n\n[m]: /favicon.svg', /an image is not supported/],
		['a link with no text', 'See [](/articles/4/).', /a link with no visible text/],
		['a link to no actor', 'See [him](/actors/nobody/).', /link “\/actors\/nobody\/” goes nowhere: “\/actors\/nobody\/” is no page or file of the site/],
		['a link to no article', 'See [it](/articles/99/).', /goes nowhere/],
		['a link to a sentence never published', 'See [it](/commentaries/sample/#c-ffffffffff).', /no published sentence of sample/],
		['a relative link', 'See [it](../x).', /link “\.\.\/x” is relative/],
		['a fragment-only link', 'See [above](#missing-anchor).', /link “#missing-anchor” is relative/],
		['a footnote (read as a link to its text)', 'A claim.[^1]\n\n[^1]: Note.', /is relative/],
		['a reference link to nothing on the site', 'See [it][r].\n\n[r]: /nowhere/', /goes nowhere/],
	])('should refuse %s at its line', (_name, markdown, reason) => {
		const problems = problemsOf(markdown);
		expect(problems[0], problems.join('\n')).toMatch(/^content\/notes\/probe\.md:10: body: /);
		expect(problems.join('\n')).toMatch(reason);
	});

	it.each([
		['paragraphs, emphasis and lists', '*Russia* and **the DPRK**:\n\n- one\n- two\n\n1. three'],
		['links that resolve', 'See [Article 4](/articles/4/), [Russia](/actors/russia/), [the sentence](/commentaries/sample/#c-0123456789), [TASS](https://tass.com/) and [us](mailto:editors@example.org).'],
		['a blockquote, a hard break and a rule', '> Quoted words.\n\nA line  \nbroken.\n\n---\n\nAfter.'],
		['text that looks like GFM (notes are CommonMark)', '| a | b |\n| - | - |\n\n~~struck~~ and - [ ] box'],
	])('should accept %s', (_name, markdown) => {
		expect(problemsOf(markdown)).toEqual([]);
	});

	it('should check a note’s links against the site when the content is checked', () => {
		const copy = copyProject('treaty-note-links');
		try {
			writeFileSync(join(copy, 'content', 'notes', 'probe.md'), `---\ncommentary: lankov-nbr-interview\nquote: Andrei Lankov\nkind: factual-error\narticles: []\nsources:\n  - label: TASS\n---\nSee [him](/actors/nobody/).\n`);
			expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/notes\/probe\.md:9: body: link “\/actors\/nobody\/” goes nowhere/));
		} finally {
			removeCopy(copy);
		}
	});
});
