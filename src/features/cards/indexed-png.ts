/**
 * A share card is text on paper, so its pixels are a few colours: a
 * 4-colour palette (the paper, two coverage steps of the text ink and the
 * accent) draws it legibly, packs four pixels per byte and deflates to well
 * under a third of resvg's true-colour PNG. No PNG library we could find
 * writes 2- and 4-bit indexed images with Node's native deflate (fast-png
 * does, through a JavaScript deflate about twice as slow), and the container
 * is four chunks, so it is written here.
 */
import { crc32, deflateSync } from 'node:zlib';

/** An opaque colour, `[r, g, b]` in 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Parse `#rrggbb`.
 *
 * @param hex
 *   Colour.
 * @returns
 *   Its channels.
 * @throws
 *   When it is not `#rrggbb`.
 */
export function parseHex(hex: string): Rgb {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
	return [Number.parseInt(match[1]!, 16), Number.parseInt(match[2]!, 16), Number.parseInt(match[3]!, 16)];
}

/**
 * A palette for text in a few inks on one background: the background first,
 * then `levels` coverage steps of each ink (the last step is the ink itself).
 *
 * @param background
 *   `#rrggbb`.
 * @param inks
 *   `#rrggbb` each.
 * @param levels
 *   Coverage steps per ink.
 * @returns
 *   Colours; index 0 is the background.
 */
export function inkPalette(background: string, inks: readonly string[], levels: number): Rgb[] {
	const paper = parseHex(background);
	const palette: Rgb[] = [paper];
	for (const ink of inks.map(parseHex)) {
		for (let step = 1; step <= levels; step++) {
			const a = step / levels;
			const mix = (channel: 0 | 1 | 2) => Math.round(ink[channel] * a + paper[channel] * (1 - a));
			palette.push([mix(0), mix(1), mix(2)]);
		}
	}
	return palette;
}

/**
 * Map every pixel to its nearest palette colour. A card has a few hundred
 * distinct colours among its 756,000 pixels, so each distinct colour is
 * matched once and remembered.
 *
 * @param rgba
 *   Opaque RGBA pixels, 4 bytes each.
 * @param palette
 *   Up to 256 colours.
 * @returns
 *   One palette index per pixel.
 */
export function quantise(rgba: Uint8Array, palette: readonly Rgb[]): Uint8Array {
	const count = rgba.length >>> 2;
	const indices = new Uint8Array(count);
	const known = new Map<number, number>();
	let previous = -1;
	let previousIndex = 0;
	for (let pixel = 0, offset = 0; pixel < count; pixel++, offset += 4) {
		const r = rgba[offset]!;
		const g = rgba[offset + 1]!;
		const b = rgba[offset + 2]!;
		const key = (r << 16) | (g << 8) | b;
		if (key !== previous) {
			let index = known.get(key);
			if (index === undefined) {
				index = nearest(palette, r, g, b);
				known.set(key, index);
			}
			previous = key;
			previousIndex = index;
		}
		indices[pixel] = previousIndex;
	}
	return indices;
}

/** Index of the palette colour nearest to `(r, g, b)` (squared RGB distance). */
function nearest(palette: readonly Rgb[], r: number, g: number, b: number): number {
	let best = 0;
	let bestDistance = Infinity;
	for (const [index, [pr, pg, pb]] of palette.entries()) {
		const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
		if (distance < bestDistance) {
			bestDistance = distance;
			best = index;
		}
	}
	return best;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** Colour type 3: palette indices. */
const INDEXED = 3;

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	out.set(data, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/**
 * The fewest bits per pixel PNG allows for a palette's size (1, 2, 4 or 8).
 *
 * @param colours
 *   How many colours the palette has.
 * @returns
 *   Bits per pixel.
 */
export function paletteDepth(colours: number): 1 | 2 | 4 | 8 {
	return colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
}

/**
 * Encode palette indices as an indexed PNG, with as few bits per pixel as
 * the palette allows (`paletteDepth`: a share card's 4 colours take 2, which
 * deflates a card to about 16 % fewer bytes than 4 bits did). Rows use
 * filter 0 (none), which the PNG specification recommends for palette
 * images: the best of none, Sub and Up per row made cards larger. zlib
 * level 5: on 2-bit share cards level 6 saves 1 % more bytes for half as
 * much time again, level 9 8 % for nine times the time, and level 4 is 3 %
 * larger (`scripts/bench/cards.mjs`).
 *
 * @param indices
 *   One palette index per pixel, row by row.
 * @param width
 *   Pixels per row.
 * @param height
 *   Rows.
 * @param palette
 *   Up to 256 colours.
 * @returns
 *   PNG bytes.
 * @throws
 *   When the sizes do not agree or the palette is empty or too large.
 */
export function encodeIndexedPng(indices: Uint8Array, width: number, height: number, palette: readonly Rgb[]): Buffer {
	if (indices.length !== width * height) throw new Error(`expected ${width * height} pixels, got ${indices.length}`);
	if (palette.length === 0 || palette.length > 256) throw new Error(`a palette has 1 to 256 colours, got ${palette.length}`);
	const depth = paletteDepth(palette.length);
	const perByte = 8 / depth;
	const rowBytes = Math.ceil(width / perByte);
	const raw = new Uint8Array((rowBytes + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (rowBytes + 1) + 1;
		const first = y * width;
		// Rows repeat (a card's blank rows): a repeated row is copied, not packed again.
		if (y > 0 && Buffer.compare(indices.subarray(first - width, first), indices.subarray(first, first + width)) === 0) {
			raw.copyWithin(row, row - rowBytes - 1, row - 1);
			continue;
		}
		if (depth === 8) {
			raw.set(indices.subarray(first, first + width), row);
			continue;
		}
		// Pixels fill each byte from its high bits, the first pixel leftmost.
		for (let x = 0; x < width; x++) raw[row + Math.floor(x / perByte)]! |= indices[first + x]! << (8 - depth * ((x % perByte) + 1));
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = depth;
	header[9] = INDEXED;
	return Buffer.concat([
		SIGNATURE,
		chunk('IHDR', header),
		chunk('PLTE', Uint8Array.from(palette.flat())),
		chunk('IDAT', deflateSync(raw, { level: 5 })),
		chunk('IEND', new Uint8Array(0)),
	]);
}
