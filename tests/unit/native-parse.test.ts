/**
 * The pipeline's parser: Sätteri's native parser where it reads a text as
 * remark-parse (with remark-gfm and remark-directive) does, micromark
 * otherwise. Whichever parser reads a text, the tree is the same, node for
 * node with the same positions: for every Markdown file of the site and the
 * fixtures, for constructs the commentaries do not use yet, and for
 * generated Markdown. The texts of the site go the fast way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/loaders/frontmatter.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import remarkNativeParse, { nativeParseable } from '../../src/markdown/plugins/remark-native-parse.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const micromark = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const pipeline = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkNativeParse);

/** What Sätteri alone makes of a text (to show the fallback is needed). */
function satteriTree(markdown: string): Root {
	return markdownToMdast(markdown, { features: { gfm: true, directive: true, frontmatter: false } });
}

/** The body of a Markdown file as the pipeline is handed it (frontmatter cut off). */
function bodyOf(path: string): string {
	const text = readFileSync(path, 'utf8');
	return text.startsWith('---') ? splitFrontmatter(text, path).body : text;
}

/** Text pieces Markdown is generated from: prose, every mark of the syntax, and the characters the parsers treat differently. */
const piece = fc.constantFrom(
	'Article 4', 'the DPRK', 'Russia', ' on 19 June 2024', '. ', ' ', '  ', '\n', '\n\n', '*', '**', '_', '__b__', '~', '~~', '`', '[', ']', '(', ')', '(/a)',
	'[x](/y)', ':', '::', ':::', ':::bio\n', '\n:::\n', '\n\n:::framing\n', ':a', '::b', 'Note:this', '10:30', ' 3:1 ', ':\n', '{', '}', '#', '# ', '> ', '- ', '1. ',
	'|', '---', '<b>', '&amp;', '&', '\\', 'www.a.org', 'https://b.org/c', 'x@y.z', '“', '’', '—', '😀', '𝔸', '\t', '\r\n', '\u00a0', '[^1]', '!',
);

describe('remark-native-parse', () => {
	it('should read every Markdown file of the site and the fixtures as remark-parse does, the commentaries natively', () => {
		const files = execFileSync('git', ['ls-files', '-z', '--', '*.md'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
		const commentaries = files.filter((file) => /^content\/commentaries\/[^_/][^/]*\.md$/.test(file));
		expect(commentaries.length).toBeGreaterThan(0);
		for (const file of commentaries) expect(nativeParseable(bodyOf(join(ROOT, file))), file).toBe(true);
		for (const file of files) {
			const body = bodyOf(join(ROOT, file));
			expect(pipeline.parse(body), file).toStrictEqual(micromark.parse(body));
		}
	});

	it.each([
		['autolink literals', 'See www.example.com, https://example.org/x_(y)?z=1. and a@b.co; <https://x.y> <a@b.c>'],
		['a bare fence', 'Text\n:::\n- |'],
		['a fence that interrupts a paragraph', 'Text\n:::bio\nMore\n:::'],
		['a fence with words after the name', ':::the DPRK\n\ntext'],
		['an unclosed block', ':::bio\n'],
		['a single tilde', '`~(/a)~ text'],
		['a colon before a tab', 'At 10:30\t'],
		['emphasis beside an emoji', 'Signed. 😀_a_|x'],
		['a directive inside emphasis', '\\**10:30** and **::b\\[x](/y)**'],
		['line endings', 'Line\r\nbreak\r\n\r\nNext\rpara\n'],
		['a block inside a block', ':::bio\n:::framing\nInner.\n:::\n:::\n'],
		['a block inside a block after a blank line', ':::bio\n\n:::framing\nInner.\n:::\n\n:::\n'],
	])('should fall back to micromark for %s, where Sätteri reads otherwise', (_name, markdown) => {
		expect(nativeParseable(markdown)).toBe(false);
		expect(pipeline.parse(markdown)).toStrictEqual(micromark.parse(markdown));
	});

	it('should disagree with micromark on some of those shapes without the fallback (so the fallback is needed)', () => {
		const shapes = ['Text\n:::\n- |', ':::the DPRK\n\ntext', '`~(/a)~ text', 'Signed. 😀_a_|x', 'See www.example.com'];
		expect(shapes.filter((markdown) => JSON.stringify(satteriTree(markdown)) !== JSON.stringify(micromark.parse(markdown))).length).toBeGreaterThan(0);
	});

	it('should read a footnote definition followed by a blank continuation line as micromark does (found by the generated texts)', () => {
		for (const markdown of ['[^1]:\n ', '[^1]: Note.\n \nText', '[a]:\n /x\n\n[b]', 'Text [^1]\n\n[^1]:\n  \n']) {
			expect(pipeline.parse(markdown), JSON.stringify(markdown)).toStrictEqual(micromark.parse(markdown));
		}
		expect(JSON.stringify(satteriTree('[^1]:\n '))).not.toBe(JSON.stringify(micromark.parse('[^1]:\n ')));
	});

	it('should read generated Markdown as remark-parse does, and natively where it can', () => {
		let native = 0;
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
				const markdown = pieces.join('');
				if (nativeParseable(markdown)) native++;
				expect(pipeline.parse(markdown)).toStrictEqual(micromark.parse(markdown));
			}),
			{ numRuns: 1500 },
		);
		// The property says something about the fast path only if it is taken.
		expect(native).toBeGreaterThan(150);
	});

	it('should give the same HTML, claims and messages through the site pipeline with either parser', async () => {
		const inputs = loadPipelineInputs(ROOT, { ledger: false });
		const ours = createCommentaryProcessor(inputs);
		const withMicromark = createCommentaryProcessor(inputs);
		// The same pipeline with micromark: remark-parse's parser set again last.
		const micromarkAgain: Plugin<[], string, Root> = function micromarkAgain() {
			this.parser = (document) => micromark.parse(document);
		};
		withMicromark.use(micromarkAgain);
		const outcome = async (processor: typeof ours, markdown: string) => {
			const file = await processor.process({ value: markdown, path: '/x/content/commentaries/generated.md' }).catch((error: unknown) => String(error));
			return typeof file === 'string' ? file : { html: String(file.value), data: JSON.stringify(file.data), messages: file.messages.map((message) => [message.reason, message.place]) };
		};
		await fc.assert(
			fc.asyncProperty(fc.array(piece, { maxLength: 20 }), async (pieces) => {
				const markdown = `Russia signed the treaty in Pyongyang on 19 June 2024. ${pieces.join('')}`;
				expect(await outcome(ours, markdown)).toStrictEqual(await outcome(withMicromark, markdown));
			}),
			{ numRuns: 150 },
		);
	});
});
