/**
 * `/data/annotations.jsonld`: every mention, editor's note and related claim
 * as a W3C Web Annotation on the commentary's reading page, with selectors
 * measured on the built page as a DOM client reads it (./page-text.ts):
 *
 * - a `TextQuoteSelector` whose prefix and suffix stay inside the block of
 *   the passage and are long enough that the quote occurs once in the page's
 *   body;
 * - a `CssSelector` on the sentence (`#c-…`) or the note's marked passage
 *   (`#noted-…`), refined for a mention by a `TextPositionSelector` within
 *   the sentence's text;
 * - a `TextPositionSelector` over the text of `<body>`.
 *
 * Each is enough on its own; clients use the first they support.
 *
 * A sentence's related claims are one linking annotation with a body per
 * related claim (the model allows several bodies), not one annotation each:
 * the target, most of an annotation's bytes, is written once per sentence.
 */
import type { Dataset } from '../../schemas/dataset.ts';
import type { Routes } from '../../utils/routes.ts';
import type { PageText, PlacedElement, TextSpan } from './page-text.ts';
import { findOccurrences, type CountWork } from './quote-index.ts';

/** How much context a quote carries on each side at first (doubled until the quote is unique). */
const CONTEXT = 32;

/** A passage to quote: its text and the block that bounds its context. */
export interface Passage extends TextSpan {
	block: TextSpan;
}

/** A W3C TextQuoteSelector. */
export interface TextQuote {
	type: 'TextQuoteSelector';
	exact: string;
	prefix: string;
	suffix: string;
}

/**
 * Quote selectors for many passages of one page, each occurring once in the
 * page's text, with context inside the passage's block. All passages are
 * found together in one pass over the text (./quote-index.ts); a quote that
 * occurs more than once has its context doubled and is checked only at the
 * places where its shorter form occurred (the position index: any place of
 * the longer quote holds the shorter one), so the work is linear in the
 * page's length plus those places, never a scan of the page per passage.
 *
 * @param text
 *   The page's text.
 * @param passages
 *   What to quote.
 * @param where
 *   Describes a passage for errors (`commentary: sentence c-…`).
 * @param work
 *   Counters of the work done (optional).
 * @returns
 *   One selector per passage.
 * @throws
 *   When a passage's whole block occurs more than once on the page: no
 *   quote inside it can tell them apart.
 */
export function uniqueQuotes(text: string, passages: readonly Passage[], where: (index: number) => string, work?: CountWork): TextQuote[] {
	const quoteAt = (index: number, context: number): TextQuote => {
		const { start, end, block } = passages[index]!;
		return {
			type: 'TextQuoteSelector',
			exact: text.slice(start, end),
			prefix: text.slice(Math.max(block.start, start - context), start),
			suffix: text.slice(end, Math.min(block.end, end + context)),
		};
	};
	const whole = (quote: TextQuote) => quote.prefix + quote.exact + quote.suffix;
	const quotes = passages.map((_, index) => quoteAt(index, CONTEXT));
	const places = findOccurrences(text, quotes.map(whole), work);
	// The places of a quote depend only on its text, so quotes that read alike (a sentence the page repeats) are
	// widened together: the places of a quote are split once by the text around them, and each wider quote takes
	// its share. Checking every place for each quote in turn would grow with the square of the repetitions.
	const splits = new Map<string, Map<string, number[]>>();
	const widened = (found: readonly number[], from: string, shift: number, length: number): Map<string, number[]> => {
		const key = `${shift} ${length} ${from}`;
		let split = splits.get(key);
		if (!split) {
			split = new Map();
			if (work) work.comparisons += found.length;
			for (const place of found) {
				const at = place - shift;
				if (at < 0 || at + length > text.length) continue;
				const around = text.slice(at, at + length);
				const list = split.get(around);
				if (list) list.push(at);
				else split.set(around, [at]);
			}
			splits.set(key, split);
		}
		return split;
	};
	quotes.forEach((first, index) => {
		let quote = first;
		let found = places[index]!;
		for (let context = CONTEXT * 2; found.length > 1; context *= 2) {
			const { start, end, block } = passages[index]!;
			if (start - context / 2 <= block.start && end + context / 2 >= block.end) {
				throw new Error(`${where(index)}: “${quote.exact}” cannot be quoted uniquely: its whole block occurs ${found.length} times on the page`);
			}
			const wider = quoteAt(index, context);
			const needle = whole(wider);
			found = widened(found, whole(quote), wider.prefix.length - quote.prefix.length, needle.length).get(needle) ?? [];
			quote = wider;
		}
		quotes[index] = quote;
	});
	return quotes;
}

