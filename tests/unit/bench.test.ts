/**
 * The benchmark's pure parts: the synthetic corpus is valid content made of
 * real sentences, and the build log is read into stages and card figures.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/claims/segment.ts';
import { splitFrontmatter } from '../../src/loaders/frontmatter.ts';
import { commentarySchema } from '../../src/schemas/commentary.ts';
import { precisionRecall, staleLabels, syntheticCommentaries } from '../../scripts/bench/alignment.mjs';
import { cardsOf, stagesOf } from '../../scripts/bench/build.mjs';
import { editOneCommentary, readModels, seededRandom, writeSyntheticCorpus } from '../../scripts/bench/corpus.mjs';
import { fileKind, measureDist, pageType } from '../../scripts/bench/measure.mjs';
import { copyProject } from '../../scripts/bench/project.mjs';
import { parseSearchBudget } from '../../scripts/bench/search.mjs';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('synthetic corpus', () => {
	const copy = join(scratch, 'site');
	copyProject(root, copy);
	const { written } = writeSyntheticCorpus(copy, 12) as { written: string[] };
	const dir = join(copy, 'content', 'commentaries');
	const real = new Set<string>((readModels(root) as { sentences: string[] }[]).flatMap((model) => model.sentences));

	it('should add commentaries up to the size asked, beside the real five', () => {
		expect(written).toHaveLength(7);
		expect(readdirSync(dir).filter((file) => file.endsWith('.md'))).toHaveLength(12);
	});

	it('should write frontmatter the commentary schema accepts, with new titles and orders', () => {
		const orders = new Set<number>();
		for (const slug of written) {
			const { frontmatter } = splitFrontmatter(readFileSync(join(dir, `${slug}.md`), 'utf8'), slug);
			const parsed = commentarySchema.safeParse(parse(frontmatter));
			expect(parsed.success, `${slug}: ${parsed.error?.message}`).toBe(true);
			expect(parsed.data?.title).toMatch(/^Synthetic \d{4}: /);
			orders.add(parsed.data!.order!);
		}
		expect(orders.size).toBe(written.length);
	});

	it('should fill paragraphs with real sentences, none twice in one commentary', () => {
		for (const slug of written) {
			const models = readModels(copy) as { slug: string; sentences: string[] }[];
			const sentences = models.find((model) => model.slug === slug)!.sentences;
			expect(sentences.length).toBeGreaterThan(20);
			expect(new Set(sentences).size).toBe(sentences.length);
			expect(sentences.filter((sentence) => !real.has(sentence))).toEqual([]);
		}
	});

	it('should be the same on every run (seeded)', () => {
		const again = join(scratch, 'again');
		copyProject(root, again);
		writeSyntheticCorpus(again, 12);
		for (const slug of written) expect(readFileSync(join(again, 'content', 'commentaries', `${slug}.md`), 'utf8')).toBe(readFileSync(join(dir, `${slug}.md`), 'utf8'));
		const random = seededRandom(1);
		expect([random(), random()]).toEqual(((r) => [r(), r()])(seededRandom(1)));
	});

	it('should edit one commentary by adding one sentence', () => {
		const slug = written.at(-1)!;
		const before = splitSentences(splitFrontmatter(readFileSync(join(dir, `${slug}.md`), 'utf8'), slug).body).length;
		editOneCommentary(copy, slug);
		const text = readFileSync(join(dir, `${slug}.md`), 'utf8');
		expect(commentarySchema.safeParse(parse(splitFrontmatter(text, slug).frontmatter)).success).toBe(true);
		expect(splitSentences(splitFrontmatter(text, slug).body).length).toBe(before + 1);
	});
});

describe('reading a build log', () => {
	const lines = [
		{ at: 1, text: '03:13:53 [content] Syncing content' },
		{ at: 21, text: '03:14:13 [content] Synced content' },
		{ at: 21.1, text: '03:14:13 [build] ✓ Completed in 37.13s.' },
		{ at: 29, text: ' generating static routes ' },
		{ at: 65, text: '03:14:58 ✓ Completed in 36.58s.' },
		{ at: 70, text: '03:15:00 [treaty-reader] search index: 300 pages and 253 sentences' },
		{ at: 90, text: '03:21:28 [treaty-reader] share cards: 619 (600 drawn, 19 from cache) by 2 thread(s), 13242 KiB, 30.5 ms per drawing (25.1 ms CPU), ready 85.2 s after the first request' },
	];

	it('should split the build into stages', () => {
		expect(stagesOf(lines, 95)).toEqual({ content: 20, vite: 8, pages: 36, afterPages: 30, cardsTail: 20, search: 5 });
	});

	it('should read the share-card line', () => {
		expect(cardsOf(lines)).toEqual({ cards: 619, drawn: 600, cached: 19, threads: 2, kib: 13242, msPerDrawing: 30.5, cpuMsPerDrawing: 25.1, readySeconds: 85.2 });
		expect(cardsOf(lines.slice(0, 3))).toBeNull();
	});

	it('should name page types from paths', () => {
		expect(['index.html', '404.html', 'c/c-0123456789/index.html', 'commentaries/x/index.html', 'commentaries/x/sentences/index.html', 'actors/china/index.html', 'actors/index.html'].map(pageType)).toEqual([
			'home',
			'404',
			'share',
			'reading',
			'sentences',
			'actors (one)',
			'actors',
		]);
	});
});

describe('what dist/ holds', () => {
	it('should sort the files that grow with the sentences into their own kinds', () => {
		expect(
			['c/c-0123456789/index.html', 'c/c-0123456789.png', 'data/annotations.jsonld', 'data/related/x.json', 'data/citations/x.json', 'data/corpus.json', 'data/claims.csv', 'pagefind/pagefind.js', 'commentaries/x/index.html', 'commentaries/x/sentences/index.html', 'actors/china/2/index.html', 'compare/index.html', 'compare/parts/x.htm', '_astro/site.css'].map(fileKind),
		).toEqual([
			'share pages',
			'share cards',
			'Web Annotations file',
			'related-claims files',
			'citations files',
			'corpus.json',
			'other data files',
			'Pagefind',
			'reading and sentences pages',
			'reading and sentences pages',
			'actor pages',
			'compare page and parts',
			'compare page and parts',
			'other pages and assets',
		]);
	});

	it('should count bytes, not the disk blocks small files take', () => {
		const dist = join(scratch, 'dist');
		mkdirSync(join(dist, 'c', 'c-0123456789'), { recursive: true });
		writeFileSync(join(dist, 'c', 'c-0123456789', 'index.html'), 'x'.repeat(100));
		writeFileSync(join(dist, 'c', 'c-0123456789.png'), 'y'.repeat(300));
		writeFileSync(join(dist, 'c', 'c-9876543210.png'), 'z'.repeat(5));
		const measured = measureDist(dist) as { bytes: number; perKind: Record<string, { files: number; bytes: number }> };
		expect(measured.bytes).toBe(405);
		expect(measured.perKind).toEqual({ 'share cards': { files: 2, bytes: 305 }, 'share pages': { files: 1, bytes: 100 } });
	});
});

describe('reading the search budget', () => {
	it('should read the bytes of the first and a later search and the warm time', () => {
		const output = [
			'Reading page: 6 requests, 41.2 KB; under /pagefind/: 0',
			'',
			'First search ("sanctions"), from the reading page: 96.4 KB (budget 150 KB), plus the search page’s HTML 3.1 KB',
			'     60.0 KB  /pagefind/wasm.en.pagefind',
			'',
			'Later search ("labour"): 4.5 KB in 3 requests (budget 30 KB)',
			'',
			'Keystroke to rendered results, index warm (10 queries, 30 ms input debounce included): median 48 ms, max 71 ms (budget 100 ms)',
		].join('\n');
		expect(parseSearchBudget(output)).toEqual({
			firstQuery: 'sanctions',
			firstBytes: Math.round(96.4 * 1024),
			laterQuery: 'labour',
			laterBytes: Math.round(4.5 * 1024),
			laterRequests: 3,
			warmMedianMs: 48,
			warmMaxMs: 71,
			readingPageRequests: 6,
			readingPagePagefindRequests: 0,
		});
	});

	it('should say so when the script printed no figures', () => {
		expect(parseSearchBudget('No search index in dist/pagefind')).toMatchObject({ todo: expect.stringContaining('printed no figures') });
	});
});

describe('the alignment benchmark', () => {
	const label = (a: string, b: string, related: boolean) => ({ a, b, related, kind: related ? 'same-matter' : 'hard-negative', why: '', texts: ['', ''] as [string, string] });

	it('should count a labelled pair as found when either claim lists the other', () => {
		const related = new Map([
			['c-a', [{ id: 'c-b' }]],
			['c-d', [{ id: 'c-c' }, { id: 'c-e' }]],
		]);
		const figures = precisionRecall([label('c-a', 'c-b', true), label('c-c', 'c-d', true), label('c-a', 'c-c', true), label('c-d', 'c-e', false), label('c-b', 'c-e', false)], related);
		expect(figures).toMatchObject({ truePositives: 2, falseNegatives: 1, falsePositives: 1, trueNegatives: 1 });
		expect(figures.precision).toBeCloseTo(2 / 3);
		expect(figures.recall).toBeCloseTo(2 / 3);
		expect(figures.wrong.map((pair: { a: string; found: boolean }) => [pair.a, pair.found])).toEqual([
			['c-a', false],
			['c-d', true],
		]);
	});

	it('should name labels whose claims are gone or reworded', () => {
		const commentaries = [{ slug: 'x', claims: [{ id: 'c-a', text: 'A.' }, { id: 'c-b', text: 'B.' }] }];
		const labels = [{ ...label('c-a', 'c-b', true), texts: ['A.', 'B, reworded.'] as [string, string] }, { ...label('c-a', 'c-z', false), texts: ['A.', 'Z.'] as [string, string] }];
		expect(staleLabels(labels, commentaries)).toEqual(['c-b: its text changed', 'c-z: no such claim']);
	});

	it('should make synthetic commentaries of real claims, with new ids, none twice in one, the same on every run', () => {
		const mention = { kind: 'article' as const, ref: '4', text: 'Article 4', start: 0, end: 9 };
		const real = ['one', 'two'].map((slug, at) => ({
			slug,
			claims: Array.from({ length: 6 }, (_, index) => ({ id: `c-${at}${index}`.padEnd(12, '0'), text: `Article 4, sentence ${slug} ${index}.`, block: 'p' as const, blockIndex: 0, index, mentions: [mention] })),
		}));
		const corpus = syntheticCommentaries(real, 7);
		expect(corpus).toHaveLength(7);
		expect(corpus.slice(0, 2)).toEqual(real);
		const texts = new Set(real.flatMap((commentary) => commentary.claims.map((claim) => claim.text)));
		const ids = new Set<string>();
		for (const commentary of corpus.slice(2)) {
			expect(commentary.claims).toHaveLength(6);
			expect(new Set(commentary.claims.map((claim: { text: string }) => claim.text)).size).toBe(6);
			for (const claim of commentary.claims) {
				expect(texts.has(claim.text)).toBe(true);
				expect(claim.mentions).toEqual([mention]);
				expect(claim.id).toMatch(/^c-[0-9a-f]{10}$/);
				ids.add(claim.id);
			}
		}
		expect(ids.size).toBe(30);
		expect(syntheticCommentaries(real, 7)).toEqual(corpus);
	});
});
