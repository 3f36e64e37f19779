/**
 * The share card for one claim: a 1200×630 PNG with the quote, who said it
 * and where, drawn at build time (satori lays out, resvg rasterises) so a
 * pasted link shows the sentence itself, with no server and no third party.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { truncateAtWord } from './truncate.ts';

export interface ShareCard {
	/** The sentence, shown in quotation marks, or (with `notice`) a plain headline. */
	quote: string;
	/** Draw `quote` as a headline rather than a quotation (site card, withdrawn sentence). (default: `false`) */
	notice?: boolean;
	credit: string;
	source: string;
	site: string;
}

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 600; style: 'normal' | 'italic' }[] | undefined;

function loadFonts() {
	// satori reads WOFF (not WOFF2); the self-hosted reading face is reused.
	const file = (name: string) => readFileSync(require.resolve(`@fontsource/source-serif-4/files/${name}`));
	fonts ??= [
		{ name: 'Source Serif 4', data: file('source-serif-4-latin-400-normal.woff'), weight: 400, style: 'normal' },
		{ name: 'Source Serif 4', data: file('source-serif-4-latin-400-italic.woff'), weight: 400, style: 'italic' },
		{ name: 'Source Serif 4', data: file('source-serif-4-latin-600-normal.woff'), weight: 600, style: 'normal' },
	];
	return fonts;
}

/** Shorten a long quote at a word boundary so the card stays legible. */
export function fitQuote(text: string, max = 260): string {
	return truncateAtWord(text, max);
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children: Node[] | string): Node => ({ type, props: { style, children } });

/**
 * Render the card.
 *
 * @param card
 *   What to show.
 * @returns
 *   PNG bytes.
 */
export async function renderShareCard(card: ShareCard): Promise<Uint8Array> {
	const quote = fitQuote(card.quote);
	const headline = card.notice ? quote : `“${quote}”`;
	const size = quote.length > 180 ? 40 : quote.length > 110 ? 48 : 56;
	const svg = await satori(
		el('div', { width: 1200, height: 630, display: 'flex', background: '#fdfcf9', color: '#1d1b18', fontFamily: 'Source Serif 4' }, [
			el('div', { width: 24, height: 630, background: '#8a2b0f' }, []),
			el(
				'div',
				{ width: 1048, height: 518, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '56px 64px' },
				[
					el('div', { display: 'flex', width: 1048, fontSize: size, lineHeight: 1.3, ...(card.notice ? { fontWeight: 600 } : {}) }, headline),
					el('div', { display: 'flex', flexDirection: 'column', width: 1048, fontSize: 28 }, [
						el('div', { display: 'flex', fontWeight: 600 }, card.credit),
						el('div', { display: 'flex', fontStyle: 'italic', color: '#55504a' }, card.source),
						el('div', { display: 'flex', marginTop: 12, fontSize: 24, color: '#8a2b0f' }, card.site),
					]),
				],
			),
		]) as never,
		{ width: 1200, height: 630, fonts: loadFonts() },
	);
	return new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
}
