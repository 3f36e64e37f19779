import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkActorMentions from '../../../src/markdown/plugins/remark-actor-mentions';
import remarkArticleMentions from '../../../src/markdown/plugins/remark-article-mentions';
import remarkDateMentions from '../../../src/markdown/plugins/remark-date-mentions';
import { render } from './render';

const actors = [
	{ id: 'russia', forms: ['Russia', { text: 'Russian', type: 'adjective' as const }], notForms: ['Russia Day'] },
	{ id: 'kim-jong-un', forms: ['Kim Jong Un', { text: 'Kim', type: 'short' as const }] },
	{ id: 'jake-sullivan', forms: [{ text: 'Jack Sullivan', type: 'misspelling' as const, correct: 'Jake Sullivan' }] },
	{ id: 'odd', forms: ['A<B'] },
];
const articles = [{ number: 4, implicitPhrases: [{ phrase: 'mutual defence pact' }] }];

describe('remark mention plugins', () => {
	it('should expose the public api of each plugin', async () => {
		for (const name of ['remark-article-mentions', 'remark-actor-mentions', 'remark-date-mentions']) {
			expect(Object.keys(await import(`../../../src/markdown/plugins/${name}.ts`)).sort()).toEqual(['default']);
		}
	});

	it('should emit links with the contract’s attributes', async () => {
		const { html } = await render('Article 4, a mutual defence pact, Russia’s Jack Sullivan, on June 19.', { actors, articles, referenceDate: '2024-06-21' });
		expect(html).toBe(
			'<p><a href="/articles/4/" class="mention mention-article" data-mention="article" data-ref="4">Article 4</a>, a ' +
				'<a href="/articles/4/" class="mention mention-article mention-implicit" data-mention="article" data-ref="4" data-implicit="">mutual defence pact</a>, ' +
				'<a href="/actors/russia/" class="mention mention-actor" data-mention="actor" data-ref="russia" data-form="name">Russia’s</a> ' +
				'<a href="/actors/jake-sullivan/" class="mention mention-actor" data-mention="actor" data-ref="jake-sullivan" data-form="misspelling" data-correct="Jake Sullivan">Jack Sullivan</a>, on ' +
				'<a href="/timeline/#d-2024-06-19" class="mention mention-date" data-mention="date" data-ref="2024-06-19" data-inferred="" data-note="Year inferred from the publication date (2024)"><time datetime="2024-06-19">June 19</time></a>.</p>',
		);
	});

	it('should put the start of a range in datetime and the whole value in data-ref', async () => {
		const { html } = await render('unlike during 1960–88, and since September 2023.');
		expect(html).toContain('href="/timeline/#d-1960_1988" class="mention mention-date" data-mention="date" data-ref="1960/1988"><time datetime="1960">1960–88</time></a>');
		expect(html).toContain('href="/timeline/#d-2023-09_open" class="mention mention-date" data-mention="date" data-ref="2023-09/.."><time datetime="2023-09">September 2023</time></a>');
	});

	it('should never annotate inside links, code or another mention, but should in headings', async () => {
		const { html } = await render('## Russia in 2024\n\n[Russia in 2024](https://example.com) `Russia 2024` and\n\n```\nRussia in 2024\n```\n', { actors });
		expect(html).toContain('<h2><a href="/actors/russia/"');
		expect(html).toContain('<a href="https://example.com">Russia in 2024</a>');
		expect(html).toContain('<code>Russia 2024</code>');
		expect(html).toContain('<pre><code>Russia in 2024\n</code></pre>');
		expect(html.match(/data-mention/g)).toHaveLength(2);
	});

	it('should never annotate the visible label of a commentary block', async () => {
		const { html } = await render(':::bio\nA Russian diplomat.\n:::\n', { actors: [{ id: 'author', forms: ['About the author'] }, ...actors] });
		expect(html).toContain('<p class="block-label" aria-hidden="true">About the author</p>');
		expect(html).toContain('data-ref="russia" data-form="adjective">Russian</a>');
	});

	it('should build nodes, not HTML strings: matched text is escaped', async () => {
		const { html } = await render('Here A&lt;B met Russia.', { actors });
		expect(html).toContain('data-ref="odd" data-form="name">A&#x3C;B</a>');
		expect(html).not.toContain('A<B');
	});

	it('should leave look-alikes as plain text without data-mention', async () => {
		const { html } = await render('For Russia Day; Article 51 of the UN Charter; Article 7 of the Vienna Convention.', { actors, articles });
		expect(html).toBe('<p>For Russia Day; Article 51 of the UN Charter; Article 7 of the Vienna Convention.</p>');
	});

	it('should warn, with line and column, about an article number the treaty lacks', async () => {
		const { html, file } = await render('Intro.\n\nAs Article 51 says.', { articles });
		expect(html).toBe('<p>Intro.</p>\n<p>As Article 51 says.</p>');
		expect(file.messages).toHaveLength(2);
		const [warning] = file.messages.filter((m) => m.ruleId === 'article-out-of-range');
		expect(warning).toMatchObject({ line: 3, column: 4, source: 'remark-article-mentions', fatal: false });
		expect(warning?.reason).toContain('Article 51');
	});

	it('should say once when no reference date is known', async () => {
		const { html, file } = await render('On June 12 and in 1991.');
		expect(html).not.toContain('June 12</time>');
		expect(html).toContain('<time datetime="1991">1991</time>');
		expect(file.messages.map((m) => m.ruleId)).toEqual(['no-reference-date']);
	});

	it('should read the reference date from Astro’s frontmatter, and let the option override it', async () => {
		const fromFrontmatter = await render('On June 12.', { frontmatter: { published: { date: '2023-09' } } });
		expect(fromFrontmatter.html).toContain('data-ref="2023-06-12"');
		const overridden = await render('On June 12.', { frontmatter: { published: { date: '2023-09' } }, referenceDate: '2024' });
		expect(overridden.html).toContain('data-ref="2024-06-12"');
		// A June day in a January piece is last June, not a date in its future.
		const yamlDate = await render('On June 12.', { frontmatter: { published: { date: new Date('2022-01-05T00:00:00Z') } } });
		expect(yamlDate.html).toContain('data-ref="2021-06-12"');
	});

	it('should record mentions on file.data only, appending across plugins', async () => {
		const { file } = await render('Russia signed Article 4\nin 2024. Articles 3 to 5.', {
			actors,
			articles,
			frontmatter: { title: 'x', mentions: [{ kind: 'actor', ref: 'earlier', text: 'x', line: 0, column: 0 }] },
		});
		const expected = [
			{ kind: 'article', ref: '4', text: 'Article 4', line: 1, column: 15 },
			{ kind: 'article', ref: '3', text: 'Articles 3', line: 2, column: 10 },
			{ kind: 'article', ref: '4', text: 'Articles 3 to 5', range: true, line: 2, column: 10 },
			{ kind: 'article', ref: '5', text: '5', line: 2, column: 24 },
			{ kind: 'actor', ref: 'russia', text: 'Russia', form: 'name', line: 1, column: 1 },
			{ kind: 'date', ref: '2024', text: '2024', line: 2, column: 4 },
		];
		expect(file.data.mentions).toEqual(expected);
		// Pages read mentions from the claims: the frontmatter is left as it was.
		expect(file.data.astro?.frontmatter?.['mentions']).toEqual([{ kind: 'actor', ref: 'earlier', text: 'x', line: 0, column: 0 }]);
		expect(file.data.astro?.frontmatter?.['title']).toBe('x');
	});

	it('should record the short form only when the document names its actor in full', async () => {
		const alone = await render('Kim left.', { actors });
		expect(alone.html).toBe('<p>Kim left.</p>');
		const named = await render('Kim Jong Un came.\n\n*Kim’s* visit.', { actors });
		expect(named.html).toContain('<em><a href="/actors/kim-jong-un/" class="mention mention-actor" data-mention="actor" data-ref="kim-jong-un" data-form="short">Kim’s</a></em>');
	});

	it.each([
		['/site/content/commentaries/a.md', true],
		['C:\\site\\content\\commentaries\\a.md', true],
		['/site/content/notes/a.md', false],
		['/site/src/pages/about.md', false],
	])('should annotate %s by default: %s', async (path, expected) => {
		const { html } = await render('Russia in 1991.', { actors, path });
		expect(html.includes('data-mention')).toBe(expected);
	});

	it('should honour a custom include', async () => {
		const processor = unified().use(remarkParse).use(remarkActorMentions, { actors, include: (file) => file.path?.includes('/notes/') ?? false });
		const tree = processor.parse('Russia') as Root;
		const file = new VFile({ path: '/x/content/notes/a.md', value: 'Russia' });
		await processor.run(tree, file);
		expect(file.data.mentions).toHaveLength(1);
		const skipped = new VFile({ path: '/x/content/commentaries/a.md', value: 'Russia' });
		await processor.run(processor.parse('Russia') as Root, skipped);
		expect(skipped.data.mentions).toBeUndefined();
	});

	it('should work with no options at all', async () => {
		const processor = unified().use(remarkParse).use(remarkArticleMentions).use(remarkActorMentions).use(remarkDateMentions, { referenceDate: '2024' });
		const file = new VFile('Article 4 and Russia in 1991.');
		await processor.run(processor.parse(file) as Root, file);
		expect(file.data.mentions?.map((m) => `${m.kind}:${m.ref}`)).toEqual(['article:4', 'date:1991']);
	});
});
