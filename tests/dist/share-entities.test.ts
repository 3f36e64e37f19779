/**
 * A share page lists what its sentence mentions by the registry's names
 * (“Japan”, “China”), never by the sentence's own words (“Japan’s”,
 * “Beijing’s”), each once.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromProjectRoot, hasBuild, listFiles, readDistFile } from '../support/dist';

const ledger = JSON.parse(readFileSync(fromProjectRoot('content/claims-ledger.json'), 'utf8')) as {
	claims: Record<string, { text: string; status: string }>;
};

/**
 * The names listed under “What it mentions” on a built share page.
 *
 * @returns
 *   The names, or `undefined` when the page has no such section.
 */
function listedNames(file: string): string[] | undefined {
	const html = readDistFile(file);
	const section = /<section aria-labelledby="mentions-heading">([\s\S]*?)<\/section>/.exec(html)?.[1];
	if (section === undefined) return undefined;
	return [...section.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => match[1]!.replace(/&#39;|&#x27;/g, "'"));
}

const built = hasBuild();

// The published sentence this checks: “… independence from Japan’s colonial occupation … Beijing’s …”.
const possessives = Object.entries(ledger.claims).filter(
	([, claim]) => claim.status === 'live' && /Japan’s/.test(claim.text) && /Beijing’s/.test(claim.text),
);

describe('share pages name the entities', () => {
	it('should have a built site to check', () => {
		expect(built).toBe(true);
	});
	if (!built) return;

	it('should list Japan and China, not “Japan’s” and “Beijing’s”', () => {
		expect(possessives.map(([id]) => id), 'the published sentences naming “Japan’s” and “Beijing’s”').toHaveLength(1);
		const [id] = possessives[0]!;
		const names = listedNames(`c/${id}/index.html`);
		expect(names, `c/${id}/index.html lists what the sentence mentions`).toBeDefined();
		expect(names).toContain('Japan');
		expect(names).toContain('China');
		expect(names!.filter((name) => /’s$|'s$/.test(name))).toEqual([]);
		expect(new Set(names).size).toBe(names!.length);
	});

	it('should name no entity by a possessive on any share page', () => {
		const pages = listFiles().filter((name) => /^c\/c-[0-9a-f]{10}\/index\.html$/.test(name));
		const live = Object.entries(ledger.claims).filter(([, claim]) => claim.status === 'live');
		expect(live.length, 'published sentences in the ledger').toBeGreaterThan(0);
		const builtPages = new Set(pages);
		expect(live.map(([id]) => `c/${id}/index.html`).filter((file) => !builtPages.has(file)), 'live sentences without a share page').toEqual([]);
		const offenders: string[] = [];
		let listed = 0;
		for (const file of pages) {
			const names = listedNames(file) ?? [];
			listed += names.length;
			for (const name of names) if (/’s$|'s$/.test(name)) offenders.push(`${file}: ${name}`);
		}
		expect(listed, 'names listed over all share pages').toBeGreaterThan(0);
		expect(offenders).toEqual([]);
	});
});
