/**
 * Share links survive edits, through a real build of an edited copy of the
 * project: one sentence reworded, another deleted and retired with a reason,
 * the ledger updated with the real `npm run ledger` script, then `astro
 * build` with a `SITE_URL`. Every id in the ledger — live, moved or retired —
 * must have a share page and a card; the reading page must explain a retired
 * id. The copy is built once before the edit (without cards) and again after
 * it, so the second build is incremental (`experimental.incrementalBuild`):
 * the pages whose data changed must be rendered afresh and the others
 * restored from the first build. Two builds (a few minutes on a busy machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';
import { decodeRelatedFiles } from '../../src/features/sharing/related-file.ts';
import type { Ledger } from '../../src/claims/types.ts';

const SLUG = 'lankov-nbr-interview';
const SITE = 'https://treaty-reader.example';
const REASON = 'Removed at the interviewee’s request: the figure was misquoted.';

let temp: string;
let ledger: Ledger;
let moved: { id: string; oldText: string; successor: string };
let retiredId: string;
/** The second build's log. */
let rebuildLog: string;
/** Every sentence's related claims as each build published them (`/data/related/<slug>.json`), as JSON text by id. */
let relatedBefore: Map<string, string>;
let relatedAfter: Map<string, string>;

/**
 * Run Node in the copy. Vitest sets `BASE_URL`, `MODE`, `DEV`, `PROD` and
 * `SSR` in its workers, and Vite would take them for the site's own.
 */
function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env };
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
	temp = copyProject('share-pages');
	const first = run(['node_modules/astro/bin/astro.mjs', 'build'], { SITE_URL: SITE, TREATY_READER_SHARE_CARDS: 'off' });
	expect(first.code, first.out.slice(-4000)).toBe(0);
	relatedBefore = publishedRelated();
	const file = join(temp, 'content', 'commentaries', `${SLUG}.md`);
	const before = parseLedger(readFileSync(join(temp, 'content', 'claims-ledger.json'), 'utf8'));
	const markdown = readFileSync(file, 'utf8');
	// Two long prose sentences that occur once each in the file, not in a heading (deleting a heading's only
	// sentence would leave an empty heading, which the build refuses): one is reworded, one deleted.
	const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
	const candidates = Object.entries(before.claims).filter(
		([, entry]) =>
			entry.commentary === SLUG &&
			entry.status === 'live' &&
			!entry.successor &&
			entry.text.length >= 80 &&
			markdown.split(entry.text).length === 2 &&
			!headings.some((line) => line.includes(entry.text)),
	);
	const [[movedId, movedEntry], [victimId, victimEntry]] = [candidates[1]!, candidates[4]!];
	const words = movedEntry.text.split(' ');
	words.splice(3, 0, 'arguably');
	const reworded = words.join(' ');
	// A deleted question goes with its heading marks: an empty heading is refused.
	const edited = markdown.replace(movedEntry.text, reworded).replace(`${victimEntry.text} `, '').replace(` ${victimEntry.text}`, '').replace(victimEntry.text, '');
	writeFileSync(file, edited.replace(/^#{2,6}[ \t]*\n/gm, ''));

	const updated = run(['scripts/update-ledger.ts', '--root', temp, '--retire', victimId, '--reason', REASON]);
	expect(updated.code, updated.out).toBe(0);
	ledger = parseLedger(readFileSync(join(temp, 'content', 'claims-ledger.json'), 'utf8'));
	moved = { id: movedId, oldText: movedEntry.text, successor: ledger.claims[movedId]!.successor! };
	retiredId = victimId;
	expect(moved.successor).toMatch(/^c-/);

	const built = run(['node_modules/astro/bin/astro.mjs', 'build'], { SITE_URL: SITE });
	expect(built.code, built.out.slice(-4000)).toBe(0);
	rebuildLog = built.out;
	relatedAfter = publishedRelated();
}, 900_000);

/** The related claims every sentence's share page prints, as the build published them, by sentence id. */
function publishedRelated(): Map<string, string> {
	const folder = join(temp, 'dist', 'data', 'related');
	const files = new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
	return new Map([...decodeRelatedFiles(new Map([...files].map(([name, text]) => [name.replace(/\.json$/, ''), text])))].map(([id, groups]) => [id, JSON.stringify(groups)]));
}

/** Share pages the rebuild restored from the first build, and those it rendered. */
function sharePagesOfRebuild(): { restored: Set<string>; rendered: Set<string> } {
	const restored = new Set<string>();
	const rendered = new Set<string>();
	for (const [, id, how] of rebuildLog.matchAll(/\/c\/(c-[0-9a-f]+)\/index\.html \((restored|\+[^)]*)\)/g)) {
		(how === 'restored' ? restored : rendered).add(id!);
	}
	return { restored, rendered };
}

afterAll(() => {
	if (temp) removeCopy(temp);
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

	it('should render afresh the share pages whose data changed and restore the others', () => {
		const { restored, rendered } = sharePagesOfRebuild();
		expect(restored.size + rendered.size).toBe(Object.keys(ledger.claims).length);
		// The edited sentence's old id, its successor and the withdrawn id show new data.
		for (const id of [moved.id, moved.successor, retiredId]) expect(rendered.has(id), id).toBe(true);
		// Another commentary's page changes only where the related claims it prints changed (the edited sentences, or
		// their ranking): those are rendered again, every other page of theirs is reused.
		const relatedChanged = (id: string) => relatedBefore.get(id) !== relatedAfter.get(id);
		const others = Object.entries(ledger.claims).filter(([, entry]) => entry.commentary !== SLUG).map(([id]) => id);
		const unchanged = others.filter((id) => !relatedChanged(id));
		expect(unchanged.length).toBeGreaterThan(100);
		expect(unchanged.filter((id) => !restored.has(id))).toEqual([]);
		expect(others.filter((id) => relatedChanged(id) && !rendered.has(id))).toEqual([]);
	});

	it('should print every absolute address on SITE_URL', () => {
		const tree = page(`c/${moved.successor}/index.html`);
		const urls = elements(tree, (node) => node.tagName === 'meta' && /^(og:url|og:image|citation_public_url)$/.test(String(node.properties['property'] ?? node.properties['name'])))
			.map((node) => String(node.properties['content']));
		expect(urls.length).toBeGreaterThanOrEqual(3);
		for (const url of [...urls, canonicalOf(tree)]) expect(url?.startsWith(`${SITE}/`), url).toBe(true);
	});
});
