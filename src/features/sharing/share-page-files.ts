/**
 * Writing the share pages after the build: the frame Astro rendered once
 * (src/pages/c/[id].astro) is read, split at its markers (./page-frame.ts)
 * and filled with each page's parts (./share-page-html.ts), and the frame's
 * own folder is removed. A page whose cache key, frame and code are those of
 * the previous build is copied from the previous build's copy instead
 * (`node_modules/.astro/share-pages/`, beside Astro's own page cache), so a
 * rebuild fills only the pages whose data changed; `reuse: false` (`--clean`)
 * fills every page. One line per page is logged, as Astro logs its pages.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FilledPages } from '../../build/channel.ts';
import { fillFrame, splitFrame } from './page-frame.ts';
import { digestOf } from './page-cache-keys.ts';

/** Where the previous build's share pages are kept, relative to the project's root. */
export const SHARE_PAGE_CACHE_DIR = join('node_modules', '.astro', 'share-pages');

/** The cache's index: each page's address and the digest it was filled for. */
const MANIFEST = 'manifest.json';

/** What writing the filled pages did. */
export interface FilledPageStats {
	pages: number;
	/** Pages filled from their parts. */
	filled: number;
	/** Pages copied from the previous build. */
	restored: number;
	/** One line per page, as Astro logs a page: `  ├─ /c/<id>/index.html (+0.31ms)` or `(restored)`. */
	lines: string[];
	/**
	 * CPU time of this thread, in milliseconds, spent on the filled pages: making their parts (model and HTML),
	 * filling the frame, writing the page and its cached copy. One figure: the kernel brings a thread's clock up to
	 * date only when it is switched out (at a write) or at a tick, so a split by step would charge a step's time to
	 * the write after it.
	 */
	cpuMs: number;
}

/** Options of `writeFilledPages`. */
export interface WriteOptions {
	/** A digest of the code that prints the pages (`codeDigest`): a page is reused only from a build of the same code. */
	code: string;
	/** The cache folder (`SHARE_PAGE_CACHE_DIR` under the project's root). */
	cacheDir: string;
	/** Reuse the previous build's pages where nothing they print changed (`false`: fill all, as `--clean` does). */
	reuse: boolean;
}

/**
 * A digest of the site's code: every file under `src/`, the configuration and
 * the lockfile. Any change to them fills every share page again (a fill is
 * cheap); an edit to `content/` reuses every page whose data is unchanged.
 *
 * @param root
 *   The project's root.
 * @returns
 *   The digest.
 */
export function codeDigest(root: string): string {
	const hash = createHash('sha256');
	const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
		.map((name) => join('src', name))
		.concat('astro.config.mjs', 'package-lock.json')
		.sort();
	for (const name of files) {
		const file = join(root, name);
		if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
		hash.update(name).update('\u0000').update(readFileSync(file)).update('\u0000');
	}
	return hash.digest('base64url');
}

/**
 * What the filled pages cost, for the build's log.
 *
 * @param stats
 *   What `writeFilledPages` did.
 * @returns
 *   `; 0.41 ms of CPU per filled page`, or nothing when no page was filled.
 */
export function fillCpuSummary(stats: FilledPageStats): string {
	return stats.filled === 0 ? '' : `; ${(stats.cpuMs / stats.filled).toFixed(2)} ms of CPU per filled page`;
}

/**
 * CPU time this thread has used (user and system; the card threads draw beside it).
 *
 * @returns
 *   Milliseconds.
 */
function threadCpuMs(): number {
	const { user, system } = process.threadCpuUsage();
	return (user + system) / 1000;
}

/**
 * The cache's file for a page (`c/c-0123456789/` → `c~c-0123456789.html`).
 *
 * @param pathname
 *   The page's address relative to the site's root.
 * @returns
 *   A file name.
 */
function cacheFileOf(pathname: string): string {
	return `${pathname.replace(/\/$/, '').replaceAll('/', '~')}.html`;
}

/**
 * The previous build's index, or none when there is none or it cannot be read.
 *
 * @param cacheDir
 *   The cache folder.
 * @returns
 *   Digest by page address.
 */
