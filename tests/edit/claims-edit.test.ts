/**
 * Edits to a real commentary, on a copy in a temp folder, through the real
 * pipeline (unified + remark-commentary-blocks + rehype-claims) and the real
 * `scripts/update-ledger.ts`.
 */
import { ledgerRun } from '../support/ledger.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLedger, emptyLedger, parseLedger, updateLedger } from '../../src/claims/ledger.ts';
import { renderCommentary } from '../../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../src/markdown/pipeline.ts';
import { commentaryPlainText, contextOf, reanchor } from '../../src/claims/reanchor.ts';
import type { Claim } from '../../src/schemas/corpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAME = 'lankov-nbr-interview.md';

let temp: string;
let file: string;

beforeEach(() => {
	temp = mkdtempSync(join(tmpdir(), 'claims-edit-'));
	// The whole content folder: the pipeline reads the registries and notes too.
	cpSync(join(ROOT, 'content'), join(temp, 'content'), { recursive: true });
	// Start as a new site, without a ledger or a record of published pages: each test publishes what it needs.
	rmSync(join(temp, 'content', 'claims-ledger.json'));
	rmSync(join(temp, 'content', 'published-pages.json'));
	file = join(temp, 'content', 'commentaries', NAME);
});

afterEach(() => {
	rmSync(temp, { recursive: true, force: true });
});

async function claimsOf(markdown: string): Promise<Claim[]> {
	const processor = createCommentaryProcessor(loadPipelineInputs(temp, { ledger: false }));
	return (await renderCommentary(markdown, file, processor)).claims;
}

/** A long prose sentence that occurs verbatim exactly once in the Markdown, so that it can be edited as text. */
function editableClaim(markdown: string, claims: readonly Claim[]): Claim {
	const found = claims.find((claim) => claim.block === 'p' && !claim.container && claim.text.length >= 80 && markdown.split(claim.text).length === 2);
	if (!found) throw new Error(`${NAME} has no long sentence to edit`);
	return found;
}

/** Insert two words: a small rewording, well under a quarter of the sentence. */
function reword(text: string): string {
	const words = text.split(' ');
	words.splice(3, 0, 'arguably');
	words.splice(words.length - 1, 0, 'indeed');
	return words.join(' ');
}

/** `npm run ledger` on the copy (in this process: tests/support/ledger.ts). */
function runLedger(...args: string[]) {
	return ledgerRun(temp, ...args);
}

