/**
 * Quoting passages of a built page for Web Annotations: the page's text as a
 * DOM client reads it, quotes that occur once with context inside their
 * block, and work that grows linearly with the page.
 */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { measurePageText } from '../../src/features/dataset/page-text.ts';
import { countOccurrences, type CountWork } from '../../src/features/dataset/quote-index.ts';
import { uniqueQuotes, type Passage } from '../../src/features/dataset/annotations.ts';

/** mulberry32: the same pseudo-random words every run. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ['the', 'treaty', 'binds', 'Russia', 'and', 'North', 'Korea', 'to', 'mutual', 'assistance', 'under', 'Article', '4', 'in', 'June', '2024', 'war', 'pact'];

/**
 * A synthetic reading page of `paragraphs` paragraphs of pseudo-random sentences, each naming Russia, with
 * an editor's note after every tenth paragraph.
 */
function syntheticPage(paragraphs: number): string {
	const random = seeded(7);
	const sentence = (id: string) => {
		const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
		words.splice(Math.floor(random() * words.length), 0, '<a data-mention="actor">Russia</a>');
		return `<span data-claim id="${id}">${words.join(' ')}.</span>`;
	};
	const blocks = Array.from({ length: paragraphs }, (_, index) => {
		const body = `<p>${[0, 1, 2].map((n) => sentence(`c-${index}-${n}`)).join(' ')}</p>`;
		return index % 10 === 9 ? `<div>${body}<aside><p>Russia and the treaty: a note.</p></aside></div>` : body;
	});
	return `<!doctype html><html><body><main>${blocks.join('\n')}</main></body></html>`;
}

/** Every mention of a measured page as a passage. */
function mentionPassages(html: string) {
	const page = measurePageText(fromHtml(html), 'synthetic');
	const passages: Passage[] = [...page.byId.values()].flatMap((element) => element.mentions.map((span) => ({ ...span, block: element.block })));
	return { text: page.text, passages };
}

describe('the page text a DOM client reads', () => {
	it('should concatenate the body’s text nodes with nothing between blocks, and bound each element by its block', () => {
		const page = measurePageText(
			fromHtml('<!doctype html><html><head><title>T</title></head><body><p>One <span id="s">two\n<a data-mention>three</a></span></p><aside><p>four</p></aside><template><p>five</p></template></body></html>'),
			'page.html',
		);
		expect(page.text).toBe('One two\nthreefour');
		const span = page.byId.get('s')!;
		expect(page.text.slice(span.start, span.end)).toBe('two\nthree');
		expect(page.text.slice(span.block.start, span.block.end)).toBe('One two\nthree');
		expect(span.mentions.map((m) => page.text.slice(m.start, m.end))).toEqual(['three']);
	});
});

describe('counting quotes', () => {
	it('should count every occurrence, overlapping ones too, as a scan from every position would', () => {
		const random = seeded(3);
		const text = Array.from({ length: 5000 }, () => 'ab '[Math.floor(random() * 3)]).join('');
		const needles = ['a', 'ab', 'aba', 'abab a', 'b b', 'ababababababababab', 'a b a b a b a b a b', text.slice(100, 140), 'zz'];
		const naive = (needle: string) => {
			let count = 0;
			for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count += 1;
			return count;
		};
		expect(countOccurrences(text, needles)).toEqual(needles.map(naive));
	});

	it('should widen an ambiguous quote until it occurs once, never beyond its block', () => {
		const text = 'x Russia y. '.repeat(20) + 'x Russia z.|Russia';
		const start = text.lastIndexOf('x Russia z') + 2;
		const [quote] = uniqueQuotes(text, [{ start, end: start + 6, block: { start: 0, end: text.indexOf('|') } }], () => 'here');
		expect(quote!.exact).toBe('Russia');
		expect(quote!.suffix).toBe(' z.');
		expect(text.split(quote!.prefix + quote!.exact + quote!.suffix)).toHaveLength(2);
	});

	it('should refuse a passage whose whole block repeats on the page, naming it', () => {
		const text = 'Russia.|Russia.';
		expect(() => uniqueQuotes(text, [{ start: 0, end: 6, block: { start: 0, end: 7 } }], () => 'commentaries/x/: sentence c-1, mention 1')).toThrow(
			/commentaries\/x\/: sentence c-1, mention 1: “Russia” cannot be quoted uniquely: its whole block occurs 2 times on the page/,
		);
	});

	it('should widen the quotes of a sentence the page repeats together, not checking every repetition for each (linear in the repetitions)', () => {
		// 2,000 paragraphs say the same thing and differ only at their end: every quote of “Russia” needs its widest context.
		const blocks = Array.from({ length: 2_000 }, (_, index) => `The treaty binds Russia and North Korea to come to each other's defence without delay (passage ${index + 1}).`);
		const text = blocks.join('');
		const passages: Passage[] = [];
		let at = 0;
		for (const block of blocks) {
			const start = at + block.indexOf('Russia');
			passages.push({ start, end: start + 6, block: { start: at, end: at + block.length } });
			at += block.length;
		}
		const work: CountWork = { windows: 0, comparisons: 0 };
		const quotes = uniqueQuotes(text, passages, (index) => `mention ${index}`, work);
		quotes.forEach((quote, index) => {
			expect(quote.exact).toBe('Russia');
			expect(quote.suffix.endsWith(`(passage ${index + 1}).`), quote.suffix).toBe(true);
			expect(text.split(quote.prefix + quote.exact + quote.suffix), `quote ${index}`).toHaveLength(2);
		});
		// Checking each repetition for each quote: four million comparisons.
		expect(work.comparisons).toBeLessThan(20 * passages.length);
	});

	it('should quote every mention of a long page with work linear in its length', () => {
		const measure = (paragraphs: number) => {
			const { text, passages } = mentionPassages(syntheticPage(paragraphs));
			const work: CountWork = { windows: 0, comparisons: 0 };
			const quotes = uniqueQuotes(text, passages, (index) => `mention ${index}`, work);
			// Every quote is unique and its context stays in its block.
			quotes.forEach((quote, index) => {
				const { start, end, block } = passages[index]!;
				expect(start - quote.prefix.length).toBeGreaterThanOrEqual(block.start);
				expect(end + quote.suffix.length).toBeLessThanOrEqual(block.end);
			});
			return { length: text.length, mentions: passages.length, steps: work.windows + work.comparisons };
		};
		const small = measure(500);
		const large = measure(4000);
		expect(large.mentions).toBe(8 * small.mentions);
		// Eight times the text and the mentions: about eight times the work (a scan per mention would be 64 times).
		const growth = large.steps / small.steps;
		const size = large.length / small.length;
		expect(growth / size, JSON.stringify({ small, large })).toBeLessThan(1.25);
	});
});
