/**
 * The metric-matched fallback faces: the formula, the web font's metrics
 * against its files (an upgrade of @fontsource would show here), and every
 * fallback @font-face of src/styles/fonts.css against the formula.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromFile } from '@capsizecss/unpack/fs';
import { describe, expect, it } from 'vitest';
import { fallbackOverrides, LOCAL_SERIFS, SOURCE_SERIF_4, type FaceStyle } from '../../src/features/reader/font-fallback.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = `${ROOT}node_modules/@fontsource/source-serif-4/files/`;
const FILE_OF: Record<FaceStyle, string> = {
	regular: 'source-serif-4-latin-400-normal.woff2',
	italic: 'source-serif-4-latin-400-italic.woff2',
	semibold: 'source-serif-4-latin-600-normal.woff2',
};

/** Every @font-face of a stylesheet as a map of its descriptors. */
function fontFaces(css: string): Map<string, string>[] {
	return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(
		([, body]) =>
			new Map(
				body!
					.split(';')
					.map((line) => line.trim())
					.filter(Boolean)
					.map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()] as [string, string]),
			),
	);
}

describe('metric-matched fallback fonts', () => {
	it('should change nothing for a font that already matches, and scale by the width ratio otherwise', () => {
		const metrics = { ascent: 800, descent: -200, lineGap: 100, unitsPerEm: 1000, xWidthAvg: 500 };
		expect(fallbackOverrides(metrics, metrics)).toEqual({ sizeAdjust: '100%', ascentOverride: '80%', descentOverride: '20%', lineGapOverride: '10%' });
		// A fallback twice as wide is halved; the web font's ascent is then twice as tall in its em.
		expect(fallbackOverrides(metrics, { ...metrics, xWidthAvg: 1000 })).toEqual({
			sizeAdjust: '50%',
			ascentOverride: '160%',
			descentOverride: '40%',
			lineGapOverride: '20%',
		});
	});

	it.for(Object.entries(FILE_OF))('should hold the metrics of the %s face as its file gives them', async ([style, file]) => {
		const { ascent, descent, lineGap, unitsPerEm, xWidthAvg } = await fromFile(`${FILES}${file}`);
		expect({ ascent, descent, lineGap, unitsPerEm, xWidthAvg }).toEqual(SOURCE_SERIF_4[style as FaceStyle]);
	});

	it('should declare in fonts.css, for every local serif and face, exactly the computed descriptors', () => {
		const faces = fontFaces(readFileSync(`${ROOT}src/styles/fonts.css`, 'utf8'));
		const styleOf = (face: Map<string, string>): FaceStyle =>
			face.get('font-style') === 'italic' ? 'italic' : face.get('font-weight') === '600' ? 'semibold' : 'regular';
		let checked = 0;
		for (const [name, local] of Object.entries(LOCAL_SERIFS)) {
			const mine = faces.filter((face) => face.get('font-family') === `'Source Serif 4 fallback ${name}'`);
			expect(mine.map(styleOf).sort(), name).toEqual(['italic', 'regular', 'semibold']);
			for (const face of mine) {
				const expected = fallbackOverrides(SOURCE_SERIF_4[styleOf(face)], local[styleOf(face)]);
				expect(face.get('size-adjust'), `${name} ${styleOf(face)}`).toBe(expected.sizeAdjust);
				expect(face.get('ascent-override')).toBe(expected.ascentOverride);
				expect(face.get('descent-override')).toBe(expected.descentOverride);
				expect(face.get('line-gap-override')).toBe(expected.lineGapOverride);
				for (const fontName of local.local) expect(face.get('src')).toContain(`local('${fontName}`);
				checked += 1;
			}
		}
		expect(checked).toBe(6);
		// And the reading stack names them, right after the web font.
		const global = readFileSync(`${ROOT}src/styles/base.css`, 'utf8');
		expect(global).toMatch(/--font-reading: 'Source Serif 4', 'Source Serif 4 fallback Times New Roman', 'Source Serif 4 fallback DejaVu Serif'/);
	});

	it.each([
		['Hangul', '정'],
		['a Hangul jamo', 'ᄀ'],
		['Chinese', '朝'],
		['Japanese kana', 'ロ'],
		['CJK punctuation', '「'],
		['emoji', '🤝'],
	])('should name local fonts for %s in a family of its own after the reading face, limited to its script, with nothing downloaded', (_script, char) => {
		const faces = fontFaces(readFileSync(`${ROOT}src/styles/fonts.css`, 'utf8'));
		const codePoint = char.codePointAt(0)!;
		const covering = faces.filter((face) => {
			const range = face.get('unicode-range');
			if (face.get('font-family') !== "'Reading other scripts'" || !range) return false;
			return range.split(',').some((part) => {
				const [start = '', end = start] = part.trim().replace(/^U\+/i, '').split('-');
				return codePoint >= Number.parseInt(start, 16) && codePoint <= Number.parseInt(end, 16);
			});
		});
		expect(covering).toHaveLength(1);
		const src = covering[0]!.get('src')!;
		expect(src).toMatch(/^local\('/);
		expect(src).not.toMatch(/url\(/);
		// Latin letters never come from it.
		const starts = covering[0]!.get('unicode-range')!.split(',').map((part) => Number.parseInt(part.trim().replace(/^U\+/i, ''), 16));
		expect(Math.min(...starts)).toBeGreaterThanOrEqual(0x1100);
		// The reading face itself keeps only its web font's faces: a face with a weight range in its family would
		// outrank them in matching and set Latin text in the fallback.
		expect(faces.filter((face) => face.get('font-family') === "'Source Serif 4'").every((face) => /url\(/.test(face.get('src') ?? ''))).toBe(true);
		const global = readFileSync(`${ROOT}src/styles/base.css`, 'utf8');
		expect(global).toMatch(/--font-reading: 'Source Serif 4', [^;]*'Reading other scripts'/);
	});
});
