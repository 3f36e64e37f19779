/**
 * How an article's subject reaches a reader: one wording for a subject that
 * is not established, an inferred subject marked as inferred in every form
 * (page text, plain text for search results, mention preview), and counts per
 * status read from the registry itself.
 */
import { join } from 'node:path';
import type { Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/loaders/registry.ts';
import { articlePreviewText, articleSubject, articleSubjectText, countByStatus, statusText } from '../../src/utils/article-subject';
import { INFERRED_MARK, STATUS_LABEL, SUBJECT_NOT_ESTABLISHED } from '../../src/utils/labels';
import rehypeMentionPreviews from '../../src/markdown/plugins/rehype-mention-previews';
import type { Article } from '../../src/schemas/article';

const registry = loadRegistry(join(import.meta.dirname, '..', '..'));
const article = (number: number): Article => registry.articles.find((a) => a.number === number)!;

describe('article subject', () => {
	it.each([
		[8, 'Joint defence mechanisms', true, false, 'Verified from a numbered source'],
		[15, 'Law-enforcement and judicial cooperation', true, false, 'Verified from one secondary list'],
		[9, 'Cooperation on global challenges', true, true, 'Number inferred from order (strong inference)'],
		[17, 'Non-traditional security threats', true, true, 'Number inferred from order (weak inference)'],
		[12, SUBJECT_NOT_ESTABLISHED, false, false, SUBJECT_NOT_ESTABLISHED],
	] as const)('should show article %i as “%s”', (number, text, established, inferred, status) => {
		expect(articleSubject(article(number))).toEqual({ text, established, inferred, status });
	});

	it('should mark an inferred subject in plain text (search results, document titles) and nothing else', () => {
		expect(articleSubjectText(article(9))).toBe(`Cooperation on global challenges (${INFERRED_MARK})`);
		expect(articleSubjectText(article(8))).toBe('Joint defence mechanisms');
		expect(articleSubjectText(article(21))).toBe(SUBJECT_NOT_ESTABLISHED);
	});

	it('should never show a title the schema forbade, even if one slipped into a record', () => {
		expect(articleSubject({ number: 13, status: 'unknown', title: 'Labour mobility' }).text).toBe(SUBJECT_NOT_ESTABLISHED);
	});

	it('should name the strength of an inference only for inferred articles', () => {
		expect(statusText('inferred', 'weak')).toBe(`${STATUS_LABEL.inferred} (weak inference)`);
		expect(statusText('inferred')).toBe(STATUS_LABEL.inferred);
		expect(statusText('verified', 'weak')).toBe(STATUS_LABEL.verified);
	});

	it.each([
		[4, 'Treaty Article 4: Mutual military assistance. Verified from a numbered source.'],
		[18, 'Treaty Article 18: International information security. Verified from one secondary list.'],
		[17, 'Treaty Article 17: Non-traditional security threats (inferred). Number inferred from order (weak inference).'],
		[14, `Treaty Article 14: ${SUBJECT_NOT_ESTABLISHED}.`],
	] as const)('should describe a mention of article %i as “%s”', (number, text) => {
		expect(articlePreviewText(article(number))).toBe(text);
	});

	it('should count the registry by status (the figures pages state)', () => {
		expect(countByStatus(registry.articles)).toEqual({
			total: 23,
			verified: 14,
			'verified-list': 2,
			inferred: 2,
			unknown: 5,
			established: 16,
		});
	});
});

describe('rehype-mention-previews', () => {
	/** Runs the plugin with the real registry over links to the given articles; returns each link's preview text. */
	function previews(refs: string[]): string[] {
		const tree: Root = h(
			null,
			refs.map((ref) => h('a', { href: `/articles/${ref}/`, dataMention: 'article', dataRef: ref }, `Article ${ref}`)),
		);
		const out = unified().use(rehypeMentionPreviews, { articles: registry.articles, actors: registry.actors }).runSync(tree) as Root;
		const texts = new Map<string, string>();
		const visitAll = (node: Root | Root['children'][number]) => {
			if (node.type === 'element' && typeof node.properties['id'] === 'string') {
				texts.set(node.properties['id'], node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
			}
			if ('children' in node) for (const child of node.children) visitAll(child);
		};
		visitAll(out);
		return out.children
			.filter((node) => node.type === 'element' && node.tagName === 'a')
			.map((node) => {
				const ids = (node.type === 'element' ? node.properties['ariaDescribedBy'] : undefined) as string[];
				return ids.map((id) => texts.get(id)).join(' ');
			});
	}

	it('should mark an inferred subject as inferred in the preview, with the strength of the inference', () => {
		expect(previews(['9'])).toEqual(['Treaty Article 9: Cooperation on global challenges (inferred). Number inferred from order (strong inference).']);
	});

	it('should give an unknown article the one wording for a subject not established', () => {
		expect(previews(['13', '3'])).toEqual([
			`Treaty Article 13: ${SUBJECT_NOT_ESTABLISHED}.`,
			'Treaty Article 3: Consultation on threats. Verified from a numbered source.',
		]);
	});
});
