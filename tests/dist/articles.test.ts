/**
 * The article pages, the /articles/ matrix and the home page in dist/ say
 * what the registry says: each article's status, an inferred subject marked
 * “inferred” wherever it is shown, the one wording for a subject that is not
 * established, the sources with the words that tie each number, and counts
 * that come from the registry rather than from the page.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/loaders/registry.ts';
import { articleSubject, countByStatus } from '../../src/utils/article-subject';
import { INFERRED_MARK, STATUS_LABEL, SUBJECT_NOT_ESTABLISHED } from '../../src/utils/labels';
import { hasBuild, parsePage, projectRoot } from '../support/dist';

const built = hasBuild();
const registry = loadRegistry(projectRoot);
const counts = countByStatus(registry.articles);

/** Every element of `tree` that passes `test`. */
function all(tree: Root | Element, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node: Element) => {
		if (test(node)) found.push(node);
	});
	return found;
}
const hasClass = (name: string) => (node: Element) => Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
const text = (node: Root | Element) => toText(node).replace(/\s+/g, ' ').trim();
/** An element's text as the DOM's `textContent` gives it: every text node, hidden or not. */
function textContent(node: Element): string {
	let found = '';
	visit(node, 'text', (child: { value: string }) => {
		found += child.value;
	});
	return found;
}

describe('article pages in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, 'no build in dist/: run `npm run build` first').toBe(true);
	});
	if (!built) return;

	it.each(registry.articles.map((a) => [a.number, a] as const))('should show article %i as the registry says', (number, article) => {
		const page = parsePage(`articles/${number}/index.html`);
		const h1 = text(all(page, (n) => n.tagName === 'h1')[0]!);
		const facts = all(page, hasClass('treaty-facts'))[0]!;
		const subject = articleSubject(article);
		if (subject.established) {
			expect(h1).toBe(`Article ${number}: ${subject.text}${subject.inferred ? ` ${INFERRED_MARK}` : ''}`);
			expect(text(all(facts, hasClass(`status-${article.status}`))[0]!)).toBe(subject.status);
			expect(text(facts)).toContain(article.summary);
		} else {
			expect(h1).toBe(`Article ${number}`);
			expect(text(facts)).toContain(`${SUBJECT_NOT_ESTABLISHED}:`);
			expect(text(facts)).not.toMatch(/Verified|inferred/);
		}
		if (article.inference) expect(text(facts)).toContain(article.inference.reasoning);
		// Every source, with the words that tie the number in a <q> marked with their language.
		const quotes = all(facts, (n) => n.tagName === 'q');
		for (const source of article.sources.filter((s) => s.quote)) {
			const q = quotes.find((n) => text(n) === source.quote);
			expect(q, `${number}: “${source.quote}”`).toBeDefined();
			expect(q!.properties['lang'], `${number}: lang of “${source.quote}”`).toBe(source.lang);
		}
		for (const search of article.searched) expect(text(facts)).toContain(search.outcome);
	});

	it('should mark inferred subjects in the matrix, and say the one wording for unknown ones', () => {
		const page = parsePage('articles/index.html');
		const rows = all(page, (n) => n.tagName === 'tr').slice(1);
		expect(rows).toHaveLength(counts.total);
		for (const [index, article] of registry.articles.entries()) {
			const cell = text(all(rows[index]!, (n) => n.tagName === 'td')[0]!);
			const subject = articleSubject(article);
			if (subject.inferred) expect(cell).toBe(`${subject.text} ${INFERRED_MARK}`);
			else if (article.status === 'verified-list') expect(cell).toBe(`${subject.text} ${STATUS_LABEL['verified-list']}`);
			else expect(cell).toBe(subject.text);
		}
	});

	it('should state the registry’s counts on the articles index and the home page', () => {
		const index = text(parsePage('articles/index.html'));
		expect(index).toContain(`The treaty’s ${counts.total} articles`);
		for (const status of ['verified', 'verified-list', 'inferred', 'unknown'] as const) {
			expect(index).toContain(`${STATUS_LABEL[status]}: ${counts[status]}`);
		}
		const home = text(parsePage('index.html'));
		expect(home).toContain(
			`A preamble and ${counts.total} articles. ${counts.established} have a subject established by a source that prints the article’s number; ${counts.inferred} more are inferred from order, and ${counts.unknown} are not established.`,
		);
	});

	// Text and attributes only, so read from the files (it was a browser test that opened 25 pages).
	it('should give each article the same count on the home page, the articles index and its own page', () => {
		const glance = all(parsePage('index.html'), hasClass('article-glance'))[0];
		expect(glance, 'the home page’s list of articles').toBeDefined();
		const home = all(glance!, (n) => n.tagName === 'a').map((a) => [String(a.properties['href']), Number(a.properties['dataCount'])] as const);
		expect(home).toHaveLength(counts.total);
		const matrix = all(parsePage('articles/index.html'), (n) => n.tagName === 'table' && hasClass('matrix')(n))[0];
		expect(matrix, 'the articles index’s matrix').toBeDefined();
		const body = all(matrix!, (n) => n.tagName === 'tbody')[0]!;
		const index = all(body, (n) => n.tagName === 'tr').map((row) => {
			const link = all(row, (n) => n.tagName === 'th').flatMap((th) => all(th, (n) => n.tagName === 'a'))[0]!;
			const cells = all(row, (n) => n.tagName === 'td');
			return [String(link.properties['href']), Number(textContent(cells.at(-1)!).trim())] as const;
		});
		expect(index).toEqual(home);
		expect(home.filter(([, count]) => count > 0).length).toBeGreaterThan(0);
		for (const [path, count] of home.filter(([, count]) => count > 0)) {
			const page = parsePage(`${path.slice(1)}index.html`);
			// The line after the passages' heading: “8 passages in 4 of the 5 commentaries.”
			const heading = all(page, (n) => n.properties['id'] === 'passages')[0];
			expect(heading, `${path}: #passages`).toBeDefined();
			const parent = all(page, (n) => n.children.includes(heading!))[0]!;
			const stated = parent.children.slice(parent.children.indexOf(heading!) + 1).find((n): n is Element => n.type === 'element' && n.tagName === 'p');
			expect(stated && textContent(stated), path).toMatch(new RegExp(`^\\s*${count} passages? in `));
		}
	});
});
