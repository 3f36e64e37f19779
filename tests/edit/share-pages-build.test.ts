/**
 * Share links survive edits, through a real build of an edited copy of the
 * project: one sentence reworded, another deleted and retired with a reason,
 * the ledger updated with the real `npm run ledger` script, then `astro
 * build` with a `SITE_URL`. Every id in the ledger — live, moved or retired —
 * must have a share page and a card; the reading page must explain a retired
 * id. One build (a minute or two on a busy machine).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import type { Ledger } from '../../src/claims/types.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLUG = 'lankov-nbr-interview';
const SITE = 'https://treaty-reader.example';
const REASON = 'Removed at the interviewee’s request: the figure was misquoted.';

let temp: string;
let ledger: Ledger;
let moved: { id: string; oldText: string; successor: string };
let retiredId: string;

/** Copy what a build reads; `node_modules` is linked, not copied. */
function copyProject(to: string): void {
	for (const name of ['content', 'src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
		cpSync(join(ROOT, name), join(to, name), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/**
 * Run Node in the copy. Vitest sets `BASE_URL`, `MODE`, `DEV`, `PROD` and
 * `SSR` in its workers, and Vite would take them for the site's own.
 */
function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', ...env };
	for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete childEnv[name];
	const result = spawnSync(process.execPath, args, { cwd: temp, encoding: 'utf8', env: childEnv, maxBuffer: 64 * 1024 * 1024 });
	return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

function page(file: string): Root {
	return fromHtml(readFileSync(join(temp, 'dist', file), 'utf8'));
}

function elements(tree: Root, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

function canonicalOf(tree: Root): string | undefined {
	return elements(tree, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0]?.properties['href'] as string | undefined;
}

beforeAll(() => {
	temp = mkdtempSync(join(tmpdir(), 'share-pages-'));
	copyProject(temp);
	const file = join(temp, 'content', 'commentaries', `${SLUG}.md`);
	const before = parseLedger(readFileSync(join(temp, 'content', 'claims-ledger.json'), 'utf8'));
	const markdown = readFileSync(file, 'utf8');
	// Two long prose sentences that occur once each in the file: one is reworded, one deleted.
	const candidates = Object.entries(before.claims).filter(
		([, entry]) => entry.commentary === SLUG && entry.status === 'live' && !entry.successor && entry.text.length >= 80 && markdown.split(entry.text).length === 2,
	);
	const [[movedId, movedEntry], [victimId, victimEntry]] = [candidates[1]!, candidates[4]!];
	const words = movedEntry.text.split(' ');
	words.splice(3, 0, 'arguably');
	const reworded = words.join(' ');
	writeFileSync(file, markdown.replace(movedEntry.text, reworded).replace(`${victimEntry.text} `, '').replace(` ${victimEntry.text}`, '').replace(victimEntry.text, ''));

	const updated = run(['scripts/update-ledger.ts', '--root', temp, '--retire', victimId, '--reason', REASON]);
	expect(updated.code, updated.out).toBe(0);
	ledger = parseLedger(readFileSync(join(temp, 'content', 'claims-ledger.json'), 'utf8'));
	moved = { id: movedId, oldText: movedEntry.text, successor: ledger.claims[movedId]!.successor! };
	retiredId = victimId;
	expect(moved.successor).toMatch(/^c-/);

	const built = run(['node_modules/astro/bin/astro.mjs', 'build'], { SITE_URL: SITE });
	expect(built.code, built.out.slice(-4000)).toBe(0);
}, 900_000);

afterAll(() => {
	if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('share pages after an edit', () => {
	it('should keep a share page and a card for every id in the ledger', () => {
		const ids = Object.keys(ledger.claims);
		expect(ids).toContain(moved.id);
		expect(ids).toContain(retiredId);
		const missing = ids.filter((id) => !existsSync(join(temp, 'dist', 'c', id, 'index.html')) || !existsSync(join(temp, 'dist', 'c', `${id}.png`)));
		expect(missing).toEqual([]);
		for (const id of [moved.id, retiredId]) {
			expect(readFileSync(join(temp, 'dist', 'c', `${id}.png`)).subarray(1, 4).toString()).toBe('PNG');
		}
	});

	it('should show a moved id’s old wording, say it was edited and lead to its successor', () => {
		const tree = page(`c/${moved.id}/index.html`);
		const text = toString(tree).replace(/\s+/g, ' ');
		expect(text).toContain('This sentence was edited');
		expect(text).toContain(moved.oldText);
		const links = elements(tree, (node) => node.tagName === 'a').map((node) => String(node.properties['href']));
		expect(links).toContain(`/commentaries/${SLUG}/#${moved.successor}`);
		expect(links).toContain(`/c/${moved.successor}/`);
		expect(canonicalOf(tree)).toBe(`${SITE}/c/${moved.successor}/`);
	});

	it('should say a retired id was withdrawn and give the recorded reason, on its share page and its reading page', () => {
		const share = page(`c/${retiredId}/index.html`);
		const text = toString(share).replace(/\s+/g, ' ');
		expect(text).toContain('This sentence was withdrawn');
		expect(text).toContain(REASON);
		const reading = page(`commentaries/${SLUG}/index.html`);
		const notice = elements(reading, (node) => node.properties['id'] === retiredId);
		expect(notice).toHaveLength(1);
		expect(notice[0]!.properties['className']).toContain('claim-retired');
		expect(toString(notice[0]!)).toContain(REASON);
	});

	it('should print every absolute address on SITE_URL', () => {
		const tree = page(`c/${moved.successor}/index.html`);
		const urls = elements(tree, (node) => node.tagName === 'meta' && /^(og:url|og:image|twitter:image|citation_public_url)$/.test(String(node.properties['property'] ?? node.properties['name'])))
			.map((node) => String(node.properties['content']));
		expect(urls.length).toBeGreaterThanOrEqual(4);
		for (const url of [...urls, canonicalOf(tree)]) expect(url?.startsWith(`${SITE}/`), url).toBe(true);
	});
});
