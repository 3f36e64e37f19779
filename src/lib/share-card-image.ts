/**
 * Drawing a share card: satori lays the card out as SVG, resvg rasterises
 * it, and the pixels are written as a 16-colour PNG (`indexed-png.ts`).
 * Runs outside Vite (in the card workers, `src/integrations/share-card-worker.ts`),
 * so it imports nothing from Astro. This file and the fonts are the card's
 * template: the card cache is keyed on their bytes (`templateFiles`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodeIndexedPng, inkPalette, quantise } from './indexed-png.ts';
import { fitQuote, type ShareCard } from './share-card.ts';

/** The standard Open Graph size: unfurlers crop or refuse other shapes. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/**
 * The most a card may weigh: the longest quotes (260 characters, fitted)
 * come to about 27 KB, the median to about 20 KB (README, Performance).
 */
export const CARD_MAX_BYTES = 32 * 1024;

const PAPER = '#fdfcf9';
const INK = '#1d1b18';
const MUTED = '#55504a';
const ACCENT = '#8a2b0f';
/** Five coverage steps per ink: antialiased edges stay smooth at 16 colours. */
const PALETTE = inkPalette(PAPER, [INK, MUTED, ACCENT], 5);

const require = createRequire(import.meta.url);
const FONT_FILES = [
	{ file: 'source-serif-4-latin-400-normal.woff', weight: 400, style: 'normal' },
	{ file: 'source-serif-4-latin-400-italic.woff', weight: 400, style: 'italic' },
	{ file: 'source-serif-4-latin-600-normal.woff', weight: 600, style: 'normal' },
] as const;

/** Where a font file of the card lives. */
function fontPath(file: string): string {
	// satori reads WOFF (not WOFF2); the self-hosted reading face is reused.
	return require.resolve(`@fontsource/source-serif-4/files/${file}`);
}

/**
 * Every file whose bytes decide what a card looks like: this module, the
 * palette encoder, the quote's fitting and the fonts. A change to any of them redraws every card.
 *
 * @returns
 *   Absolute paths.
 */
export function templateFiles(): string[] {
	return [
		fileURLToPath(import.meta.url),
		fileURLToPath(new URL('./indexed-png.ts', import.meta.url)),
		fileURLToPath(new URL('./share-card.ts', import.meta.url)),
		fileURLToPath(new URL('./truncate.ts', import.meta.url)),
		...FONT_FILES.map(({ file }) => fontPath(file)),
	];
}

let fonts: { name: string; data: Buffer; weight: 400 | 600; style: 'normal' | 'italic' }[] | undefined;

/** The card's fonts, read once per thread (satori keeps its parsed copy keyed on this array). */
function loadFonts() {
	fonts ??= FONT_FILES.map(({ file, weight, style }) => ({ name: 'Source Serif 4', data: readFileSync(fontPath(file)), weight, style }));
	return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children: Node[] | string): Node => ({ type, props: { style, children } });

/**
 * The card's layout, as satori's element tree.
 *
 * @param card
 *   What to show.
 * @returns
 *   Element tree.
 */
function layout(card: ShareCard): Node {
	const quote = fitQuote(card.quote);
	const headline = card.notice ? quote : `“${quote}”`;
	const size = quote.length > 180 ? 40 : quote.length > 110 ? 48 : 56;
	return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: PAPER, color: INK, fontFamily: 'Source Serif 4' }, [
		el('div', { width: 24, height: CARD_HEIGHT, background: ACCENT }, []),
		el(
			'div',
			{ width: 1048, height: 518, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '56px 64px' },
			[
				el('div', { display: 'flex', width: 1048, fontSize: size, lineHeight: 1.3, ...(card.notice ? { fontWeight: 600 } : {}) }, headline),
				el('div', { display: 'flex', flexDirection: 'column', width: 1048, fontSize: 28 }, [
					el('div', { display: 'flex', fontWeight: 600 }, card.credit),
					el('div', { display: 'flex', fontStyle: 'italic', color: MUTED }, card.source),
					el('div', { display: 'flex', marginTop: 12, fontSize: 24, color: ACCENT }, card.site),
				]),
			],
		),
	]);
}

/**
 * Draw one card.
 *
 * @param card
 *   What to show.
 * @returns
 *   PNG bytes, 1200×630, 16 colours.
 */
export async function drawShareCard(card: ShareCard): Promise<Buffer> {
	const svg = await satori(layout(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
	const { pixels } = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render();
	return encodeIndexedPng(quantise(pixels, PALETTE), CARD_WIDTH, CARD_HEIGHT, PALETTE);
}