/** A reading page measured, with its address. */
export interface MeasuredPage {
	/** Absolute address of the reading page (the dataset's `url`). */
	url: string;
	text: PageText;
}

/** What every commentary's annotations share: the collection's address, the site's routes, and the claims' permalinks. */
export interface AnnotationContext {
	dataset: Readonly<Dataset>;
	/** The collection's own address (each annotation's id is under it). */
	id: string;
	routes: Routes;
	/** Every claim's permalink by id (`permalinksOf`). */
	permalinkOf: ReadonlyMap<string, string>;
	/** Counters of the quoting work (optional). */
	work?: CountWork | undefined;
}

/**
 * Every claim's permalink, by id.
 *
 * @param dataset
 *   The published dataset.
 * @returns
 *   Permalink by claim id.
 */
export function permalinksOf(dataset: Readonly<Dataset>): Map<string, string> {
	return new Map(dataset.commentaries.flatMap((commentary) => commentary.claims.map((claim) => [claim.id, claim.permalink])));
}

/**
 * How many annotations the collection holds, known from the dataset before
 * any page is read (a mention each, one for a sentence's related claims, an editor's note
 * each on its commentary's page), so the file can be written commentary by
 * commentary with its `total` first.
 *
 * @param dataset
 *   The published dataset.
 * @returns
 *   The count `annotationsOfCommentary` gives over every commentary.
 */
export function countAnnotations(dataset: Readonly<Dataset>): number {
	const slugs = new Set(dataset.commentaries.map((commentary) => commentary.slug));
	let total = dataset.notes.filter((note) => slugs.has(note.data.commentary)).length;
	for (const commentary of dataset.commentaries) {
		for (const claim of commentary.claims) total += claim.mentions.length + (claim.related.length > 0 ? 1 : 0);
	}
	return total;
}

/**
 * The collection around its items: what `JSON.stringify` prints before the
 * first item and after the last, so the items can be written in between as
 * they are made, never held all at once.
 *
 * @param id
 *   The collection's own address.
 * @param total
 *   How many items it holds (`countAnnotations`).
 * @returns
 *   The collection with its items left out, and the JSON text before and after them.
 */
export function annotationCollection(id: string, total: number): { shell: Record<string, unknown>; before: string; after: string } {
	const shell = {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		id,
		type: 'AnnotationCollection',
		label: 'Treaty Reader: mentions, editors’ notes and related claims',
		total,
		first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items: [] },
	};
	const printed = JSON.stringify(shell);
	const end = ']}}';
	// `items` is the shell's last field: its empty array is where the items go.
	if (!printed.endsWith(`[${end}`)) throw new Error('/data/annotations.jsonld: the collection does not end with its items');
	return { shell, before: printed.slice(0, -end.length), after: end };
}

/**
 * The annotations of one commentary's reading page: its mentions, related
 * claims and editors' notes, in that page's order.
 *
 * @param commentary
 *   The commentary, as the dataset has it.
 * @param page
 *   Its reading page, measured.
 * @param context
 *   The collection's address, routes and permalinks.
 * @returns
 *   The commentary's annotations.
 * @throws
 *   When the page lacks a sentence, a mention or a note's passage the
 *   dataset has, or a passage cannot be quoted uniquely.
 */
