import { describe, expect, it } from 'vitest';
import { emptyLedger, updateLedger } from '../../src/claims/ledger';
import type { Claim } from '../../src/schemas/corpus';
import { retiredByCommentary, sharePageId, sharePagesFrom } from '../../src/features/sharing/share-pages';

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
});
