/**
 * Writing in other scripts builds: a commentary whose title, outlet and
 * sentences quote Korean, Chinese, Japanese, Russian and Greek, symbols and
 * emoji is published as written and every sentence gets its share card
 * (the card faces fall back to Noto faces for what Source Serif 4 lacks).
 * In Debian's Chromium, whose only fonts are DejaVu, the page draws each of
 * those characters (from the faces the site serves), not as boxes, and an
 * outlet that ends in Hebrew keeps the date after it in the line's order.
 * `KEEP_COPY=1` keeps the built copy (its path is /tmp/treaty-hardening-scripts-*) to look at.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';
import { launchChromium, withPage } from '../support/browser.ts';
import { boxedCharacters } from '../support/glyphs.ts';
import { serveDist } from '../support/server.ts';
import { elementsOf, textOf } from '../support/hast-walk.ts';
import { CARD_SIZE } from '../../src/utils/head-meta.ts';

const REKHA = 'content/commentaries/rekha-j-niice-commentary.md';
const SENTENCES = [
	'Pyongyang called the meeting a summit (정상회담), and Moscow a визит of friendship.',
	'The Chinese press wrote 朝俄 and the Japanese ロシアと北朝鮮, while Athens spoke of a συνθήκη.',
	'Some readers replied only with 🤝 and 🇰🇵 → 🇷🇺, or with ★★★.',
	'Haaretz called it a הסכם, and Al-Ahram an «معاهدة», on 19 June.',
];
const TITLE_ADDITION = ' (정상회담 🤝)';
const OUTLET_ADDITION = ' · 조선중앙통신 · הארץ';

let copy: string;
let result: BuildResult;

beforeAll(async () => {
	copy = copyProject('treaty-hardening-scripts');
	const path = join(copy, REKHA);
	const text = readFileSync(path, 'utf8')
		.replace(/^title: "([^"]*)"/m, (_line, title: string) => `title: "${title}${TITLE_ADDITION}"`)
		.replace(/^outlet: "([^"]*)"/m, (_line, outlet: string) => `outlet: "${outlet}${OUTLET_ADDITION}"`);
	writeFileSync(path, text);
	appendFileSync(path, `\n${SENTENCES.join(' ')}\n`);
	// Publish the new sentences' permalinks, as a contributor would (README, Adding a commentary).
	const ledger = spawnSync(process.execPath, ['scripts/update-ledger.ts'], { cwd: copy, encoding: 'utf8' });
	if (ledger.status !== 0) throw new Error(`npm run ledger failed:\n${ledger.stdout}\n${ledger.stderr}`);
	result = await buildCopy(copy);
}, 900_000);

afterAll(() => {
	if (copy && !process.env.KEEP_COPY) removeCopy(copy);
});

describe('a commentary quoting other scripts and emoji', () => {
	it('should build (exit 0)', () => {
		expect(result.code, result.output.slice(-4000)).toBe(0);
	});

	it('should publish every sentence as written, with a share card drawn for each', () => {
		const page = fromHtml(readFileSync(join(copy, 'dist/commentaries/rekha-j-niice-commentary/index.html'), 'utf8'));
		const claims = elementsOf(page)
			.map(({ node }) => node)
			.filter((node) => node.tagName === 'span' && node.properties['dataClaim'] !== undefined);
		for (const sentence of SENTENCES) {
			const claim = claims.find((node) => textOf(node).includes(sentence.slice(0, 40)));
			expect(claim, sentence).toBeDefined();
			for (const word of sentence.split(' ')) expect(textOf(claim!)).toContain(word.replace(/[.,]$/, ''));
			const id = String(claim!.properties['id']);
			const png = decode(readFileSync(join(copy, 'dist/c', `${id}.png`)));
			expect([png.width, png.height]).toEqual([CARD_SIZE.width, CARD_SIZE.height]);
		}
	});

	it('should show the title and outlet as written', () => {
		const html = readFileSync(join(copy, 'dist/commentaries/rekha-j-niice-commentary/index.html'), 'utf8');
		expect(html).toContain(TITLE_ADDITION.trim());
		expect(html).toContain(OUTLET_ADDITION.slice(3));
	});
});

describe('the page of a commentary quoting other scripts, in Chromium', () => {
	const path = '/commentaries/rekha-j-niice-commentary/';

	it('should draw every character of the title, outlet and new sentences, none as a box', async () => {
		const server = await serveDist({ root: join(copy, 'dist') });
		const browser = await launchChromium();
		try {
			await withPage(browser, server.url(path), async (page, report) => {
				const marked = await page.evaluate((starts) => {
					for (const claim of document.querySelectorAll<HTMLElement>('[data-claim]')) {
						if (starts.some((start) => claim.textContent?.includes(start))) claim.setAttribute('data-other-scripts', '');
					}
					return document.querySelectorAll('[data-other-scripts]').length;
				}, SENTENCES.map((sentence) => sentence.slice(0, 30)));
				expect(marked).toBe(SENTENCES.length);
				const { boxed, checked } = await boxedCharacters(page, 'h1, .meta-line, [data-other-scripts]');
				for (const char of ['정', '朝', 'ロ', '🤝', 'ה', 'م']) expect(checked).toContain(char);
				expect(boxed).toEqual([]);
				expect(report.failedRequests).toEqual([]);
				expect(report.consoleErrors).toEqual([]);
				expect(report.foreignRequests).toEqual([]);
			});
		} finally {
			await browser.close();
			await server.close();
		}
	}, 120_000);

	it('should keep the date after an outlet that ends in Hebrew, on the reading page and the share page', async () => {
		const server = await serveDist({ root: join(copy, 'dist') });
		const browser = await launchChromium();
		// A current sentence of the commentary: its share page quotes it with its source.
		const claim = readdirSync(join(copy, 'dist/c'))
			.filter((name) => !name.endsWith('.png'))
			.find((name) => readFileSync(join(copy, 'dist/c', name, 'index.html'), 'utf8').includes('class="share-quote"'));
		expect(claim).toBeDefined();
		try {
			for (const [at, line] of [
				[path, '.reading-header .meta-line'],
				[`/c/${claim}/`, '.share-quote figcaption'],
			] as const) {
				await withPage(browser, server.url(at), async (page) => {
					// Where the Hebrew outlet ends and where the date begins, on screen.
					const edges = await page.evaluate((line) => {
						const element = document.querySelector(line)!;
						const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
						let hebrew: DOMRect | undefined;
						for (let node = walker.nextNode(); node; node = walker.nextNode()) {
							const index = node.textContent!.indexOf('הארץ');
							if (index < 0) continue;
							const range = document.createRange();
							range.setStart(node, index);
							range.setEnd(node, index + 4);
							hebrew = range.getBoundingClientRect();
						}
						const time = element.querySelector('time')!.firstChild!;
						const range = document.createRange();
						range.setStart(time, 0);
						range.setEnd(time, 1);
						const date = range.getBoundingClientRect();
						return { hebrewRight: hebrew!.right, hebrewTop: hebrew!.top, dateLeft: date.left, dateTop: date.top };
					}, line);
					if (Math.abs(edges.dateTop - edges.hebrewTop) < 2) expect(edges.dateLeft, `${at} ${line}`).toBeGreaterThan(edges.hebrewRight);
					else expect(edges.dateTop, `${at} ${line}: the date wraps below`).toBeGreaterThan(edges.hebrewTop);
				});
			}
		} finally {
			await browser.close();
			await server.close();
		}
	}, 120_000);
});
