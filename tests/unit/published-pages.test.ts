/**
 * A published address never disappears silently: an actor or article page
 * whose file is gone needs a recorded move or retirement
 * (content/published-pages.json), and the claims ledger is append-only: a
 * missing or emptied ledger stops the build and `npm run ledger` alike.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { movedPageRedirects, readPublishedPages } from '../../src/loaders/published-pages.ts';
import { copyProject, PROJECT_ROOT, removeCopy } from '../support/project-copy.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'update-ledger.ts');
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
	const runLedger = () => {
		const result = spawnSync(process.execPath, [SCRIPT, '--root', copy], { encoding: 'utf8' });
		return { code: result.status, out: `${result.stdout}${result.stderr}` };
	};

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

	it('should refuse a removed actor until its move or retirement is recorded', () => {
		rmSync(join(copy, 'content/actors/germany.yaml'));
		expect(contentProblems(copy)).toContain(
			`${PAGES}:${lineOf('"germany"')}: actors.germany: /actors/germany/ was published, but content/actors/germany.yaml is gone; restore it, or record where its page went ("germany": {"movedTo": "…"}) or why it was withdrawn ("germany": {"retired": "…"})`,
		);
		const refused = runLedger();
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
		expect(runLedger().code).toBe(0);
	});

	it('should refuse a removed last article (the count would shrink silently)', () => {
		rmSync(join(copy, 'content/articles/23.yaml'));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/published-pages\.json:\d+: articles\.23: \/articles\/23\/ was published, but content\/articles\/23\.yaml is gone/));
		writeFileSync(join(copy, 'content/articles/23.yaml'), readFileSync(join(PROJECT_ROOT, 'content/articles/23.yaml')));
	});

	it('should refuse a missing record', () => {
		const saved = readFileSync(join(copy, PAGES));
		rmSync(join(copy, PAGES));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/published-pages\.json: file: missing; .*restore it from version control/));
		writeFileSync(join(copy, PAGES), saved);
	});

	it('should refuse an emptied ledger in the build and in npm run ledger, naming the fix', () => {
		const saved = readFileSync(join(copy, LEDGER));
		writeFileSync(join(copy, LEDGER), '{"version": 1, "claims": {}}\n');
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/claims-ledger\.json: claims: holds 0 sentence ids, but \d+ were published \(content\/published-pages\.json\); entries were removed: restore the file from version control/));
		const refused = runLedger();
		expect(refused.code).toBe(1);
		expect(readFileSync(join(copy, LEDGER), 'utf8')).toBe('{"version": 1, "claims": {}}\n');
		writeFileSync(join(copy, LEDGER), saved);
	});

	it('should refuse a missing ledger in the build and in npm run ledger, naming the fix', () => {
		const saved = readFileSync(join(copy, LEDGER));
		rmSync(join(copy, LEDGER));
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/claims-ledger\.json: file: missing; .*restore it from version control/));
		const refused = runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/content\/claims-ledger\.json is missing, but \d+ sentence ids were published .*git checkout -- content\/claims-ledger\.json/);
		writeFileSync(join(copy, LEDGER), saved);
	});
});
