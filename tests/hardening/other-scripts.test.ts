/**
 * Writing in other scripts builds: a commentary whose title, outlet and
 * sentences quote Korean, Chinese, Japanese, Russian and Greek, symbols and
 * emoji is published as written and every sentence gets its share card
 * (the card faces fall back to Noto faces for what Source Serif 4 lacks).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';
import { elementsOf, textOf } from '../support/hast-walk.ts';

const REKHA = 'content/commentaries/rekha-j-niice-commentary.md';
const SENTENCES = [
	'Pyongyang called the meeting a summit (정상회담), and Moscow a визит of friendship.',
	'The Chinese press wrote 朝俄 and the Japanese ロシアと北朝鮮, while Athens spoke of a συνθήκη.',
	'Some readers replied only with 🤝 and 🇰🇵 → 🇷🇺, or with ★★★.',
];
const TITLE_ADDITION = ' (정상회담 🤝)';
const OUTLET_ADDITION = ' · 조선중앙통신';

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
	if (copy) removeCopy(copy);
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
			expect([png.width, png.height]).toEqual([1200, 630]);
		}
	});

	it('should show the title and outlet as written', () => {
		const html = readFileSync(join(copy, 'dist/commentaries/rekha-j-niice-commentary/index.html'), 'utf8');
		expect(html).toContain(TITLE_ADDITION.trim());
		expect(html).toContain(OUTLET_ADDITION.slice(3));
	});
});
