/**
 * Renaming a commentary, exactly as docs/content.md says, on a copy of the
 * project: rename the file, change `commentary:` in its notes, record the
 * rename in content/renames.yaml, run `npm run ledger`. Every permalink
 * published under the old slug must then land on its sentence in the renamed
 * page, and the ledger must be current.
 */
import { ledgerRun as ledgerOn } from '../support/ledger.ts';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/claims/ledger.ts';
import type { Ledger } from '../../src/claims/types.ts';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import { renderCommentary } from '../../src/markdown/render.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';
import { elementsOf, hasClass } from '../support/hast-walk.ts';

const OLD = 'roy-kim-putin-vostochny-summit';
const NEW = 'roy-2023-vostochny-summit';

describe('renaming a commentary as documented', () => {
	let copy: string;
	let before: Ledger;
	let after: Ledger;
	let ledgerRun: { code: number | null; out: string };
	let checkRun: { code: number | null; out: string };
	let html: string;

	const runLedger = (...args: string[]) => ledgerOn(copy, ...args);

	beforeAll(async () => {
		copy = copyProject('treaty-rename');
		before = parseLedger(readFileSync(join(copy, 'content/claims-ledger.json'), 'utf8'));
		// 1. Rename the file.
		renameSync(join(copy, `content/commentaries/${OLD}.md`), join(copy, `content/commentaries/${NEW}.md`));
		// 2. Change `commentary:` in its notes.
		for (const name of readdirSync(join(copy, 'content/notes'))) {
			const path = join(copy, 'content/notes', name);
			const text = readFileSync(path, 'utf8');
			if (text.includes(`commentary: ${OLD}\n`)) writeFileSync(path, text.replace(`commentary: ${OLD}\n`, `commentary: ${NEW}\n`));
		}
		// 3. Record the rename.
		writeFileSync(join(copy, 'content/renames.yaml'), `# old slug: new slug\n${OLD}: ${NEW}\n`);
		// 4. npm run ledger.
		ledgerRun = await runLedger();
		checkRun = await runLedger('--check');
		after = parseLedger(readFileSync(join(copy, 'content/claims-ledger.json'), 'utf8'));
		const file = join(copy, `content/commentaries/${NEW}.md`);
		html = (await renderCommentary(readFileSync(file, 'utf8'), file, createCommentaryProcessor(loadPipelineInputs(copy)))).html;
	}, 120_000);
	afterAll(() => removeCopy(copy));

	it('should let `npm run ledger` record the rename', () => {
		expect(ledgerRun.code, ledgerRun.out).toBe(0);
		expect(ledgerRun.out).toMatch(/✓ wrote content\/claims-ledger\.json: .* \d+ added, \d+ redirected, 0 retired/);
		expect(checkRun.code, checkRun.out).toBe(0);
	});

	it('should leave no content problem', () => {
		expect(contentProblems(copy)).toEqual([]);
	});

	it('should keep every id ever published, each old one pointing at a sentence of the renamed commentary', () => {
		const old = Object.entries(before.claims).filter(([, entry]) => entry.commentary === OLD && entry.status === 'live');
		expect(old.length).toBeGreaterThan(10);
		for (const id of Object.keys(before.claims)) expect(Object.hasOwn(after.claims, id), id).toBe(true);
		for (const [id] of old) {
			const successor = after.claims[id]!.successor;
			expect(successor, id).toBeDefined();
			expect(after.claims[successor!]?.commentary).toBe(NEW);
		}
	});

	it('should land every old permalink on its sentence in the renamed page', () => {
		const byId = new Map(elementsOf(fromHtml(html)).map(({ node }) => [String(node.properties['id']), node] as const));
		for (const [id, entry] of Object.entries(before.claims)) {
			if (entry.commentary !== OLD || entry.status !== 'live') continue;
			const notice = byId.get(id);
			expect(notice && hasClass(notice, 'claim-moved'), id).toBe(true);
			const target = byId.get(String(notice!.properties['dataSuccessor']));
			expect(target && hasClass(target, 'claim'), id).toBe(true);
		}
	});
});
