/**
 * Typesetting for the share cards without a layout engine: text is shaped
 * by fontkit (the fonts' own advances, kerning and ligatures), broken into
 * lines greedily, and each glyph is rasterised once per thread (by resvg, at
 * whole-pixel positions) into a coverage mask that a card copies into its
 * palette buffer. Words and masks are cached, so a card costs a few
 * thousand array writes once a thread has drawn a handful.
 *
 * The face is the reading face, Source Serif 4, from the WOFF files
 * `@fontsource/source-serif-4` ships: the latin file first, then the other
 * subsets of the same weight and style for characters it lacks, then the
 * fallback faces of `fallback-fonts.ts` (Hangul, CJK, symbols, emoji), each
 * file opened only when a card needs a character it holds. A character no
 * file has (a control character, a private-use or unassigned code point) is
 * drawn as the face's replacement box (its `.notdef` glyph) and recorded in
 * `replaced`: the card degrades visibly, the build goes on, and the page
 * keeps the text as written.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';
import { fallbackFilesFor, fallbackTemplateFiles } from './fallback-fonts.ts';

/** A weight and style of the face. */
export interface FaceStyle {
	weight: 400 | 600;
	style: 'normal' | 'italic';
}

/** The subsets fontsource cuts the face into, in the order they are tried. */
const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek'] as const;

/**
 * Sub-pixel offsets a glyph is rasterised at. One: a pen position is rounded
 * to the whole pixel, so every "e" on a card is the same run of pixels and
 * deflate codes the repeats as back-references (6 % fewer bytes; the
 * spacing moves by at most half a pixel, which does not show at 24 px and up).
 */
export const PHASES = 1;

/**
 * Coverage steps per ink (the palette's ramp; 0 is no ink). Two steps (half
 * and full) keep edges antialiased at the card's sizes (24–56 px): side by
 * side with three steps at 1:1 the cards read the same, and only a 3× zoom
 * shows the rougher ramp. An edge pixel is one of three values instead of
 * four, which deflate codes in fewer bits: the site's median card 16.8 →
 * 15.0 KB, at the same CPU (`scripts/bench/cards.mjs`; three steps were
 * 11 % fewer bytes than five).
 */
export const COVERAGE_STEPS = 2;

const require = createRequire(import.meta.url);

/**
 * The WOFF files of one weight and style, the latin subset first.
 *
 * @param face
 *   Weight and style.
 * @returns
 *   Absolute paths.
 */
