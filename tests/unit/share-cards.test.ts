/**
 * The share-card run of the build: cards drawn by worker threads into a
 * content-addressed cache, reused when nothing they show changed, and put
 * into the built site at routes.shareCard(id).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH, templateFiles } from '../../src/features/cards/share-card-image.ts';
import type { ShareCardRequest } from '../../src/features/cards/share-card.ts';
import { cardKey, createShareCardRun, templateHash } from '../../src/features/cards/share-cards.ts';

const scratch = mkdtempSync(join(tmpdir(), 'share-cards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The longest sentence of the five commentaries is longer than a card holds: it is fitted.
const longest =
	'Technically speaking, the only significant difference between the 1961 and 2024 versions is the explicit reference to Article 51 of the UN Charter (authorizing the use of collective self-defense in the event of armed attack), as well as to the unspecified domestic laws and regulations of both countries.';
const requests: ShareCardRequest[] = [
	{ id: 'c-0000000001', card: { quote: longest, credit: 'Andrei Lankov, interviewed by Andrew Pruden', source: 'The National Bureau of Asian Research (NBR), c. 2024 (not before 20 June)', site: 'Treaty Reader' } },
	{ id: 'c-0000000002', card: { quote: 'The treaty is short.', credit: 'M. K. Bhadrakumar', source: 'Indian Punchline, 22 June 2024', site: 'Treaty Reader' } },
];

/** Run one build's worth of cards into a fresh output folder. */
async function build(cacheDir: string, cards: readonly ShareCardRequest[], template?: string) {
	const outDir = mkdtempSync(join(scratch, 'dist-'));
	const run = createShareCardRun({ cacheDir, workers: 2, ...(template ? { template } : {}) });
	run.request(cards);
	const stats = await run.finish(outDir, cards.map((request) => request.id));
	return { outDir, stats };
}

// Worker threads start and draw real cards: slow on a shared two-core machine.
describe('share cards', { timeout: 60_000 }, () => {
	const cacheDir = join(scratch, 'cache');

	it('should draw every card on a cold cache, as a PNG of the card size under the size cap, at routes.shareCard(id)', async () => {
		const { outDir, stats } = await build(cacheDir, requests);
		expect(stats).toMatchObject({ cards: 2, drawn: 2, cached: 0 });
		for (const { id } of requests) {
			const bytes = readFileSync(join(outDir, 'c', `${id}.png`));
			const png = decode(bytes);
			expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
			expect(bytes.length).toBeLessThanOrEqual(CARD_MAX_BYTES);
		}
		expect(stats.bytes).toBe(requests.reduce((sum, { id }) => sum + readFileSync(join(outDir, 'c', `${id}.png`)).length, 0));
	});

	it('should take unchanged cards from the cache and redraw only a card whose content changed', async () => {
		const again = await build(cacheDir, requests);
		expect(again.stats).toMatchObject({ cards: 2, drawn: 0, cached: 2 });
		expect(existsSync(join(again.outDir, 'c', 'c-0000000002.png'))).toBe(true);

		const edited = requests.map((request, index) => (index === 1 ? { ...request, card: { ...request.card, source: 'Indian Punchline, 23 June 2024' } } : request));
		const after = await build(cacheDir, edited);
		expect(after.stats).toMatchObject({ cards: 2, drawn: 1, cached: 1 });
	});

	it('should redraw every card when the template changes', async () => {
		const { stats } = await build(cacheDir, requests, 'another template');
		expect(stats).toMatchObject({ drawn: 2, cached: 0 });
	});

	it('should keep one file per card and template in the cache, named by its key', () => {
		const files = readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.png'));
		// 2 cards, 1 edited card, 2 cards of the other template.
		expect(files).toHaveLength(5);
		const key = cardKey(requests[0]!.id, requests[0]!.card, templateHash());
		expect(files).toContain(join(key.slice(0, 2), `${key}.png`));
	});

	it('should fail when a built share page never asked for its card', async () => {
		const run = createShareCardRun({ cacheDir, workers: 1 });
		run.request(requests.slice(0, 1));
		await expect(run.finish(mkdtempSync(join(scratch, 'dist-')), ['c-0000000001', 'c-00000000ff'])).rejects.toThrow(
			'1 share page(s) built without a share card (c-00000000ff)',
		);
	});

	it('should draw a card whose quote is in Hangul, with emoji and a character no face has, without failing the run', async () => {
		const run = createShareCardRun({ cacheDir, workers: 1 });
		run.request([{ id: 'c-00000000ee', card: { ...requests[1]!.card, quote: 'Kim Jong Un (김정은) said so 🤝 \u0007.' } }]);
		const out = mkdtempSync(join(scratch, 'dist-'));
		const stats = await run.finish(out, ['c-00000000ee']);
		expect(stats.cards).toBe(1);
		const png = decode(readFileSync(join(out, 'c', 'c-00000000ee.png')));
		expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
	});

	it('should key cards on the claim, what the card shows and the template', () => {
		const [first] = requests;
		const base = cardKey(first!.id, first!.card, 't');
		expect(cardKey('c-0000000009', first!.card, 't')).not.toBe(base);
		expect(cardKey(first!.id, { ...first!.card, credit: 'Someone else' }, 't')).not.toBe(base);
		expect(cardKey(first!.id, first!.card, 'u')).not.toBe(base);
		expect(cardKey(first!.id, { ...first!.card }, 't')).toBe(base);
	});

	it('should hash the drawing code and the fonts into the template', () => {
		const files = templateFiles();
		expect(files.some((file) => file.endsWith('share-card-image.ts'))).toBe(true);
		expect(files.some((file) => file.endsWith('card-type.ts'))).toBe(true);
		// Three faces (regular, italic, semibold), six subset files each.
		expect(files.filter((file) => file.endsWith('.woff'))).toHaveLength(18);
		expect(templateHash(files)).toMatch(/^[0-9a-f]{64}$/);
		expect(templateHash(files.slice(1))).not.toBe(templateHash(files));
	});
});

describe('share cards waiting to be drawn', { timeout: 120_000 }, () => {
	it('should hand each waiting card to a thread without moving the others (the card tail stays linear in the cards)', async () => {
		// 200 cards at once for one thread: all but one wait in the queue.
		const many: ShareCardRequest[] = Array.from({ length: 200 }, (_, index) => ({
			id: `c-${index.toString(16).padStart(10, '0')}`,
			card: { quote: `Sentence ${index} of a long commentary.`, credit: 'A. Author', source: 'An outlet, 2024', site: 'Treaty Reader' },
		}));
		let moved = 0;
		const { shift } = Array.prototype;
		// Every element an Array#shift moves down (the whole queue, for each card taken). Patched by hand: a spy's own
		// bookkeeping would shift arrays too.
		Array.prototype.shift = function (this: unknown[]) {
			moved += Math.max(0, this.length - 1);
			return shift.call(this);
		};
		try {
			const run = createShareCardRun({ cacheDir: join(scratch, 'queue-cache'), workers: 1 });
			run.request(many);
			const stats = await run.finish(mkdtempSync(join(scratch, 'dist-')), many.map((request) => request.id));
			expect(stats.drawn).toBe(many.length);
		} finally {
			Array.prototype.shift = shift;
		}
		// Taking each card from the front of an array: about 20,000 moves for 200 cards.
		expect(moved).toBeLessThan(2_000);
	});
});

