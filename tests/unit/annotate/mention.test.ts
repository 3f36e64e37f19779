import type { Paragraph, Root, Text } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { escapeRegex, matcherAt, scan, type Recogniser } from '../../../src/annotate/recogniser';
import { timelineAnchor } from '../../../src/utils/routes';
import { isIgnored, mentionLink, replacementNodes } from '../../../src/markdown/plugins/mentions/nodes';
import { placeOf, positionFrom, restorePositions, sourceOf } from '../../../src/markdown/plugins/mentions/positions';
import { firstBodyLine, lineOffsetFor } from '../../../src/loaders/frontmatter';
import { recordMentions, type MentionHit } from '../../../src/markdown/plugins/mentions/record';

describe('mention', () => {
	it('should expose the public api of each part', async () => {
		const names = async (module: Promise<object>) => Object.keys(await module).sort();
		expect(await names(import('../../../src/annotate/recogniser'))).toEqual(['escapeRegex', 'matcherAt', 'scan']);
		expect(await names(import('../../../src/markdown/plugins/mentions/nodes'))).toEqual(['isIgnored', 'mentionLink', 'mentionRange', 'replacementNodes']);
		expect(await names(import('../../../src/markdown/plugins/mentions/positions'))).toEqual(['placeOf', 'positionFrom', 'restorePositions', 'sourceOf']);
		expect(await names(import('../../../src/markdown/plugins/mentions/record'))).toEqual(['recordMentions']);
	});

	it.each([
		['2024-06-19', 'd-2024-06-19'],
		['2023-09', 'd-2023-09'],
		['1961', 'd-1961'],
		['1960/1988', 'd-1960_1988'],
		['2024-06-18/2024-06-19', 'd-2024-06-18_2024-06-19'],
		['2023-09/..', 'd-2023-09_open'],
	])('should anchor %s on the timeline as %s', (iso, expected) => {
		expect(timelineAnchor(iso)).toBe(expected);
	});

	it('should scan like findAndReplace: no overlaps, a rejected match resumes one character later', () => {
		const recogniser: Recogniser<string> = {
			pattern: /ab|b/gu,
			interpret: (input, index, match) => (match === 'ab' && input[index + 2] === '!' ? false : [{ start: index, end: index + match.length, data: match }]),
		};
		expect(scan(recogniser, 'ab ab!').map((hit) => `${hit.start}:${hit.data}`)).toEqual(['0:ab', '4:b']);
	});

	it('should recover named groups at a position', () => {
		const at = matcherAt(/(?<word>\p{L}+)/gu);
		expect(at('12 abc', 3)?.groups?.['word']).toBe('abc');
		expect(at('12 abc', 0)).toBeUndefined();
	});

	it('should escape what a u-flag regex needs escaped, and nothing else', () => {
		expect(escapeRegex('U.S.-ROK (a|b)')).toBe('U\\.S\\.-ROK \\(a\\|b\\)');
		expect(() => new RegExp(escapeRegex('a-b/c'), 'u')).not.toThrow();
	});

	it('should cut a match into text and mention nodes that keep the text as written', () => {
		const nodes = replacementNodes('x Articles 3 to 5 y', 2, 'Articles 3 to 5', [
			{ start: 2, end: 12, data: 3 },
			{ start: 16, end: 17, data: 5 },
		], (hit, text) => mentionLink(text, `/articles/${hit.data}/`, { dataRef: String(hit.data) }));
		expect(nodes.map((n) => n.type)).toEqual(['link', 'text', 'link']);
		expect(nodes.map((n) => ('value' in n ? n.value : n.type === 'link' ? (n.children[0] as Text).value : '')).join('')).toBe('Articles 3 to 5');
		expect(replacementNodes('Russia Day', 0, 'Russia Day', [], () => ({ type: 'text', value: '' }))).toEqual([{ type: 'text', value: 'Russia Day' }]);
	});

	it('should wrap the text of a date mention in a time node', () => {
		expect(mentionLink('June 19', '/timeline/#d-2024-06-19', { dataRef: '2024-06-19' }, '2024-06-19')).toEqual({
			type: 'link',
			url: '/timeline/#d-2024-06-19',
			title: null,
			children: [{ type: 'mentionTime', children: [{ type: 'text', value: 'June 19' }], data: { hName: 'time', hProperties: { dateTime: '2024-06-19' } } }],
			data: { hProperties: { dataRef: '2024-06-19' } },
		});
	});

	it('should place offsets inside a text node', () => {
		const text: Text = { type: 'text', value: 'ab\ncd', position: { start: { line: 3, column: 5, offset: 20 }, end: { line: 4, column: 3, offset: 25 } } };
		expect(placeOf(text, 1)).toEqual({ line: 3, column: 6, offset: 21 });
		expect(placeOf(text, 4)).toEqual({ line: 4, column: 2, offset: 24 });
		expect(placeOf({ type: 'text', value: 'x' }, 0)).toEqual({ line: 0, column: 0 });
	});

	it('should give cut nodes their positions back', () => {
		const source = 'Hello Russia and more';
		const original: Text = { type: 'text', value: source, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 22, offset: 21 } } };
		const link = mentionLink('Russia', '/actors/russia/', {});
		positionFrom(link, original, 6, 12);
		const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'Hello ' }, link, { type: 'text', value: ' and more' }], position: original.position };
		const tree: Root = { type: 'root', children: [paragraph] };
		restorePositions(tree, source);
		expect(paragraph.children.map((n) => [n.position?.start.column, n.position?.end.column])).toEqual([[1, 7], [7, 13], [13, 22]]);
		const lone: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'more\nlines' }], position: { start: { line: 2, column: 1, offset: 6 }, end: { line: 3, column: 6, offset: 16 } } };
		restorePositions({ type: 'root', children: [lone] }, 'intro\nmore\nlines');
		expect(lone.children[0]?.position).toEqual({ start: { line: 2, column: 1, offset: 6 }, end: { line: 3, column: 6, offset: 16 } });
	});

	it.each([
		[{ type: 'link', url: '', children: [] }, true],
		[{ type: 'inlineCode', value: '' }, true],
		[{ type: 'code', value: '' }, true],
		[{ type: 'mentionTime', children: [], data: { hName: 'time', hProperties: { dateTime: '' } } }, true],
		[{ type: 'paragraph', children: [], data: { hProperties: { className: ['block-label'] } } }, true],
		[{ type: 'paragraph', children: [] }, false],
		[{ type: 'heading', depth: 2, children: [] }, false],
		[{ type: 'emphasis', children: [] }, false],
	])('should ignore %j: %s', (node, expected) => {
		expect(isIgnored(node as Paragraph)).toBe(expected);
	});

	it('should append mentions to file.data without replacing them, and nowhere else', () => {
		const file = new VFile();
		const first: MentionHit = { kind: 'actor', ref: 'russia', text: 'Russia', line: 1, column: 1 };
		recordMentions(file, [first]);
		recordMentions(file, [{ ...first, ref: 'japan' }]);
		expect(file.data.mentions?.map((m) => m.ref)).toEqual(['russia', 'japan']);
		expect(file.data.astro).toBeUndefined();
	});

	it('should read a file’s text', () => {
		expect(sourceOf(new VFile('abc'))).toBe('abc');
		expect(sourceOf(new VFile(new TextEncoder().encode('é')))).toBe('é');
		expect(sourceOf(new VFile())).toBeUndefined();
	});

	it('should count the lines Astro cut off before the body, from the file the loaders read', () => {
		const disk = '---\ntitle: x\n---\n\nBody line\nmore';
		const bodyLine = firstBodyLine(disk, 'a.md');
		expect(bodyLine).toBe(4);
		// Astro hands the body alone; a standalone processor keeps the frontmatter's lines blank.
		expect(lineOffsetFor('Body line\nmore', bodyLine)).toBe(4);
		expect(lineOffsetFor('\n\n\n\nBody line\nmore', bodyLine)).toBe(0);
		expect(lineOffsetFor('\nBody line\nmore', bodyLine)).toBe(3);
	});
});
