/**
 * Words run together in a template: Astro templates follow JSX's whitespace
 * rule, so a line break between a word and an `{expression}` or inline
 * element vanishes with the indentation around it (`{count}⏎ commentaries`
 * renders as “5commentaries”). Every `.astro` file of `src/` is parsed with
 * Astro's own compiler and every such seam is reported with its line; the
 * fix is an explicit `{' '}` or keeping the two on one line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@astrojs/compiler-rs';

const root = join(import.meta.dirname, '../..');

/** Every `.astro` file under `dir`. */
function astroFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return astroFiles(path);
		return entry.name.endsWith('.astro') ? [path] : [];
	});
}

/** Inline elements: whitespace beside them is part of the sentence. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'data', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'label', 'button', 'input', 'select', 'output', 'img', 'br']);

interface Node {
	type: string;
	start: number;
	value?: string;
	children?: Node[];
	openingElement?: { name: { name?: string } };
	[key: string]: unknown;
}

/** Whether a sibling sits in the line of text: an expression, an inline element, a component or a fragment (but not an explicit `{' '}`). */
function inLine(node: Node | undefined): boolean {
	if (!node) return false;
	if (node.type === 'JSXExpressionContainer') {
		const expression = node['expression'] as { type?: string; value?: unknown } | undefined;
		return !(expression?.type === 'Literal' && typeof expression.value === 'string' && expression.value.trim() === '');
	}
	if (node.type === 'JSXFragment') return true;
	if (node.type !== 'JSXElement') return false;
	const name = node.openingElement?.name.name ?? '';
	return INLINE.has(name) || /^[A-Z]/.test(name);
}

/**
 * The seams of one template where a space vanishes: a text with words whose
 * first (or last) line is only whitespace, next to something in its line.
 */
function vanishingSpaces(source: string): { line: number; text: string }[] {
	const found: { line: number; text: string }[] = [];
	const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			for (const item of value) visit(item);
			return;
		}
		if (!value || typeof value !== 'object') return;
		const node = value as Node;
		if (Array.isArray(node.children)) {
			node.children.forEach((child, index) => {
				if (child.type !== 'JSXText' || !child.value?.trim()) return;
				const lines = child.value.split('\n');
				if (lines.length > 1 && !lines[0]!.trim() && inLine(node.children![index - 1])) found.push({ line: lineOf(child.start) + 1, text: child.value.trim().slice(0, 40) });
				if (lines.length > 1 && !lines.at(-1)!.trim() && inLine(node.children![index + 1])) found.push({ line: lineOf(child.start) + lines.length - 2, text: child.value.trim().slice(-40) });
			});
		}
		for (const [key, child] of Object.entries(node)) if (key !== 'children' || Array.isArray(child)) visit(child);
	};
	visit(parse(source).ast);
	return found;
}

describe('spaces in templates', () => {
	it('should find the seam where a space vanishes', () => {
		const template = '<p>{5}\n\tcommentaries, {23} articles,\n\t{62} actors, <a href="/">the data</a>\n\tand more. Kept {" "}\n\t{1} here.</p>';
		expect(vanishingSpaces(template).map((seam) => seam.line)).toEqual([2, 2, 4]);
	});

	it('should keep every space between words and expressions in every template of src/', () => {
		const found = astroFiles(join(root, 'src')).flatMap((file) =>
			vanishingSpaces(readFileSync(file, 'utf8')).map((seam) => `${relative(root, file)}:${seam.line}: “${seam.text}”`),
		);
		expect(found).toEqual([]);
	});
});