export function annotationsOfCommentary(commentary: Dataset['commentaries'][number], page: MeasuredPage, context: AnnotationContext): Record<string, unknown>[] {
	const { dataset, id, routes, permalinkOf, work } = context;
	const absolute = (path: string) => new URL(path, dataset.site).href;
	const items: Record<string, unknown>[] = [];
	const { text, byId } = page.text;
	const placed = (elementId: string, what: string): PlacedElement => {
		const element = byId.get(elementId);
		if (!element) throw new Error(`${page.url}: ${what}: no element #${elementId} on the page`);
		return element;
	};
	/** What to annotate, before the quotes are made (all of a page's at once). */
	const pending: { passage: Passage; where: string; make: (quote: TextQuote) => Record<string, unknown>[] }[] = [];
	const target = (quote: TextQuote, passage: Passage, css: Record<string, unknown>) => ({
		source: commentary.url,
		selector: [quote, css, { type: 'TextPositionSelector', start: passage.start, end: passage.end }],
	});
	for (const claim of commentary.claims) {
		const sentence = placed(claim.id, `sentence ${claim.id}`);
		if (sentence.mentions.length !== claim.mentions.length) {
			throw new Error(`${page.url}: sentence ${claim.id} has ${sentence.mentions.length} mention links, the dataset ${claim.mentions.length} mentions`);
		}
		claim.mentions.forEach((mention, index) => {
			const span = sentence.mentions[index]!;
			const words = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
			if (words !== mention.text) throw new Error(`${page.url}: sentence ${claim.id}: mention ${index + 1} reads “${words}” on the page, “${mention.text}” in the dataset`);
			const passage = { ...span, block: sentence.block };
			pending.push({
				passage,
				where: `${page.url}: sentence ${claim.id}, mention ${index + 1}`,
				make: (quote) => [
					{
						id: `${id}#${claim.id}-${index + 1}`,
						type: 'Annotation',
						motivation: 'identifying',
						body: { id: absolute(routes.entity(mention.kind, mention.ref)), type: 'SpecificResource', purpose: 'identifying' },
						target: target(quote, passage, {
							type: 'CssSelector',
							value: `#${claim.id}`,
							refinedBy: { type: 'TextPositionSelector', start: span.start - sentence.start, end: span.end - sentence.start },
						}),
					},
				],
			});
		});
		if (claim.related.length > 0) {
			const passage = { start: sentence.start, end: sentence.end, block: sentence.block };
			pending.push({
				passage,
				where: `${page.url}: sentence ${claim.id}`,
				make: (quote) => [
					{
						id: `${id}#${claim.id}-related`,
						type: 'Annotation',
						motivation: 'linking',
						body: claim.related.map((related) => {
							const permalink = permalinkOf.get(related.id);
							if (!permalink) throw new Error(`/data/annotations.jsonld: ${claim.id} is related to ${related.id}, which is no claim of the corpus`);
							return { id: permalink, type: 'SpecificResource', purpose: 'linking' };
						}),
						target: target(quote, passage, { type: 'CssSelector', value: `#${claim.id}` }),
					},
				],
			});
		}
	}
	for (const note of dataset.notes.filter((candidate) => candidate.data.commentary === commentary.slug)) {
		const marked = placed(`noted-${note.id}`, `the passage of the editor’s note ${note.id}`);
		const passage = { start: marked.start, end: marked.end, block: marked.block };
		pending.push({
			passage,
			where: `${page.url}: the editor’s note ${note.id}`,
			make: (quote) => [
				{
					id: `${id}#note-${note.id}`,
					type: 'Annotation',
					motivation: 'commenting',
					body: { type: 'TextualBody', value: note.text, format: 'text/markdown', language: 'en' },
					target: target(quote, passage, { type: 'CssSelector', value: `#noted-${note.id}` }),
				},
			],
		});
	}
	const quotes = uniqueQuotes(
		text,
		pending.map((item) => item.passage),
		(index) => pending[index]!.where,
		work,
	);
	pending.forEach((item, index) => items.push(...item.make(quotes[index]!)));
	return items;
}

/**
 * Build the annotation collection whole (for a few pages; the build writes it
 * commentary by commentary, `./annotations-file.ts`).
 *
 * @param dataset
 *   The published dataset (`/data/corpus.json`).
 * @param pages
 *   Each commentary's reading page, measured, by slug.
 * @param id
 *   The collection's own address.
 * @param routes
 *   Routes of the site (with its base), for entity pages.
 * @param work
 *   Counters of the quoting work (optional).
 * @returns
 *   JSON-LD document.
 * @throws
 *   When a page lacks a sentence, a mention or a note's passage the dataset
 *   has, or a passage cannot be quoted uniquely.
 */
export function webAnnotations(
	dataset: Readonly<Dataset>,
	pages: ReadonlyMap<string, MeasuredPage>,
	id: string,
	routes: Routes,
	work?: CountWork,
): Record<string, unknown> {
	const context: AnnotationContext = { dataset, id, routes, permalinkOf: permalinksOf(dataset), work };
	const items = dataset.commentaries.flatMap((commentary) => {
		const page = pages.get(commentary.slug);
		if (!page) throw new Error(`/data/annotations.jsonld: no reading page for ${commentary.slug}`);
		return annotationsOfCommentary(commentary, page, context);
	});
	const { shell } = annotationCollection(id, items.length);
	return { ...shell, first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items } };
}
