/**
 * The faces pages fall back to for scripts the reading face and the
 * reader's usual system fonts lack (Hangul, Chinese and Japanese, emoji,
 * symbols, polytonic Greek, Arabic, Hebrew): the share cards' faces
 * (src/features/cards/fallback-fonts.ts), served from the site itself.
 *
 * After a build, the built pages are read for the characters they hold;
 * of each fallback package only the WOFF2 range files whose
 * `unicode-range` holds one of those characters (and that Source Serif 4
 * does not cover) are copied next to one stylesheet, which declares them
 * as one family, each file with its `unicode-range` and
 * `font-display: swap`. Every page links that one file; a browser fetches
 * a font file only when the page shows one of its characters, and a site
 * that quotes no such script ships no font file at all.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { FALLBACK_PACKAGES, parseUnicodeRange } from '../cards/fallback-fonts.ts';

const require = createRequire(import.meta.url);

/** The family pages name after the reading face and the local faces (src/styles/base.css). */
export const PAGE_FALLBACK_FAMILY = 'Reading other scripts, served';

/** Folder of the stylesheet and its font files, under the output folder. */
export const PAGE_FONTS_DIR = 'fonts';

/** The stylesheet's file name in {@link PAGE_FONTS_DIR} (its address: `routes.pageFonts()`). */
export const PAGE_FONTS_STYLESHEET = 'other-scripts.css';

/** The package of the reading face, whose ranges need no fallback. */
const READING_PACKAGE = '@fontsource/source-serif-4';

/** One WOFF2 range file of a package, as its CSS declares it. */
export interface PageFontFile {
	/** Package name. */
	packageName: string;
	/** Absolute path of its WOFF2 file. */
	path: string;
	/** The `unicode-range` value, as written. */
	unicodeRange: string;
	/** Inclusive code-point ranges. */
	ranges: readonly (readonly [number, number])[];
}

/**
 * The regular WOFF2 files of a package, from its `400.css`.
 *
 * @param packageName
 *   Package name.
 * @returns
 *   Its files, in the CSS's order.
 */
export function woff2Files(packageName: string): PageFontFile[] {
	const folder = dirname(require.resolve(`${packageName}/package.json`));
	const css = readFileSync(join(folder, '400.css'), 'utf8');
	const files: PageFontFile[] = [];
	for (const block of css.split('@font-face').slice(1)) {
		const woff2 = /url\(\.\/(files\/[^)]+\.woff2)\)\s*format\('woff2'\)/.exec(block)?.[1];
		const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
		if (!woff2 || !unicodeRange) throw new Error(`Page fonts: ${join(folder, '400.css')} has an @font-face without a WOFF2 file or a unicode-range`);
		files.push({ packageName, path: join(folder, woff2), unicodeRange, ranges: parseUnicodeRange(unicodeRange) });
	}
	return files;
}

/**
 * Whether a code point lies in one of some ranges.
 *
 * @param codePoint
 *   The character.
 * @param ranges
 *   Inclusive ranges.
 * @returns
 *   Whether it does.
 */
function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
	return ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/**
 * The fallback files pages need for some characters: of each package, in
 * the cards' order, the files holding a character the reading face's
 * ranges do not cover.
 *
 * @param codePoints
 *   Characters the pages show.
 * @returns
 *   Files, in order of preference.
 */
export function pageFontFiles(codePoints: Iterable<number>): PageFontFile[] {
	const reading = woff2Files(READING_PACKAGE).flatMap((file) => file.ranges);
	const needed = [...codePoints].filter((codePoint) => !inRanges(codePoint, reading));
	if (needed.length === 0) return [];
	return FALLBACK_PACKAGES.flatMap((name) => woff2Files(name).filter((file) => needed.some((codePoint) => inRanges(codePoint, file.ranges))));
}

/**
 * The stylesheet declaring some files as {@link PAGE_FALLBACK_FAMILY}.
 * Where two files' ranges overlap, a browser tries the face declared last
 * first, so the files are declared in reverse order of preference.
 *
 * @param files
 *   Files, in order of preference.
 * @returns
 *   CSS text; the font files are addressed relative to it.
 */
export function pageFontsStylesheet(files: readonly PageFontFile[]): string {
	const rules = [...files].reverse().map(
		(file) => `@font-face {
	font-family: '${PAGE_FALLBACK_FAMILY}';
	src: url('${basename(file.path)}') format('woff2');
	font-style: normal;
	font-weight: 400;
	font-display: swap;
	unicode-range: ${file.unicodeRange};
}
`,
	);
	const head = `/* Faces for scripts the reading face lacks, limited to the characters this site's pages show (src/features/reader/page-fonts.ts). ${files.length} file(s). */\n`;
	return head + rules.join('\n');
}

/**
 * Add the characters of a built page to a set: everything past Latin-1
 * (Latin-1 is the reading face's own).
 *
 * @param text
 *   The page's HTML.
 * @param into
 *   Set to add to.
 */
