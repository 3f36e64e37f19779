import type { Element, Root, Text } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { claimId } from '../../../src/claims/claim-id.ts';
import rehypeClaims, { type Options } from '../../../src/markdown/plugins/rehype-claims.ts';
import remarkCommentaryBlocks from '../../../src/markdown/plugins/remark-commentary-blocks.ts';

const PATH = '/site/content/commentaries/sample.md';

interface FakeMention {
	word: string;
	kind: string;
	ref: string;
	implicit?: boolean;
}

/** Stand-in for the annotation plugins: wraps the first occurrence of each word in a mention link. */
function rehypeFakeMentions(mentions: readonly FakeMention[]) {
	return function transform(tree: Root) {
		for (const options of mentions) wrap(tree, options);
	};
}

function wrap(tree: Root, options: FakeMention) {
	{
		visit(tree, 'text', (node: Text, index, parent) => {
			if (!parent || index === undefined) return;
			const at = node.value.indexOf(options.word);
			if (at < 0 || (parent.type === 'element' && parent.tagName === 'a')) return;
			const link: Element = {
				type: 'element',
				tagName: 'a',
				properties: { href: `/x/${options.ref}/`, dataMention: options.kind, dataRef: options.ref, ...(options.implicit ? { dataImplicit: true } : {}) },
				children: [{ type: 'text', value: options.word }],
			};
			parent.children.splice(
				index,
				1,
				{ type: 'text', value: node.value.slice(0, at) },
				link,
				{ type: 'text', value: node.value.slice(at + options.word.length) },
			);
			return index + 3;
		});
	};
}

async function render(markdown: string, options?: { claims?: Options; mentions?: FakeMention[]; path?: string | undefined }) {
	const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkCommentaryBlocks).use(remarkRehype);
	if (options?.mentions) processor.use(rehypeFakeMentions, options.mentions);
	processor.use(rehypeClaims, options?.claims).use(rehypeStringify);
	const file = new VFile({ value: markdown, ...(options?.path === undefined && options && 'path' in options ? {} : { path: options?.path ?? PATH }) });
	const result = await processor.process(file);
	return { html: String(result.value), file: result };
}

