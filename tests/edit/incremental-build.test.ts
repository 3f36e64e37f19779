/**
 * `npm run build` is incremental and correct. In a copy of the project,
 * built once, edited the ways editors edit and built again each time, the
 * last `npm run build` must write exactly the site a clean build
 * (`npm run build -- --clean`) of the same files writes: the same files, byte
 * for byte. First an editor's note is rewritten and an actor renamed in its
 * registry file (both reach every commentary's Markdown pipeline, so Astro
 * takes its configuration as changed and renders everything again); then a
 * sentence of a commentary is reworded and its title corrected (with `npm run ledger`) and a sentence
 * of another withdrawn in the ledger, and that build must reuse the pages of
 * the one before (else it proves nothing about incremental builds).
 *
 * The same builds show that share links survive those edits (they were a
 * file of their own, `share-pages-build.test.ts`, with two more builds of a
 * copy edited the same way): every id in the ledger — live, moved or
 * retired — has a share page and a card, the reading page explains a retired
 * id, every absolute address is on `SITE_URL`, and the rebuild renders afresh
 * the share pages whose data changed and restores the others. Four builds of
 * the site: several minutes on a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import type { Ledger } from '../../src/claims/types.ts';
import { decodeRelatedFiles } from '../../src/features/sharing/related-file.ts';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';

const SLUG = 'lankov-nbr-interview';
const ACTOR_FILE = 'kcna.yaml';
const ACTOR_NAME = 'Korean Central News Agency';
const RENAMED = 'Korean Central News Agency of the DPRK';
const REASON = 'Withdrawn by the editors: the figure could not be confirmed.';
const TITLE = 'Russia–North Korea Rapprochement and Its Implications for Security in Northeast Asia';
const RETITLED = 'Russia–North Korea Rapprochement and Northeast Asian Security: An Interview';
/** Every build of the copy prints its absolute addresses on this site. */
const SITE = 'https://treaty-reader.example';
const ON_SITE = { SITE_URL: SITE };

let copy: string;
let rebuild: BuildResult;
/** Every file of the incremental build, by path under `dist/`. */
let incremental: Map<string, Buffer>;
/** Every file of the clean build of the same files. */
let clean: Map<string, Buffer>;
let reworded: string;
let noteText: string;
/** The ledger after the edits; the reworded sentence's id, old wording and successor; the withdrawn id and its commentary. */
let finalLedger: Ledger;
let moved: { id: string; oldText: string; successor: string };
let retired: { id: string; commentary: string };
/** Every sentence's related claims as the builds before and after the edits published them (`/data/related/<slug>.json`), as JSON text by id. */
let relatedBefore: Map<string, string>;
let relatedAfter: Map<string, string>;

/** Every file under `folder`, by its path relative to it. */
function filesOf(folder: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files.set(relative(folder, path), readFileSync(path));
	}
	return files;
}

/** Run one of the copy's scripts with Node, as `npm run` would. */
function runScript(args: readonly string[]): { code: number | null; out: string } {
	const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
	for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
	const result = spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env });
	return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Rewrite an editor's note and rename an actor in its registry file. */
function editNoteAndActor(): void {
	const content = join(copy, 'content');
	// An editor's note: its explanation rewritten.
	const notes = join(content, 'notes');
	const noteFile = join(notes, readdirSync(notes).filter((name) => name.endsWith('.md')).sort()[0]!);
	const note = readFileSync(noteFile, 'utf8');
	noteText = 'The editors checked this against the published record once more.';
	writeFileSync(noteFile, `${note.trimEnd()}\n\n${noteText}\n`);

	// An actor's registry file: the actor renamed.
	const actorFile = join(content, 'actors', ACTOR_FILE);
	const actor = readFileSync(actorFile, 'utf8');
	expect(actor).toContain(`name: "${ACTOR_NAME}"`);
	writeFileSync(actorFile, actor.replace(`name: "${ACTOR_NAME}"`, `name: "${RENAMED}"`));
}

