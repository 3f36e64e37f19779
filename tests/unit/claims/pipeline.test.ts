import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { claimsOfDirectory, renderCommentary } from '../../../src/claims/pipeline.ts';
import rehypeClaims from '../../../src/plugins/rehype-claims.ts';
import remarkArticleMentions from '../../../src/plugins/remark-article-mentions.ts';
import remarkCommentaryBlocks from '../../../src/plugins/remark-commentary-blocks.ts';
import remarkDateMentions from '../../../src/plugins/remark-date-mentions.ts';

const DIR = fileURLToPath(new URL('../../../content/commentaries/', import.meta.url));

describe('pipeline', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/claims/pipeline.ts')).sort()).toEqual(['claimsOfDirectory', 'renderCommentary']);
	});

	it('should ignore frontmatter and name the slug after the file', async () => {
		const { slug, claims, html } = await renderCommentary('---\ntitle: "A. B."\n---\n\nOne. Two.\n', '/x/content/commentaries/My-Piece.md');
		expect(slug).toBe('my-piece');
		expect(claims.map((claim) => claim.text)).toEqual(['One.', 'Two.']);
		expect(html).not.toContain('title');
	});

	it('should report a rejected directive with file, line and column', async () => {
		await expect(renderCommentary('---\na: 1\n---\n\nText.\n\n:::nope\nx\n:::\n', '/x/c.md')).rejects.toThrow(/^\/x\/c\.md:7:1: Unknown block “:::nope”/);
	});

	it('should give the same claims as Astro’s Markdown processor configured like astro.config.mjs', async () => {
		const astro = await createMarkdownProcessor({
			syntaxHighlight: false,
			smartypants: false,
			gfm: true,
			remarkRehype: { allowDangerousHtml: false },
			remarkPlugins: [remarkDirective, remarkCommentaryBlocks],
			rehypePlugins: [[rehypeClaims, {}]],
		});
		const names = readdirSync(DIR).filter((name) => name.endsWith('.md') && !name.startsWith('_'));
		expect(names.length).toBeGreaterThan(0);
		const ours = await claimsOfDirectory(DIR);
		for (const name of names) {
			const source = readFileSync(`${DIR}${name}`, 'utf8');
			const { content, frontmatter } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
			const rendered = await astro.render(content, { fileURL: pathToFileURL(`${DIR}${name}`), frontmatter });
			const slug = name.replace(/\.md$/, '').toLowerCase();
			expect(rendered.metadata.frontmatter['claims'], name).toEqual(ours.get(slug));
			// The permalink anchor has no text, so heading ids and the table of contents are unaffected.
			for (const heading of rendered.metadata.headings) expect(heading.text).not.toMatch(/link to this sentence/i);
		}
	});

	it('should give the same ids with the real annotation plugins as without them', async () => {
		const names = readdirSync(DIR).filter((name) => name.endsWith('.md') && !name.startsWith('_'));
		let mentions = 0;
		for (const name of names) {
			const source = readFileSync(`${DIR}${name}`, 'utf8');
			const plain = await renderCommentary(source, `${DIR}${name}`);
			const annotated = await renderCommentary(source, `${DIR}${name}`, {
				remarkPlugins: [[remarkArticleMentions, {}], [remarkDateMentions, { referenceDate: '2024-06-21' }]],
			});
			mentions += annotated.claims.reduce((sum, claim) => sum + claim.mentions.length, 0);
			expect(annotated.claims.map((claim) => [claim.id, claim.text]), name).toEqual(plain.claims.map((claim) => [claim.id, claim.text]));
		}
		expect(mentions).toBeGreaterThan(0); // The plugins did annotate something.
	});
});
