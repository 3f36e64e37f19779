/**
 * The pages that used to grow with the corpus, in dist/: the commentaries
 * index in pages of {@link COMMENTARIES_PER_INDEX_PAGE}, every commentary on
 * exactly one; the timeline showing at most {@link SENTENCES_ON_TIMELINE}
 * sentences of a date and linking to all of them on the date's pages, each
 * holding at most {@link SENTENCES_PER_DATE_PAGE}; the compare chooser
 * listing at most {@link CHOOSER_INLINE_LIMIT} commentaries in the page.
 * On today's five commentaries nothing is paged (and no pager shows); run it
 * over a large corpus with
 * `DIST_DIR=/tmp/…/dist npx vitest run --project dist tests/dist/bounded-pages.test.ts`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { CHOOSER_INLINE_LIMIT } from '../../src/features/compare/model.ts';
import { COMMENTARIES_ON_HOME, COMMENTARIES_PER_INDEX_PAGE } from '../../src/features/reader/list-sizes.ts';
import { MATRIX_COMMENTARIES_PER_PAGE } from '../../src/features/topics/topic-pages.ts';
import { SENTENCES_ON_TIMELINE, SENTENCES_PER_DATE_PAGE } from '../../src/features/timeline/date-sentences.ts';
import { distDir, hasBuild, parsePage } from '../support/dist';
import { elementsOf, hasClass, textOf } from '../support/hast-walk';

const built = hasBuild();

const all = (tree: Root | Element, test: (node: Element) => boolean): Element[] => elementsOf(tree).map(({ node }) => node).filter(test);
const withClass = (name: string) => (node: Element) => hasClass(node, name);
const hrefOf = (node: Element) => String(node.properties['href']);
/** The built file of a root-relative page address. */
const fileOf = (href: string) => join(href.replace(/#.*$/, ''), 'index.html').replace(/^\//, '');

/**
 * Follow a paged list from its first page by its pager's “next” links,
 * checking each pager marks the page shown.
 */
function followPages(first: string): { href: string; tree: Root }[] {
	const pages: { href: string; tree: Root }[] = [];
	for (let href: string | undefined = first; href; ) {
		const tree = parsePage(fileOf(href));
		pages.push({ href, tree });
		const pager = all(tree, withClass('topic-pager'));
		if (pager.length === 0) break;
		const links = all(pager[0]!, (node) => node.tagName === 'a');
		expect(links.filter((link) => link.properties['ariaCurrent'] === 'page').map(hrefOf), `pager of ${href}`).toEqual([href]);
		expect(String(pager[0]!.properties['ariaLabel'] ?? ''), `pager of ${href} has a name`).not.toBe('');
		href = links.find((link) => String(link.properties['rel']) === 'next')?.properties['href']?.toString();
		expect(pages.length, `${first} pages`).toBeLessThan(10_000);
	}
	return pages;
}

describe('pages bounded whatever the corpus size, in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, 'no build in dist/: run `npm run build` first').toBe(true);
	});
	if (!built) return;

	it('lists every commentary on exactly one page of the index, a page at a time, in order', () => {
		const readings = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && entry.name !== 'page')
			.map((entry) => `/commentaries/${entry.name}/`);
		const pages = followPages('/commentaries/');
		const listed = pages.map(({ href, tree }) => {
			const cards = all(tree, withClass('card')).map((card) => hrefOf(all(card, (node) => node.tagName === 'a')[0]!));
			expect(cards.length, `${href}`).toBeLessThanOrEqual(COMMENTARIES_PER_INDEX_PAGE);
			expect(cards.length, `${href} is not empty`).toBeGreaterThan(0);
			return cards;
		});
		expect(listed.flat().sort()).toEqual(readings.sort());
		expect(new Set(listed.flat()).size).toBe(readings.length);
		const heading = textOf(all(pages.at(-1)!.tree, (node) => node.tagName === 'h1')[0]!);
		if (pages.length > 1) expect(heading).toContain(`page ${pages.length} of ${pages.length}`);
		else expect(heading).toBe('Commentaries');
	});

	it('sets every commentary’s column of the articles table on exactly one page, a page’s worth at a time', () => {
		const pages = followPages('/articles/');
		const columns = pages.flatMap(({ href, tree }) => {
			const head = all(tree, (node) => node.tagName === 'thead')[0]!;
			const own = all(head, (node) => node.tagName === 'a').map(hrefOf);
			expect(own.length, href).toBeLessThanOrEqual(MATRIX_COMMENTARIES_PER_PAGE);
			expect(own.length, `${href} is not empty`).toBeGreaterThan(0);
			return own;
		});
		const readings = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page');
		expect(columns).toHaveLength(readings.length);
		expect(new Set(columns).size).toBe(readings.length);
	});

	it('lists the first commentaries on the home page and links to the index when there are more', () => {
		const home = parsePage('index.html');
		const listed = all(home, (node) => node.tagName === 'ul' && hasClass(node, 'home-commentaries')).flatMap((list) => all(list, (node) => node.tagName === 'li'));
		const readings = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page').length;
		expect(listed).toHaveLength(Math.min(readings, COMMENTARIES_ON_HOME));
		const toIndex = all(home, (node) => node.tagName === 'a' && hrefOf(node) === '/commentaries/' && /^All [\d,]+ commentaries$/.test(textOf(node)));
		expect(toIndex).toHaveLength(readings > COMMENTARIES_ON_HOME ? 1 : 0);
	});

	// Links and headings only, so read from the files (it was a browser test that opened each reading page).
	it('links the home page to as many distinct reading pages, each with one titled h1', () => {
		const main = all(parsePage('index.html'), (node) => node.tagName === 'main')[0]!;
		const readings = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page').length;
		const linked = [...new Set(all(main, (node) => node.tagName === 'a').map(hrefOf).filter((href) => /^\/commentaries\/[a-z0-9-]+\/$/.test(href)))];
		expect(linked, 'distinct /commentaries/<slug>/ links in <main>').toHaveLength(Math.min(readings, COMMENTARIES_ON_HOME));
		for (const href of linked) {
			const headings = all(parsePage(fileOf(href)), (node) => node.tagName === 'h1');
			expect(headings, `${href} should have one h1`).toHaveLength(1);
			expect(textOf(headings[0]!).trim(), `${href} h1 text`).not.toBe('');
		}
	});

	it('shows a few sentences of each date on the timeline and every one of them on the date’s pages', () => {
		const timeline = parsePage('timeline/index.html');
		const entries = all(timeline, (node) => node.tagName === 'details' && hasClass(node, 'provenance'));
		expect(entries.length).toBeGreaterThan(0);
		for (const details of entries) {
			const count = Number(/Mentioned in ([\d,]+) sentence/.exec(textOf(details))?.[1]?.replace(/,/g, ''));
			const shown = all(details, withClass('passage'));
			expect(shown.length).toBe(Math.min(count, SENTENCES_ON_TIMELINE));
			const more = all(details, withClass('timeline-more')).flatMap((node) => all(node, (link) => link.tagName === 'a'));
			if (count <= SENTENCES_ON_TIMELINE) {
				expect(more).toEqual([]);
				continue;
			}
			expect(more).toHaveLength(1);
			const pages = followPages(hrefOf(more[0]!));
			const claims = pages.flatMap(({ href, tree }) => {
				const passages = all(tree, withClass('passage'));
				expect(passages.length, href).toBeLessThanOrEqual(SENTENCES_PER_DATE_PAGE);
				return passages.map((passage) => String(passage.properties['dataClaimRef']));
			});
			expect(claims).toHaveLength(count);
			expect(new Set(claims).size).toBe(count);
			// The timeline's sentences are the date's first ones.
			expect(shown.map((passage) => String(passage.properties['dataClaimRef']))).toEqual(claims.slice(0, SENTENCES_ON_TIMELINE));
		}
	});

	it('indexes the timeline’s years, each linking to an entry of that year on the page', () => {
		const timeline = parsePage('timeline/index.html');
		const nav = all(timeline, (node) => node.tagName === 'nav' && hasClass(node, 'timeline-years'));
		const entries = all(timeline, (node) => node.tagName === 'ol' && hasClass(node, 'timeline')).flatMap((list) => list.children.filter((child): child is Element => child.type === 'element'));
		const yearOf = (entry: Element) => String(all(entry, (node) => node.tagName === 'time')[0]!.properties['dateTime']).slice(0, 4);
		const years = [...new Set(entries.map(yearOf))];
		if (years.length < 2) {
			expect(nav).toEqual([]);
			return;
		}
		expect(nav).toHaveLength(1);
		expect(String(nav[0]!.properties['ariaLabel'])).not.toBe('');
		const links = all(nav[0]!, (node) => node.tagName === 'a');
		expect(links.map((link) => textOf(link))).toEqual(years);
		for (const link of links) {
			const id = decodeURIComponent(hrefOf(link).split('#')[1] ?? '');
			const target = entries.find((entry) => entry.properties['id'] === id);
			expect(target, hrefOf(link)).toBeDefined();
			expect(yearOf(target!)).toBe(textOf(link));
		}
	});

	it('puts at most a few dozen commentaries in the compare chooser’s selects', () => {
		const compare = parsePage('compare/index.html');
		const selects = all(compare, (node) => node.tagName === 'select');
		expect(selects.length).toBeGreaterThan(0);
		const readings = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page').length;
		for (const select of selects) {
			const options = all(select, (node) => node.tagName === 'option' && String(node.properties['value'] ?? '') !== '');
			expect(options.length).toBeLessThanOrEqual(Math.min(readings, CHOOSER_INLINE_LIMIT));
		}
		const form = all(compare, (node) => node.properties['dataCompareChooser'] !== undefined)[0]!;
		expect(existsSync(join(distDir, 'search/commentaries.json'))).toBe(true);
		// Beyond the limit the script fills the selects from the labels file the form names.
		expect(form.properties['dataCompareLabels'] !== undefined).toBe(readings > CHOOSER_INLINE_LIMIT);
	});
});
