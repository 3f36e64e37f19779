import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { annotatableTexts, annotateTree } from '../../../src/markdown/plugins/mentions/annotate-tree';
import { presentActor, presentArticle, presentDate } from '../../../src/markdown/plugins/mentions/present';
import { createArticleRecogniser } from '../../../src/annotate/article-refs';

describe('annotate', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/markdown/plugins/mentions/annotate-tree')).sort()).toEqual(['annotatableTexts', 'annotateTree']);
		expect(Object.keys(await import('../../../src/markdown/plugins/mentions/present')).sort()).toEqual(['presentActor', 'presentArticle', 'presentDate']);
	});

	it('should list the annotatable texts only', () => {
		const tree = fromMarkdown('# A\n\nB [C](x) `D` *E*\n\n```\nF\n```') as Root;
		expect(annotatableTexts(tree)).toEqual(['A', 'B ', ' ', ' ', 'E']);
	});

	it('should replace hits, record mentions with places, and keep warnings', () => {
		const source = 'See Article 4\nand Article 40.';
		const tree = fromMarkdown(source) as Root;
		const result = annotateTree(tree, createArticleRecogniser(), (hit, text) => presentArticle(hit, text, 23), source);
		expect(result.mentions).toEqual([{ kind: 'article', ref: '4', text: 'Article 4', line: 1, column: 5 }]);
		expect(result.warnings).toEqual([{ message: expect.stringContaining('Article 40'), ruleId: 'article-out-of-range', place: { line: 2, column: 5 } }]);
		const paragraph = tree.children[0];
		expect(paragraph?.type === 'paragraph' && paragraph.children.map((n) => n.type)).toEqual(['text', 'link', 'text']);
		// Every node keeps a position so the next plugin can still place its mentions.
		expect(paragraph?.type === 'paragraph' && paragraph.children.every((n) => n.position)).toBe(true);
	});

	it('should present an article, with the numbers inside a range recorded', () => {
		const shown = presentArticle({ start: 10, end: 25, data: { number: 3, implicit: false, range: { low: 3, high: 6, interior: [4, 5] } } }, 'Articles 3 to 6', 23);
		expect(shown.mentions).toEqual([
			{ kind: 'article', ref: '3', text: 'Articles 3' },
			{ kind: 'article', ref: '4', text: 'Articles 3 to 6', range: true },
			{ kind: 'article', ref: '5', text: 'Articles 3 to 6', range: true },
			{ kind: 'article', ref: '6', text: '6', at: 24 },
		]);
		// One element per article between the ends, around the two links: what collects a page's mentions sees 4 and 5.
		const outer = shown.node;
		expect(outer).toMatchObject({ type: 'mentionRange', data: { hName: 'span', hProperties: { dataMention: 'article', dataRef: '4', dataRange: '' } } });
		const inner = outer?.type === 'mentionRange' ? outer.children[0] : undefined;
		expect(inner).toMatchObject({ type: 'mentionRange', data: { hProperties: { dataRef: '5' } } });
		expect(inner?.type === 'mentionRange' && inner.children.map((child) => child.type)).toEqual(['link', 'text', 'link']);
		expect(presentArticle({ start: 0, end: 1, data: { number: 99, implicit: false, outOfRange: true } }, 'Article 99', 23).node).toBeUndefined();
	});

	it('should present an actor with its form, and a misspelling with its correction', () => {
		const shown = presentActor({ start: 0, end: 1, data: { actor: 'jake-sullivan', type: 'misspelling', correct: 'Jake Sullivan', form: 'Jack Sullivan' } }, 'Jack Sullivan');
		expect(shown.node).toMatchObject({ type: 'link', url: '/actors/jake-sullivan/', data: { hProperties: { dataForm: 'misspelling', dataCorrect: 'Jake Sullivan' } } });
		expect(shown.mentions).toEqual([{ kind: 'actor', ref: 'jake-sullivan', text: 'Jack Sullivan', form: 'misspelling', correct: 'Jake Sullivan' }]);
	});

	it('should present an approximate date with a note', () => {
		const shown = presentDate({ start: 0, end: 1, data: { iso: '1960/1989', inferred: false, approximate: true, note: 'n' } }, 'early 1960s to the late 1980s');
		expect(shown.node).toMatchObject({ url: '/timeline/#d-1960_1989', data: { hProperties: { dataRef: '1960/1989', dataApproximate: '', dataNote: 'n' } } });
		expect(shown.mentions?.[0]).toEqual({ kind: 'date', ref: '1960/1989', text: 'early 1960s to the late 1980s', approximate: true, note: 'n' });
	});
});
