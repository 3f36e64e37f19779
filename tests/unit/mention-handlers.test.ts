/**
 * The remark-rehype handlers for mention nodes: the hast they make is the
 * hast mdast-util-to-hast's own handlers make (so the pages stay the same),
 * without a `structuredClone` per node (what made mention-heavy texts slow to
 * convert), and no element shares a list with another.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Link, Paragraph, PhrasingContent, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processorSettings } from '../../src/markdown/pipeline.ts';
import { mentionHandlers } from '../../src/markdown/plugins/mention-handlers.ts';
import { mentionLink, mentionRange } from '../../src/markdown/plugins/mentions/nodes.ts';

const place = (column: number) => ({ start: { line: 1, column, offset: column - 1 }, end: { line: 1, column: column + 5, offset: column + 4 } });

/** A paragraph of the node kinds our remark plugins make, with positions as the parser gives them. */
function mentionTree(options: { renamed?: boolean } = {}): Root {
	const shared = ['mention', 'mention-actor'];
	const russia = mentionLink('Russia', '/actors/russia/', { className: shared, dataMention: 'actor', dataRef: 'russia', dataForm: 'name' });
	const moscow = mentionLink('Moscow', '/actors/russia/', { className: shared, dataMention: 'actor', dataRef: 'russia', dataForm: 'metonym' });
	const date = mentionLink('19 June 2024', '/timeline/#d-2024-06-19', { className: ['mention', 'mention-date'], dataMention: 'date' }, '2024-06-19');
	const titled: Link = { type: 'link', url: 'https://example.org/a b', title: 'Source', children: [{ type: 'text', value: 'source' }], data: { hProperties: { rel: ['noopener', 'noreferrer'] } } };
	const renamed: Link = { type: 'link', url: '/x/', title: null, children: [{ type: 'text', value: 'x' }], data: { hName: 'span', hProperties: { dataX: '1' } } };
	const plain: Link = { type: 'link', url: '/about/', title: null, children: [{ type: 'text', value: 'about' }] };
	const range = mentionRange('4', [mentionLink('Articles 3', '/articles/3/', { dataMention: 'article', dataRef: '3' }), { type: 'text', value: '–' }, mentionLink('5', '/articles/5/', { dataMention: 'article', dataRef: '5' })]);
	const children: PhrasingContent[] = [russia, { type: 'text', value: ' and ' }, moscow, { type: 'text', value: ' on ' }, date, titled, plain, range];
	// A link whose data names another element: left to the default handler, which clones its properties.
	if (options.renamed !== false) children.push(renamed);
	children.forEach((child, index) => (child.position = place(index * 10 + 1)));
	const paragraph: Paragraph = { type: 'paragraph', children, position: place(1) };
	return { type: 'root', children: [paragraph] };
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('mention handlers', () => {
	it('should make the same hast as mdast-util-to-hast’s own handlers', () => {
		expect(toHast(mentionTree(), { handlers: mentionHandlers })).toEqual(toHast(mentionTree()));
	});

	it('should convert the pipeline’s mention nodes without cloning their properties', () => {
		const clone = vi.spyOn(globalThis, 'structuredClone');
		const hast = toHast(mentionTree({ renamed: false }), processorSettings.remarkRehype);
		expect(clone).not.toHaveBeenCalled();
		expect(JSON.stringify(hast)).toContain('"dateTime":"2024-06-19"');
	});

	it('should give every element lists of its own', () => {
		const tree = mentionTree();
		const hast = toHast(tree, processorSettings.remarkRehype) as HastRoot;
		const [paragraph] = hast.children as Element[];
		const [russia, , moscow] = paragraph!.children as Element[];
		(russia!.properties.className as string[]).push('quiet');
		expect(moscow!.properties.className).toEqual(['mention', 'mention-actor']);
		expect(JSON.stringify(tree)).not.toContain('quiet');
	});
});
