/**
 * The one Markdown pipeline (src/markdown/pipeline.ts): the
 * standalone processor the ledger command uses and Astro's processor built
 * from the same plugin list give the same claims; the scope rule; the base.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { claimsOfDirectory, renderCommentary } from '../../../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs, markdownPlugins, processorSettings } from '../../../src/markdown/pipeline.ts';
import { commentarySlug, isCommentary } from '../../../src/markdown/scope.ts';
import { commentaryClaimsSchema } from '../../../src/schemas/corpus.ts';
import { listPublished } from '../../../src/loaders/published.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = `${ROOT}content/commentaries/`;
// Without the ledger: these fixtures are not published (the ledger's rules are tested in claim-redirects.test.ts).
const inputs = loadPipelineInputs(ROOT, { ledger: false });
const processor = createCommentaryProcessor(inputs);

describe('the Markdown pipeline', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/markdown/render.ts')).sort()).toEqual(['claimsOfDirectory', 'renderCommentary']);
	});

	it('should ignore frontmatter and name the slug after the file', async () => {
		const { slug, claims, html } = await renderCommentary('---\ntitle: "A. B."\n---\n\nOne. Two.\n', '/x/content/commentaries/My-Piece.md', processor);
		expect(slug).toBe('my-piece');
		expect(claims.map((claim) => claim.text)).toEqual(['One.', 'Two.']);
		expect(html).not.toContain('title');
	});

	it('should report a rejected directive with file, line and column', async () => {
		await expect(renderCommentary('---\na: 1\n---\n\nText.\n\n:::nope\nx\n:::\n', '/x/c.md', processor)).rejects.toThrow(/^\/x\/c\.md:7:1: Unknown block “:::nope”/);
	});

	it('should give the same claims through Astro’s processor built from the same plugin list', async () => {
		const astro = await createMarkdownProcessor({ syntaxHighlight: false, ...processorSettings, ...markdownPlugins(inputs) });
		const names = listPublished(DIR, '.md');
		expect(names.length).toBeGreaterThan(0);
		const ours = await claimsOfDirectory(DIR, processor);
		for (const name of names) {
			const source = readFileSync(`${DIR}${name}`, 'utf8');
			const { content, frontmatter } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
			const rendered = await astro.render(content, { fileURL: pathToFileURL(`${DIR}${name}`), frontmatter });
			const slug = name.replace(/\.md$/, '').toLowerCase();
			expect(rendered.metadata.frontmatter['claims'], name).toEqual(ours.get(slug));
			// The permalink anchor has no text, so heading ids and the table of contents are unaffected.
			for (const heading of rendered.metadata.headings) expect(heading.text).not.toMatch(/link to this sentence/i);
		}
	}, 30_000);

	it('should record claims and mentions that fit the corpus schema, offsets included', async () => {
		const claims = await claimsOfDirectory(DIR, processor);
		let mentions = 0;
		for (const [slug, list] of claims) {
			const result = commentaryClaimsSchema.safeParse(list);
			expect(result.success, `${slug}: ${result.error?.message}`).toBe(true);
			mentions += list.reduce((sum, claim) => sum + claim.mentions.length, 0);
		}
		expect(mentions).toBeGreaterThan(100);
	});

	it('should record offsets that survive line breaks and nested marks', async () => {
		const { claims } = await renderCommentary(
			'---\npublished:\n  date: 2024-06-21\n---\n\nThe  talks in\n**Moscow** between Russia and *North Korea* ended.\n',
			'/x/content/commentaries/offsets.md',
			processor,
		);
		const [claim] = claims;
		expect(claim?.text).toBe('The talks in Moscow between Russia and North Korea ended.');
		for (const mention of claim?.mentions ?? []) expect(claim!.text.slice(mention.start, mention.end)).toBe(mention.text);
		expect(claim?.mentions.map((mention) => mention.ref)).toEqual(expect.arrayContaining(['russia', 'north-korea']));
	});

	it('should leave no mention link in text that is not a claim, so the page and the data agree', async () => {
		const { html, claims } = await renderCommentary(
			'## Russia and China\n\nRussia met China.\n\n:::bio\nVladimir Putin\n\nHe writes on Russia.\n:::\n',
			'/x/content/commentaries/labels.md',
			processor,
		);
		const recorded = claims.flatMap((claim) => claim.mentions).length;
		expect(recorded).toBe(3);
		expect(html.match(/data-mention=/g)).toHaveLength(recorded);
		expect(html).toContain('<h2 id="h-russia-and-china">Russia and China</h2>');
	});

	it('should prefix every root-relative link with the base, and only those', async () => {
		const withBase = createCommentaryProcessor(inputs, { base: '/reader' });
		const { html } = await renderCommentary('Russia met [them](https://e.x/). See [x](/about/).\n', '/x/content/commentaries/base.md', withBase);
		expect(html).toContain('href="/reader/actors/russia/"');
		expect(html).toContain('href="/reader/about/"');
		expect(html).toContain('href="https://e.x/"');
		expect(html).not.toMatch(/href="\/(?!reader\/)/);
	});

	it.each([
		['/site/content/commentaries/a.md', true],
		['C:\\site\\content\\commentaries\\a.md', true],
		['content/commentaries/a.md', true],
		['/site/content/commentaries/_draft.md', false],
		['/site/content/commentaries/sub/a.md', false],
		['/site/content/notes/a.md', false],
		['/site/content/commentaries/a.yaml', false],
	])('should decide that %s is a commentary: %s', (path, expected) => {
		expect(isCommentary(new VFile({ path }))).toBe(expected);
		expect(isCommentary(path)).toBe(expected);
	});

	it('should name the slug after the file, lowercased', () => {
		expect(commentarySlug(new VFile({ path: '/x/content/commentaries/Roy-2023.md' }))).toBe('roy-2023');
		expect(commentarySlug(new VFile())).toBe('untitled');
	});
});
