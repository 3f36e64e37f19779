/**
 * The build's context and channel: the integration installs one context that
 * every module instance of the process reads, and pages reach the
 * integration through one typed channel.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { receiveFromPages, sendSearchRecords, sendShareCards, type SearchRecord, type ShareCardRequest } from '../../src/build/channel.ts';
import { buildContext, installBuildContext, readBuildContext } from '../../src/build/context.ts';
import { buildHandle } from '../../src/build/handle.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

afterEach(() => installBuildContext(undefined));

describe('build context', () => {
	it('should read the inputs of the site once, the notes with their Markdown parsed', () => {
		const context = readBuildContext(ROOT);
		expect(Object.keys(context.ledger.claims).length).toBeGreaterThan(100);
		expect(context.registry.articles.length).toBeGreaterThan(20);
		expect(context.notes.length).toBeGreaterThan(0);
		for (const note of context.notes) expect(note.tree.type).toBe('root');
		expect(context.ledgerChecks.size).toBe(0);
		context.ledgerChecked('alpha', { redirects: [], errors: [], stale: false, missing: [], revived: [] });
		expect([...context.ledgerChecks.keys()]).toEqual(['alpha']);
	});

	it('should hand every caller the installed context of the build, and read from disk outside one', () => {
		const outside = buildContext(ROOT);
		expect(buildContext(ROOT)).not.toBe(outside);
		installBuildContext(outside);
		expect(buildContext()).toBe(outside);
		expect(buildContext(`${ROOT}/`)).toBe(outside);
		// The handle lives on one process-wide symbol, so another module instance finds it too.
		expect(Reflect.get(globalThis, Symbol.for('treaty-reader.build'))).toBe(buildHandle());
		installBuildContext(undefined);
		expect(buildContext(ROOT)).not.toBe(outside);
	});
});

describe('build channel', () => {
	const request: ShareCardRequest = { id: 'c-0123456789', card: { quote: 'Q', credit: 'C', source: 'S', site: 'T' } };
	const record: SearchRecord = { url: '/x/', content: '<html><body>X</body></html>' };

	it('should deliver what pages send to the receiver, and nothing once it stops', () => {
		const cards: ShareCardRequest[] = [];
		const records: SearchRecord[] = [];
		const stop = receiveFromPages({ shareCards: (sent) => cards.push(...sent), searchRecords: (sent) => records.push(...sent) });
		sendShareCards([request]);
		sendSearchRecords([record]);
		stop();
		sendShareCards([request]);
		sendSearchRecords([record]);
		expect(cards).toEqual([request]);
		expect(records).toEqual([record]);
	});

	it('should send to nobody outside a build', () => {
		expect(buildHandle().receiver).toBeUndefined();
		expect(() => sendShareCards([request])).not.toThrow();
	});
});
