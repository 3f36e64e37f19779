/**
 * The slice of fontkit's API the share cards use (the package ships no
 * types): open a font, shape a string, read a glyph's outline.
 */
declare module 'fontkit' {
	export interface Glyph {
		/** Index in the font; 0 is `.notdef`. */
		id: number;
		/** The characters the glyph stands for (a ligature has several). */
		codePoints: number[];
		/** The outline, in font units (y up). */
		path: { toSVG(): string };
		/** The outline's bounds, in font units. */
		bbox: { minX: number; minY: number; maxX: number; maxY: number };
		/** Advance, in font units (read with the glyph's bounds: throws where fontkit cannot read them). */
		advanceWidth: number;
	}
	export interface GlyphPosition {
		xAdvance: number;
		yAdvance: number;
		xOffset: number;
		yOffset: number;
	}
	export interface GlyphRun {
		glyphs: Glyph[];
		positions: GlyphPosition[];
		advanceWidth: number;
	}
	export interface Font {
		unitsPerEm: number;
		/** hhea ascender (font units, positive). */
		ascent: number;
		/** hhea descender (font units, negative). */
		descent: number;
		lineGap: number;
		familyName: string;
		hasGlyphForCodePoint(codePoint: number): boolean;
		layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
		getGlyph(id: number): Glyph;
		glyphForCodePoint(codePoint: number): Glyph;
		/** The horizontal metrics table, when the font has one. */
		hmtx?: { metrics: { get(index: number): { advance: number } | undefined } };
	}
	export function openSync(path: string): Font;
	export function create(buffer: Uint8Array): Font;
}
