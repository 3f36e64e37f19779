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
 * the one before (else it proves nothing about incremental builds). Four
 * builds of the site: several minutes on a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';

const SLUG = 'lankov-nbr-interview';
const ACTOR_FILE = 'kcna.yaml';
const ACTOR_NAME = 'Korean Central News Agency';
const RENAMED = 'Korean Central News Agency of the DPRK';
const REASON = 'Withdrawn by the editors: the figure could not be confirmed.';
const TITLE = 'Russia–North Korea Rapprochement and Its Implications for Security in Northeast Asia';
const RETITLED = 'Russia–North Korea Rapprochement and Northeast Asian Security: An Interview';

let copy: string;
let rebuild: BuildResult;
/** Every file of the incremental build, by path under `dist/`. */
let incremental: Map<string, Buffer>;
/** Every file of the clean build of the same files. */
let clean: Map<string, Buffer>;
let reworded: string;
let noteText: string;

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
	const [, target] = live[2]!;
	const words = target.text.split(' ');
	words.splice(2, 0, 'reportedly');
	reworded = words.join(' ');
	// And its title corrected: every citation of its sentences changes (their templates are kept between builds).
	expect(markdown).toContain(`title: "${TITLE}"`);
	writeFileSync(file, markdown.replace(target.text, reworded).replace(`title: "${TITLE}"`, `title: "${RETITLED}"`));
	const updated = runScript(['scripts/update-ledger.ts', '--root', copy]);
	expect(updated.code, updated.out).toBe(0);

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
	const retired = runScript(['scripts/update-ledger.ts', '--root', copy, '--retire', victimId, '--reason', REASON]);
	expect(retired.code, retired.out).toBe(0);
}

beforeAll(async () => {
	copy = copyProject('incremental-build');
	const first = await buildCopy(copy);
	expect(first.code, first.output.slice(-4000)).toBe(0);
	editNoteAndActor();
	const second = await buildCopy(copy);
	expect(second.code, second.output.slice(-4000)).toBe(0);
	editCommentaryAndLedger();
	rebuild = await buildCopy(copy);
	expect(rebuild.code, rebuild.output.slice(-4000)).toBe(0);
	renameSync(join(copy, 'dist'), join(copy, 'dist-incremental'));
	incremental = filesOf(join(copy, 'dist-incremental'));
	const cold = await buildCopy(copy, {}, ['--clean']);
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
