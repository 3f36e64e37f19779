/**
 * Writes `/data/annotations.jsonld` after the build, from what the build
 * published: `/data/corpus.json` and each commentary's reading page, read as
 * a DOM client reads it (./page-text.ts). Selectors measured on the built
 * pages cannot drift from them.
 *
 * The file is written commentary by commentary: each reading page is read,
 * measured and annotated, its annotations appended to the file, and the page
 * let go before the next (at 1,000 commentaries the whole collection, its
 * measured pages and its text at once took gigabytes).
 *
 * A rebuild keeps each commentary's annotations as printed, in a cache keyed
 * by everything they are made from (see `commentaryKey`): a commentary whose
 * reading page, dataset entry, notes and related claims' permalinks are
 * unchanged is copied from the cache instead of its page being parsed and
 * measured again.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { datasetSchema, type Dataset } from '../../schemas/dataset.ts';
import { createRoutes } from '../../utils/routes.ts';
import { annotationCollection, annotationsOfCommentary, countAnnotations, permalinksOf } from './annotations.ts';
import { measurePageText } from './page-text.ts';

/** Annotations printed and written at a time. */
const WRITE_SLICE = 2000;

/** Where each commentary's printed annotations are kept between builds (safe to delete). */
export const ANNOTATION_CACHE_DIR = join('node_modules', '.cache', 'treaty-reader', 'annotations');

/** The cache's index: how many annotations each kept entry holds, by key. */
const CACHE_INDEX = 'index.json';

/** How the annotations of each commentary are kept between builds. */
export interface AnnotationCacheOptions {
	/** The cache folder (absolute). */
	cacheDir: string;
	/** A digest of the site's code and configuration: any change makes every commentary's annotations again. */
	code: string;
	/** Whether an earlier build's annotations may be reused (`false` for a clean build: all are made afresh). */
	reuse: boolean;
}

/** What was written. */
export interface AnnotationsWritten {
	/** Annotations in the file. */
	annotations: number;
	/** Commentaries annotated. */
	commentaries: number;
	/** Of those, how many were copied from the cache. */
	cached: number;
}

/**
 * The line a build prints once the annotations are written.
 *
 * @param written
 *   What was written.
 * @param ms
 *   Milliseconds it took.
 * @returns
 *   `annotations: … anchored on the reading pages (… commentaries annotated, … from cache) in … s`.
 */
export function describeAnnotations(written: AnnotationsWritten, ms: number): string {
	return (
		`annotations: ${written.annotations} anchored on the reading pages ` +
		`(${written.commentaries - written.cached} commentaries annotated, ${written.cached} from cache) in ${(ms / 1000).toFixed(2)} s`
	);
}

type DatasetCommentary = Dataset['commentaries'][number];

/**
 * The digest of everything one commentary's annotations are made from: the
 * code, the collection's address and the site's base, the commentary's
 * dataset entry, the editors' notes on it, its reading page as built and the
 * permalinks of the claims its sentences are related to (the only data of
 * other commentaries it prints).
 *
 * @param commentary
 *   Its dataset entry.
 * @param html
 *   Its reading page as built.
 * @param context
 *   The collection's address, the base, the dataset, the permalinks and the code digest.
 * @returns
 *   Base64url SHA-256 digest.
 */
export function commentaryKey(
	commentary: DatasetCommentary,
	html: string,
	context: { id: string; base: string; dataset: Readonly<Dataset>; permalinkOf: ReadonlyMap<string, string>; code: string },
): string {
	const hash = createHash('sha256');
	const related = commentary.claims.flatMap((claim) => claim.related.map((other) => context.permalinkOf.get(other.id) ?? null));
	const notes = context.dataset.notes.filter((note) => note.data.commentary === commentary.slug);
	for (const part of [context.code, context.id, context.base, context.dataset.site, JSON.stringify(commentary), JSON.stringify(notes), JSON.stringify(related), html]) {
		hash.update(part).update('\u0000');
	}
	return hash.digest('base64url');
}

/**
 * The cache's index (key → number of annotations), or an empty one when it is
 * missing or not what this code writes (every commentary is then a miss).
 *
 * @param cacheDir
 *   The cache folder.
 */
async function readCacheIndex(cacheDir: string): Promise<Map<string, number>> {
	try {
		const parsed: unknown = JSON.parse(await readFile(join(cacheDir, CACHE_INDEX), 'utf8'));
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Map();
		return new Map(Object.entries(parsed).filter((entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] >= 0));
	} catch {
		return new Map();
	}
}

/**
 * Open a kept entry for reading, or nothing when it is gone (a miss).
 *
 * @param path
 *   The entry's file.
 */
async function openEntry(path: string): Promise<FileHandle | undefined> {
	return open(path, 'r').catch(() => undefined);
}

/**
 * Copy an opened entry into the file, closing it.
 *
 * @param file
 *   The annotations file, open for writing.
 * @param entry
 *   The entry, open for reading.
 */
async function copyEntry(file: FileHandle, entry: FileHandle): Promise<void> {
	try {
		for await (const chunk of entry.createReadStream({ autoClose: false })) await file.write(chunk);
	} finally {
		await entry.close();
	}
}

