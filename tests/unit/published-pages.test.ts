/**
 * A published address never disappears silently: an actor or article page
 * whose file is gone needs a recorded move or retirement
 * (content/published-pages.json), and the claims ledger is append-only: a
 * missing or emptied ledger stops the build and `npm run ledger` alike.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { movedPageRedirects, readPublishedPages } from '../../src/loaders/published-pages.ts';
import { copyProject, PROJECT_ROOT, removeCopy } from '../support/project-copy.ts';
import { ledgerRun } from '../support/ledger.ts';
import { listPublished } from '../../src/loaders/published.ts';
import { pairId, prerenderedPairs } from '../../src/features/compare/model.ts';
import { publishedPairRedirects } from '../../src/integrations/rename-redirects.ts';

const PAGES = 'content/published-pages.json';
const LEDGER = 'content/claims-ledger.json';

describe('the record of published pages', () => {
	let copy: string;
	const lineOf = (needle: string) => {
		const text = readFileSync(join(copy, PAGES), 'utf8');
		return text.slice(0, text.indexOf(needle)).split('\n').length;
	};
	const setEntry = (kind: 'actors' | 'articles', id: string, value: unknown) => {
		const record = JSON.parse(readFileSync(join(copy, PAGES), 'utf8')) as Record<string, Record<string, unknown>>;
		record[kind]![id] = value;
		writeFileSync(join(copy, PAGES), `${JSON.stringify(record, null, '\t')}\n`);
	};
	const runLedger = () => ledgerRun(copy);

	beforeAll(() => {
		copy = copyProject('treaty-published-pages');
	});
	afterAll(() => removeCopy(copy));

	it('should hold every actor and article page of the project, live', () => {
		const { record, problems } = readPublishedPages(PROJECT_ROOT);
		expect(problems).toEqual([]);
		expect(Object.keys(record!.articles)).toHaveLength(23);
		expect(Object.values(record!.actors).every((entry) => entry === 'live')).toBe(true);
	});

	it('should refuse a removed actor until its move or retirement is recorded', async () => {
		rmSync(join(copy, 'content/actors/germany.yaml'));
		expect(contentProblems(copy)).toContain(
			`${PAGES}:${lineOf('"germany"')}: actors.germany: /actors/germany/ was published, but content/actors/germany.yaml is gone; restore it, or record where its page went ("germany": {"movedTo": "…"}) or why it was withdrawn ("germany": {"retired": "…"})`,
		);
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toContain('actors.germany: /actors/germany/ was published');

		setEntry('actors', 'germany', { movedTo: 'nowhere' });
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/published-pages\.json:\d+: actors\.germany\.movedTo: “nowhere” is not a page the site builds/));

		setEntry('actors', 'germany', { movedTo: 'japan' });
		expect(contentProblems(copy)).toEqual([]);
		const { record } = readPublishedPages(copy);
		expect(movedPageRedirects(record!, { actors: new Set(['japan']), articles: new Set() })).toEqual({ '/actors/germany/': '/actors/japan/' });

		setEntry('actors', 'germany', { retired: 'Named in no commentary.' });
		expect(contentProblems(copy)).toEqual([]);
		expect((await runLedger()).code).toBe(0);
	});

	it('should refuse a removed last article (the count would shrink silently)', () => {
		rmSync(join(copy, 'content/articles/23.yaml'));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/published-pages\.json:\d+: articles\.23: \/articles\/23\/ was published, but content\/articles\/23\.yaml is gone/));
		writeFileSync(join(copy, 'content/articles/23.yaml'), readFileSync(join(PROJECT_ROOT, 'content/articles/23.yaml')));
	});

	it('should refuse a record entry removed by hand with its file, in the build and in npm run ledger', async () => {
		const saved = readFileSync(join(copy, PAGES), 'utf8');
		const actor = readFileSync(join(copy, 'content/actors/japan.yaml'));
		expect(saved).toContain('\t\t"japan": "live",\n');
		writeFileSync(join(copy, PAGES), saved.replace('\t\t"japan": "live",\n', ''));
		rmSync(join(copy, 'content/actors/japan.yaml'));
		const { record } = readPublishedPages(copy);
		expect(contentProblems(copy)).toContainEqual(
			`${PAGES}:${lineOf('"pages"')}: pages: the record holds ${record!.pages - 1} actor, article and compare pages, but ${record!.pages} were published; entries were removed: restore the file from version control (git checkout -- ${PAGES}); a page that is gone is recorded as moved or retired, never removed`,
		);
		expect((await runLedger()).code).toBe(1);
		expect(readFileSync(join(copy, PAGES), 'utf8')).toBe(saved.replace('\t\t"japan": "live",\n', ''));
		writeFileSync(join(copy, PAGES), saved);
		writeFileSync(join(copy, 'content/actors/japan.yaml'), actor);
		expect(contentProblems(copy)).toEqual([]);
	});

	it('should refuse a missing record', () => {
		const saved = readFileSync(join(copy, PAGES));
		rmSync(join(copy, PAGES));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/published-pages\.json: file: missing; .*restore it from version control/));
		writeFileSync(join(copy, PAGES), saved);
	});

	it('should refuse an emptied ledger in the build and in npm run ledger, naming the fix', async () => {
		const saved = readFileSync(join(copy, LEDGER));
		writeFileSync(join(copy, LEDGER), '{"version": 1, "claims": {}}\n');
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/claims-ledger\.json: claims: holds 0 sentence ids, but \d+ were published \(content\/published-pages\.json\); entries were removed: restore the file from version control/));
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(readFileSync(join(copy, LEDGER), 'utf8')).toBe('{"version": 1, "claims": {}}\n');
		writeFileSync(join(copy, LEDGER), saved);
	});

	it('should refuse a missing ledger in the build and in npm run ledger, naming the fix', async () => {
		const saved = readFileSync(join(copy, LEDGER));
		rmSync(join(copy, LEDGER));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/claims-ledger\.json: file: missing; .*restore it from version control/));
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/content\/claims-ledger\.json is missing, but \d+ sentence ids were published .*git checkout -- content\/claims-ledger\.json/);
		writeFileSync(join(copy, LEDGER), saved);
	});

	it('should refuse a ledger entry whose id, text or commentary was changed by hand, in the build and in npm run ledger', async () => {
		const saved = readFileSync(join(copy, LEDGER), 'utf8');
		const ledger = JSON.parse(saved) as { claims: Record<string, { status: string; text: string }> };
		const [id] = Object.entries(ledger.claims).find(([, entry]) => entry.status === 'retired')!;
		// A retired id changed by hand: its share page would vanish and another id be published, with the count unchanged.
		const forged = saved.replace(`"${id}"`, '"c-0123456789"');
		writeFileSync(join(copy, LEDGER), forged);
		const line = forged.slice(0, forged.indexOf('"c-0123456789"')).split('\n').length;
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(new RegExp(`^content/claims-ledger\\.json:${line}: claims\\["c-0123456789"\\]: not the id its sentence gives \\(.* gives ${id}\\); .*git checkout -- content/claims-ledger\\.json`)));
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toContain(`content/claims-ledger.json:${line}: claims["c-0123456789"]: not the id its sentence gives`);
		expect(readFileSync(join(copy, LEDGER), 'utf8')).toBe(forged);
		// A retired sentence's words edited by hand: its share page would misquote the author.
		writeFileSync(join(copy, LEDGER), saved.replace(JSON.stringify(ledger.claims[id]!.text), JSON.stringify(`${ledger.claims[id]!.text} (edited)`)));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(new RegExp(`^content/claims-ledger\\.json:\\d+: claims\\["${id}"\\]: not the id its sentence gives`)));
		writeFileSync(join(copy, LEDGER), saved);
		expect(contentProblems(copy)).toEqual([]);
	});

	it('should refuse a deleted commentary even with every id retired, in the build and in npm run ledger, naming the fix', async () => {
		const slug = 'rekha-j-niice-commentary';
		const saved = readFileSync(join(copy, `content/commentaries/${slug}.md`));
		const ledgerText = readFileSync(join(copy, LEDGER), 'utf8');
		const ledger = JSON.parse(ledgerText) as { claims: Record<string, { commentary: string; status: string; retiredReason?: string }> };
		const own = Object.values(ledger.claims).filter((entry) => entry.commentary === slug);
		for (const entry of own) Object.assign(entry, { status: 'retired', retiredReason: 'Withdrawn.' });
		writeFileSync(join(copy, LEDGER), `${JSON.stringify(ledger, null, '\t')}\n`);
		rmSync(join(copy, `content/commentaries/${slug}.md`));
		const notes = readdirSync(join(copy, 'content/notes')).filter((name) => name.startsWith('rekha-'));
		const savedNotes = notes.map((name) => [name, readFileSync(join(copy, 'content/notes', name))] as const);
		for (const name of notes) rmSync(join(copy, 'content/notes', name));
		const message = `content/claims-ledger.json: commentary: ${own.length} published sentence ids of “${slug}”, but there is no content/commentaries/${slug}.md; if it was renamed, record it in content/renames.yaml (${slug}: new-slug) so its links keep working; otherwise restore the file (git checkout -- content/commentaries/${slug}.md)`;
		expect(contentProblems(copy)).toContainEqual(expect.stringContaining(message));
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toContain(message);
		writeFileSync(join(copy, `content/commentaries/${slug}.md`), saved);
		for (const [name, text] of savedNotes) writeFileSync(join(copy, 'content/notes', name), text);
		writeFileSync(join(copy, LEDGER), ledgerText);
		expect(contentProblems(copy)).toEqual([]);
	});

	it('should refuse renames that loop, a rename of a slug never published and one onto another commentary’s slug, in the build and in npm run ledger', async () => {
		writeFileSync(join(copy, 'content/renames.yaml'), '# old slug: new slug\nlankov-nbr-interview: lankov-b\nlankov-b: lankov-nbr-interview\n');
		expect(contentProblems(copy)).toContainEqual(
			'content/renames.yaml:2: lankov-nbr-interview: the renames go round in a loop (lankov-nbr-interview → lankov-b → lankov-nbr-interview); to rename a commentary back to an earlier slug, remove the line that renamed it away from that slug and keep the new one',
		);
		const looped = await runLedger();
		expect(looped.code).toBe(1);
		expect(looped.out).toContain('content/renames.yaml:3: lankov-b: the renames go round in a loop');
		expect(looped.out).not.toContain('--retire');
		writeFileSync(join(copy, 'content/renames.yaml'), '# old slug: new slug\nlankov-nbr-intreview: lankov-nbr-interview\n');
		expect(contentProblems(copy)).toEqual([
			'content/renames.yaml:2: lankov-nbr-intreview: no commentary was ever published as “lankov-nbr-intreview” (content/claims-ledger.json holds no sentence of it); check the spelling of the old slug, or remove the line',
		]);
		expect((await runLedger()).code).toBe(1);
		// Onto another published commentary's slug: its file replaced by the renamed text.
		const [old, taken] = ['lankov-nbr-interview', 'rekha-j-niice-commentary'];
		const saved = new Map([old, taken].map((slug) => [slug, readFileSync(join(copy, `content/commentaries/${slug}.md`))] as const));
		renameSync(join(copy, `content/commentaries/${old}.md`), join(copy, `content/commentaries/${taken}.md`));
		writeFileSync(join(copy, 'content/renames.yaml'), `${old}: ${taken}\n`);
		expect(contentProblems(copy)).toContainEqual(
			expect.stringMatching(new RegExp(`^content/renames\\.yaml:1: ${old}: renamed to “${taken}”, but “${taken}” was published as a commentary of its own \\(\\d+ live sentence ids in content/claims-ledger\\.json\\); two commentaries cannot share an address`)),
		);
		expect((await runLedger()).code).toBe(1);
		for (const [slug, text] of saved) writeFileSync(join(copy, `content/commentaries/${slug}.md`), text);
		rmSync(join(copy, 'content/renames.yaml'));
		expect(contentProblems(copy)).toEqual([]);
	});

	it('should record every compare pair page, and keep those of a renamed commentary as redirects to its new pairs', async () => {
		const slugs = () => listPublished(join(copy, 'content/commentaries'), '.md').map((name) => name.slice(0, -'.md'.length));
		const before = slugs();
		expect((await runLedger()).code).toBe(0);
		const pairs = prerenderedPairs(before).map(([a, b]) => pairId(a, b));
		expect(pairs).toHaveLength(10);
		expect(readPublishedPages(copy).record!.compare).toEqual(pairs);
		// The documented rename: the file, its notes' `commentary:`, content/renames.yaml, npm run ledger.
		const [old, renamed] = ['lankov-nbr-interview', 'lankov-2024-nbr-interview'];
		renameSync(join(copy, `content/commentaries/${old}.md`), join(copy, `content/commentaries/${renamed}.md`));
		for (const name of readdirSync(join(copy, 'content/notes'))) {
			const path = join(copy, 'content/notes', name);
			writeFileSync(path, readFileSync(path, 'utf8').replace(`commentary: ${old}\n`, `commentary: ${renamed}\n`));
		}
		writeFileSync(join(copy, 'content/renames.yaml'), `${old}: ${renamed}\n`);
		const ran = await runLedger();
		expect(ran.code, ran.out).toBe(0);
		const { record } = readPublishedPages(copy);
		const after = prerenderedPairs(slugs()).map(([a, b]) => pairId(a, b));
		expect(record!.compare).toEqual([...new Set([...pairs, ...after])].sort());
		const redirects = publishedPairRedirects(record!.compare!, slugs(), new Map([[old, renamed]]));
		expect(redirects).toEqual(
			Object.fromEntries(
				before.filter((slug) => slug !== old).map((other) => [`/compare/${pairId(old, other)}/`, `/compare/${pairId(renamed, other)}/`]),
			),
		);
		expect(contentProblems(copy)).toEqual([]);
	});
});
