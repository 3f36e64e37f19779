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

describe('names report: days the date rules could not place', () => {
	it('should list a relative day the rules left plain, and not one they placed', async () => {
		const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const dir = mkdtempSync(join(tmpdir(), 'names-dates-'));
		try {
			const body = "Putin said on Tuesday that today's Russia needs allies. He arrived on the 3rd floor.";
			writeFileSync(join(dir, 'day-known.md'), `---\ntitle: "Day known"\nkind: news report\npublished:\n  date: "2024-06-21"\n---\n\n${body}\n`);
			writeFileSync(join(dir, 'month-only.md'), `---\ntitle: "Month only"\nkind: news report\npublished:\n  date: "2024-06"\n---\n\n${body}\n`);
			const dates = (await unlinkedNames(projectRoot, { dir })).filter((name) => name.kind === 'date').map((name) => `${name.text} ×${name.count}`);
			// "Tuesday" is placed where the publication day is known, not where only its month is; "today's" and a floor never are.
			expect(dates).toEqual(['today ×2', '3rd ×2', 'Tuesday ×1'].sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)) || a.localeCompare(b)));
			expect(formatUnlinkedNames(await unlinkedNames(projectRoot, { dir }))).toContain('Days the date rules could not place');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
