/**
 * rehype-quiet-mentions through unified: in each section only the first
 * mention of a target is a link; later ones keep their description and their
 * address (as `data-href`) but are no links; the claims still record every
 * mention. Also through the site's real pipeline, with a base.
 */
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { renderCommentary } from '../../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import rehypeQuietMentions from '../../src/markdown/plugins/rehype-quiet-mentions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Run the plugin (with `options`) over an HTML fragment. */
function quiet(html: string, options: Parameters<typeof rehypeQuietMentions>[0] = { include: () => true }, path?: string): string {
	const processor = unified().use(rehypeQuietMentions, options).use(rehypeStringify);
	const tree = processor.runSync(fromHtml(html, { fragment: true }), new VFile(path === undefined ? {} : { path }));
	return processor.stringify(tree as Root);
}

const russia = (text = 'Russia') => `<a href="/actors/russia/" data-mention="actor" data-ref="russia" aria-describedby="pv-actor-russia">${text}</a>`;
const article = (n: number) => `<a href="/articles/${n}/" data-mention="article" data-ref="${n}">Article ${n}</a>`;

describe('rehype-quiet-mentions', () => {
	it('should keep the first mention of each target in a section as a link and quiet the rest', async () => {
		const html = quiet(`<p>${russia()} and ${article(4)}; ${russia('Moscow')} and ${article(4)} and ${article(8)}.</p>`);
		expect(html.match(/\shref=/g)).toHaveLength(3);
		expect(html).toContain(
			'<a data-mention="actor" data-ref="russia" aria-describedby="pv-actor-russia" data-href="/actors/russia/" data-quiet>Moscow</a>',
		);
		expect(html).toContain('<a data-mention="article" data-ref="4" data-href="/articles/4/" data-quiet>Article 4</a>');
		expect(html).toContain('<a href="/articles/8/" data-mention="article" data-ref="8">Article 8</a>');
	});

	it('should start again after every heading below h1', async () => {
		const html = quiet(`<h1>${russia()}</h1><p>${russia()}</p><h2>Limits</h2><p>${russia()} ${russia()}</p><h3>${russia()}</h3>`);
		expect(html.match(/\shref=/g)).toHaveLength(3);
	});

	it('should leave other links and other files alone', async () => {
		const html = quiet('<p><a href="/about/">About</a> <a href="/about/">About</a></p>');
		expect(html.match(/\shref=/g)).toHaveLength(2);
		// By default only commentaries are changed.
		expect(quiet(`<p>${russia()} ${russia()}</p>`, null, '/x/content/notes/a.md').match(/\shref=/g)).toHaveLength(2);
	});

	it('should keep every mention in the claims and the base in the quiet address (real pipeline)', async () => {
		// A fixture, not a published commentary: without the ledger check.
		const processor = createCommentaryProcessor(loadPipelineInputs(ROOT, { ledger: false }), { base: '/reader' });
		const { html, claims } = await renderCommentary(
			'Russia met Russia. Russia left.\n\n## Limits\n\nRussia stayed.\n',
			'/x/content/commentaries/quiet.md',
			processor,
		);
		const recorded = claims.flatMap((claim) => claim.mentions.map((mention) => mention.ref));
		expect(recorded.length).toBeGreaterThanOrEqual(4);
		expect(new Set(recorded)).toEqual(new Set(['russia']));
		// One link per section; every other mention is quiet, with its full address.
		expect(html.match(/\shref="\/reader\/actors\/russia\/"/g)).toHaveLength(2);
		expect(html.match(/data-href="\/reader\/actors\/russia\/"/g)).toHaveLength(recorded.length - 2);
	});
});
