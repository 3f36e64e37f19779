/**
 * Drawing a share card: the quote, credit, outlet and site mark are set in
 * the reading face (`card-type.ts`: the fonts' metrics and kerning, glyphs
 * rasterised once per thread), their coverage is written straight into a
 * buffer of palette indices (the paper, two coverage steps of the text ink
 * and a solid accent), and the buffer is written as a 4-colour, 2-bit PNG
 * (`indexed-png.ts`). Runs outside Vite (in the card workers,
 * `src/features/cards/share-card-worker.ts`), so it imports nothing from
 * Astro. This file, the typesetting and the fonts are the card's template:
 * the card cache is keyed on their bytes (`templateFiles`).
 */
import { fileURLToPath } from 'node:url';
import { CardFace, COVERAGE_STEPS, PHASES, type FaceStyle, type SetLine } from './card-type.ts';
import { truncateAtWord } from '../../utils/truncate.ts';
import { encodeIndexedPng, inkPalette, parseHex } from './indexed-png.ts';
import { fitQuote, type ShareCard } from './share-card.ts';
import { CARD_SIZE } from '../../utils/head-meta.ts';

/** The card's size in pixels (`CARD_SIZE`: the pages' `og:image:width` and `height` say the same). */
export const CARD_WIDTH = CARD_SIZE.width;
export const CARD_HEIGHT = CARD_SIZE.height;
/**
 * The card is laid out on the 1200 × 630 grid of the Open Graph standard and
 * drawn at `CARD_SIZE`, the same shape scaled: every position and type size
 * below is in grid units, and painting multiplies them by this.
 */
export const LAYOUT_WIDTH = 1200;
export const LAYOUT_HEIGHT = 630;
const SCALE = CARD_WIDTH / LAYOUT_WIDTH;
/**
 * The most a card may weigh: the site's heaviest card is about 12.2 KB and
 * the median 9.5 KB (docs/performance.md), so this leaves room for longer
 * credits and denser scripts (Hangul, CJK) with more ink.
 */
export const CARD_MAX_BYTES = 22 * 1024;

const PAPER = '#fdfcf9';
const INK = '#1d1b18';
const ACCENT = '#8a2b0f';
/**
 * Four colours, so a pixel takes two bits: the paper, the text ink at each
 * coverage step (`COVERAGE_STEPS`, antialiased edges) and the accent, which
 * only the rule and the site's name use and which is drawn without steps
 * (solid where a glyph covers a pixel at all). Seven colours (a muted ink
 * for the outlet line, steps for the accent) took four bits a pixel and
 * made the median card a fifth heavier for a difference seen only at 3×.
 */
const PALETTE = [...inkPalette(PAPER, [INK], COVERAGE_STEPS), parseHex(ACCENT)];
/** The palette index of the accent. */
const ACCENT_INDEX = PALETTE.length - 1;
/** What a block is drawn in: the text ink, with its coverage steps, or the accent. */
type Ink = 'text' | 'accent';

/** The accent rule down the left edge. */
const RULE_WIDTH = 24;
/** Where text starts, and how wide it may run. */
const TEXT_LEFT = RULE_WIDTH + 64;
const TEXT_WIDTH = 1048;
/** The quote's top and the footer's bottom. */
const TEXT_TOP = 56;
const TEXT_BOTTOM = LAYOUT_HEIGHT - 56;
/** The most lines the credit and the outlet line each take. */
const FOOTER_LINES = 2;
/** The quote's line height, in ems. */
const QUOTE_LEADING = 1.3;

const REGULAR: FaceStyle = { weight: 400, style: 'normal' };
const ITALIC: FaceStyle = { weight: 400, style: 'italic' };
const SEMIBOLD: FaceStyle = { weight: 600, style: 'normal' };
const STYLES = [REGULAR, ITALIC, SEMIBOLD] as const;

/** The faces, opened once per thread (their caches are what makes a card cheap). */
let faces: Map<FaceStyle, CardFace> | undefined;
function face(style: FaceStyle): CardFace {
	faces ??= new Map(STYLES.map((each) => [each, new CardFace(each)]));
	return faces.get(style)!;
}

