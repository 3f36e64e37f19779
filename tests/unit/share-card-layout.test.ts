/**
 * The share card's typesetting and painting: lines fit the width, the fitted
 * quote is what is drawn, ink lies where the lines are, and characters the
 * face lacks are taken from its other files or from the fallback faces
 * (Hangul, CJK, symbols, emoji), or drawn as the replacement box.
 */
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CardFace, COVERAGE_STEPS, visualOrder, type SetLine } from '../../src/features/cards/card-type.ts';
import { CARD_HEIGHT, CARD_WIDTH, drawShareCard, LAYOUT_HEIGHT, LAYOUT_WIDTH, layoutCard, paintCard, type CardBlock } from '../../src/features/cards/share-card-image.ts';
import { fitQuote, type ShareCard } from '../../src/features/cards/share-card.ts';

const longest =
	'Technically speaking, the only significant difference between the 1961 and 2024 versions is the explicit reference to Article 51 of the UN Charter (authorizing the use of collective self-defense in the event of armed attack), as well as to the unspecified domestic laws and regulations of both countries.';
const card: ShareCard = { quote: longest, credit: 'Andrei Lankov, interviewed by Andrew Pruden', source: 'The National Bureau of Asian Research (NBR), c. 2024 (not before 20 June)', site: 'Treaty Reader' };

/** A block's text as drawn: its lines joined back with the spaces the breaks swallowed. */
const textOf = (block: CardBlock) => block.lines.map((line) => line.text + (line.spaceAfter ? ' ' : '')).join('');
const part = (blocks: CardBlock[], name: CardBlock['part']) => blocks.find((block) => block.part === name)!;
/** Pixels of a painted card that are not paper, inside a box. */
function inkIn(pixels: Uint8Array, left: number, top: number, right: number, bottom: number): number {
	let count = 0;
	for (let y = Math.max(0, top); y < Math.min(CARD_HEIGHT, bottom); y++) {
		for (let x = Math.max(0, left); x < Math.min(CARD_WIDTH, right); x++) if (pixels[y * CARD_WIDTH + x] !== 0) count++;
	}
	return count;
}

