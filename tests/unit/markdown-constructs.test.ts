/**
 * The Markdown a commentary may hold (docs/content.md, “What the body may
 * hold”), through the site's real pipeline: every construct remark-gfm and
 * remark-directive can produce is either carried through (claims with ids,
 * mentions recorded, HTML with no `style`) or refused at its line.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { createCommentaryProcessor, loadPipelineInputs, markdownPlugins, processorSettings } from '../../src/markdown/pipeline.ts';
import remarkNativeParse from '../../src/markdown/plugins/remark-native-parse.ts';
import { renderCommentary, type CommentaryProcessor } from '../../src/markdown/render.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const processor = createCommentaryProcessor(loadPipelineInputs(ROOT));
// A new text's sentences are in no ledger yet: the build would refuse them until `npm run ledger` records them.
const unrecordedProcessor = createCommentaryProcessor(loadPipelineInputs(ROOT, { ledger: false }));
const PATH = '/x/content/commentaries/constructs.md';

/** The same pipeline with micromark reading every text (no native parse), to compare the two parse paths. */
function micromarkProcessor(): CommentaryProcessor {
	const { remarkPlugins, rehypePlugins } = markdownPlugins(loadPipelineInputs(ROOT));
	return unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkPlugins.filter((plugin) => plugin !== remarkNativeParse) as never)
		.use(remarkRehype, processorSettings.remarkRehype)
		.use(rehypePlugins as never)
		.use(rehypeStringify) as never;
}
const micromarkOnly = micromarkProcessor();

/** Render a body through a processor (the one with the ledger unless told); the error's message when it is refused. */
async function outcome(markdown: string, through = processor): Promise<{ html: string; claims: Awaited<ReturnType<typeof renderCommentary>>['claims'] } | string> {
	try {
		const { html, claims } = await renderCommentary(markdown, PATH, through);
		return { html, claims };
	} catch (error) {
		return (error as Error).message;
	}
}

const OPENING = 'Russia and North Korea signed the treaty in Pyongyang.\n\n';

