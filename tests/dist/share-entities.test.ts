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

/** The names listed under “What it mentions” on a built share page. */
function listedNames(file: string): string[] {
	const html = readDistFile(file);
	const section = /<section aria-labelledby="mentions-heading">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
	return [...section.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => match[1]!.replace(/&#39;|&#x27;/g, "'"));
}

const built = hasBuild();

describe('share pages name the entities', () => {
	it('should have a built site to check', () => {
		expect(built).toBe(true);
	});
	if (!built) return;

	const live = Object.entries(ledger.claims).filter(([, claim]) => claim.status === 'live');
	const withPossessive = live.find(([, claim]) => /Japan’s/.test(claim.text) && /Beijing’s/.test(claim.text)) ?? live.find(([, claim]) => /Japan’s/.test(claim.text));

	it('should list Japan and China, not “Japan’s” and “Beijing’s”', () => {
		expect(withPossessive, 'a published sentence with “Japan’s”').toBeDefined();
		const [id, claim] = withPossessive!;
		const names = listedNames(`c/${id}/index.html`);
		expect(names).toContain('Japan');
		expect(names.filter((name) => /’s$/.test(name))).toEqual([]);
		if (/Beijing’s/.test(claim.text)) expect(names).toContain('China');
		expect(new Set(names).size).toBe(names.length);
	});

	it('should name no entity by a possessive on any share page', () => {
		const offenders: string[] = [];
		for (const file of listFiles().filter((name) => /^c\/c-[0-9a-f]{10}\/index\.html$/.test(name))) {
			for (const name of listedNames(file)) if (/’s$|'s$/.test(name)) offenders.push(`${file}: ${name}`);
		}
		expect(offenders).toEqual([]);
	});
});
