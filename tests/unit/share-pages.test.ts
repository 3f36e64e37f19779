import { describe, expect, it } from 'vitest';
import { checkLedger, emptyLedger, updateLedger } from '../../src/claims/ledger';
import type { Claim } from '../../src/schemas/corpus';
import { checkLedgerByCommentary, retiredByCommentary, sharePageId, sharePagesFrom } from '../../src/features/sharing/share-pages';

/** A claim as the pipeline records it (only what share pages read matters here). */
function claim(id: string, text: string, index: number): Claim {
	return { id, text, index, block: 'p', blockIndex: index, mentions: [] } as unknown as Claim;
}

const before = [
	claim('c-0000000001', 'The treaty was signed in Pyongyang on the nineteenth of June, after a long night of talks.', 0),
	claim('c-0000000002', 'Article 4 is the clause most readers will remember for years to come, whatever else happens.', 1),
	claim('c-0000000003', 'A sentence the editors will later cut from the text entirely, as the outlet asked.', 2),
];
const after = [
	before[0]!,
	claim('c-00000000a2', 'Article 4 is the clause most readers will surely remember for years to come, whatever else happens.', 1),
];

describe('sharePagesFrom', () => {
	it('should give every ledger id a page: live, moved to its successor, retired with its reason', () => {
		const published = updateLedger(emptyLedger(), new Map([['one', before]])).ledger;
		const { ledger, errors } = updateLedger(published, new Map([['one', after]]), { retire: new Map([['c-0000000003', 'Cut at the outlet’s request.']]) });
		expect(errors).toEqual([]);
		const pages = sharePagesFrom(ledger, [{ slug: 'one', entry: 'entry-one', claims: after }]);
		expect(pages.map(sharePageId).sort()).toEqual(Object.keys(ledger.claims).sort());
		expect(pages.find((page) => sharePageId(page) === 'c-0000000002')).toMatchObject({
			kind: 'moved',
			oldText: before[1]!.text,
			successor: { id: 'c-00000000a2' },
			entry: 'entry-one',
		});
		expect(pages.find((page) => sharePageId(page) === 'c-0000000003')).toMatchObject({ kind: 'retired', reason: 'Cut at the outlet’s request.', oldText: before[2]!.text });
		expect(pages.find((page) => sharePageId(page) === 'c-0000000001')).toMatchObject({ kind: 'live', next: { id: 'c-00000000a2' } });
		const retired = retiredByCommentary(pages, (entry) => entry);
		expect([...retired.keys()]).toEqual(['entry-one']);
		expect(retired.get('entry-one')!.map(sharePageId)).toEqual(['c-0000000003']);
	});

	it('should refuse a ledger id that is lost, naming the ledger', () => {
		const published = updateLedger(emptyLedger(), new Map([['one', before]])).ledger;
		expect(() => sharePagesFrom(published, [{ slug: 'one', entry: 'e', claims: [before[0]!] }])).toThrow(/content\/claims-ledger\.json: published permalinks would break/);
	});

	it('should take the check the pipeline made of a commentary instead of checking it again', () => {
		const published = updateLedger(emptyLedger(), new Map([['one', before]])).ledger;
		const recorded = new Map([['one', { redirects: [], errors: ['claim c-0000000003 as the pipeline reported it'] }]]);
		// The current claims alone would pass; the recorded check decides.
		expect(() => sharePagesFrom(published, [{ slug: 'one', entry: 'e', claims: before }], recorded)).toThrow(/as the pipeline reported it/);
		expect(sharePagesFrom(published, [{ slug: 'one', entry: 'e', claims: before }]).map(sharePageId)).toEqual(before.map((claim) => claim.id));
	});
});

describe('checkLedgerByCommentary', () => {
	it('should find what checking the whole ledger finds, the redirects in ledger order', () => {
		const two = [claim('c-0000000101', 'Another commentary says the treaty changes little for the region in the short run.', 0)];
		const published = updateLedger(emptyLedger(), new Map([['one', before], ['two', two]])).ledger;
		const current = new Map([['one', after], ['two', two]]);
		const whole = checkLedger(published, current);
		const parts = checkLedgerByCommentary(published, current);
		expect(parts).toEqual({ redirects: whole.redirects, errors: whole.errors });
		expect(parts.redirects.map((redirect) => redirect.oldId)).toEqual(['c-0000000002']);
		expect(parts.errors).toHaveLength(1);
	});

	it('should refuse one id given to two commentaries', () => {
		expect(() => checkLedgerByCommentary(emptyLedger(), new Map([['one', [before[0]!]], ['two', [before[0]!]]]))).toThrow();
	});
});
