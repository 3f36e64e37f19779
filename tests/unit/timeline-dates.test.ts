import { describe, expect, it } from 'vitest';
import { timelineYears } from '../../src/features/timeline/timeline-rows.ts';
import { dateSentencePages, SENTENCES_ON_TIMELINE, SENTENCES_PER_DATE_PAGE, timelineExcerpt } from '../../src/features/timeline/date-sentences.ts';

/** A generated corpus's dates: date `i` is mentioned by `counts[i]` sentences. */
const dates = (counts: readonly number[]) =>
	counts.map((count, index) => ({ ref: `2024-01-${String(index + 1).padStart(2, '0')}`, passages: Array.from({ length: count }, (_, n) => `d${index}-s${n}`) }));

describe('timelineExcerpt', () => {
	it('shows a date’s first sentences in order and counts the rest, however many commentaries mention it', () => {
		for (const count of [0, 1, SENTENCES_ON_TIMELINE, SENTENCES_ON_TIMELINE + 1, 5_000]) {
			const passages = Array.from({ length: count }, (_, n) => n);
			const { shown, more } = timelineExcerpt(passages);
			expect(shown.length).toBeLessThanOrEqual(SENTENCES_ON_TIMELINE);
			expect(shown).toEqual(passages.slice(0, shown.length));
			expect(shown.length + more).toBe(count);
		}
	});
});

describe('dateSentencePages', () => {
	it('bounds every page and puts each sentence of a large corpus on exactly one page of its date, in order', () => {
		// 1,000 commentaries: the signing mentioned by nearly all of them, other dates by a few.
		const corpus = dates([4_100, SENTENCES_ON_TIMELINE + 1, SENTENCES_PER_DATE_PAGE, SENTENCES_PER_DATE_PAGE + 1, 977]);
		const pages = dateSentencePages(corpus);
		for (const date of corpus) {
			const own = pages.filter((page) => page.date === date);
			expect(own.map((page) => page.page.number)).toEqual(own.map((_, index) => index + 1));
			expect(own.length).toBe(Math.ceil(date.passages.length / SENTENCES_PER_DATE_PAGE));
			expect(own.flatMap((page) => page.page.items)).toEqual(date.passages);
		}
		expect(Math.max(...pages.map((page) => page.page.items.length))).toBeLessThanOrEqual(SENTENCES_PER_DATE_PAGE);
		expect(new Set(pages.flatMap((page) => page.page.items)).size).toBe(corpus.reduce((sum, date) => sum + date.passages.length, 0));
	});

	it('gives pages only to the dates the timeline does not show in full', () => {
		const pages = dateSentencePages(dates([SENTENCES_ON_TIMELINE, 0, SENTENCES_ON_TIMELINE + 1]));
		expect(pages.map((page) => [page.date.ref, page.page.number, page.page.items.length])).toEqual([['2024-01-03', 1, SENTENCES_ON_TIMELINE + 1]]);
	});
});

describe('timelineYears', () => {
	it('lists each year once, at its first entry, in order, however many entries a large corpus has', () => {
		const entries = Array.from({ length: 5_000 }, (_, index) => {
			const year = 1961 + Math.floor(index / 100);
			return { date: index % 7 === 0 ? `${year}-01/${year + 1}` : `${year}-${String((index % 12) + 1).padStart(2, '0')}`, id: `d-${index}` };
		});
		const years = timelineYears(entries);
		expect(years).toHaveLength(50);
		expect(years.map((year) => year.year)).toEqual(Array.from({ length: 50 }, (_, index) => String(1961 + index)));
		expect(years.map((year) => year.id)).toEqual(Array.from({ length: 50 }, (_, index) => `d-${index * 100}`));
	});
});