export function faceFiles(face: FaceStyle): string[] {
	// WOFF, not WOFF2: fontkit reads both, but WOFF needs no Brotli at start-up.
	return SUBSETS.map((subset) => require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${face.weight}-${face.style}.woff`));
}

/** A glyph of a shaped piece of text, in font units from the piece's start. */
export interface ShapedGlyph {
	/** Which file of the face (index into its subsets). */
	font: number;
	id: number;
	x: number;
	y: number;
}

/** A shaped piece of text. */
export interface Shaped {
	glyphs: ShapedGlyph[];
	/** Advance, in font units. */
	advance: number;
}

/** A glyph placed on a line, in pixels from the line's start (x) and baseline (y, down). */
export interface PlacedGlyph {
	font: number;
	id: number;
	x: number;
	y: number;
}

/** One line of set text. */
export interface SetLine {
	/** The characters the line draws. */
	text: string;
	/** Whether the text continues after a space (which the line break swallowed). */
	spaceAfter: boolean;
	/** Width in pixels. */
	width: number;
	glyphs: PlacedGlyph[];
}

/** A glyph's coverage, in steps of `COVERAGE_STEPS`, around its origin. */
export interface GlyphMask {
	/** Offset of the mask's left column from the pen's whole pixel. */
	left: number;
	/** Offset of the mask's top row from the baseline. */
	top: number;
	width: number;
	height: number;
	/** `width × height` coverage steps, row by row. */
	steps: Uint8Array;
	/** The inked pixels only (most of a mask is empty): row and column of each, `row << 16 | column`. */
	inked: Uint32Array;
	/** The coverage step of each pixel in `inked`. */
	inkedSteps: Uint8Array;
}

const EMPTY_MASK: GlyphMask = { left: 0, top: 0, width: 0, height: 0, steps: new Uint8Array(0), inked: new Uint32Array(0), inkedSteps: new Uint8Array(0) };

/** Where a line may break inside a word: after a hyphen, a dash or a slash, before more text. */
const BREAK_AFTER = /(?<=[-‐–—/])(?=[^\s])/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The Unicode Bidirectional Algorithm's character types (bidi-js), for lines that mix directions. */
const bidi = bidiFactory();

/**
 * The direction of a piece of text from its first (or last) strongly
 * directed character (the algorithm's rules P2 and P3): 'rtl' for Hebrew,
 * Arabic and the other right-to-left scripts, 'ltr' for the rest, undefined
 * when it has none (digits, punctuation).
 */
function strongDirection(text: string, from: 'start' | 'end' = 'start'): 'ltr' | 'rtl' | undefined {
	const chars = [...text];
	if (from === 'end') chars.reverse();
	for (const char of chars) {
		const type = bidi.getBidiCharTypeName(char);
		if (type === 'L') return 'ltr';
		if (type === 'R' || type === 'AL') return 'rtl';
	}
	return undefined;
}

/**
 * A piece's embedding level in a paragraph (rules W7, I1 and I2, a piece
 * taken as one): right-to-left text 1; left-to-right text 0, or 2 inside a
 * right-to-left paragraph; a number takes the level of left-to-right text
 * after left-to-right text, else 2; anything else the paragraph's level.
 *
 * @param text
 *   The piece.
 * @param paragraph
 *   The paragraph's level: 0 left to right, 1 right to left.
 * @param before
 *   The direction of the last strongly directed character before the piece.
 * @returns
 *   Its level.
 */
function pieceLevel(text: string, paragraph: 0 | 1, before: 'ltr' | 'rtl'): number {
	const direction = strongDirection(text);
	if (direction === 'rtl') return 1;
	const leftToRight = paragraph === 1 ? 2 : 0;
	if (direction === 'ltr') return leftToRight;
	const number = [...text].some((char) => /^(?:EN|AN)$/.test(bidi.getBidiCharTypeName(char)));
	if (number) return before === 'ltr' ? leftToRight : 2;
	return paragraph;
}

/**
 * Visual order of a line's pieces from their levels (rule L2): from the
 * highest level down to the lowest odd one, every run of pieces at that
 * level or above is reversed.
 *
 * @param levels
 *   The pieces' levels, in reading order.
 * @returns
 *   Their indices, left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
	const order = levels.map((_, index) => index);
	const highest = Math.max(0, ...levels);
	const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1), highest + 1);
	for (let level = highest; level >= lowestOdd && level > 0; level--) {
		let start = 0;
		while (start < order.length) {
			if (levels[order[start]!]! < level) {
				start++;
				continue;
			}
			let end = start;
			while (end < order.length && levels[order[end]!]! >= level) end++;
			order.splice(start, end - start, ...order.slice(start, end).reverse());
			start = end;
		}
	}
	return order;
}

/** Spaces a line may break at: white space but the no-break spaces. */
const BREAKING_SPACE = /[^\S\u00A0\u2007\u202F]+/u;

/**
 * Invisible format characters (soft hyphen, zero-width space, word joiner,
 * byte-order mark…): they draw nothing in any face, so they are not looked up.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Characters no file of the face has, drawn as the look-alike it has. */
const LOOK_ALIKES = new Map([
	['\u2010', '-'], // hyphen
	['\u2011', '-'], // non-breaking hyphen (the line is still not broken there)
	['\u2007', '\u00A0'], // figure space
	['\u200A', '\u2009'], // hair space
	['\u202F', '\u2009'], // narrow no-break space
]);

/**
 * One weight and style of the card face, with its shaping and glyph caches.
 * Create one per thread and reuse it: the caches are what makes cards cheap.
 */
export class CardFace {
	readonly style: FaceStyle;
	/** The reading face's own files (the latin subset first). */
	readonly #files: string[];
	/** Every file opened or to open: the face's own, then fallback files as characters need them. */
	readonly #fontFiles: string[];
	readonly #fonts: (fontkit.Font | undefined)[] = [];
	/** Which file of `#fontFiles` draws a code point (-1: none, drawn as the replacement box; -2: its look-alike). */
	readonly #fileFor = new Map<number, number>();
	/** Which file draws a grapheme of several characters whole (-1: none, drawn character by character). */
	readonly #clusterFor = new Map<string, number>();
	/** Characters no file has, drawn as the replacement box, with the texts they were in. */
	readonly replaced = new Map<string, string>();
	readonly #shaped = new Map<string, Shaped>();
	readonly #masks = new Map<string, GlyphMask>();
	readonly #outlines = new Map<string, Outline>();
	readonly #primary: fontkit.Font;

	/**
	 * @param style
	 *   Weight and style.
	 */
	constructor(style: FaceStyle) {
		this.style = style;
		this.#files = faceFiles(style);
		this.#fontFiles = [...this.#files];
		this.#primary = this.#font(0);
	}

	/**
	 * What decides how the face draws: its own files, and the fallback
	 * packages' `package.json` (their versions; their font files are many and
	 * read only when used).
	 */
	get files(): readonly string[] {
		return [...this.#files, ...fallbackTemplateFiles()];
	}

	/** Font units per em. */
	get unitsPerEm(): number {
		return this.#primary.unitsPerEm;
	}

	/**
	 * Where the baseline sits in a line box, as CSS places it: the box's
	 * extra height (line height minus the font's ascent and descent) split
	 * evenly above and below.
	 *
	 * @param size
	 *   Font size, pixels.
	 * @param lineHeight
	 *   Line box height, pixels (default: the font's own, ascent + descent + gap).
	 * @returns
	 *   Pixels from the top of the box.
	 */
	baseline(size: number, lineHeight = this.normalLineHeight(size)): number {
		const scale = size / this.unitsPerEm;
		const content = (this.#primary.ascent - this.#primary.descent) * scale;
		return (lineHeight - content) / 2 + this.#primary.ascent * scale;
	}

	/**
	 * CSS `line-height: normal` at a size: ascent, descent and line gap.
	 *
	 * @param size
	 *   Font size, pixels.
	 * @returns
	 *   Pixels.
	 */
	normalLineHeight(size: number): number {
		return ((this.#primary.ascent - this.#primary.descent + this.#primary.lineGap) * size) / this.unitsPerEm;
	}

	/** A file of the face, opened on first use. */
	#font(index: number): fontkit.Font {
		let font = this.#fonts[index];
		if (!font) {
			font = fontkit.openSync(this.#fontFiles[index]!);
			this.#fonts[index] = font;
		}
		return font;
	}

	/** The first of the face's own files that has a glyph for a character, or -1. */
	#ownFileWith(codePoint: number): number {
		for (let index = 0; index < this.#files.length; index++) {
			if (this.#hasGlyph(index, codePoint)) return index;
		}
		return -1;
	}

	/** The first fallback file holding a character's range that has a glyph for it, or -1. */
	#fallbackFileWith(codePoint: number): number {
		// Fallback faces have no italic: their upright face stands in, at the nearest weight.
		for (const path of fallbackFilesFor(codePoint, this.style.weight)) {
			const index = this.#fileIndex(path);
			if (this.#hasGlyph(index, codePoint)) return index;
		}
		return -1;
	}

	/**
	 * Whether a file of the face draws a character: it maps the character
	 * to a glyph whose metrics can be read. A file or glyph fontkit cannot
	 * read (a fallback subset with no usable character map, such as one of
	 * Noto Sans SC's range files that its CSS lists for Devanagari; the
	 * reading face's en and thin spaces, whose glyph data the subsetting cut)
	 * draws nothing: the next file is asked, and in the end the replacement
	 * box is drawn, never an error.
	 */
	#hasGlyph(index: number, codePoint: number): boolean {
		try {
			const font = this.#font(index);
			return font.hasGlyphForCodePoint(codePoint) && Number.isFinite(advanceOf(font, font.glyphForCodePoint(codePoint).id));
		} catch {
			return false;
		}
	}

	/**
	 * The file that draws a grapheme of several characters whole, joiners
	 * and selectors included: the first of the files that hold its first
	 * character (the face's own, then the fallback faces) that has every one
	 * of them, or -1. This is how an emoji sequence (a family joined by
	 * U+200D, a skin tone, a keycap, a flag, U+FE0F) reaches the emoji face,
	 * which makes it one glyph, and how a letter and its accent stay in one
	 * file; with -1 the grapheme is drawn character by character. Cached.
	 */
	#clusterFile(cluster: string): number {
		let found = this.#clusterFor.get(cluster);
		if (found !== undefined) return found;
		const chars = [...cluster].map((char) => char.codePointAt(0)!);
		const base = chars[0]!;
		const candidates = [...this.#files.keys(), ...fallbackFilesFor(base, this.style.weight).map((path) => this.#fileIndex(path))];
		found = candidates.find((index) => chars.every((codePoint) => this.#hasGlyph(index, codePoint))) ?? -1;
		this.#clusterFor.set(cluster, found);
		return found;
	}

	/** The index of a font file in `#fontFiles`, added on first use. */
	#fileIndex(path: string): number {
		const index = this.#fontFiles.indexOf(path);
		return index >= 0 ? index : this.#fontFiles.push(path) - 1;
	}

	/**
	 * The file to draw a character from: the face's own files, else the
	 * look-alike they have (a non-breaking hyphen as a hyphen: the reading
	 * face's own shape beats another face's), else a fallback face, else its
	 * compatibility form (Unicode's NFKC) where one of the face's own files
	 * has all of it (a mathematical bold 𝐀 as A, ㎞ as km); -1 for none.
	 * Cached per code point.
	 */
	#glyphFor(char: string, text: string): { char: string; font: number } {
		const codePoint = char.codePointAt(0)!;
		let found = this.#fileFor.get(codePoint);
		if (found === undefined) {
			found = this.#ownFileWith(codePoint);
			const alike = LOOK_ALIKES.get(char);
			if (found < 0 && alike !== undefined && this.#ownFileWith(alike.codePointAt(0)!) >= 0) found = -2;
			else if (found < 0) found = this.#fallbackFileWith(codePoint);
			if (found < 0 && this.#compatibleFile(char) >= 0) found = -3;
			this.#fileFor.set(codePoint, found);
		}
		if (found >= 0) return { char, font: found };
		if (found === -2) {
			const alike = LOOK_ALIKES.get(char)!;
			return { char: alike, font: this.#ownFileWith(alike.codePointAt(0)!) };
		}
		if (found === -3) return { char: char.normalize('NFKC'), font: this.#compatibleFile(char) };
		if (!this.replaced.has(char)) this.replaced.set(char, text);
		// Laid out in a file without the character, fontkit gives glyph 0, the face's `.notdef` box.
		return { char, font: 0 };
	}

	/** The first of the face's own files that has every character of a character's NFKC form (when it has one), or -1. */
	#compatibleFile(char: string): number {
		const compatible = char.normalize('NFKC');
		if (compatible === char || compatible.trim() === '') return -1;
		const codePoints = [...compatible].map((each) => each.codePointAt(0)!);
		for (let index = 0; index < this.#files.length; index++) {
			if (codePoints.every((each) => this.#hasGlyph(index, each))) return index;
		}
		return -1;
	}

	/**
	 * Lay a run out in one file: the font's own shaping (kerning, ligatures,
	 * marks). Should fontkit fail on it (its shapers for complex scripts are
	 * not complete; it cannot read the bounds of an empty glyph stored last in
	 * a file, such as the reading face's thin space), each character is set
	 * unshaped, glyph by glyph with its advance from the metrics table: the
	 * card degrades at most, and the build goes on.
	 */
	#layout(font: fontkit.Font, run: string, text: string): { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] } {
		try {
			return font.layout(run);
		} catch {
			const glyphs = [...run].map((char) => {
				let id = 0;
				try {
					id = font.glyphForCodePoint(char.codePointAt(0)!).id;
				} catch {
					// Left as the replacement box.
				}
				const advance = advanceOf(font, id);
				if (id === 0 && !this.replaced.has(char)) this.replaced.set(char, text);
				return { id, advance: Number.isFinite(advance) ? advance : font.unitsPerEm / 2 };
			});
			return { glyphs, positions: glyphs.map((glyph) => ({ xAdvance: glyph.advance, xOffset: 0, yOffset: 0 })) };
		}
	}

	/**
	 * Shape a piece of text (no spaces at its ends): glyphs, kerning and
	 * ligatures from the font, characters the latin file lacks from the
	 * face's other files, the fallback faces or as a look-alike; invisible
	 * format characters are left out. Cached.
	 *
	 * @param text
	 *   The piece.
	 * @returns
	 *   Its glyphs, in font units (a character no file has: the replacement box).
	 */
	shape(text: string): Shaped {
		let shaped = this.#shaped.get(text);
		if (shaped) return shaped;
		// Runs of characters that the same file draws; usually one run.
		const runs: { font: number; text: string }[] = [];
		const add = (font: number, chars: string): void => {
			const last = runs.at(-1);
			if (last?.font === font) last.text += chars;
			else runs.push({ font, text: chars });
		};
		for (const { segment } of graphemes.segment(text)) {
			const whole = segment.length > 1 ? this.#clusterFile(segment) : -1;
			if (whole >= 0) {
				add(whole, segment);
				continue;
			}
			for (const original of segment.replace(IGNORABLE, '')) {
				const { char, font } = this.#glyphFor(original, text);
				add(font, char);
			}
		}
		// A right-to-left piece's runs go right to left (each run's glyphs fontkit already puts in visual order).
		if (strongDirection(text) === 'rtl') runs.reverse();
		const glyphs: ShapedGlyph[] = [];
		let pen = 0;
		for (const run of runs) {
			const font = this.#font(run.font);
			// A fallback face may have another em (Noto Emoji: 2048 units): positions are kept in the face's own units.
			const units = this.unitsPerEm / font.unitsPerEm;
			const { glyphs: runGlyphs, positions } = this.#layout(font, run.text, text);
			for (const [index, glyph] of runGlyphs.entries()) {
				const position = positions[index]!;
				glyphs.push({ font: run.font, id: glyph.id, x: pen + position.xOffset * units, y: position.yOffset * units });
				pen += position.xAdvance * units;
			}
		}
		shaped = { glyphs, advance: pen };
		this.#shaped.set(text, shaped);
		return shaped;
	}

	/**
	 * Set text in lines no wider than `width`: greedy, breaking at spaces and
	 * after hyphens, dashes and slashes; a piece wider than a line on its own
	 * is broken between characters.
	 *
	 * @param text
	 *   The text (runs of white space count as one space; no-break spaces
	 *   are kept and never broken at).
	 * @param size
	 *   Font size, pixels.
	 * @param width
	 *   Line width, pixels.
	 * @returns
	 *   The lines, each with its glyphs placed.
	 */
	setLines(text: string, size: number, width: number): SetLine[] {
		const scale = size / this.unitsPerEm;
		const space = this.shape(' ').advance * scale;
		// Pieces between break opportunities, each marked if a space follows it.
		const pieces: { text: string; spaceAfter: boolean }[] = [];
		for (const word of text.split(BREAKING_SPACE).filter(Boolean)) {
			const parts = word.split(BREAK_AFTER);
			for (const [index, part] of parts.entries()) pieces.push({ text: part, spaceAfter: index === parts.length - 1 });
		}
		if (pieces.length > 0) pieces.at(-1)!.spaceAfter = false;

		const lines: SetLine[] = [];
		let line: SetLine | undefined;
		let spaceBefore = false;
		// Where each line's pieces are, for lines that mix directions.
		const placed = new Map<SetLine, { first: number; end: number; start: number; width: number; level: number }[]>();
		const paragraph = strongDirection(text) === 'rtl' ? 1 : 0;
		let before: 'ltr' | 'rtl' = paragraph === 1 ? 'rtl' : 'ltr';
		const place = (piece: string, spaceAfter: boolean): void => {
			const shaped = this.shape(piece);
			const pieceWidth = shaped.advance * scale;
			const gap = line && spaceBefore ? space : 0;
			if (!line || (line.text !== '' && line.width + gap + pieceWidth > width)) {
				if (line) lines.push(line);
				line = { text: '', spaceAfter: false, width: 0, glyphs: [] };
				placed.set(line, []);
			}
			const start = line.width + (line.text === '' ? 0 : gap);
			placed.get(line)!.push({ first: line.glyphs.length, end: line.glyphs.length + shaped.glyphs.length, start, width: pieceWidth, level: pieceLevel(piece, paragraph, before) });
			before = strongDirection(piece, 'end') ?? before;
			for (const glyph of shaped.glyphs) line.glyphs.push({ font: glyph.font, id: glyph.id, x: start + glyph.x * scale, y: -glyph.y * scale });
			line.text += (line.text === '' || !spaceBefore ? '' : ' ') + piece;
			line.width = start + pieceWidth;
			line.spaceAfter = spaceAfter;
			spaceBefore = spaceAfter;
		};
		for (const piece of pieces) {
			if (this.shape(piece.text).advance * scale <= width) {
				place(piece.text, piece.spaceAfter);
				continue;
			}
			// Too long for any line: break it wherever the line is full.
			for (const chunk of this.#chunks(piece.text, scale, width)) {
				const last = chunk.end === piece.text.length;
				place(chunk.text, last && piece.spaceAfter);
				if (!last) {
					lines.push(line!);
					line = undefined;
				}
			}
		}
		if (line) lines.push(line);
		for (const set of lines) set.spaceAfter &&= set !== lines.at(-1);
		for (const set of lines) reorderLine(set, placed.get(set) ?? [], space, paragraph === 1 ? width : undefined);
		return lines;
	}

	/** Break an over-long piece into chunks that each fit a line, between graphemes. */
	#chunks(text: string, scale: number, width: number): { text: string; end: number }[] {
		const chunks: { text: string; end: number }[] = [];
		let start = 0;
		let end = 0;
		for (const { index, segment } of graphemes.segment(text)) {
			const next = index + segment.length;
			if (end > start && this.shape(text.slice(start, next)).advance * scale > width) {
				chunks.push({ text: text.slice(start, end), end });
				start = end;
			}
			end = next;
		}
		chunks.push({ text: text.slice(start), end: text.length });
		return chunks;
	}

	/**
	 * A glyph's outline, read once: fontkit inflates a WOFF file's whole
	 * glyph table each time it reads a glyph from it.
	 */
	#outline(font: number, id: number): Outline {
		const key = `${font}:${id}`;
		let outline = this.#outlines.get(key);
		if (!outline) {
			try {
				const glyph = this.#font(font).getGlyph(id);
				outline = { path: glyph.path.toSVG(), bbox: glyph.bbox };
			} catch {
				// An outline fontkit cannot read is left blank: the card goes on without it.
				outline = { path: '', bbox: this.#primary.getGlyph(0).bbox };
			}
			this.#outlines.set(key, outline);
		}
		return outline;
	}

	/**
	 * A glyph's coverage at a size and sub-pixel offset, rasterised by resvg
	 * on first use and cached.
	 *
	 * @param font
	 *   Index of the face's file.
	 * @param id
	 *   Glyph id.
	 * @param size
	 *   Font size, pixels.
	 * @param phase
	 *   Sub-pixel offset, in `1 / PHASES` pixels.
	 * @returns
	 *   The mask.
	 */
	mask(font: number, id: number, size: number, phase: number): GlyphMask {
		const key = `${font}:${id}:${size}:${phase}`;
		let mask = this.#masks.get(key);
		if (!mask) {
			mask = rasterise(this.#outline(font, id), size / this.#font(font).unitsPerEm, phase / PHASES);
			this.#masks.set(key, mask);
		}
		return mask;
	}
}

/**
 * Put a line's pieces in visual order (`visualOrder`) where its text mixes
 * directions, keeping the gap each pair of neighbours had; a right-to-left
 * paragraph's lines end at the right edge.
 *
 * @param line
 *   The line, its glyphs placed in reading order.
 * @param pieces
 *   Its pieces: their glyphs, place, width and level.
 * @param space
 *   The width of a space, between pieces that were not neighbours.
 * @param alignRight
 *   The width to end each line at, for a right-to-left paragraph.
 */
function reorderLine(line: SetLine, pieces: readonly { first: number; end: number; start: number; width: number; level: number }[], space: number, alignRight: number | undefined): void {
	const order = visualOrder(pieces.map((piece) => piece.level));
	if (order.some((index, position) => index !== position)) {
		const glyphs: PlacedGlyph[] = [];
		let pen = 0;
		for (const [position, index] of order.entries()) {
			const piece = pieces[index]!;
			if (position > 0) {
				// The gap between two pieces that were neighbours in reading order; a space otherwise.
				const previous = order[position - 1]!;
				const [left, right] = previous < index ? [pieces[previous]!, piece] : [piece, pieces[previous]!];
				const adjacent = Math.abs(previous - index) === 1;
				pen += adjacent ? right.start - (left.start + left.width) : space;
			}
			for (const glyph of line.glyphs.slice(piece.first, piece.end)) glyphs.push({ ...glyph, x: glyph.x - piece.start + pen });
			pen += piece.width;
		}
		line.glyphs = glyphs;
	}
	if (alignRight !== undefined) {
		const shift = alignRight - line.width;
		for (const glyph of line.glyphs) glyph.x += shift;
	}
}

/**
 * A glyph's advance: fontkit's, else the font's metrics table's (fontkit
 * reads a glyph's bounds before its advance, and fails on an empty glyph
 * stored last in a file); NaN when neither can be read.
 *
 * @param font
 *   The font.
 * @param id
 *   Glyph id.
 * @returns
 *   Font units.
 */
function advanceOf(font: fontkit.Font, id: number): number {
	try {
		return font.getGlyph(id).advanceWidth;
	} catch {
		return font.hmtx?.metrics.get(id)?.advance ?? Number.NaN;
	}
}

/** A glyph's outline as SVG path data and its bounds, in font units (y up). */
interface Outline {
	path: string;
	bbox: fontkit.Glyph['bbox'];
}

/**
 * Rasterise one glyph outline into coverage steps.
 *
 * @param glyph
 *   The glyph's outline.
 * @param scale
 *   Pixels per font unit.
 * @param shift
 *   Sub-pixel offset of the pen, 0 to 1.
 * @returns
 *   The mask.
 */
function rasterise(glyph: Outline, scale: number, shift: number): GlyphMask {
	const { path } = glyph;
	const { minX, minY, maxX, maxY } = glyph.bbox;
	if (path === '' || !(maxX > minX) || !(maxY > minY)) return EMPTY_MASK;
	// One pixel of margin: antialiasing reaches past the outline's bounds.
	const left = Math.floor(shift + minX * scale) - 1;
	const top = Math.floor(-maxY * scale) - 1;
	const width = Math.ceil(shift + maxX * scale) + 1 - left;
	const height = Math.ceil(-minY * scale) + 1 - top;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
		`<path transform="translate(${shift - left} ${-top}) scale(${scale} ${-scale})" d="${path}"/></svg>`;
	const { pixels } = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	const steps = new Uint8Array(width * height);
	const inked: number[] = [];
	for (let pixel = 0; pixel < steps.length; pixel++) {
		steps[pixel] = Math.round((pixels[pixel * 4 + 3]! * COVERAGE_STEPS) / 255);
		if (steps[pixel]! > 0) inked.push((Math.floor(pixel / width) << 16) | pixel % width);
	}
	return { left, top, width, height, steps, inked: Uint32Array.from(inked), inkedSteps: steps.filter((step) => step > 0) };
}