/** Reword a sentence of a commentary (recorded by `npm run ledger`) and withdraw one of another in the ledger. */
function editCommentaryAndLedger(): void {
	const content = join(copy, 'content');
	const ledgerFile = join(content, 'claims-ledger.json');
	const before = parseLedger(readFileSync(ledgerFile, 'utf8'));
	// A commentary: one long sentence that occurs once in the file is reworded.
	const file = join(content, 'commentaries', `${SLUG}.md`);
	const markdown = readFileSync(file, 'utf8');
	const live = Object.entries(before.claims).filter(
		([, entry]) => entry.commentary === SLUG && entry.status === 'live' && !entry.successor && entry.text.length >= 80 && markdown.split(entry.text).length === 2,
	);
	const [movedId, target] = live[2]!;
	const words = target.text.split(' ');
	words.splice(2, 0, 'reportedly');
	reworded = words.join(' ');
	// And its title corrected: every citation of its sentences changes (their templates are kept between builds).
	expect(markdown).toContain(`title: "${TITLE}"`);
	writeFileSync(file, markdown.replace(target.text, reworded).replace(`title: "${TITLE}"`, `title: "${RETITLED}"`));
	const updated = runScript(['scripts/update-ledger.ts', '--root', copy]);
	expect(updated.code, updated.out).toBe(0);
	moved = { id: movedId, oldText: target.text, successor: parseLedger(readFileSync(ledgerFile, 'utf8')).claims[movedId]!.successor! };
	expect(moved.successor).toMatch(/^c-/);

	// The ledger: a sentence of another commentary withdrawn, with its reason (`npm run ledger -- --retire`).
	const ledger = parseLedger(readFileSync(ledgerFile, 'utf8'));
	const otherFile = (slug: string) => readFileSync(join(content, 'commentaries', `${slug}.md`), 'utf8');
	const victim = Object.entries(ledger.claims).find(
		([, entry]) => entry.commentary !== SLUG && entry.status === 'live' && !entry.successor && entry.text.length >= 80 && otherFile(entry.commentary).split(entry.text).length === 2,
	);
	expect(victim).toBeDefined();
	const [victimId, victimEntry] = victim!;
	const victimFile = join(content, 'commentaries', `${victimEntry.commentary}.md`);
	writeFileSync(victimFile, otherFile(victimEntry.commentary).replace(`${victimEntry.text} `, '').replace(` ${victimEntry.text}`, '').replace(victimEntry.text, ''));
	const retiring = runScript(['scripts/update-ledger.ts', '--root', copy, '--retire', victimId, '--reason', REASON]);
	expect(retiring.code, retiring.out).toBe(0);
	retired = { id: victimId, commentary: victimEntry.commentary };
	finalLedger = parseLedger(readFileSync(ledgerFile, 'utf8'));
}

/** The related claims every sentence's share page prints, as the copy's last build published them, by sentence id. */
function publishedRelated(): Map<string, string> {
	const folder = join(copy, 'dist', 'data', 'related');
	const files = new Map(readdirSync(folder).map((name) => [name.replace(/\.json$/, ''), readFileSync(join(folder, name), 'utf8')]));
	return new Map([...decodeRelatedFiles(files)].map(([id, groups]) => [id, JSON.stringify(groups)]));
}

beforeAll(async () => {
	copy = copyProject('incremental-build');
	const first = await buildCopy(copy, ON_SITE);
	expect(first.code, first.output.slice(-4000)).toBe(0);
	editNoteAndActor();
	const second = await buildCopy(copy, ON_SITE);
	expect(second.code, second.output.slice(-4000)).toBe(0);
	relatedBefore = publishedRelated();
	editCommentaryAndLedger();
	rebuild = await buildCopy(copy, ON_SITE);
	expect(rebuild.code, rebuild.output.slice(-4000)).toBe(0);
	relatedAfter = publishedRelated();
	renameSync(join(copy, 'dist'), join(copy, 'dist-incremental'));
	incremental = filesOf(join(copy, 'dist-incremental'));
	const cold = await buildCopy(copy, ON_SITE, ['--clean']);
	expect(cold.code, cold.output.slice(-4000)).toBe(0);
	clean = filesOf(join(copy, 'dist'));
}, 1_800_000);

// Removing a copy with five builds' caches takes longer than Vitest's 10 s on a loaded machine.
afterAll(() => {
	if (copy) removeCopy(copy);
}, 120_000);