/**
 * Keep only this build's entries: write the index of `used` and remove every
 * other file of the cache (earlier builds' entries, a crashed build's
 * temporary files).
 *
 * @param cacheDir
 *   The cache folder.
 * @param used
 *   This build's entries: key → number of annotations.
 */
async function keepOnly(cacheDir: string, used: ReadonlyMap<string, number>): Promise<void> {
	const names = new Set([...used.keys()].map((key) => `${key}.json`));
	for (const name of await readdir(cacheDir)) {
		if (name !== CACHE_INDEX && !names.has(name)) await rm(join(cacheDir, name), { force: true });
	}
	await writeFile(join(cacheDir, `${CACHE_INDEX}.${process.pid}.tmp`), JSON.stringify(Object.fromEntries(used)));
	await rename(join(cacheDir, `${CACHE_INDEX}.${process.pid}.tmp`), join(cacheDir, CACHE_INDEX));
}

/**
 * @param outDir
 *   The build's output directory.
 * @param base
 *   Astro's `base`.
 * @param cache
 *   Where and whether to keep each commentary's annotations between builds (none: no cache).
 * @returns
 *   How many annotations were written, for how many commentaries, and how many came from the cache.
 * @throws
 *   When the dataset or a reading page is missing, or a passage cannot be anchored.
 */
export async function writeAnnotations(outDir: string, base: string, cache?: AnnotationCacheOptions): Promise<AnnotationsWritten> {
	const routes = createRoutes(base);
	const fileOf = (path: string) => join(outDir, decodeURI(path).slice(routes.base.length));
	const corpusFile = fileOf(routes.dataFile('corpus.json'));
	const dataset = datasetSchema.parse(JSON.parse(await readFile(corpusFile, 'utf8')));
	const id = new URL(routes.dataFile('annotations.jsonld'), dataset.site).href;
	const total = countAnnotations(dataset);
	const { before, after } = annotationCollection(id, total);
	const context = { dataset, id, routes, permalinkOf: permalinksOf(dataset) };
	const kept = cache?.reuse ? await readCacheIndex(cache.cacheDir) : new Map<string, number>();
	/** This build's entries: the cache's next index. */
	const used = new Map<string, number>();
	if (cache) await mkdir(cache.cacheDir, { recursive: true });
	const target = fileOf(routes.dataFile('annotations.jsonld'));
	// Unindented: indentation was a fifth of the file (about 2 KB per sentence), and JSON tools print it readably.
	const file = await open(target, 'w');
	let written = 0;
	let cached = 0;
	try {
		await file.write(before);
		for (const commentary of dataset.commentaries) {
			const page = join(fileOf(new URL(commentary.url).pathname), 'index.html');
			const html = await readFile(page, 'utf8').catch((error: unknown) => {
				throw new Error(`/data/annotations.jsonld: the reading page of ${commentary.slug} was not built (${page})`, { cause: error });
			});
			const key = cache ? commentaryKey(commentary, html, { id, base: routes.base, dataset, permalinkOf: context.permalinkOf, code: cache.code }) : undefined;
			const entryFile = cache && key ? join(cache.cacheDir, `${key}.json`) : undefined;
			const count = key === undefined ? undefined : kept.get(key);
			const keptEntry = entryFile && count !== undefined ? await openEntry(entryFile) : undefined;
			if (key !== undefined && count !== undefined && keptEntry) {
				// Kept without a leading comma: the entry is the same wherever the commentary falls in the file.
				if (written > 0 && count > 0) await file.write(',');
				await copyEntry(file, keptEntry);
				written += count;
				cached++;
				used.set(key, count);
				continue;
			}
			const items = annotationsOfCommentary(commentary, { url: commentary.url, text: measurePageText(fromHtml(html), page) }, context);
			const temporary = entryFile ? `${entryFile}.${process.pid}.tmp` : undefined;
			const entry = temporary ? await open(temporary, 'w') : undefined;
			try {
				// In slices: a commentary of 5 MB has some 150,000 annotations, whose text at once would be hundreds of MB.
				for (let from = 0; from < items.length; from += WRITE_SLICE) {
					const text = items
						.slice(from, from + WRITE_SLICE)
						.map((item) => JSON.stringify(item))
						.join(',');
					await file.write(`${written > 0 ? ',' : ''}${text}`);
					await entry?.write(`${from > 0 ? ',' : ''}${text}`);
					written += Math.min(WRITE_SLICE, items.length - from);
				}
			} finally {
				await entry?.close();
			}
			if (temporary && entryFile && key !== undefined) {
				// Renamed into place whole, so the cache never holds a half-written entry.
				await rename(temporary, entryFile);
				used.set(key, items.length);
			}
		}
		if (written !== total) throw new Error(`/data/annotations.jsonld: ${written} annotations made, ${total} counted in the dataset`);
		await file.write(`${after}\n`);
	} catch (error) {
		await file.close();
		await rm(target, { force: true });
		throw error;
	}
	await file.close();
	if (cache) await keepOnly(cache.cacheDir, used);
	return { annotations: total, commentaries: dataset.commentaries.length, cached };
}
