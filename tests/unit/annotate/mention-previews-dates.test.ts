/**
 * The preview of a date mention: the date in words, and for an inferred one
 * how it was read (the recogniser's note, or a generic line when it gave none).
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeMentionPreviews from '../../../src/markdown/plugins/rehype-mention-previews';
import { findDateExpressions } from '../../../src/annotate/date-expressions';

/** The preview text of each date link in a tree, in order. */
function previews(tree: Root): string[] {
	const out = unified().use(rehypeMentionPreviews, { articles: [], actors: [], include: () => true }).runSync(tree) as Root;
	const texts = new Map<string, string>();
	const visit = (node: Root | Root['children'][number]) => {
		if (node.type === 'element' && typeof node.properties['id'] === 'string') texts.set(node.properties['id'], node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(out);
	return out.children.flatMap((node) => {
		if (node.type !== 'element' || node.tagName !== 'a') return [];
		const ids = node.properties['ariaDescribedBy'];
		return [Array.isArray(ids) ? ids.map((id) => texts.get(String(id))).join(' ') : ''];
	});
}

describe('rehype-mention-previews: dates', () => {
	it.each([
		['said on Tuesday', '“Tuesday” read from the publication date (2024-06-21, a Friday): the last Tuesday on or before it'],
		['signed yesterday', '“yesterday” read from the publication date (2024-06-21): 2024-06-20'],
		['met on 30 November-1 December', 'Year inferred from the publication date (2024-06-21): the last such date before it, in 2023'],
	])('should explain the inferred date in %j', (text, note) => {
		const [date] = findDateExpressions(text, { referenceDate: '2024-06-21' });
		const tree: Root = h(null, [h('a', { dataMention: 'date', dataRef: date!.iso, dataInferred: '', dataNote: date!.note }, date!.text)]);
		const [preview] = previews(tree);
		expect(preview).toMatch(/^Date: .+\. /u);
		expect(preview).toContain(note);
	});

	it('should say an inferred date is inferred even without a note', () => {
		expect(previews(h(null, [h('a', { dataMention: 'date', dataRef: '2024-06-18', dataInferred: '' }, 'Tuesday')]))[0]).toMatch(
			/Inferred from the publication date, not written in full\.$/u,
		);
		expect(previews(h(null, [h('a', { dataMention: 'date', dataRef: '2024-06-18' }, '18 June 2024')]))[0]).not.toMatch(/Inferred/u);
	});
});
