/**
 * The faces served to pages for other scripts: which range files a set of
 * characters needs, the stylesheet that declares them, and what a built
 * site's pages are read for.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPageCodePoints, PAGE_FALLBACK_FAMILY, pageFontFiles, pageFontsStylesheet, writePageFonts } from '../../src/features/reader/page-fonts.ts';
import { parseUnicodeRange } from '../../src/features/cards/fallback-fonts.ts';

const codePoints = (text: string) => [...text].map((char) => char.codePointAt(0)!);
const holds = (range: string, char: string) => parseUnicodeRange(range).some(([start, end]) => char.codePointAt(0)! >= start && char.codePointAt(0)! <= end);

let made: string[] = [];
afterEach(() => {
	for (const folder of made) rmSync(folder, { recursive: true, force: true });
	made = [];
});

describe('the range files pages need', () => {
	it('should need nothing for text the reading face covers (Latin, Cyrillic, Greek, punctuation)', () => {
		expect(pageFontFiles(codePoints('Treaty “article 4” — визит, συνθήκη, Việt…'))).toEqual([]);
	});

	it('should take, for each character the reading face lacks, a file holding it, and no file holding none of them', () => {
		const text = '정상회담 朝俄 ロシア 🤝 ★ הארץ العربية ἄνθρωπος';
		const files = pageFontFiles(codePoints(text));
		const needed = codePoints(text).filter((codePoint) => codePoint > 0x2ff && codePoint !== 0x20);
		for (const codePoint of needed) {
			const char = String.fromCodePoint(codePoint);
			if (/[\u0370-\u03ff]/u.test(char)) continue; // plain Greek letters are the reading face's
			expect(files.some((file) => holds(file.unicodeRange, char)), `${char} U+${codePoint.toString(16)}`).toBe(true);
		}
		for (const file of files) expect(needed.some((codePoint) => holds(file.unicodeRange, String.fromCodePoint(codePoint))), file.path).toBe(true);
		const packages = new Set(files.map((file) => file.packageName));
		for (const name of ['@fontsource/noto-sans-kr', '@fontsource/noto-sans-sc', '@fontsource/noto-emoji', '@fontsource/noto-sans-hebrew', '@fontsource/noto-sans-arabic', '@fontsource/noto-serif']) {
			expect(packages, name).toContain(name);
		}
		expect(files.every((file) => file.path.endsWith('.woff2'))).toBe(true);
	});
});

describe('the stylesheet', () => {
	it('should declare each file once in one family, with its unicode-range and font-display: swap, most preferred last', () => {
		const files = pageFontFiles(codePoints('정 🤝'));
		const css = pageFontsStylesheet(files);
		const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => body!);
		expect(faces).toHaveLength(files.length);
		for (const face of faces) {
			expect(face).toContain(`font-family: '${PAGE_FALLBACK_FAMILY}';`);
			expect(face).toContain('font-display: swap;');
			expect(face).toMatch(/unicode-range: U\+/);
			expect(face).not.toMatch(/url\('?(\/|https?:)/);
		}
		// A browser tries overlapping faces of one family from the last declared: the first package's file comes last.
		expect(faces.at(-1)).toContain(basename(files[0]!.path));
	});
});

describe('a built site', () => {
	it('should read every page for its characters and copy only the files they need', () => {
		const out = mkdtempSync(join(tmpdir(), 'page-fonts-'));
		made.push(out);
		mkdirSync(join(out, 'a', 'b'), { recursive: true });
		writeFileSync(join(out, 'index.html'), '<p>Plain text, “quoted”.</p>');
		writeFileSync(join(out, 'a', 'b', 'index.html'), '<p lang="ko">(정상회담)</p>');
		writeFileSync(join(out, 'a', 'data.json'), '{"x":"🤝"}');
		expect([...builtPageCodePoints(out)].map((codePoint) => String.fromCodePoint(codePoint)).sort()).toEqual(['“', '”', '정', '상', '회', '담'].sort());
		const written = writePageFonts(out);
		const copied = readdirSync(join(out, 'fonts')).filter((name) => name.endsWith('.woff2'));
		expect(copied.length).toBe(written.files);
		expect(copied.length).toBeGreaterThan(0);
		expect(copied.every((name) => name.startsWith('noto-sans-kr-'))).toBe(true);
		const css = readFileSync(join(out, 'fonts', 'other-scripts.css'), 'utf8');
		for (const name of copied) expect(css).toContain(`url('${name}')`);
	});

	it('should write an empty stylesheet and no font for a site in the reading face alone', () => {
		const out = mkdtempSync(join(tmpdir(), 'page-fonts-'));
		made.push(out);
		writeFileSync(join(out, 'index.html'), '<p>Только текст — and Latin.</p>');
		expect(writePageFonts(out).files).toBe(0);
		expect(readdirSync(join(out, 'fonts'))).toEqual(['other-scripts.css']);
		expect(readFileSync(join(out, 'fonts', 'other-scripts.css'), 'utf8')).not.toContain('@font-face');
	});

	it('should keep the characters of each page by file and read again only a file written since', () => {
		const out = mkdtempSync(join(tmpdir(), 'page-fonts-'));
		made.push(out);
		const cache = { file: join(out, 'cache', 'code-points.json'), reuse: true };
		const chars = () => [...builtPageCodePoints(out, cache)].map((codePoint) => String.fromCodePoint(codePoint)).sort();
		writeFileSync(join(out, 'a.html'), '<p>(정상)</p>');
		writeFileSync(join(out, 'b.html'), '<p>“Plain”</p>');
		expect(chars()).toEqual(['“', '”', '정', '상'].sort());
		// Kept: a file with the same identity (inode, size, time) is not read again; its characters come from the cache.
		const kept = JSON.parse(readFileSync(cache.file, 'utf8')) as Record<string, string>;
		expect(Object.values(kept).sort()).toEqual(['“”', '정상'].sort());
		writeFileSync(cache.file, JSON.stringify(Object.fromEntries(Object.entries(kept).map(([file, text]) => [file, text === '“”' ? '‘’' : text]))));
		expect(chars()).toEqual(['‘', '’', '정', '상'].sort());
		// A file written anew (renamed into place, as the share pages and Astro write theirs) is read again.
		writeFileSync(join(out, 'a.html.tmp'), '<p>(회담)</p>');
		renameSync(join(out, 'a.html.tmp'), join(out, 'a.html'));
		expect(chars()).toEqual(['‘', '’', '회', '담'].sort());
		// A clean build reads every file; a garbled cache is a miss.
		expect([...builtPageCodePoints(out, { ...cache, reuse: false })].map((codePoint) => String.fromCodePoint(codePoint)).sort()).toEqual(['“', '”', '회', '담'].sort());
		writeFileSync(cache.file, '{not json');
		expect(chars()).toEqual(['“', '”', '회', '담'].sort());
	});
});
