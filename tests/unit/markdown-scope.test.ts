/**
 * Which files the Markdown plugins transform: one rule (`src/markdown/scope.ts`)
 * and one default in every plugin that takes `include`. Given no `include`,
 * each plugin changes a published commentary and leaves an editor's note,
 * a draft and a page alone; given one, it follows it.
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fileScope, isCommentary } from '../../src/markdown/scope.ts';
import rehypeClaims from '../../src/markdown/plugins/rehype-claims.ts';
import rehypeEditorNotes, { type PlacedNote } from '../../src/markdown/plugins/rehype-editor-notes.ts';
import rehypeHeadingIds from '../../src/markdown/plugins/rehype-heading-ids.ts';
import rehypeMentionPreviews from '../../src/markdown/plugins/rehype-mention-previews.ts';
import rehypeQuietMentions from '../../src/markdown/plugins/rehype-quiet-mentions.ts';
import rehypeSiteBase from '../../src/markdown/plugins/rehype-site-base.ts';
import remarkActorMentions from '../../src/markdown/plugins/remark-actor-mentions.ts';
import remarkArticleMentions from '../../src/markdown/plugins/remark-article-mentions.ts';
import remarkContentSafety from '../../src/markdown/plugins/remark-content-safety.ts';
import remarkDateMentions from '../../src/markdown/plugins/remark-date-mentions.ts';
import remarkEditorNoteAnchors from '../../src/markdown/plugins/remark-editor-note-anchors.ts';

const COMMENTARY = '/site/content/commentaries/sample.md';
const OUTSIDE = ['/site/content/notes/sample.md', '/site/content/commentaries/_draft.md', '/site/src/pages/about.md'];

const note: PlacedNote & { prefix?: string } = {
	id: 'n1',
	commentary: 'sample',
	kind: 'context',
	quote: 'Russia',
	body: 'A note.',
	sources: [{ label: 'Source' }],
	file: 'content/notes/n1.md',
};

/**
 * Each plugin with what it does to `markdown` in a commentary: the output
 * then contains `mark`, and never does when the plugin leaves the file alone.
 */
const cases: Array<{ name: string; markdown: string; plugins: (include?: (file: VFile) => boolean) => { remark: PluggableList; rehype: PluggableList }; mark: string }> = [
	{
		name: 'remark-content-safety',
		markdown: '[a](https://example.org/)',
		plugins: (include) => ({ remark: [[remarkContentSafety, { include }]], rehype: [] }),
		mark: 'noopener',
	},
	{
		name: 'remark-editor-note-anchors',
		markdown: 'Russia signed.',
		plugins: (include) => ({ remark: [[remarkEditorNoteAnchors, { notes: [note], include }]], rehype: [] }),
		mark: 'noted-n1',
	},
	{
		name: 'remark-article-mentions',
		markdown: 'Article 4 says so.',
		plugins: (include) => ({ remark: [[remarkArticleMentions, { include }]], rehype: [] }),
		mark: 'data-mention="article"',
	},
	{
		name: 'remark-actor-mentions',
		markdown: 'Russia signed.',
		plugins: (include) => ({ remark: [[remarkActorMentions, { actors: [{ id: 'russia', forms: ['Russia'] }], include }]], rehype: [] }),
		mark: 'data-mention="actor"',
	},
	{
		name: 'remark-date-mentions',
		markdown: 'Signed in 1961.',
		plugins: (include) => ({ remark: [[remarkDateMentions, { referenceDate: '2024-06-21', include }]], rehype: [] }),
		mark: 'data-mention="date"',
	},
	{
		name: 'rehype-claims',
		markdown: 'Russia signed.',
		plugins: (include) => ({ remark: [], rehype: [[rehypeClaims, { include }]] }),
		mark: 'data-claim',
	},
	{
		name: 'rehype-mention-previews',
		markdown: 'Article 4 says so.',
		plugins: (include) => ({
			remark: [[remarkArticleMentions, { include: () => true }]],
			rehype: [[rehypeMentionPreviews, { articles: [{ number: 4, status: 'unknown', title: undefined }], actors: [], include }]],
		}),
		mark: 'aria-describedby',
	},
	{
		name: 'rehype-editor-notes',
		markdown: 'Russia signed.',
		plugins: (include) => ({ remark: [[remarkEditorNoteAnchors, { notes: [note], include: () => true }]], rehype: [[rehypeEditorNotes, { notes: [note], include }]] }),
		mark: 'editor-note',
	},
	{
		name: 'rehype-heading-ids',
		markdown: '## Title',
		plugins: (include) => ({ remark: [], rehype: [[rehypeHeadingIds, { include }]] }),
		mark: 'id="h-title"',
	},
	{
		name: 'rehype-site-base',
		markdown: '[a](/articles/4/)',
		plugins: (include) => ({ remark: [], rehype: [[rehypeSiteBase, { base: '/reader/', include }]] }),
		mark: '/reader/articles/4/',
	},
	{
		name: 'rehype-quiet-mentions',
		markdown: 'Article 4 and Article 4.',
		plugins: (include) => ({ remark: [[remarkArticleMentions, { include: () => true }]], rehype: [[rehypeQuietMentions, { include }]] }),
		mark: 'data-quiet',
	},
];

/**
 * Markdown through remark-parse, the case's plugins, remark-rehype and
 * rehype-stringify, as a file at `path`.
 */
async function render(markdown: string, path: string, plugins: { remark: PluggableList; rehype: PluggableList }): Promise<string> {
	const file = new VFile({ value: markdown, path });
	const processor = unified().use(remarkParse).use(plugins.remark).use(remarkRehype).use(plugins.rehype).use(rehypeStringify);
	return String(await processor.process(file));
}

describe('the scope of the Markdown plugins', () => {
	it('should default to published commentaries', () => {
		expect(fileScope()).toBe(isCommentary);
		expect(fileScope({})).toBe(isCommentary);
		const mine = (file: VFile) => file.stem === 'x';
		expect(fileScope({ include: mine })).toBe(mine);
	});

	describe.each(cases)('$name', ({ markdown, plugins, mark }) => {
		it('should transform a published commentary by default', async () => {
			expect(await render(markdown, COMMENTARY, plugins())).toContain(mark);
		});

		it.each(OUTSIDE)('should leave %s alone by default', async (path) => {
			expect(await render(markdown, path, plugins())).not.toContain(mark);
		});

		it('should follow a given include', async () => {
			const notes = (file: VFile) => file.path.includes('/notes/');
			expect(await render(markdown, OUTSIDE[0]!, plugins(notes))).toContain(mark);
			expect(await render(markdown, COMMENTARY, plugins(notes))).not.toContain(mark);
		});
	});
});
