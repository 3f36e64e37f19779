/**
 * What the build's caches key on: each commentary's part of the claims
 * ledger (Astro's content cache, through the commentary's digest), the ledger
 * as a plugin option that Astro's config digests do not walk, and the share
 * pages' keys for incremental builds.
 */
import { describe, expect, it } from 'vitest';
import type { Ledger, LedgerEntry } from '../../src/claims/types.ts';
import { ledgerDigests, ledgerOption } from '../../src/loaders/ledger-digests.ts';
import { sharePageCacheKeys } from '../../src/features/sharing/page-cache-keys.ts';
import type { SharePage } from '../../src/features/sharing/share-pages.ts';
import type { Claim } from '../../src/schemas/corpus.ts';

function entry(commentary: string, text: string): LedgerEntry {
	return { commentary, text, prefix: '', suffix: '', status: 'live' };
}

describe('ledgerDigests', () => {
	const base: Ledger = { version: 1, claims: { 'c-aaaaaaaaaa': entry('alpha', 'One.'), 'c-bbbbbbbbbb': entry('beta', 'Two.') } };
	const none = new Map<string, string>();

	it('should change the digest of the commentary whose part changed, and only that one', () => {
		const before = ledgerDigests(base, none);
		const after = ledgerDigests({ ...base, claims: { ...base.claims, 'c-cccccccccc': entry('alpha', 'Three.') } }, none);
		expect(after('/x/content/commentaries/alpha.md')).not.toBe(before('/x/content/commentaries/alpha.md'));
		expect(after('/x/content/commentaries/beta.md')).toBe(before('/x/content/commentaries/beta.md'));
		expect(before('/x/content/commentaries/beta.md')).not.toBe('');
	});

	it('should count ids published under a renamed slug for the commentary it is now', () => {
		const renamed = ledgerDigests(base, new Map([['alpha', 'gamma']]));
		expect(renamed('/x/gamma.md')).not.toBe('');
		expect(renamed('/x/beta.md')).toBe(ledgerDigests(base, none)('/x/beta.md'));
		expect(renamed('/x/alpha.md')).toBe('');
	});

	it('should give an empty digest to every file when there is no ledger yet', () => {
		expect(ledgerDigests(undefined, none)('/x/alpha.md')).toBe('');
	});
});

describe('ledgerOption', () => {
	const ledger: Ledger = { version: 1, claims: { 'c-aaaaaaaaaa': entry('alpha', 'One.') } };

	it('should read as the ledger and serialise as a label, whatever the claims', () => {
		const option = ledgerOption(ledger);
		expect(option.claims).toBe(ledger.claims);
		expect(option.version).toBe(1);
		const other = ledgerOption({ ...ledger, claims: {} });
		expect(JSON.stringify(option)).toBe(JSON.stringify(other));
		expect(Object.entries(option).flat()).not.toContain(ledger.claims);
		expect(JSON.stringify(option)).toContain('claims-ledger.json');
	});
});

describe('sharePageCacheKeys', () => {
	const claim = (id: string, text: string) => ({ id, text, mentions: [] }) as unknown as Claim;
	const entryOf = (title: string) => ({ id: 'alpha', data: { title } });
	const live = (text: string, next: string, title = 'T') =>
		({ kind: 'live', claim: claim('c-1', text), pinpoint: { block: 'para.', number: 1, sentence: 1 }, previous: undefined, next: claim('c-2', next), entry: entryOf(title) }) as SharePage<ReturnType<typeof entryOf>>;

	it('should give the same key to the same data and a new key when anything the page prints changes', () => {
		const key = sharePageCacheKeys({ accessed: '2026-12-02' });
		const same = key(live('One.', 'Two.'));
		expect(key(live('One.', 'Two.'))).toBe(same);
		expect(key(live('One!', 'Two.'))).not.toBe(same);
		expect(key(live('One.', 'Two!'))).not.toBe(same);
		expect(sharePageCacheKeys({ accessed: '2026-12-02' })(live('One.', 'Two.', 'Another title'))).not.toBe(same);
		expect(sharePageCacheKeys({ accessed: '2026-12-03' })(live('One.', 'Two.'))).not.toBe(same);
	});

	it('should give a new key when the related claims the page prints change', () => {
		const key = sharePageCacheKeys({ accessed: '2026-12-02' });
		const group = (text: string, credit = 'Ann Writer') => [
			{ commentary: 'beta', credit, title: 'B', claims: [{ id: 'c-9', text, matters: [{ id: 'm', title: 'M' }], confirmed: false }] },
		];
		const printed = key(live('One.', 'Two.'), group('Other.'));
		expect(key(live('One.', 'Two.'), group('Other.'))).toBe(printed);
		expect(printed).not.toBe(key(live('One.', 'Two.')));
		expect(key(live('One.', 'Two.'), group('Other!'))).not.toBe(printed);
		expect(key(live('One.', 'Two.'), group('Other.', 'Bea Author'))).not.toBe(printed);
	});
});
