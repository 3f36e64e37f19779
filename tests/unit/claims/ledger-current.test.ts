/**
 * The committed ledger must describe the committed commentaries: when a
 * commentary changes without `npm run ledger`, this test fails and says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLedger, parseLedger } from '../../../src/claims/ledger.ts';
import { claimsOfDirectory } from '../../../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../../../src/markdown/pipeline.ts';
import { pairId, prerenderedPairs } from '../../../src/features/compare/model.ts';
import { readPublishedPages, serializePublishedPages, updatePublishedPages } from '../../../src/loaders/published-pages.ts';
import { listPublished } from '../../../src/loaders/published.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('content/claims-ledger.json', () => {
	it('should be up to date with content/commentaries (run `npm run ledger` if not)', async () => {
		const ledger = parseLedger(readFileSync(`${ROOT}content/claims-ledger.json`, 'utf8'));
		const claims = await claimsOfDirectory(`${ROOT}content/commentaries`, createCommentaryProcessor(loadPipelineInputs(ROOT, { ledger: false })));
		const check = checkLedger(ledger, claims);
		expect(check.errors, 'published claims were lost: restore the text or retire them').toEqual([]);
		expect(check.missing, 'new claims: run `npm run ledger`').toEqual([]);
		expect(check.stale, 'the ledger is stale: run `npm run ledger`').toBe(false);
	});
});

describe('content/published-pages.json', () => {
	it('should record every actor, article and compare pair page and the ledger’s size (run `npm run ledger` if not)', () => {
		const { record, problems } = readPublishedPages(ROOT);
		expect(problems).toEqual([]);
		const ledger = parseLedger(readFileSync(`${ROOT}content/claims-ledger.json`, 'utf8'));
		const current = {
			actors: new Set(listPublished(`${ROOT}content/actors`, '.yaml').map((name) => name.slice(0, -'.yaml'.length))),
			articles: new Set(listPublished(`${ROOT}content/articles`, '.yaml').map((name) => Number(name.slice(0, -'.yaml'.length)))),
			pairs: new Set(prerenderedPairs(listPublished(`${ROOT}content/commentaries`, '.md').map((name) => name.slice(0, -'.md'.length))).map(([a, b]) => pairId(a, b))),
		};
		expect(serializePublishedPages(updatePublishedPages(record, current, Object.keys(ledger.claims).length))).toBe(readFileSync(`${ROOT}content/published-pages.json`, 'utf8'));
	});
});
