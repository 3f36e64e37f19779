/**
 * `npm run names` over the fixture commentaries, through the real pipeline
 * and registries: what an editor adding these texts would be told to look at.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatUnlinkedNames, unlinkedNames, type UnlinkedName } from '../../../scripts/names-report';
import { fixtureDir, projectRoot } from './fixture-commentaries';

let names: UnlinkedName[];

beforeAll(async () => {
	names = await unlinkedNames(projectRoot, { dir: fixtureDir });
});

describe('names report', () => {
	it('should list names, acronyms and article phrases no registry entry links, with counts', () => {
		const listed = names.map((name) => `${name.kind} ${name.text} ×${name.count}`);
		expect(listed).toEqual(
			expect.arrayContaining(['name Kursk ×9', 'name Vienna Convention on the Law of Treaties ×1', 'acronym NPT ×1', 'acronym F-35 ×2', 'article Article 51 ×6']),
		);
	});

	it('should not list what is linked, a deliberate look-alike, or a word that only opens sentences', () => {
		const texts = new Set(names.map((name) => name.text));
		for (const text of ['Russia', 'Russian Federation', 'Kim Jong-Il', 'USA', 'Article 4', 'Articles 3', 'Russia Day', 'Feb', 'SEOUL', 'Troops']) {
			expect(texts.has(text), text).toBe(false);
		}
	});

	it('should give one example sentence with its commentary', () => {
		const kursk = names.find((name) => name.text === 'Kursk');
		expect(kursk?.example.commentary).toBe('alliance-audit-brief.md');
		expect(kursk?.example.sentence).toContain('North Korean units were committed in Kursk');
		expect(formatUnlinkedNames(names)).toMatch(/^ {4}9 {2}Kursk\n {7}alliance-audit-brief\.md: “We found no public record/mu);
	});

	it('should read the folder it is given', async () => {
		await expect(unlinkedNames(projectRoot, { dir: join(fixtureDir, 'missing') })).rejects.toThrow(/ENOENT/);
	});
});
