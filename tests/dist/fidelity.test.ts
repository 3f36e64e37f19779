/**
 * Runs after `astro build`: every built commentary page must show every word
 * and punctuation mark of its raw capture, minus the reviewed debris lines, in
 * the capture's order. A missing `dist/` fails: this check is never skipped.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { loadDebris } from '../support/debris';
import { loadCommentaryFiles, readCapture } from '../support/fidelity-files';
import { checkInOrder, findElement, formatInOrderResult, sourceWords, visibleText } from '../support/fidelity';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Build output to check, relative to the project root or absolute (default: `dist`). */
const distDir = process.env['DIST_DIR'] ?? 'dist';
const commentaries = loadCommentaryFiles(root);
const debris = loadDebris(root);

/** The built page of a commentary, parsed; fails with the fix when the build is missing. */
function builtPage(slug: string): { tree: Root; file: string } {
	const file = join(distDir, 'commentaries', slug, 'index.html');
	const path = resolve(root, file);
	if (!existsSync(path)) {
		throw new Error(`${file} does not exist: run the build first (npx astro build), then this test`);
	}
	return { tree: fromHtml(readFileSync(path, 'utf8')), file };
}

function mainOf(slug: string) {
	const { tree, file } = builtPage(slug);
	const main = findElement(tree, 'main');
	if (!main) throw new Error(`${file}: no <main> element; the fidelity check reads the page's main content`);
	return { main, file };
}

/** Marked as not part of the searchable body: the editors' notes. */
const isEditorial = (element: Element) => element.properties['dataPagefindIgnore'] !== undefined;
const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();
const cases = commentaries.map((c) => [c.slug, c] as const);

describe('built commentary pages', () => {
	it('should exist: run the build first', () => {
		expect(existsSync(resolve(root, distDir)), `${distDir}/ is missing: run the build first (npx astro build)`).toBe(true);
		expect(commentaries.length).toBeGreaterThan(0);
	});

	it.each(cases)('should show every word of %s in order', (_slug, c) => {
		const capture = c.data.source.capture;
		const source = sourceWords(readCapture(root, capture), debris[capture] ?? [], capture);
		const { main, file } = mainOf(c.slug);
		// Editors' notes sit beside the text but are not it: they must not stand in for a missing word.
		const result = checkInOrder(source, visibleText(main, { skip: isEditorial }));
		expect(result.ok, formatInOrderResult(`${capture} → ${file}`, result)).toBe(true);
		expect(result.matched).toBe(source.length);
	});

	it.each(cases)('should show %s’s removed title and byline in the page header', (_slug, c) => {
		const { main, file } = mainOf(c.slug);
		const h1 = findElement(main, 'h1');
		expect(h1, `${file}: no <h1>`).toBeDefined();
		const heading = squash(visibleText(h1!));
		const text = squash(visibleText(main));
		for (const entry of debris[c.data.source.capture] ?? []) {
			if (entry.reason === 'title') expect(heading.startsWith(entry.text), `${file}: h1 “${heading}”`).toBe(true);
		}
		for (const author of c.data.authors) expect(text, `${file}: credit for ${author.name}`).toContain(author.name);
	});

	it.each(cases)('should render every block of %s', (_slug, c) => {
		const { main, file } = mainOf(c.slug);
		const wanted = [...c.body.matchAll(/^:::(\w+)\s*$/gmu)].map((m) => m[1]);
		const found: unknown[] = [];
		const walk = (node: Root | Root['children'][number]): void => {
			if (node.type === 'element' && node.properties['dataBlock'] !== undefined) found.push(node.properties['dataBlock']);
			if ('children' in node) for (const child of node.children) walk(child);
		};
		walk(main);
		expect(found, file).toEqual(wanted);
	});
});