describe('layoutCard', () => {
	const blocks = layoutCard(card);

	it('should draw the fitted quote in quotation marks, and the credit, source and site', () => {
		expect(textOf(part(blocks, 'quote'))).toBe(`“${fitQuote(longest)}”`);
		expect(fitQuote(longest).length).toBeLessThan(longest.length);
		expect(textOf(part(blocks, 'credit'))).toBe(card.credit);
		expect(textOf(part(blocks, 'source'))).toBe(card.source);
		expect(textOf(part(blocks, 'site'))).toBe(card.site);
	});

	it('should draw a notice without quotation marks', () => {
		const notice = layoutCard({ ...card, quote: 'A sentence withdrawn from “Title”', notice: true });
		expect(textOf(part(notice, 'quote'))).toBe('A sentence withdrawn from “Title”');
		expect(part(notice, 'quote').face.weight).toBe(600);
	});

	it('should keep every line inside the text column and the card, and lines below one another', () => {
		for (const block of blocks) {
			for (const line of block.lines) {
				expect(line.width).toBeLessThanOrEqual(1048);
				expect(block.left + line.width).toBeLessThanOrEqual(LAYOUT_WIDTH - 64);
				for (const glyph of line.glyphs) expect(glyph.x).toBeLessThanOrEqual(line.width);
			}
		}
		const baselines = blocks.flatMap((block) => block.lines.map((line) => line.baseline));
		expect(baselines).toEqual([...baselines].sort((a, b) => a - b));
		expect(part(blocks, 'quote').lines).toHaveLength(5);
		// The quote ends well above the credit: no line runs into the footer.
		expect(part(blocks, 'quote').lines.at(-1)!.baseline + 40).toBeLessThan(part(blocks, 'credit').lines[0]!.baseline - 28);
		expect(part(blocks, 'site').lines.at(-1)!.baseline).toBeLessThan(LAYOUT_HEIGHT - 56);
	});

	it('should fill lines greedily: the next line’s first word would not have fitted', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const lines = face.setLines(longest, 40, 1048);
		const space = (face.shape(' ').advance * 40) / face.unitsPerEm;
		for (const [index, line] of lines.slice(0, -1).entries()) {
			const next = lines[index + 1]!.text.split(' ')[0]!;
			expect(line.width + space + (face.shape(next).advance * 40) / face.unitsPerEm).toBeGreaterThan(1048);
		}
	});

	it('should kern and use the fonts’ ligatures', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const av = face.shape('AV');
		expect(av.advance).toBeLessThan(face.shape('A').advance + face.shape('V').advance);
		expect(face.shape('office').glyphs.length).toBeLessThan('office'.length);
	});

	it('should break a word longer than a line between its letters, and after hyphens and dashes', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
		const lines = face.setLines(`See ${word} here`, 56, 600);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(600);
		expect(lines.map((line) => line.text + (line.spaceAfter ? ' ' : '')).join('')).toBe(`See ${word} here`);
		const dashed = face.setLines('the Russia–DPRK comprehensive-strategic partnership', 56, 420);
		expect(dashed.map((line) => line.text)).toContain('the Russia–');
	});

	it('should take a character the latin file lacks from another file of the face', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const shaped = face.shape('Путин');
		expect(shaped.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
		expect(new Set(shaped.glyphs.map((glyph) => glyph.font))).not.toContain(0);
	});

	it('should draw names with no-break spaces, a non-breaking hyphen, a soft hyphen or a zero-width space', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const plain = face.shape('Kim-Jong Un');
		for (const name of ['Kim\u2011Jong\u00A0Un', 'Kim-Jong\u00ADUn', 'Kim-Jong\u200BUn']) {
			const shaped = face.shape(name.replace('\u00A0', ' '));
			expect(shaped.glyphs.every((glyph) => glyph.id !== 0), name).toBe(true);
		}
		expect(face.shape('Kim\u2011Jong').glyphs.map((glyph) => glyph.id)).toEqual(face.shape('Kim-Jong').glyphs.map((glyph) => glyph.id));
		expect(face.shape('Kim-Jong\u00ADUn').advance).toBe(face.shape('Kim-JongUn').advance);
		expect(plain.glyphs.length).toBeGreaterThan(0);
		// A no-break space and a non-breaking hyphen are never broken at.
		const lines = face.setLines('aaaa Kim\u00A0Jong\u2011Un bbbb', 56, 420);
		expect(lines.some((line) => line.text.includes('Kim\u00A0Jong\u2011Un'))).toBe(true);
	});

	it.each([
		['Hangul', '(정상회담)'],
		['Hanja and Chinese', '朝鲜民主主义人民共和国'],
		['Japanese kana', 'ロシアと北朝鮮'],
		['Cyrillic', 'Договор о всеобъемлющем стратегическом партнёрстве'],
		['Greek', 'Συνθήκη'],
		['symbols', '→ ⇄ ★ ✓ ♠'],
		['emoji', '🇰🇵 🤝 🇷🇺 😀'],
	])('should draw %s from a face that has it, every glyph a real one, in every style', (_script, text) => {
		for (const style of [{ weight: 400, style: 'normal' }, { weight: 400, style: 'italic' }, { weight: 600, style: 'normal' }] as const) {
			const face = new CardFace(style);
			const shaped = face.shape(text.replaceAll(' ', ''));
			expect(shaped.glyphs.length).toBeGreaterThan(0);
			expect(shaped.glyphs.filter((glyph) => glyph.id === 0), `${text} in ${style.weight} ${style.style}`).toEqual([]);
			expect(face.replaced.size).toBe(0);
			// Each glyph inks the card at the quote's size, at its own face's scale.
			for (const glyph of shaped.glyphs) expect(face.mask(glyph.font, glyph.id, 56, 0).inked.length).toBeGreaterThan(0);
		}
	});

	it('should set a Korean quote in lines as wide as a Latin one of the same size', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		const hangul = face.shape('정상회담').advance;
		const latin = face.shape('summit').advance;
		// Four Hangul syllables are about four ems; a fallback face on another em would be off by a factor.
		expect(hangul / face.unitsPerEm).toBeGreaterThan(3);
		expect(hangul / face.unitsPerEm).toBeLessThan(5);
		expect(latin).toBeGreaterThan(0);
	});

	it('should draw a character no face has as the visible replacement box, record it, and go on', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		for (const char of ['\uE000', '\u0007', '\u{10FFFD}']) {
			const shaped = face.shape(`a${char}b`);
			expect(shaped.glyphs.map((glyph) => glyph.id === 0)).toEqual([false, true, false]);
			const box = shaped.glyphs[1]!;
			expect(face.mask(box.font, box.id, 56, 0).inked.length, 'the box is drawn').toBeGreaterThan(0);
			expect(face.replaced.get(char)).toBe(`a${char}b`);
		}
	});

	it('should draw an emoji sequence as the one glyph the emoji face makes of it: a joined family, a skin tone, a keycap, a flag, a presentation selector', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		for (const sequence of ['👨\u200D👩\u200D👧\u200D👦', '👍🏽', '1\uFE0F\u20E3', '#\uFE0F\u20E3', '🇰🇵', '\u263A\uFE0F', '🏳\uFE0F\u200D🌈']) {
			const shaped = face.shape(`a${sequence}b`);
			expect(shaped.glyphs, sequence).toHaveLength(3);
			expect(shaped.glyphs[1]!.id, sequence).not.toBe(0);
			expect(shaped.glyphs[1]!.font, sequence).not.toBe(shaped.glyphs[0]!.font);
		}
		expect(face.replaced.size).toBe(0);
	});

	it('should draw polytonic Greek, combining accents on Cyrillic, and mathematical letters (as their plain form), none as the replacement box', () => {
		for (const style of [{ weight: 400, style: 'normal' }, { weight: 400, style: 'italic' }, { weight: 600, style: 'normal' }] as const) {
			const face = new CardFace(style);
			for (const text of ['ἐν ἀρχῇ ἦν ὁ λόγος', 'ᾅδης ὦ ἄνδρες', 'Догово́р всеобъе́млющем', '𝐀𝐫𝐭𝐢𝐜𝐥𝐞 𝟒 𝔄', '㎞ ﬁ']) {
				for (const word of text.split(' ')) {
					const shaped = face.shape(word);
					expect(shaped.glyphs.every((glyph) => glyph.id !== 0), `${word} (${style.weight} ${style.style})`).toBe(true);
				}
			}
			expect([...face.replaced.keys()]).toEqual([]);
			expect(face.shape('𝐀').glyphs.map((glyph) => glyph.id)).toEqual(face.shape('A').glyphs.map((glyph) => glyph.id));
		}
	});

	it('should keep a very long quote, credit and outlet from running into one another or off the card: two footer lines each, cut with an ellipsis', () => {
		const long: ShareCard = { quote: 'word '.repeat(2000), credit: 'Author Name, '.repeat(40), source: `${'An outlet name that goes on and on '.repeat(15)}, 21 June 2024`, site: 'Treaty Reader' };
		const blocks = layoutCard(long);
		const [quote, credit, source] = [part(blocks, 'quote'), part(blocks, 'credit'), part(blocks, 'source')];
		expect(credit.lines.length).toBeLessThanOrEqual(2);
		expect(source.lines.length).toBeLessThanOrEqual(2);
		expect(textOf(credit).endsWith(' …')).toBe(true);
		// The quote's last baseline, plus its descent, stays above the credit's first line box.
		expect(quote.lines.at(-1)!.baseline + quote.size * 0.3).toBeLessThan(credit.lines[0]!.baseline - credit.size);
		for (const block of blocks) for (const line of block.lines) expect(line.baseline - block.size).toBeGreaterThanOrEqual(0);
	});

	it('should draw Arabic and Hebrew, right to left: words in reading order from the right, a right-to-left quote ending at the right edge', () => {
		const face = new CardFace({ weight: 400, style: 'normal' });
		/** Leftmost x of the glyphs of the piece that holds a word. */
		const leftOf = (line: SetLine, word: string): number => {
			const shaped = face.shape(word);
			const at = line.glyphs.findIndex((_, index) => shaped.glyphs.every((each, offset) => line.glyphs[index + offset]?.id === each.id && line.glyphs[index + offset]?.font === each.font));
			expect(at, word).toBeGreaterThanOrEqual(0);
			return line.glyphs[at]!.x;
		};
		const arabic = 'قال المحلل إن المعاهدة';
		const [rtl] = face.setLines(arabic, 40, 1000);
		expect(rtl!.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
		const words = arabic.split(' ');
		for (let index = 1; index < words.length; index++) expect(leftOf(rtl!, words[index]!), words[index]).toBeLessThan(leftOf(rtl!, words[index - 1]!));
		expect(Math.max(...rtl!.glyphs.map((glyph) => glyph.x))).toBeGreaterThan(900);

		const mixed = 'The words שלום עולם mean 2024 here';
		const [ltr] = face.setLines(mixed, 40, 1000);
		expect(leftOf(ltr!, 'The')).toBe(0);
		expect(leftOf(ltr!, 'עולם')).toBeLessThan(leftOf(ltr!, 'שלום'));
		expect(leftOf(ltr!, 'שלום')).toBeLessThan(leftOf(ltr!, 'mean'));
		expect(leftOf(ltr!, 'mean')).toBeLessThan(leftOf(ltr!, '2024'));
		expect([...face.replaced.keys()]).toEqual([]);
	});

	it('should order a line’s pieces by the bidirectional algorithm’s rule L2', () => {
		expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
		expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
		// Numbers (level 2) inside right-to-left text keep their own order.
		expect(visualOrder([1, 1, 2, 2, 1])).toEqual([4, 2, 3, 1, 0]);
		expect(visualOrder([2, 2, 1])).toEqual([2, 0, 1]);
	});

	it('should set any character without an error: each is drawn, or recorded and drawn as the replacement box', () => {
		// Every script a quote may hold, and what fontkit cannot read: a Noto Sans SC range file with no character
		// map (listed for Devanagari), the reading face's thin space (an empty glyph stored last in its file).
		const samples = [
			'संधि पर हस्ताक्षर किए गए', 'สนธิสัญญา', 'ສົນທິສັນຍາ', 'Հայերեն', 'ქართული', 'ሰላም', 'ᏣᎳᎩ', 'ᐃᓄᒃᑎᑐᑦ', 'தமிழ்', 'বাংলা', 'བོད་ཡིག', 'မြန်မာ', 'ខ្មែរ',
			'قال المحلل إن المعاهدة', 'האמנה נחתמה', 'Догово́р', 'ἐν ἀρχῇ ἦν ὁ λόγος', '𠀀𪚥𩸽', '𝐀𝐫𝐭 𝟒 ∀x∈ℝ', '👨‍👩‍👧‍👦 🇰🇵 👍🏽 1️⃣ ☺︎',
			'10\u2009km', 'a\u2002b', '19\u202FJune', '\u0378\u{E0001}\u{F0000}',
		];
		const face = new CardFace({ weight: 400, style: 'normal' });
		for (const sample of samples) {
			const shaped = face.shape(sample.replaceAll(' ', ''));
			expect(shaped.advance, sample).toBeGreaterThan(0);
			for (const glyph of shaped.glyphs) expect(() => face.mask(glyph.font, glyph.id, 40, 0), sample).not.toThrow();
		}
		for (const space of ['\u2009', '\u2002', '\u202F']) expect(face.replaced.has(space), `U+${space.codePointAt(0)!.toString(16)} is drawn as a space`).toBe(false);
		// One code point in every 29 of the first three planes, 16 at a time.
		for (let start = 0x80; start < 0x32000; start += 16 * 29) {
			let chunk = '';
			for (let codePoint = start; codePoint < start + 16 * 29; codePoint += 29) if (codePoint < 0xd800 || codePoint > 0xdfff) chunk += String.fromCodePoint(codePoint);
			expect(() => face.shape(chunk), `U+${start.toString(16)}`).not.toThrow();
		}
		expect(() => drawShareCard({ quote: samples.join(' '), credit: samples[13]!, source: samples[14]!, site: 'Treaty Reader' })).not.toThrow();
	}, 120_000);

	it('should lay out and paint a card whose quote, credit and source mix scripts, emoji and a character no face has', () => {
		const mixed: ShareCard = {
			quote: 'Kim Jong Un called it a summit (정상회담) with Путин — 友好 🤝 and \uE000 too.',
			credit: '김정은 and Ελένη',
			source: '조선중앙통신 🇰🇵, 2024',
			site: 'Treaty Reader',
		};
		const blocks = layoutCard(mixed);
		expect(textOf(part(blocks, 'quote'))).toBe(`“${mixed.quote}”`);
		expect(textOf(part(blocks, 'credit'))).toBe(mixed.credit);
		const png = decode(drawShareCard(mixed));
		expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
	});
});

