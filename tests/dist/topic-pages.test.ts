/**
 * The pages of the topic pages (articles and actors) in dist/: the first page
 * at the topic's own address, further pages at `…/page/N/` without gaps, each
 * page holding at most a page of commentary columns, every commentary's column
 * on exactly one page, and a pager that marks the page shown and links every
 * page it lists to a built page. On today's five commentaries every topic has
 * one page (no pager); run it over a large corpus with
 * `DIST_DIR=/tmp/…/dist npx vitest run --project dist tests/dist/topic-pages.test.ts`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { COMMENTARIES_PER_PAGE } from '../../src/features/topics/topic-pages.ts';
import { distDir, hasBuild, parsePage } from '../support/dist';
import { elementsOf, hasClass } from '../support/hast-walk';

const built = hasBuild();

/** Every element of `tree` that passes `test`. */
const all = (tree: Root | Element, test: (node: Element) => boolean): Element[] => elementsOf(tree).map(({ node }) => node).filter(test);
const withClass = (name: string) => (node: Element) => hasClass(node, name);

/** Each topic (`actors/russia`) with the numbers of its built pages. */
function topics(): { topic: string; pages: number[] }[] {
	return ['actors', 'articles'].flatMap((kind) =>
		readdirSync(join(distDir, kind), { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && existsSync(join(distDir, kind, entry.name, 'index.html')))
			.map((entry) => {
				const paged = join(distDir, kind, entry.name, 'page');
				const further = existsSync(paged) ? readdirSync(paged).map(Number) : [];
				return { topic: `${kind}/${entry.name}`, pages: [1, ...further].sort((a, b) => a - b) };
			}),
	);
}

const file = (topic: string, page: number) => (page === 1 ? `${topic}/index.html` : `${topic}/page/${page}/index.html`);

describe('topic pages in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, 'no build in dist/: run `npm run build` first').toBe(true);
	});
	if (!built) return;
	it.each(topics().map((t) => [t.topic, t.pages] as const))('%s: pages numbered without gaps, columns on exactly one page, a pager that agrees', (topic, pages) => {
		expect(pages).toEqual(pages.map((_, index) => index + 1));
		const seen = new Set<string>();
		for (const number of pages) {
			const tree = parsePage(file(topic, number));
			// Column headings: ids `in-<slug>` on actors, `cited-<slug>` / `by-subject-<slug>` on articles.
			const columns = all(tree, withClass('column')).map((column) => String(column.properties['ariaLabelledBy']).replace(/^(in|cited|by-subject)-/, ''));
			const own = new Set(columns);
			expect(own.size, `columns on ${topic} page ${number}`).toBeLessThanOrEqual(COMMENTARIES_PER_PAGE);
			for (const slug of own) {
				expect(seen.has(slug), `${slug} on two pages of ${topic}`).toBe(false);
				seen.add(slug);
			}
			const pager = all(tree, withClass('topic-pager'));
			if (pages.length === 1) {
				expect(pager, `${topic} has one page and no pager`).toEqual([]);
				continue;
			}
			expect(pager).toHaveLength(1);
			const links = all(pager[0]!, (node) => node.tagName === 'a');
			const current = links.filter((link) => link.properties['ariaCurrent'] === 'page');
			expect(current.map((link) => String(link.properties['href']))).toEqual([`/${file(topic, number).replace(/index\.html$/, '')}`]);
			for (const link of links) {
				const href = String(link.properties['href']);
				expect(existsSync(join(distDir, href, 'index.html')), `${topic} page ${number} links ${href}`).toBe(true);
			}
			expect(links.some((link) => link.properties['rel']?.toString() === 'next')).toBe(number < pages.length);
			expect(links.some((link) => link.properties['rel']?.toString() === 'prev')).toBe(number > 1);
		}
	});
});
