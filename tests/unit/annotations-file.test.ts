/**
 * `/data/annotations.jsonld` as the build writes it: commentary by
 * commentary, each reading page read, annotated and written before the next
 * is read (the whole collection of 1,000 commentaries held at once took
 * gigabytes), printing exactly what the whole collection prints.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDataset, type DatasetInputs } from '../../src/features/dataset/dataset.ts';
import { countAnnotations, webAnnotations, type MeasuredPage } from '../../src/features/dataset/annotations.ts';
import type { writeAnnotations as WriteAnnotations } from '../../src/features/dataset/annotations-file.ts';
import { measurePageText } from '../../src/features/dataset/page-text.ts';
import type { Claim } from '../../src/schemas/corpus.ts';
import { createRoutes } from '../../src/utils/routes.ts';
import { sampleMetadata } from '../support/commentary-metadata.ts';

/** Every reading page the writer reads, with the annotations file's size on disk at that moment. */
const reads: { file: string; writtenBytes: number | undefined }[] = [];
let annotationsFile = '';

vi.mock('node:fs/promises', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:fs/promises')>();
	return {
		...actual,
		readFile: (async (...args: Parameters<typeof actual.readFile>) => {
			const [file] = args;
			if (typeof file === 'string' && file.endsWith('index.html')) {
				reads.push({ file, writtenBytes: statSync(annotationsFile, { throwIfNoEntry: false })?.size });
			}
			return actual.readFile(...args);
		}) as typeof actual.readFile,
	};
});

/**
 * The writer, imported afresh once the mock above is in place. The unit files share their worker's modules
 * (`isolate: false`): had another file imported the writer first, it would hold the real `readFile`, and the
 * reads above would not be seen (which files share a worker changes with the set of files).
 */
let writeAnnotations: typeof WriteAnnotations;
beforeAll(async () => {
	vi.resetModules();
	({ writeAnnotations } = await import('../../src/features/dataset/annotations-file.ts'));
});

const routes = createRoutes('/');
const metadata = sampleMetadata('A title');

/** A commentary of two sentences naming Russia, and its reading page as built. */
function commentary(slug: string, n: number, verb = 'signed'): { entry: DatasetInputs['corpus'][number]; page: string } {
	const ids = [0, 1].map((index) => `c-${`${slug}${n}${index}`.padEnd(10, '0')}`);
	const claims: Claim[] = ids.map((id, index) => ({
		id,
		text: `Russia ${verb} part ${n}.${index}.`,
		block: 'p',
		blockIndex: 0,
		index,
		mentions: [{ kind: 'actor', ref: 'russia', text: 'Russia', start: 0, end: 6 }],
	}));
	const spans = claims.map((claim) => `<span class="claim" data-claim id="${claim.id}"><a data-mention="actor">Russia</a>${claim.text.slice(6)}</span>`);
	return {
		entry: { slug, entry: { data: metadata }, claims },
		page: `<!doctype html><html><body><main><p>${spans.join(' ')}</p></main></body></html>`,
	};
}

/** The temporary site of the running test, removed after it. */
let dir = '';
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	reads.length = 0;
});

describe('the Web Annotations file', () => {
	it('should write each commentary’s annotations before reading the next page, printing what the whole collection prints', async () => {
		dir = mkdtempSync(join(tmpdir(), 'annotations-file-'));
		const whole = writeSite(dir, ['aa', 'bb', 'cc'].map((slug, index) => commentary(slug, index)));
		annotationsFile = join(dir, 'data', 'annotations.jsonld');

		expect(await writeAnnotations(dir, '/')).toEqual({ annotations: 6, commentaries: 3, cached: 0 });
		expect(countAnnotations(JSON.parse(readFileSync(join(dir, 'data', 'corpus.json'), 'utf8')))).toBe(6);
		expect(readFileSync(annotationsFile, 'utf8')).toBe(whole);
		// Read in reading order, and each page only once the one before it was written out.
		expect(reads.map((read) => read.file)).toEqual(['aa', 'bb', 'cc'].map((slug) => join(dir, 'commentaries', slug, 'index.html')));
		const sizes = reads.map((read) => read.writtenBytes ?? -1);
		expect(sizes[0]).toBeGreaterThanOrEqual(0);
		expect(sizes[1]).toBeGreaterThan(sizes[0]!);
		expect(sizes[2]).toBeGreaterThan(sizes[1]!);
	});

	it('should leave no file when a reading page is missing', async () => {
		dir = mkdtempSync(join(tmpdir(), 'annotations-file-'));
		const { entry } = commentary('aa', 0);
		const dataset = buildDataset({ site: new URL('https://example.org'), routes, corpus: [entry], articles: [], actors: [], events: [], notes: [], related: new Map(), matters: [] });
		mkdirSync(join(dir, 'data'), { recursive: true });
		writeFileSync(join(dir, 'data', 'corpus.json'), JSON.stringify(dataset));
		annotationsFile = join(dir, 'data', 'annotations.jsonld');
		await expect(writeAnnotations(dir, '/')).rejects.toThrow(/the reading page of aa was not built/);
		expect(statSync(annotationsFile, { throwIfNoEntry: false })).toBeUndefined();
	});
});

