/**
 * `npm run names` over the fixture commentaries, through the real pipeline
 * and registries: what an editor adding these texts would be told to look at.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

	it.each([
		['The pact is new. Article 2 of the much-criticised pact binds them.', 'Article 2', 'unclear-instrument', '“Article N” with no clear instrument'],
		['Lankov wrote again. His sixteenth article on the pact appeared in June.', 'sixteenth article', 'no-instrument', 'Ordinals owned by no instrument'],
		['The 2000 treaty was shorter. Article 22, under which disputes go to talks, is new.', 'Article 22', 'other-instrument', '“Article N” of another instrument'],
		['Article 31 says so.', 'Article 31', 'unexplained', '“Article N” phrases (a number the treaty lacks?)'],
	])('should list a citation left plain under a heading saying why: %j', async (sentence, text, reason, heading) => {
		const dir = mkdtempSync(join(tmpdir(), 'names-'));
		try {
			writeFileSync(join(dir, 'draft.md'), `---\ntitle: "t"\npublished:\n  date: "2024-07-02"\n---\n\n${sentence}\n`);
			const listed = await unlinkedNames(projectRoot, { dir });
			const entry = listed.find((name) => name.kind === 'article');
			expect(entry).toMatchObject({ text, reason, count: 1 });
			expect(formatUnlinkedNames(listed)).toContain(`${heading}`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
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
