/**
 * The plugins and helpers that keep bad input out of the site, through real
 * unified pipelines: directives that are really prose, unsafe URLs and raw
 * HTML, heading ids and UTF-8 reading.
 */
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { refusedUrl } from '../../src/utils/content-urls.ts';
import { decodeContent, firstInvalidByte } from '../../src/loaders/read-text.ts';
import { describeRenderError } from '../../src/loaders/strict-glob.ts';
import rehypeHeadingIds from '../../src/markdown/plugins/rehype-heading-ids.ts';
import remarkCommentaryBlocks from '../../src/markdown/plugins/remark-commentary-blocks.ts';
import remarkContentSafety from '../../src/markdown/plugins/remark-content-safety.ts';

async function render(markdown: string): Promise<string> {
	const file = await unified()
		.use(remarkParse)
		.use(remarkDirective)
		.use(remarkCommentaryBlocks)
		.use(remarkContentSafety)
		.use(remarkRehype)
		.use(rehypeHeadingIds)
		.use(rehypeStringify)
		.process(markdown);
	return String(file);
}

describe('remark-commentary-blocks', () => {
	it.each([
		['At 10:thirty the talks began.', 'At 10:thirty the talks began.'],
		['Note:this is prose.', 'Note:this is prose.'],
		['A :label[with text]{#x .y} stays.', 'A :label[with text]{#x .y} stays.'],
	])('should keep the text directive in %j as typed', async (markdown, text) => {
		expect(await render(markdown)).toBe(`<p>${text}</p>`);
	});

	it('should keep a leaf directive line as a paragraph of its characters', async () => {
		expect(await render('::leaf-like\n')).toBe('<p>::leaf-like</p>');
	});

	it('should still reject an unknown container', async () => {
		await expect(render(':::nope\nx\n:::\n')).rejects.toThrow(/Unknown block “:::nope”/);
	});
});

describe('remark-content-safety', () => {
	it('should report every unsafe URL and raw HTML of a file at once, each at its line', async () => {
		const error = await render('[a](javascript:alert(1))\n\n![b](data:image/png;base64,AA)\n\n<script>x</script>\n\n[c]: vbscript:y\n').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AggregateError);
		const problems = (error as AggregateError).errors as { line: number; reason: string }[];
		expect(problems.map((problem) => [problem.line, problem.reason.split(' (')[0]])).toEqual([
			[1, 'link URL “javascript:alert(1)” uses javascript:'],
			[3, 'image “data:image/png;base64,AA” is loaded from another origin'],
			[5, 'raw HTML is not allowed'],
			[7, 'link URL “vbscript:y” uses vbscript:'],
		]);
	});

	it('should mark links out noopener noreferrer and leave site links alone', async () => {
		expect(await render('[out](https://example.org/) [in](/articles/4/) [mail](mailto:a@b.c)')).toBe(
			'<p><a href="https://example.org/" rel="noopener noreferrer">out</a> <a href="/articles/4/">in</a> <a href="mailto:a@b.c">mail</a></p>',
		);
	});

	it.each([
		['java\tscript:alert(1)', 'link', true],
		[' JAVASCRIPT:alert(1)', 'link', true],
		['//evil.example/x', 'link', false],
		['//evil.example/x.png', 'image', true],
		['/images/x.png', 'image', false],
		['#c-0123456789', 'link', false],
		['https://example.org/x.png', 'image', true],
		// A scheme with no “//”: resolved against the page, it would point somewhere else on every host.
		['http:&\\', 'link', true],
		['https:example.org', 'link', true],
		['http:/articles/4/', 'link', true],
		['HTTPS://example.org/', 'link', false],
	] as const)('should judge %j as a %s (refused: %s)', (url, use, refused) => {
		expect(refusedUrl(url, use) !== undefined).toBe(refused);
	});
});

describe('rehype-heading-ids', () => {
	it('should give headings ids in their own namespace', async () => {
		expect(await render('## Config\n\n## Claim panel\n\n## Config\n')).toBe(
			'<h2 id="h-config">Config</h2>\n<h2 id="h-claim-panel">Claim panel</h2>\n<h2 id="h-config-1">Config</h2>',
		);
	});

	it('should give headings without letters or digits (emoji only) ids of their own, never one twice, and let links name them', async () => {
		expect(await render('## 🇷🇺\n\n## 🇰🇵\n\n## Section\n\nSee [the second](#h-section-1).\n')).toBe(
			'<h2 id="h-section">🇷🇺</h2>\n<h2 id="h-section-1">🇰🇵</h2>\n<h2 id="h-section-2">Section</h2>\n<p>See <a href="#h-section-1">the second</a>.</p>',
		);
		await expect(render('## 🇷🇺\n\nSee [nothing](#h-section-1).\n')).rejects.toThrow(/“#h-section-1” is no heading of this text/);
	});
});

describe('describeRenderError', () => {
	it('should name the file relative to the root, the line in the file and the field', () => {
		const error = Object.assign(new Error('x'), { reason: 'bad thing', line: 3 });
		expect(describeRenderError(error, { id: 'x', filePath: '/r/content/commentaries/x.md', body: '' }, '/r')).toEqual(['content/commentaries/x.md:3: body: bad thing']);
	});
});

describe('decodeContent', () => {
	it('should drop a byte-order mark', () => {
		expect(decodeContent(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a.md')).toBe('a');
	});

	it('should name the file, line and byte offset of the first invalid byte', () => {
		const bytes = new Uint8Array([0x61, 0x0a, 0xc3, 0xa9, 0x62, 0xc3, 0x28]);
		expect(firstInvalidByte(bytes)).toBe(5);
		expect(() => decodeContent(bytes, 'content/x.md')).toThrow(/^content\/x\.md:2: encoding: not valid UTF-8 at byte offset 5 \(bytes c3 28\)/);
	});

	it('should find a truncated sequence at the end', () => {
		expect(firstInvalidByte(new Uint8Array([0x61, 0xe2, 0x80]))).toBe(1);
	});
});