/**
 * Every file whose bytes decide what a card looks like: this module, the
 * typesetting, the palette encoder, the quote's fitting and the fonts. A
 * change to any of them redraws every card.
 *
 * @returns
 *   Absolute paths.
 */
export function templateFiles(): string[] {
	return [
		fileURLToPath(import.meta.url),
		fileURLToPath(new URL('./card-type.ts', import.meta.url)),
		fileURLToPath(new URL('./indexed-png.ts', import.meta.url)),
		fileURLToPath(new URL('./share-card.ts', import.meta.url)),
		fileURLToPath(new URL('../../utils/truncate.ts', import.meta.url)),
		...new Set(STYLES.flatMap((style) => face(style).files)),
	];
}

/** A block of set text on the card. */
export interface CardBlock {
	/** Which part of the card it is. */
	part: 'quote' | 'credit' | 'source' | 'site';
	face: FaceStyle;
	size: number;
	ink: Ink;
	/** Left edge, in units of the 1200 × 630 grid. */
	left: number;
	/** Each line and its baseline, in grid units from the card's top. */
	lines: (SetLine & { baseline: number })[];
}

/**
 * Set a block of text in lines from a top edge.
 *
 * @returns
 *   The block and its height.
 */
function setBlock(part: CardBlock['part'], text: string, style: FaceStyle, size: number, ink: Ink, top: number, lineHeight?: number, maxLines = Number.POSITIVE_INFINITY): { block: CardBlock; height: number } {
	const type = face(style);
	const leading = lineHeight ?? type.normalLineHeight(size);
	const baseline = type.baseline(size, leading);
	const lines = setAtMost(type, text, size, maxLines).map((line, index) => ({ ...line, baseline: top + index * leading + baseline }));
	return { block: { part, face: style, size, ink, left: TEXT_LEFT, lines }, height: lines.length * leading };
}

/**
 * Set text in at most `maxLines` lines: when it takes more, the longest
 * opening that fits, cut at a word and marked with an ellipsis
 * (`truncateAtWord`), so a very long credit, outlet or quote never runs into
 * the rest of the card or off it.
 */
function setAtMost(type: CardFace, text: string, size: number, maxLines: number): SetLine[] {
	const lines = type.setLines(text, size, TEXT_WIDTH);
	if (lines.length <= maxLines) return lines;
	// The longest cut that fits, by bisection on its length in characters.
	let fits = 0;
	let tooLong = text.length;
	while (tooLong - fits > 1) {
		const middle = Math.floor((fits + tooLong) / 2);
		if (type.setLines(truncateAtWord(text, middle), size, TEXT_WIDTH).length <= maxLines) fits = middle;
		else tooLong = middle;
	}
	return type.setLines(truncateAtWord(text, Math.max(fits, 3)), size, TEXT_WIDTH).slice(0, maxLines);
}

/**
 * Where everything on a card goes: the quote from the top (in quotation
 * marks, or a plain headline for a notice), and at the bottom the credit,
 * the outlet and date, and the site's name.
 *
 * @param card
 *   What to show.
 * @returns
 *   The blocks, top to bottom.
 */
export function layoutCard(card: ShareCard): CardBlock[] {
	const quote = fitQuote(card.quote);
	const headline = card.notice ? quote : `“${quote}”`;
	const size = quote.length > 180 ? 40 : quote.length > 110 ? 48 : 56;
	// The footer is set from the bottom up: measure it, then place it. The credit and the outlet take two lines at most.
	const footer = (top: number) => {
		const credit = setBlock('credit', card.credit, SEMIBOLD, 28, 'text', top, undefined, FOOTER_LINES);
		// The outlet line is told from the credit by its italic (a muted ink would cost a colour).
		const source = setBlock('source', card.source, ITALIC, 28, 'text', top + credit.height, undefined, FOOTER_LINES);
		const site = setBlock('site', card.site, REGULAR, 24, 'accent', top + credit.height + source.height + 12);
		return { blocks: [credit.block, source.block, site.block], height: credit.height + source.height + 12 + site.height };
	};
	const footerTop = TEXT_BOTTOM - footer(0).height;
	// The quote takes the lines above the footer, a line's gap from it.
	const quoteLines = Math.max(1, Math.floor((footerTop - TEXT_TOP) / (size * QUOTE_LEADING)) - 1);
	const quoteBlock = setBlock('quote', headline, card.notice ? SEMIBOLD : REGULAR, size, 'text', TEXT_TOP, size * QUOTE_LEADING, quoteLines).block;
	return [quoteBlock, ...footer(footerTop).blocks];
}