describe('constructs the site does not support are refused at their line', () => {
	it.each([
		['a table', `${OPENING}| Party | Clause |\n| --- | --- |\n| Russia | Article 4 applies. |\n`, 3, /a table is not supported/],
		['a fenced code block', `${OPENING}\`\`\`js\nalert(1)\n\`\`\`\n`, 3, /a code block is not supported/],
		['an indented code block', `${OPENING}    indented words\n`, 3, /a code block is not supported/],
		['inline code', `${OPENING}Some \`code\` here.\n`, 3, /inline code is not supported/],
		['a site image', `${OPENING}![A map](/favicon.svg)\n`, 3, /an image is not supported/],
		['an image reference', `${OPENING}![A map][m]\n\n[m]: /favicon.svg\n`, 3, /an image is not supported/],
		['a footnote', `${OPENING}A claim.[^1]\n\n[^1]: The note.\n`, 3, /a footnote is not supported/],
		['a level-1 heading', `${OPENING}# A second title\n`, 3, /a level-1 heading/],
		['a setext level-1 heading', `${OPENING}A second title\n===\n`, 3, /a level-1 heading/],
		['strikethrough', `${OPENING}Words ~~struck~~ out.\n`, 3, /strikethrough/],
		['a task-list box', `${OPENING}- [x] Done.\n`, 3, /task-list box/],
		['attributes on a block', `${OPENING}:::bio{.wide}\nThe author writes.\n:::\n`, 3, /block “:::bio” takes no attributes, but has \{class\}/],
		['an internal link to no page', `${OPENING}See [this](/articles/99/).\n`, 3, /link “\/articles\/99\/” goes nowhere: “\/articles\/99\/” is no page or file of the site/],
		['an internal link to no actor', `${OPENING}See [this](/actors/nobody/).\n`, 3, /goes nowhere/],
		['a relative link to nothing', `${OPENING}See [this](missing/).\n`, 3, /goes nowhere: “\/commentaries\/constructs\/missing\/” is no page/],
		['a fragment that is no heading', `${OPENING}## Limits\n\nSee [above](#h-nowhere).\n`, 5, /“#h-nowhere” is no heading of this text/],
		['a link to a sentence that was never published', `${OPENING}See [this](/commentaries/lankov-nbr-interview/#c-0000000000).\n`, 3, /no published sentence of lankov-nbr-interview/],
		['a link to a fragment of a commentary that is no sentence id', `${OPENING}See [this](/commentaries/lankov-nbr-interview/#c-missing).\n`, 3, /“#c-missing” is no published sentence of lankov-nbr-interview/],
		['a link to a fragment of another page', `${OPENING}See [this](/articles/4/#nowhere).\n`, 3, /goes nowhere: “#nowhere” names no place on “\/articles\/4\/”/],
		['a link with no text', `${OPENING}See [](/articles/4/).\n`, 3, /a link with no visible text/],
		['a link of invisible characters', `${OPENING}See [ \u200b ](https://example.org/).\n`, 3, /a link with no visible text/],
		['a reference link with no text', `${OPENING}See [][r] and [r][].\n\n[r]: https://example.org/\n`, 3, /a link with no visible text/],
		['an empty heading', `${OPENING}##\n\nText.\n`, 3, /a heading with no visible text/],
		['a heading of invisible characters', `${OPENING}### \u200b\u00ad #\n`, 3, /a heading with no visible text/],
		['a label on a block', `${OPENING}:::bio[About her]\nThe author writes.\n:::\n`, 3, /block “:::bio” takes no label, but has “\[About her\]”/],
		['a block inside a block', `${OPENING}:::bio\n\n:::framing\nInner words.\n:::\n\n:::\n`, 5, /block “:::framing” stands inside another construct \(a :::bio block\)/],
		['a block inside a list', `${OPENING}- :::bio\n  The author writes.\n  :::\n`, 3, /block “:::bio” stands inside another construct \(a list item\)/],
		['a closing fence that closes no block', `${OPENING}Text.\n\n:::\n`, 5, /a fence “:::” that opens or closes no block/],
		['a second closing fence', `${OPENING}:::bio\nThe author writes.\n:::\n:::\n`, 6, /a fence “:::” that opens or closes no block/],
		['a fence with a space before its name', `${OPENING}::: bio\nThe author writes.\n:::\n`, 3, /a fence “::: bio” that opens or closes no block/],
		['a block never closed', `${OPENING}:::bio\nThe author writes.\n\nThe commentary goes on.\n`, 3, /block “:::bio” is never closed/],
		['a reference link to no definition', `${OPENING}See [the text][nothing] here.\n`, 3, /a reference “\[the text\]\[nothing\]” names no definition/],
		['a collapsed reference to no definition', `${OPENING}See [the text][] here.\n`, 3, /a reference “\[the text\]\[\]” names no definition/],
		['an image reference to no definition', `${OPENING}An ![a map][none] here.\n`, 3, /a reference “!\[a map\]\[none\]” names no definition/],
		['a footnote reference to no footnote', `${OPENING}A claim.[^nope] here.\n`, 3, /a footnote reference “\[\^nope\]” with no footnote/],
		['a block inside a blockquote', `${OPENING}> :::dateline\n> 21 June 2024\n> :::\n`, 3, /block “:::dateline” stands inside another construct \(a blockquote\)/],
	])('should refuse %s, at the same line whichever parser reads it', async (_name, markdown, line, reason) => {
		const result = await outcome(markdown);
		expect(typeof result, JSON.stringify(result).slice(0, 300)).toBe('string');
		expect(result).toMatch(new RegExp(`^${PATH.replaceAll('/', '\\/').replaceAll('.', '\\.')}:${line}:\\d+: `));
		expect(result).toMatch(reason);
		expect(await outcome(markdown, micromarkOnly)).toEqual(result);
	});

	it.each([
		['an empty address', 'See [this]().'],
		['an empty address in angle brackets', 'See [this](<>).'],
		['an empty fragment', 'See [this](#).'],
	])('should refuse a link with %s, which names its own page and no place in it', async (_name, line) => {
		const own = '/x/content/commentaries/lankov-nbr-interview.md';
		const result = await renderCommentary(`${OPENING}${line}\n`, own, processor).then(() => 'published', (error: Error) => error.message);
		expect(result).toMatch(/:3:5: link “#?” goes nowhere: it names this page itself and no place in it/);
	});

	it('should refuse a link to a fragment of its own page that is no published sentence', async () => {
		const own = '/x/content/commentaries/lankov-nbr-interview.md';
		const result = await renderCommentary(`${OPENING}See [this](#c-missing).\n`, own, processor).then(() => 'published', (error: Error) => error.message);
		expect(result).toMatch(new RegExp(`^${own.replaceAll('/', '\\/').replaceAll('.', '\\.')}:3:5: link “#c-missing” goes nowhere: “#c-missing” is no published sentence of lankov-nbr-interview`));
	});

	it('should report every refused construct of a file at once', async () => {
		const result = await outcome(`${OPENING}# Title\n\n| a |\n| - |\n| b |\n\n![x](/favicon.svg)\n`);
		expect(result).toMatch(/a level-1 heading/);
		expect(result).toMatch(/a table is not supported/);
		expect(result).toMatch(/an image is not supported/);
	});
});

describe('constructs the site supports are carried through', () => {
	it('should give sentences in lists, blockquotes, headings, emphasis and blocks claim ids and record their mentions', async () => {
		const markdown = [
			'Russia and North Korea signed the treaty.',
			'',
			'## Does Article 4 bind Russia?',
			'',
			'- The *first* item names Article 4.',
			'- The **second** names China.',
			'',
			'> A quoted sentence names Article 3.',
			'',
			'1. An ordered item names Article 8.',
			'',
			'---',
			'',
			':::bio',
			'The author wrote about Russia and North Korea for many years before this piece.',
			':::',
			'',
			'A line  ',
			'broken by hand names Article 2. See [Article 4](/articles/4/), [Russia](/actors/russia/), [the text](#h-does-article-4-bind-russia) and [a source](https://example.org/).',
			'',
		].join('\n');
		const result = await outcome(markdown, unrecordedProcessor);
		if (typeof result === 'string') throw new Error(result);
		const texts = result.claims.map((claim) => claim.text);
		for (const start of ['Does Article 4 bind Russia?', 'The first item names Article 4.', 'The second names China.', 'A quoted sentence names Article 3.', 'An ordered item names Article 8.', 'The author wrote about Russia']) {
			expect(texts.some((text) => text.startsWith(start)), `${start} among ${JSON.stringify(texts)}`).toBe(true);
		}
		const articleRefs = result.claims.flatMap((claim) => claim.mentions.filter((mention) => mention.kind === 'article').map((mention) => mention.ref));
		expect(new Set(articleRefs)).toEqual(new Set(['2', '3', '4', '8']));
		expect(result.html).not.toMatch(/\sstyle=/);
		expect(result.html).toContain('href="https://example.org/" rel="noopener noreferrer"');
	});
});

describe('blocks closed as written are accepted', () => {
	it.each([
		['after a byte-order mark', '\uFEFFRussia and North Korea signed the treaty.\n\n:::bio\nThe author wrote about Russia for many years before this piece.\n:::\n'],
		['with a longer closing fence and spaces after it', 'Russia and North Korea signed the treaty.\n\n:::bio\nThe author wrote about Russia for many years before this piece.\n::::  \n'],
		['at the very end, with no line break', 'Russia and North Korea signed the treaty.\n\n:::framing\nThe editors framed the piece about Russia and the treaty.\n:::'],
	])('should accept a block %s', async (_name, markdown) => {
		const result = await outcome(markdown, unrecordedProcessor);
		expect(typeof result === 'string' ? result : 'published').toBe('published');
	});
});

describe('every construct the parser can produce is declared', () => {
	/** Markdown with every construct of CommonMark, GFM and directives. */
	const KITCHEN_SINK = [
		'# One', '', 'Two', '---', '', 'Three', '===', '', '## Three', '', 'Text *em* **strong** ~~del~~ `code` [link](/about/) [ref][r] ![img](/favicon.svg) ![imgref][r]  ', 'break www.example.org a@b.org.[^f]',
		'', '[r]: /about/', '', '[^f]: Note.', '', '> Quote', '', '- item', '- [ ] task', '', '1. one', '', '***', '', '```', 'code', '```', '', '    indented', '',
		'<b>html</b>', '', '| a | b |', '| - | - |', '| c | d |', '', ':::bio', 'Bio.', ':::', '', '::leaf', '', 'A :text directive.', '',
	].join('\n');

	it('should meet every mdast node type of remark-parse, remark-gfm and remark-directive in the sample', async () => {
		const { unified } = await import('unified');
		const { default: remarkParse } = await import('remark-parse');
		const { default: remarkGfm } = await import('remark-gfm');
		const { default: remarkDirective } = await import('remark-directive');
		const { visit } = await import('unist-util-visit');
		const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).runSync(unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(KITCHEN_SINK));
		const types = new Set<string>();
		visit(tree, (node) => void types.add(node.type));
		expect([...types].sort()).toEqual([
			'blockquote', 'break', 'code', 'containerDirective', 'definition', 'delete', 'emphasis', 'footnoteDefinition', 'footnoteReference', 'heading', 'html',
			'image', 'imageReference', 'inlineCode', 'leafDirective', 'link', 'linkReference', 'list', 'listItem', 'paragraph', 'root', 'strong', 'table',
			'tableCell', 'tableRow', 'text', 'textDirective', 'thematicBreak',
		]);
		const { SUPPORTED_NODE_TYPES, REFUSED_NODE_TYPES } = await import('../../src/markdown/plugins/remark-content-safety.ts');
		// Each type is supported, refused with its reason, refused as unsafe (html), inside a refused one (table rows and cells), or put back as text.
		const handled = new Set([...SUPPORTED_NODE_TYPES, ...Object.keys(REFUSED_NODE_TYPES), 'html', 'tableRow', 'tableCell', 'textDirective', 'leafDirective']);
		expect([...types].filter((type) => !handled.has(type))).toEqual([]);
	});

	it('should refuse every construct of the sample the site does not support, and only those, through the real pipeline', async () => {
		const result = await outcome(`${OPENING}${KITCHEN_SINK}`);
		expect(typeof result).toBe('string');
		const reasons = String(result).split('\n').map((line) => line.replace(/^.*?:\d+:\d+: /, ''));
		for (const pattern of [/level-1 heading/, /level-1 heading/, /strikethrough/, /inline code/, /an image/, /an image/, /a footnote/, /a footnote/, /task-list box/, /a code block/, /a code block/, /raw HTML/, /raw HTML/, /a table/]) {
			const at = reasons.findIndex((reason) => pattern.test(reason));
			expect(at, `${pattern} among\n${reasons.join('\n')}`).toBeGreaterThanOrEqual(0);
			reasons.splice(at, 1);
		}
		expect(reasons).toEqual([]);
	});
});