describe('rehype-claims', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/markdown/plugins/rehype-claims.ts')).sort()).toEqual(['default']);
	});

	it('should wrap sentences, keeping inline elements whole', async () => {
		const { html } = await render('Kim met [Mr. Putin](https://e.x/p) in *Pyongyang. Really*. Then **they** left.', { claims: { permalink: false } });
		const first = claimId('sample', 'Kim met Mr. Putin in Pyongyang. Really.');
		const second = claimId('sample', 'Then they left.');
		expect(html).toBe(
			`<p><span class="claim" data-claim id="${first}">Kim met <a href="https://e.x/p">Mr. Putin</a> in <em>Pyongyang. Really</em>.</span> ` +
				`<span class="claim" data-claim id="${second}">Then <strong>they</strong> left.</span></p>`,
		);
	});

	it('should render the permalink anchor without visible text', async () => {
		const { html } = await render('One sentence.');
		const id = claimId('sample', 'One sentence.');
		expect(html).toBe(
			`<p><span class="claim" data-claim id="${id}">One sentence.<a class="claim-link" href="#${id}" aria-label="Link to sentence 1 of para. 1" data-pagefind-ignore></a></span></p>`,
		);
	});

	it('should name every permalink by its own pinpoint, so no two read alike', async () => {
		const { html } = await render(['## A heading here.', '', 'One. Two.', '', '- Three.', '- Four. Five.'].join('\n'));
		const names = [...html.matchAll(/aria-label="([^"]+)"/g)].map((match) => match[1]);
		expect(names).toEqual([
			'Link to sentence 1 of heading 1',
			'Link to sentence 1 of para. 1',
			'Link to sentence 2 of para. 1',
			'Link to sentence 1 of para. 2',
			'Link to sentence 1 of para. 3',
			'Link to sentence 2 of para. 3',
		]);
	});

	it('should give no permalink to a bare section title or the byline of a bio, and keep the sentences', async () => {
		const markdown = ['## Limits', '', 'Text here.', '', '## Could they form a pact?', '', ':::bio', 'Jane Doe', '', 'Jane Doe is a fellow.', ':::'].join('\n');
		const { html, file } = await render(markdown, { claims: { permalink: false, linkLabel: 'x' } });
		expect(file.data.claims?.map((claim) => claim.text)).toEqual(['Text here.', 'Could they form a pact?', 'Jane Doe is a fellow.']);
		expect(html).toContain('<h2>Limits</h2>');
		expect(html).toContain('<p>Jane Doe</p>');
		// The title still names the section of the claims under it.
		expect(file.data.claims?.[0]?.section).toBe('Limits');
	});

	it('should handle headings, list items, nested lists and blocks, and skip the block label', async () => {
		const markdown = [
			'Intro here.',
			'',
			'## What changes? A lot',
			'',
			'- First item. Second sentence.',
			'- Parent item.',
			'  - Child item.',
			'',
			':::bio',
			'Rekha J is a Project Fellow.',
			':::',
		].join('\n');
		const { html, file } = await render(markdown, { claims: { permalink: false, linkLabel: 'x' } });
		const id = (text: string) => claimId('sample', text);
		expect(html).toBe(
			[
				`<p><span class="claim" data-claim id="${id('Intro here.')}">Intro here.</span></p>`,
				`<h2><span class="claim" data-claim id="${id('What changes?')}">What changes?</span> <span class="claim" data-claim id="${id('A lot')}">A lot</span></h2>`,
				'<ul>',
				`<li><span class="claim" data-claim id="${id('First item.')}">First item.</span> <span class="claim" data-claim id="${id('Second sentence.')}">Second sentence.</span></li>`,
				`<li><span class="claim" data-claim id="${id('Parent item.')}">Parent item.</span>`,
				'<ul>',
				`<li><span class="claim" data-claim id="${id('Child item.')}">Child item.</span></li>`,
				'</ul>',
				'</li>',
				'</ul>',
				`<aside class="block block-bio" data-block="bio" aria-label="About the author"><p class="block-label" aria-hidden="true">About the author</p><p><span class="claim" data-claim id="${id('Rekha J is a Project Fellow.')}">Rekha J is a Project Fellow.</span></p></aside>`,
			].join('\n'),
		);
		const claims = file.data.claims!;
		expect(claims.map((claim) => [claim.text, claim.block, claim.blockIndex, claim.index, claim.section, claim.container])).toEqual([
			['Intro here.', 'p', 0, 0, undefined, undefined],
			['What changes?', 'h2', 1, 1, undefined, undefined],
			['A lot', 'h2', 1, 2, undefined, undefined],
			['First item.', 'li', 2, 3, 'What changes? A lot', undefined],
			['Second sentence.', 'li', 2, 4, 'What changes? A lot', undefined],
			['Parent item.', 'li', 3, 5, 'What changes? A lot', undefined],
			['Child item.', 'li', 4, 6, 'What changes? A lot', undefined],
			['Rekha J is a Project Fellow.', 'p', 5, 7, 'What changes? A lot', 'bio'],
		]);
		expect(claims.some((claim) => claim.text.includes('About the author'))).toBe(false);
	});

	it('should record claims on file.data and in the Astro frontmatter', async () => {
		const { file } = await render('Putin came. Kim waited.');
		expect(file.data.claims).toHaveLength(2);
		const astro = file.data as unknown as { astro: { frontmatter: { claims: unknown } } };
		expect(astro.astro.frontmatter.claims).toBe(file.data.claims);
		expect(Object.keys(file.data.claims![0]!)).toEqual(['id', 'text', 'block', 'blockIndex', 'index', 'mentions']);
	});

	it('should keep existing Astro frontmatter', async () => {
		const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeClaims).use(rehypeStringify);
		const file = new VFile({ value: 'One.', path: PATH, data: { astro: { frontmatter: { title: 'T' } } } });
		await processor.process(file);
		const astro = file.data as unknown as { astro: { frontmatter: Record<string, unknown> } };
		expect(astro.astro.frontmatter['title']).toBe('T');
		expect(astro.astro.frontmatter['claims']).toHaveLength(1);
	});

	it('should collect mentions from annotation links', async () => {
		const { file, html } = await render('Mr. Putin met Kim in June. Nothing else.', {
			mentions: [
				{ word: 'Putin', kind: 'actor', ref: 'putin' },
				{ word: 'June', kind: 'date', ref: '2024-06-19', implicit: true },
			],
		});
		expect(html).toContain('<a href="/x/putin/" data-mention="actor" data-ref="putin">Putin</a>');
		expect(file.data.claims![0]!.mentions).toEqual([
			{ kind: 'actor', ref: 'putin', text: 'Putin', start: 4, end: 9 },
			{ kind: 'date', ref: '2024-06-19', text: 'June', implicit: true, start: 21, end: 25 },
		]);
		expect(file.data.claims![1]!.mentions).toEqual([]);
	});

	it('should give the same ids with and without annotation links', async () => {
		const markdown = 'Thus, one should not overestimate the significance of the new treaty. Russia will join forces with North Korea if Moscow decides.';
		const plain = await render(markdown);
		const annotated = await render(markdown, {
			mentions: [
				{ word: 'Russia', kind: 'actor', ref: 'russia' },
				{ word: 'the new treaty', kind: 'article', ref: 'treaty' },
			],
		});
		expect(annotated.html).not.toBe(plain.html);
		expect(annotated.file.data.claims!.map((claim) => [claim.id, claim.text])).toEqual(plain.file.data.claims!.map((claim) => [claim.id, claim.text]));
	});

	it('should keep a link that spans a sentence break inside one claim', async () => {
		const { file } = await render('He said [“No. Never.”](https://e.x) Then he left.', { claims: { permalink: false } });
		expect(file.data.claims!.map((claim) => claim.text)).toEqual(['He said “No. Never.”', 'Then he left.']);
	});

	it('should skip aria-hidden content, code and tables', async () => {
		const processor = unified()
			.use(remarkParse)
			.use(remarkGfm)
			.use(remarkRehype)
			.use(() => (tree: Root) => {
				tree.children.unshift({ type: 'element', tagName: 'p', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: 'Hidden.' }] });
			})
			.use(rehypeClaims, { permalink: false })
			.use(rehypeStringify);
		const file = await processor.process(new VFile({ value: 'Shown.\n\n```\nCode. More.\n```\n\n| a. b. |\n|---|\n| c. d. |', path: PATH }));
		expect(file.data.claims!.map((claim) => claim.text)).toEqual(['Shown.']);
	});

	it('should leave files outside commentaries alone', async () => {
		const { html, file } = await render('One. Two.', { path: '/site/content/notes/n.md' });
		expect(html).toBe('<p>One. Two.</p>');
		expect(file.data.claims).toBeUndefined();
	});

	it.each<[string, NonNullable<Options['include']>, boolean]>([
		['a predicate that accepts', (file) => file.stem === 'n', true],
		['a predicate that refuses', (file) => file.stem === 'other', false],
	])('should accept %s as include', async (_name, include, processed) => {
		const { file } = await render('One.', { path: '/site/content/notes/n.md', claims: { include } });
		expect(file.data.claims !== undefined).toBe(processed);
	});

	it('should process a file without a path under the slug “untitled”', async () => {
		const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeClaims).use(rehypeStringify);
		const file = await processor.process('One.');
		expect(file.data.claims![0]!.id).toBe(claimId('untitled', 'One.'));
	});

	it('should use the slug option', async () => {
		const { file } = await render('One.', { claims: { slug: () => 'custom' } });
		expect(file.data.claims![0]!.id).toBe(claimId('custom', 'One.'));
	});

	it('should not wrap twice when run twice', async () => {
		const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeClaims).use(rehypeClaims).use(rehypeStringify);
		const html = String(await processor.process(new VFile({ value: 'One.', path: PATH })));
		expect(html.match(/class="claim"/g)).toHaveLength(1);
	});

	it('should treat a hard line break as a space, not a sentence end', async () => {
		const { file } = await render('A line  \nbreak here. Next.', { claims: { permalink: false } });
		expect(file.data.claims!.map((claim) => claim.text)).toEqual(['A line break here.', 'Next.']);
	});
});
