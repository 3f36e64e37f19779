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
});