describe('claims under edits', () => {
	it('should keep every other id when one paragraph is rewritten', async () => {
		const markdown = readFileSync(file, 'utf8');
		const before = await claimsOf(markdown);
		const target = editableClaim(markdown, before);
		const paragraph = markdown.split('\n').find((line) => line.includes(target.text))!;
		const after = await claimsOf(markdown.replace(paragraph, 'The editors rewrote this paragraph. It now says something else entirely.'));
		const untouched = before.filter((claim) => claim.blockIndex !== target.blockIndex).map((claim) => claim.id);
		const kept = after.map((claim) => claim.id).filter((id) => untouched.includes(id));
		expect(kept).toEqual(untouched);
		expect(after.filter((claim) => !untouched.includes(claim.id)).map((claim) => claim.text)).toEqual([
			'The editors rewrote this paragraph.',
			'It now says something else entirely.',
		]);
	});

	it('should re-anchor a reworded sentence to its new wording', async () => {
		const markdown = readFileSync(file, 'utf8');
		const before = await claimsOf(markdown);
		const target = editableClaim(markdown, before);
		const after = await claimsOf(markdown.replace(target.text, reword(target.text)));
		expect(after.map((claim) => claim.id)).not.toContain(target.id);
		expect(after.filter((claim) => claim.id !== before[after.indexOf(claim)]?.id)).toHaveLength(1);

		const entry = { id: target.id, text: target.text, ...contextOf(before, target.index) };
		const result = reanchor(entry, after, commentaryPlainText(after));
		expect(result).toMatchObject({ status: 'edited', successorId: after[target.index]!.id, oldText: target.text });

		const ledger = updateLedger(emptyLedger(), new Map([['lankov-nbr-interview', before]])).ledger;
		const check = checkLedger(ledger, new Map([['lankov-nbr-interview', after]]));
		expect(check.redirects).toEqual([{ oldId: target.id, newId: after[target.index]!.id, oldText: target.text }]);
		expect(check.errors).toEqual([]);
	});

	it('should report a deleted sentence until the ledger retires it with a reason', async () => {
		const markdown = readFileSync(file, 'utf8');
		const before = await claimsOf(markdown);
		const target = editableClaim(markdown, before);
		const after = await claimsOf(markdown.replace(`${target.text} `, '').replace(` ${target.text}`, '').replace(target.text, ''));
		expect(after).toHaveLength(before.length - 1);

		const ledger = updateLedger(emptyLedger(), new Map([['lankov-nbr-interview', before]])).ledger;
		const check = checkLedger(ledger, new Map([['lankov-nbr-interview', after]]));
		expect(check.errors).toHaveLength(1);
		expect(check.errors[0]).toContain(`claim ${target.id}`);
		expect(check.errors[0]).toContain('in lankov-nbr-interview cannot be re-anchored');

		const retired = updateLedger(ledger, new Map([['lankov-nbr-interview', after]]), { retire: new Map([[target.id, 'Cut by the editors.']]) });
		expect(retired.errors).toEqual([]);
		expect(checkLedger(retired.ledger, new Map([['lankov-nbr-interview', after]])).errors).toEqual([]);
	});

	it('should drive the whole cycle through npm run ledger', async () => {
		const ledgerFile = join(temp, 'content', 'claims-ledger.json');
		expect(await runLedger('--check')).toMatchObject({ code: 1 }); // No ledger yet: every id is missing.

		const created = await runLedger();
		expect(created.code, created.out).toBe(0);
		expect(created.out).toMatch(/✓ wrote content\/claims-ledger\.json: \d+ claims in 5 commentaries; \d+ added, 0 redirected, 0 retired\./);
		expect((await runLedger('--check')).code).toBe(0);
		expect((await runLedger()).out).toMatch(/✓ unchanged/);

		// Reword a sentence: the check fails (stale) until the ledger records the redirect.
		const markdown = readFileSync(file, 'utf8');
		const target = editableClaim(markdown, await claimsOf(markdown));
		writeFileSync(file, markdown.replace(target.text, reword(target.text)));
		const stale = await runLedger('--check');
		expect(stale.code).toBe(1);
		expect(stale.out).toContain('is stale: run `npm run ledger`');
		const updated = await runLedger();
		expect(updated.code, updated.out).toBe(0);
		expect(updated.out).toContain('1 added, 1 redirected');
		expect(parseLedger(readFileSync(ledgerFile, 'utf8')).claims[target.id]).toMatchObject({ status: 'live', successor: expect.stringMatching(/^c-/) });
		expect((await runLedger('--check')).code).toBe(0);

		// Delete a sentence: refused until retired with a reason.
		const current = readFileSync(file, 'utf8');
		const claims = await claimsOf(current);
		const victim = editableClaim(current, claims.filter((claim) => claim.text !== reword(target.text)));
		writeFileSync(file, current.replace(`${victim.text} `, '').replace(victim.text, ''));
		const refused = await runLedger();
		expect(refused.code).toBe(1);
		expect(refused.out).toContain(`claim ${victim.id}`);
		expect(refused.out).toContain('was not changed');
		expect((await runLedger('--check')).code).toBe(1);
		expect((await runLedger('--retire', victim.id)).code).toBe(2); // A retirement needs a reason.
		const retired = await runLedger('--retire', victim.id, '--reason', 'Cut by the editors.');
		expect(retired.code, retired.out).toBe(0);
		expect(parseLedger(readFileSync(ledgerFile, 'utf8')).claims[victim.id]).toMatchObject({ status: 'retired', retiredReason: 'Cut by the editors.' });
		expect((await runLedger('--check')).code).toBe(0);
	}, 180_000);
});