/** The card with nothing on it but the paper and the rule, made once. */
let blank: Uint8Array | undefined;
function blankCard(): Uint8Array {
	if (!blank) {
		blank = new Uint8Array(CARD_WIDTH * CARD_HEIGHT);
		const rule = Math.round(RULE_WIDTH * SCALE);
		for (let y = 0; y < CARD_HEIGHT; y++) blank.fill(ACCENT_INDEX, y * CARD_WIDTH, y * CARD_WIDTH + rule);
	}
	return blank;
}

/**
 * Draw the blocks (laid out on the 1200 × 630 grid) into palette indices at
 * `CARD_SIZE`, glyphs rasterised at the scaled size: each glyph's coverage mask is added
 * to what is there in the text ink (glyphs that touch share their edge
 * pixels) and capped at full ink; the accent covers what it touches.
 *
 * @param blocks
 *   From `layoutCard`.
 * @returns
 *   One palette index per pixel.
 */
export function paintCard(blocks: readonly CardBlock[]): Uint8Array {
	const pixels = blankCard().slice();
	for (const block of blocks) {
		const type = face(block.face);
		const accent = block.ink === 'accent';
		const size = block.size * SCALE;
		for (const line of block.lines) {
			const baseline = Math.round(line.baseline * SCALE);
			for (const glyph of line.glyphs) {
				const x = (block.left + glyph.x) * SCALE;
				let whole = Math.floor(x);
				let phase = Math.round((x - whole) * PHASES);
				if (phase === PHASES) {
					whole++;
					phase = 0;
				}
				const mask = type.mask(glyph.font, glyph.id, size, phase);
				const left = whole + mask.left;
				const top = baseline + Math.round(glyph.y * SCALE) + mask.top;
				const inside = left >= 0 && top >= 0 && left + mask.width <= CARD_WIDTH && top + mask.height <= CARD_HEIGHT;
				const { inked, inkedSteps } = mask;
				for (let index = 0; index < inked.length; index++) {
					const row = top + (inked[index]! >>> 16);
					const column = left + (inked[index]! & 0xffff);
					// Text is set inside the margins; a glyph reaching past the edge is cut there.
					if (!inside && (row < 0 || row >= CARD_HEIGHT || column < 0 || column >= CARD_WIDTH)) continue;
					const at = row * CARD_WIDTH + column;
					if (accent) {
						pixels[at] = ACCENT_INDEX;
						continue;
					}
					// Text ink steps are the indices 1 to COVERAGE_STEPS.
					const there = pixels[at]!;
					const sum = there >= 1 && there <= COVERAGE_STEPS ? there + inkedSteps[index]! : inkedSteps[index]!;
					pixels[at] = sum < COVERAGE_STEPS ? sum : COVERAGE_STEPS;
				}
			}
		}
	}
	return pixels;
}

/**
 * Draw one card.
 *
 * @param card
 *   What to show.
 * @returns
 *   PNG bytes, `CARD_SIZE`, 4 colours; a character no face has is drawn as
 *   the replacement box (`CardFace.replaced`).
 */
export function drawShareCard(card: ShareCard): Buffer {
	return encodeIndexedPng(paintCard(layoutCard(card)), CARD_WIDTH, CARD_HEIGHT, PALETTE);
}