describe('paintCard', () => {
	const blocks = layoutCard(card);
	const pixels = paintCard(blocks);

	// The layout is on the 1200 × 630 grid; the card is drawn at its own size, the same shape.
	const scale = CARD_WIDTH / LAYOUT_WIDTH;

	it('should draw the card at its size, the layout grid’s shape scaled', () => {
		expect(CARD_HEIGHT / CARD_WIDTH).toBeCloseTo(LAYOUT_HEIGHT / LAYOUT_WIDTH, 2);
		expect(pixels.length).toBe(CARD_WIDTH * CARD_HEIGHT);
	});

	it('should ink every line where it is set, and leave the space between quote and footer blank', () => {
		for (const block of blocks) {
			for (const line of block.lines) {
				const top = Math.round((line.baseline - block.size * 0.7) * scale);
				const ink = inkIn(pixels, Math.floor(block.left * scale), top, Math.ceil((block.left + line.width) * scale), Math.round(line.baseline * scale));
				expect(ink, `${block.part}: ${line.text}`).toBeGreaterThan(line.text.length * 10 * scale * scale);
			}
		}
		const quoteEnd = Math.ceil((part(blocks, 'quote').lines.at(-1)!.baseline + 40 * 0.3) * scale);
		const footerTop = Math.floor((part(blocks, 'credit').lines[0]!.baseline - 28) * scale);
		expect(inkIn(pixels, 30, quoteEnd, CARD_WIDTH, footerTop)).toBe(0);
		// Nothing right of the text column.
		expect(inkIn(pixels, Math.floor(CARD_WIDTH - 60 * scale), 0, CARD_WIDTH, CARD_HEIGHT)).toBe(0);
	});

	it('should antialias the text: its edge pixels take the intermediate steps of the ink, in four colours in all', () => {
		const used = new Set(pixels);
		for (let step = 1; step <= COVERAGE_STEPS; step++) expect(used.has(step), `ink step ${step}`).toBe(true);
		// The paper, the text ink's steps and the solid accent (rule and site name): nothing else.
		expect([...used].sort()).toEqual([0, ...Array.from({ length: COVERAGE_STEPS }, (_, step) => step + 1), COVERAGE_STEPS + 1]);
	});

	it('should draw a different card for a different sentence, and the same card for the same one', () => {
		const other = paintCard(layoutCard({ ...card, quote: longest.replace('1961', '1962') }));
		expect(Buffer.compare(other, pixels)).not.toBe(0);
		expect(Buffer.compare(paintCard(layoutCard(card)), pixels)).toBe(0);
	});
});

describe('drawShareCard', () => {
	it('should write a 2-bit PNG, at the card size, of the painted pixels (the paper, each coverage step of the text ink, the accent)', () => {
		const png = decode(drawShareCard(card));
		expect([png.width, png.height, png.depth, png.palette?.length]).toEqual([CARD_WIDTH, CARD_HEIGHT, 2, 2 + COVERAGE_STEPS]);
		// Decoded (fast-png keeps the rows packed, the first pixel in the high bits), every pixel is the painted one.
		const painted = paintCard(layoutCard(card));
		const rowBytes = (CARD_WIDTH * png.depth) / 8;
		const perByte = 8 / png.depth;
		const decoded = Uint8Array.from({ length: CARD_WIDTH * CARD_HEIGHT }, (_, at) => {
			const [y, x] = [Math.floor(at / CARD_WIDTH), at % CARD_WIDTH];
			return (png.data[y * rowBytes + Math.floor(x / perByte)]! >> (8 - png.depth * ((x % perByte) + 1))) & ((1 << png.depth) - 1);
		});
		expect(Buffer.compare(decoded, painted)).toBe(0);
	});
});
