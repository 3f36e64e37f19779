import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodeIndexedPng, inkPalette, parseHex, quantise } from '../../src/features/cards/indexed-png.ts';

/** Unpack a decoded 4- or 8-bit indexed image into one index per pixel. */
function indicesOf(png: ReturnType<typeof decode>): number[] {
	const data = png.data as Uint8Array;
	if (png.depth === 8) return [...data];
	const rowBytes = Math.ceil(png.width / 2);
	const out: number[] = [];
	for (let y = 0; y < png.height; y++) {
		for (let x = 0; x < png.width; x++) {
			const byte = data[y * rowBytes + (x >> 1)]!;
			out.push(x % 2 === 0 ? byte >> 4 : byte & 15);
		}
	}
	return out;
}

describe('inkPalette', () => {
	it('should start with the background and end each ramp on its ink', () => {
		const palette = inkPalette('#ffffff', ['#000000', '#ff0000'], 4);
		expect(palette).toHaveLength(9);
		expect(palette[0]).toEqual([255, 255, 255]);
		expect(palette[2]).toEqual([128, 128, 128]);
		expect(palette[4]).toEqual([0, 0, 0]);
		expect(palette[8]).toEqual([255, 0, 0]);
	});

	it('should refuse a colour that is not #rrggbb', () => {
		expect(() => parseHex('red')).toThrow('not a #rrggbb colour: red');
	});
});

describe('quantise', () => {
	it('should map each pixel to the nearest palette colour', () => {
		const palette = inkPalette('#ffffff', ['#000000'], 2);
		const rgba = Uint8Array.of(250, 250, 250, 255, 10, 10, 10, 255, 120, 130, 125, 255, 10, 10, 10, 255);
		expect([...quantise(rgba, palette)]).toEqual([0, 2, 1, 2]);
	});
});

describe('encodeIndexedPng', () => {
	it('should write a 4-bit PNG that decodes to the same pixels and palette (odd width)', () => {
		const palette = inkPalette('#fdfcf9', ['#1d1b18', '#8a2b0f'], 5);
		const width = 7;
		const height = 3;
		const indices = Uint8Array.from({ length: width * height }, (_, i) => (i * 5) % palette.length);
		const png = decode(encodeIndexedPng(indices, width, height, palette));
		expect([png.width, png.height, png.depth, png.channels]).toEqual([7, 3, 4, 1]);
		expect(png.palette).toEqual(palette.map((colour) => [...colour]));
		expect(indicesOf(png)).toEqual([...indices]);
	});

	it('should write 8 bits per pixel when the palette has more than 16 colours', () => {
		const palette = inkPalette('#ffffff', ['#000000'], 20);
		const indices = Uint8Array.from({ length: 8 }, (_, i) => i * 2);
		const png = decode(encodeIndexedPng(indices, 4, 2, palette));
		expect(png.depth).toBe(8);
		expect(indicesOf(png)).toEqual([...indices]);
	});

	it('should decode repeated rows, packed once and copied, to the same pixels', () => {
		const palette = inkPalette('#fdfcf9', ['#1d1b18'], 5);
		for (const [width, colours] of [[5, palette], [3, inkPalette('#ffffff', ['#000000'], 20)]] as const) {
			const row = Array.from({ length: width }, (_, i) => (i * 3 + 1) % colours.length);
			const other = row.map((index) => (index + 1) % colours.length);
			const indices = Uint8Array.from([...row, ...row, ...other, ...row, ...row]);
			expect(indicesOf(decode(encodeIndexedPng(indices, width, 5, colours)))).toEqual([...indices]);
		}
	});

	it('should refuse pixels that do not fill the image, and empty palettes', () => {
		expect(() => encodeIndexedPng(new Uint8Array(5), 2, 2, [[0, 0, 0]])).toThrow('expected 4 pixels, got 5');
		expect(() => encodeIndexedPng(new Uint8Array(4), 2, 2, [])).toThrow('a palette has 1 to 256 colours, got 0');
	});
});