describe('npm run build after edits', () => {
	it('should reuse pages of the previous build after a commentary and the ledger change', () => {
		expect(rebuild.output).not.toMatch(/Clearing content store/);
		expect(rebuild.output).toMatch(/\(restored\)/);
	});

	it('should make the Web Annotations again for the commentaries whose reading pages or data changed', () => {
		const line = /annotations: \d+ anchored on the reading pages \((\d+) commentaries annotated, (\d+) from cache\)/.exec(rebuild.output);
		expect(line, rebuild.output.slice(-2000)).not.toBeNull();
		const [annotated, cached] = [Number(line![1]), Number(line![2])];
		// The reworded commentary at least (what the others keep is checked against the clean build below).
		expect(annotated).toBeGreaterThanOrEqual(1);
		expect(annotated + cached).toBe(readdirSync(join(copy, 'content', 'commentaries')).filter((name) => name.endsWith('.md')).length);
	});

	it('should publish the edits', () => {
		const text = (path: string) => incremental.get(path)?.toString('utf8') ?? '';
		expect(text(`commentaries/${SLUG}/index.html`)).toContain(reworded.split(' ').slice(0, 4).join(' '));
		expect([...incremental.keys()].some((path) => path.endsWith('.html') && text(path).includes(noteText))).toBe(true);
		expect(text('actors/kcna/index.html')).toContain(RENAMED);
		const citations = text(`data/citations/${SLUG}.json`);
		expect(citations).toContain(RETITLED);
		expect(citations).not.toContain(TITLE);
	});

	it('should write the same files as a clean build of the same content', () => {
		expect([...incremental.keys()].sort()).toEqual([...clean.keys()].sort());
		const differ = [...clean].filter(([path, bytes]) => !incremental.get(path)?.equals(bytes)).map(([path]) => path);
		expect(differ).toEqual([]);
	});
});

/** A page of the incremental build, parsed. */
function page(file: string): Root {
	const bytes = incremental.get(file);
	if (!bytes) throw new Error(`the incremental build wrote no ${file}`);
	return fromHtml(bytes.toString('utf8'));
}

/** The elements of a tree that pass a test, in document order. */
function elements(tree: Root | Element, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

/** A page's canonical address. */
function canonicalOf(tree: Root): string | undefined {
	return elements(tree, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0]?.properties['href'] as string | undefined;
}

/** Share pages the rebuild after the commentary edit restored from the build before, and those it rendered. */
function sharePagesOfRebuild(): { restored: Set<string>; rendered: Set<string> } {
	const restored = new Set<string>();
	const rendered = new Set<string>();
	for (const [, id, how] of rebuild.output.matchAll(/\/c\/(c-[0-9a-f]+)\/index\.html \((restored|\+[^)]*)\)/g)) {
		(how === 'restored' ? restored : rendered).add(id!);
	}
	return { restored, rendered };
}

describe('share pages after an edit', () => {
	it('should keep a share page and a card for every id in the ledger', () => {
		const ids = Object.keys(finalLedger.claims);
		expect(ids).toContain(moved.id);
		expect(ids).toContain(retired.id);
		const missing = ids.filter((id) => !incremental.has(`c/${id}/index.html`) || !incremental.has(`c/${id}.png`));
		expect(missing).toEqual([]);
		for (const id of [moved.id, retired.id]) expect(incremental.get(`c/${id}.png`)!.subarray(1, 4).toString()).toBe('PNG');
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
		const share = page(`c/${retired.id}/index.html`);
		const text = toString(share).replace(/\s+/g, ' ');
		expect(text).toContain('This sentence was withdrawn');
		expect(text).toContain(REASON);
		const reading = page(`commentaries/${retired.commentary}/index.html`);
		const notice = elements(reading, (node) => node.properties['id'] === retired.id);
		expect(notice).toHaveLength(1);
		expect(notice[0]!.properties['className']).toContain('claim-retired');
		expect(toString(notice[0]!)).toContain(REASON);
	});

	it('should render afresh the share pages whose data changed and restore the others', () => {
		const { restored, rendered } = sharePagesOfRebuild();
		expect(restored.size + rendered.size).toBe(Object.keys(finalLedger.claims).length);
		// The edited sentence's old id, its successor and the withdrawn id show new data.
		for (const id of [moved.id, moved.successor, retired.id]) expect(rendered.has(id), id).toBe(true);
		// A commentary neither edit touched changes only where the related claims it prints changed (the edited
		// sentences, or their ranking): those are rendered again, every other page of theirs is reused. (The withdrawn
		// sentence's siblings are rendered again: their commentary's data changed. Three untouched commentaries were
		// checked when this had a copy of its own that edited one commentary; two are, here: 80 pages reused.)
		const relatedChanged = (id: string) => relatedBefore.get(id) !== relatedAfter.get(id);
		const others = Object.entries(finalLedger.claims)
			.filter(([, entry]) => entry.commentary !== SLUG && entry.commentary !== retired.commentary)
			.map(([id]) => id);
		const unchanged = others.filter((id) => !relatedChanged(id));
		expect(unchanged.length).toBeGreaterThan(50);
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