function readManifest(cacheDir: string): Map<string, string> {
	try {
		const value: unknown = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8'));
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return new Map(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
		}
	} catch {
		// No previous build (or a damaged index): every page is filled.
	}
	return new Map();
}

/**
 * Put the cached copy of a page at its place in the build: a hard link (no
 * bytes copied; a copy is never rewritten in place, only replaced), or a copy
 * where the two folders cannot share files.
 *
 * @param cached
 *   The copy in the cache.
 * @param file
 *   The page's file in the build (made afresh).
 * @returns
 *   Whether the page is in place (false: the copy is missing).
 */
function placeCopy(cached: string, file: string): boolean {
	// Whatever is at the page's place goes first: it may be a link to this very copy.
	rmSync(file, { force: true });
	try {
		linkSync(cached, file);
		return true;
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
	}
	try {
		copyFileSync(cached, file);
		return true;
	} catch {
		return false;
	}
}

/**
 * Fill the frame for every page and write the pages into the build.
 *
 * @param outDir
 *   The build's output folder.
 * @param run
 *   The frame's address, its markers and the pages (sent by the route).
 * @param options
 *   The code's digest, the cache folder and whether to reuse it.
 * @returns
 *   What was filled and restored.
 * @throws
 *   When the frame is missing or its markers are not those the pages fill.
 */
export function writeFilledPages(outDir: string, run: FilledPages, options: WriteOptions): FilledPageStats {
	const frameFolder = join(outDir, run.frame);
	const frameFile = join(frameFolder, 'index.html');
	if (!existsSync(frameFile)) throw new Error(`${frameFile}: the share pages' frame was not built`);
	const frameHtml = readFileSync(frameFile, 'utf8');
	const frame = splitFrame(frameHtml, run.marks, frameFile);
	// A page is reused only under the same frame (stylesheet and script addresses, layout) and the same code.
	const frameDigest = digestOf(frameHtml, options.code);
	const { cacheDir } = options;
	const previous = options.reuse ? readManifest(cacheDir) : new Map<string, string>();
	const next: Record<string, string> = {};
	mkdirSync(cacheDir, { recursive: true });
	// The index goes until this build has written every page: a build cut off halfway leaves no index that
	// pairs a digest with a copy rewritten since.
	rmSync(join(cacheDir, MANIFEST), { force: true });
	const stats: FilledPageStats = { pages: 0, filled: 0, restored: 0, lines: [], cpuMs: 0 };
	for (const page of run.pages) {
		const started = performance.now();
		const file = join(outDir, page.pathname, 'index.html');
		const cached = join(cacheDir, cacheFileOf(page.pathname));
		const digest = digestOf(page.cacheKey, frameDigest);
		mkdirSync(dirname(file), { recursive: true });
		const restored = previous.get(page.pathname) === digest && placeCopy(cached, file);
		if (!restored) {
			const before = threadCpuMs();
			const html = fillFrame(frame, page.parts());
			// A new file under the copy's name: the old one may be linked into the previous `dist/`, which must not change.
			writeFileSync(`${cached}.tmp`, html);
			renameSync(`${cached}.tmp`, cached);
			if (!placeCopy(cached, file)) writeFileSync(file, html);
			stats.cpuMs += threadCpuMs() - before;
		}
		next[page.pathname] = digest;
		stats.pages++;
		if (restored) stats.restored++;
		else stats.filled++;
		stats.lines.push(`  ├─ /${page.pathname}index.html (${restored ? 'restored' : `+${(performance.now() - started).toFixed(2)}ms`})`);
	}
	// Pages of earlier builds that this one no longer has.
	const kept = new Set(Object.keys(next).map(cacheFileOf));
	for (const name of readdirSync(cacheDir)) {
		if (name !== MANIFEST && !kept.has(name)) rmSync(join(cacheDir, name), { force: true });
	}
	const manifest = join(cacheDir, MANIFEST);
	writeFileSync(`${manifest}.tmp`, JSON.stringify(next));
	renameSync(`${manifest}.tmp`, manifest);
	rmSync(frameFolder, { recursive: true, force: true });
	return stats;
}