export function addCodePoints(text: string, into: Set<number>): void {
	for (const [run] of text.matchAll(/[^\0-\u00ff]+/g)) {
		for (const char of run) into.add(char.codePointAt(0) ?? 0);
	}
}

/** Where each built page's characters are kept between builds (safe to delete). */
export const PAGE_CODE_POINTS_CACHE = join('node_modules', '.cache', 'treaty-reader', 'page-code-points.json');

/** How {@link builtPageCodePoints} keeps what it read. */
export interface CodePointCache {
	/** The cache file (absolute). */
	file: string;
	/** Whether the last build's entries may be read (`false` for a clean build: every page is read, the file written afresh). */
	reuse: boolean;
}

/**
 * A built file's identity on disk: device, inode, size and modification
 * time. A file with the same identity has the same bytes: writing a file
 * changes its time, and a file written anew (a page filled or rendered again,
 * renamed into place) is another inode. What keeps its identity from build to
 * build are the share pages, hard links into their own cache
 * (src/features/sharing/share-page-files.ts), which are most of the pages;
 * the pages Astro restores are fresh copies, read again.
 *
 * @param path
 *   The file.
 * @returns
 *   Its identity as a cache key.
 */
function fileIdentity(path: string): string {
	const stat = statSync(path, { bigint: true });
	return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/**
 * The last build's characters by file identity; empty when there is no
 * readable cache (a missing, garbled or other-shaped file is a miss).
 *
 * @param file
 *   The cache file.
 * @returns
 *   Identity → the file's characters past Latin-1, as a string.
 */
function readCodePointCache(file: string): Map<string, string> {
	try {
		const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Map();
		return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	} catch {
		return new Map();
	}
}

/**
 * The characters the built pages of an output folder show (every `.html`
 * and `.htm` file under it). With a cache, a file whose identity
 * ({@link fileIdentity}) the last build read is not read again: at 1,000
 * commentaries the pages are some 850 MB of HTML, read in about 9 s, and a
 * rebuild after one edit leaves nearly all of them as they were.
 *
 * @param outDir
 *   Output folder.
 * @param cache
 *   Where to keep what was read, and whether to use what the last build kept.
 * @returns
 *   Code points past Latin-1.
 */
export function builtPageCodePoints(outDir: string, cache?: CodePointCache): Set<number> {
	const found = new Set<number>();
	const previous = cache?.reuse ? readCodePointCache(cache.file) : new Map<string, string>();
	const next: Record<string, string> = {};
	for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.html?$/.test(entry.name)) continue;
		const path = join(entry.parentPath, entry.name);
		if (!cache) {
			addCodePoints(readFileSync(path, 'utf8'), found);
			continue;
		}
		const identity = fileIdentity(path);
		let chars = previous.get(identity);
		if (chars === undefined) {
			const own = new Set<number>();
			addCodePoints(readFileSync(path, 'utf8'), own);
			chars = String.fromCodePoint(...own);
		}
		next[identity] = chars;
		for (const char of chars) found.add(char.codePointAt(0) ?? 0);
	}
	if (cache) {
		mkdirSync(dirname(cache.file), { recursive: true });
		// Whole or not at all: a build cut off while writing leaves the previous file or none.
		writeFileSync(`${cache.file}.tmp`, JSON.stringify(next));
		renameSync(`${cache.file}.tmp`, cache.file);
	}
	return found;
}

/** What {@link writePageFonts} wrote. */
export interface PageFontsWritten {
	/** Characters past Latin-1 the pages show. */
	characters: number;
	/** Font files copied. */
	files: number;
	/** Their bytes. */
	bytes: number;
}

/**
 * Write the stylesheet and copy the font files the built pages need into
 * `<outDir>/fonts/`.
 *
 * @param outDir
 *   Output folder, with its pages built.
 * @param cache
 *   Where the pages' characters are kept between builds (none: every page is read).
 * @returns
 *   What was written.
 */
export function writePageFonts(outDir: string, cache?: CodePointCache): PageFontsWritten {
	const codePoints = builtPageCodePoints(outDir, cache);
	const files = pageFontFiles(codePoints);
	const folder = join(outDir, PAGE_FONTS_DIR);
	mkdirSync(folder, { recursive: true });
	let bytes = 0;
	for (const file of files) {
		const target = join(folder, basename(file.path));
		copyFileSync(file.path, target);
		bytes += readFileSync(target).byteLength;
	}
	writeFileSync(join(folder, PAGE_FONTS_STYLESHEET), pageFontsStylesheet(files));
	return { characters: codePoints.size, files: files.length, bytes };
}

/**
 * One line for the build's log.
 *
 * @param written
 *   What {@link writePageFonts} wrote.
 * @returns
 *   The line.
 */
export function describePageFonts(written: PageFontsWritten): string {
	return `page fonts: ${written.files} file(s), ${(written.bytes / 1024).toFixed(1)} KiB, for ${written.characters} character(s) past Latin-1`;
}
