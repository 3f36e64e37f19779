/**
 * `/data/annotations.jsonld` as an annotation client reads it: every reading
 * page is loaded in Chromium and Apache Annotator's matchers
 * (`@apache-annotator/dom`, the W3C Web Annotation reference implementation)
 * run over every annotation of the page. Each selector must match exactly
 * once, on the element the annotation is about: the mention's link, the
 * editor's note's marked passage, or the sentence a related claim links.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../support/browser';
import { distDir, hasBuild, readDistFile } from '../support/dist';
import { apacheAnnotatorScript } from '../support/apache-annotator';

interface Item {
	id: string;
	motivation: string;
	target: { source: string; selector: ({ type: string; refinedBy?: unknown } & Record<string, unknown>)[] };
}

/** How one selector of one annotation fared on its page. */
interface Outcome {
	/** Annotation id. */
	id: string;
	/** Selector type (`CssSelector` stands for the CSS selector with its refinement). */
	type: string;
	/** Matches over the page's body. */
	matches: number;
	/** How many of them are exactly the annotated element's text. */
	onElement: number;
}

const built = hasBuild();

/**
 * The element an annotation is about, as a CSS selector, from its id alone (not from its selectors):
 * `…#c-<id>-<n>` is the n-th mention of the sentence, `…#note-<id>` the passage the note marks,
 * `…#c-<id>-related` the sentence (its related claims are the bodies).
 */
function elementOf(id: string): { css: string; nth: number } {
	const fragment = new URL(id).hash.slice(1);
	const mention = /^(c-[0-9a-f]{10})-(\d+)$/.exec(fragment);
	if (mention) return { css: `#${mention[1]} [data-mention]`, nth: Number(mention[2]) - 1 };
	const related = /^(c-[0-9a-f]{10})-related$/.exec(fragment);
	if (related) return { css: `#${related[1]}`, nth: 0 };
	const note = /^note-(.+)$/.exec(fragment);
	if (note) return { css: `mark[data-note="${note[1]}"]`, nth: 0 };
	throw new Error(`annotation ${id}: no element is known for this id`);
}

/** Run Apache Annotator over the page's annotations, in the page. */
async function anchor(page: Page, items: readonly Item[]): Promise<Outcome[]> {
	await page.evaluate(await apacheAnnotatorScript());
	const work = items.map((item) => ({ id: item.id, selectors: item.target.selector, element: elementOf(item.id) }));
	return page.evaluate(async (annotations) => {
		type Library = {
			makeRefinable: (create: (selector: { type: string }) => unknown) => (selector: unknown) => (scope: Node) => AsyncIterable<Range | Element>;
			createCssSelectorMatcher: (selector: unknown) => unknown;
			createTextPositionSelectorMatcher: (selector: unknown) => unknown;
			createTextQuoteSelectorMatcher: (selector: unknown) => unknown;
		};
		const library = (globalThis as unknown as { ApacheAnnotator: Library }).ApacheAnnotator;
		const creators: Record<string, (selector: unknown) => unknown> = {
			CssSelector: library.createCssSelectorMatcher,
			TextPositionSelector: library.createTextPositionSelectorMatcher,
			TextQuoteSelector: library.createTextQuoteSelectorMatcher,
		};
		const createMatcher = library.makeRefinable((selector) => {
			const create = creators[selector.type];
			if (!create) throw new Error(`no matcher for ${selector.type}`);
			return create(selector);
		});
		/** Offset of a boundary point in the body's text (what the body's text before it would hold). */
		const offsetOf = (node: Node, offset: number): number => {
			const before = document.createRange();
			before.setStart(document.body, 0);
			before.setEnd(node, offset);
			return before.toString().length;
		};
		/** Whether a match covers exactly the element's text (or is the element itself). */
		const isOn = (match: Range | Element, element: Element): boolean => {
			if (match instanceof Element) return match === element;
			const whole = document.createRange();
			whole.selectNodeContents(element);
			return (
				offsetOf(match.startContainer, match.startOffset) === offsetOf(whole.startContainer, whole.startOffset) &&
				offsetOf(match.endContainer, match.endOffset) === offsetOf(whole.endContainer, whole.endOffset)
			);
		};
		const outcomes: { id: string; type: string; matches: number; onElement: number }[] = [];
		for (const annotation of annotations) {
			const element = document.querySelectorAll(annotation.element.css)[annotation.element.nth];
			for (const selector of annotation.selectors) {
				let matches = 0;
				let onElement = 0;
				for await (const match of createMatcher(selector)(document.body)) {
					matches += 1;
					if (element && isOn(match, element)) onElement += 1;
				}
				outcomes.push({ id: annotation.id, type: selector.type, matches, onElement });
			}
		}
		return outcomes;
	}, work);
}

describe('annotations in an annotation client', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();
	const collection = JSON.parse(readDistFile('data/annotations.jsonld')) as { first: { items: Item[] } };
	const pages = [...new Set(collection.first.items.map((item) => item.target.source))];

	it.each(pages)('should anchor every annotation of %s exactly once, on its element', async (source) => {
		const items = collection.first.items.filter((item) => item.target.source === source);
		const outcomes = await site.open(new URL(source).pathname, (page) => anchor(page, items));
		const count = (type: string, test: (outcome: Outcome) => boolean) => outcomes.filter((outcome) => outcome.type === type && test(outcome)).length;
		const summary = Object.fromEntries(
			[...new Set(outcomes.map((outcome) => outcome.type))].map((type) => [
				type,
				{ of: count(type, () => true), matched: count(type, (o) => o.matches > 0), once: count(type, (o) => o.matches === 1 && o.onElement === 1) },
			]),
		);
		// Anchored: every selector of the annotation matched once, on its element; by motivation.
		const motivationOf = new Map(items.map((item) => [item.id, item.motivation]));
		const anchored = new Map<string, [number, number]>();
		for (const item of items) {
			const own = outcomes.filter((outcome) => outcome.id === item.id);
			const counts = anchored.get(item.motivation) ?? [0, 0];
			anchored.set(item.motivation, [counts[0] + (own.every((o) => o.matches === 1 && o.onElement === 1) ? 1 : 0), counts[1] + 1]);
		}
		console.info(new URL(source).pathname, JSON.stringify({ annotations: items.length, ...summary, anchored: Object.fromEntries(anchored), quoteOnce: Object.fromEntries([...new Set(motivationOf.values())].map((m) => [m, outcomes.filter((o) => o.type === 'TextQuoteSelector' && motivationOf.get(o.id) === m && o.matches === 1 && o.onElement === 1).length])) }));
		// Every annotation carries a quote and a CSS selector on its element.
		expect(count('TextQuoteSelector', () => true)).toBe(items.length);
		expect(count('CssSelector', () => true)).toBe(items.length);
		const wrong = outcomes.filter((outcome) => outcome.matches !== 1 || outcome.onElement !== 1);
		expect(wrong.slice(0, 10), `${wrong.length} selectors of ${outcomes.length} do not match once on their element`).toEqual([]);
	}, 120_000);
});