/**
 * A built site of commentaries in `dir`: the dataset and each reading page.
 *
 * @returns The pages measured as the writer measures them, and the whole collection they make.
 */
function writeSite(dir: string, commentaries: ReturnType<typeof commentary>[]): string {
	const dataset = buildDataset({
		site: new URL('https://example.org'),
		routes,
		corpus: commentaries.map((item) => item.entry),
		articles: [],
		actors: [],
		events: [],
		notes: [],
		related: new Map(),
		matters: [],
	});
	mkdirSync(join(dir, 'data'), { recursive: true });
	writeFileSync(join(dir, 'data', 'corpus.json'), `${JSON.stringify(dataset)}\n`);
	const pages = new Map<string, MeasuredPage>();
	for (const { entry, page } of commentaries) {
		mkdirSync(join(dir, 'commentaries', entry.slug), { recursive: true });
		writeFileSync(join(dir, 'commentaries', entry.slug, 'index.html'), page);
		pages.set(entry.slug, { url: `https://example.org/commentaries/${entry.slug}/`, text: measurePageText(fromHtml(page), entry.slug) });
	}
	return `${JSON.stringify(webAnnotations(dataset, pages, 'https://example.org/data/annotations.jsonld', routes))}\n`;
}

describe('the Web Annotations file between builds', () => {
	it('should copy each unchanged commentary’s annotations from the cache and make an edited one’s again', async () => {
		dir = mkdtempSync(join(tmpdir(), 'annotations-cache-'));
		const site = join(dir, 'dist');
		const cache = { cacheDir: join(dir, 'cache'), code: 'code-1', reuse: true };
		annotationsFile = join(site, 'data', 'annotations.jsonld');
		const first = writeSite(site, ['aa', 'bb', 'cc'].map((slug, index) => commentary(slug, index)));
		expect(await writeAnnotations(site, '/', cache)).toEqual({ annotations: 6, commentaries: 3, cached: 0 });
		expect(readFileSync(annotationsFile, 'utf8')).toBe(first);

		// Nothing changed: every commentary from the cache, the same bytes.
		expect(await writeAnnotations(site, '/', cache)).toEqual({ annotations: 6, commentaries: 3, cached: 3 });
		expect(readFileSync(annotationsFile, 'utf8')).toBe(first);

		// One commentary reworded (its dataset entry and its reading page): it alone is made again, nothing stale stays.
		const edited = writeSite(site, [commentary('aa', 0), commentary('bb', 1, 'ratified'), commentary('cc', 2)]);
		expect(edited).not.toBe(first);
		expect(await writeAnnotations(site, '/', cache)).toEqual({ annotations: 6, commentaries: 3, cached: 2 });
		expect(readFileSync(annotationsFile, 'utf8')).toBe(edited);
		expect(readFileSync(annotationsFile, 'utf8')).not.toContain('Russia signed part 1.');
		// The cache holds this build's three entries and its index, not the edited commentary's old entry.
		expect(readdirSync(cache.cacheDir).sort()).toHaveLength(4);

		// The first commentary gone: the others' entries still fit, commas and count included.
		const fewer = writeSite(site, [commentary('bb', 1, 'ratified'), commentary('cc', 2)]);
		rmSync(join(site, 'commentaries', 'aa'), { recursive: true });
		expect(await writeAnnotations(site, '/', cache)).toEqual({ annotations: 4, commentaries: 2, cached: 2 });
		expect(readFileSync(annotationsFile, 'utf8')).toBe(fewer);
		JSON.parse(readFileSync(annotationsFile, 'utf8'));
	});

	it('should make every commentary’s annotations again when the code changes, in a clean build, or when the cache is unreadable', async () => {
		dir = mkdtempSync(join(tmpdir(), 'annotations-cache-'));
		const site = join(dir, 'dist');
		const cacheDir = join(dir, 'cache');
		annotationsFile = join(site, 'data', 'annotations.jsonld');
		const whole = writeSite(site, ['aa', 'bb'].map((slug, index) => commentary(slug, index)));
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-1', reuse: true })).cached).toBe(0);
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-2', reuse: true })).cached).toBe(0);
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-2', reuse: false })).cached).toBe(0);
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-2', reuse: true })).cached).toBe(2);
		// An entry lost, the index garbled: misses, never a wrong file.
		const entry = readdirSync(cacheDir).find((name) => name !== 'index.json')!;
		rmSync(join(cacheDir, entry));
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-2', reuse: true })).cached).toBe(1);
		expect(readFileSync(annotationsFile, 'utf8')).toBe(whole);
		writeFileSync(join(cacheDir, 'index.json'), '{"not": "counts"');
		expect((await writeAnnotations(site, '/', { cacheDir, code: 'code-2', reuse: true })).cached).toBe(0);
		expect(readFileSync(annotationsFile, 'utf8')).toBe(whole);
	});
});
