/**
 * The annotation fixture cases: each `tests/fixtures/annotate/<case>/input.md`
 * (with an optional `config.json`: inline registry, reference date) and what
 * the real plugins make of it (see `render.ts`). Read by the fixture test,
 * which compares, and by `update-fixtures.ts`, which an editor runs on purpose
 * to write the expected files. Not a test file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type RenderOptions } from './render.ts';

/** The folder of the cases. */
export const FIXTURE_ROOT = join(import.meta.dirname, '../../fixtures/annotate');

/** How an editor writes a case's expected files (named in the test's failures). */
export const UPDATE_COMMAND = 'npx node tests/unit/annotate/update-fixtures.ts';

/** The expected files of a case, by name. */
export const EXPECTED_FILES = ['output.html', 'data.json'] as const;

/** The files a case's rendering produces, by name. */
export type FixtureOutput = Record<(typeof EXPECTED_FILES)[number], string>;

/**
 * Every case: a folder with an `input.md` (`commentaries/` holds whole
 * commentaries, scored elsewhere).
 *
 * @returns
 *   Case names, sorted.
 */
export function fixtureCases(): string[] {
	return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(join(FIXTURE_ROOT, entry.name, 'input.md')))
		.map((entry) => entry.name)
		.sort();
}

/**
 * Render one case as its expected files would hold it: the HTML, and the
 * mentions and messages as JSON.
 *
 * @param name
 *   Case name.
 * @returns
 *   Contents by file name.
 */
export async function renderFixture(name: string): Promise<FixtureOutput> {
	const dir = join(FIXTURE_ROOT, name);
	const configPath = join(dir, 'config.json');
	const config: RenderOptions = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
	const { html, file } = await render(readFileSync(join(dir, 'input.md'), 'utf8'), config);
	const data = {
		mentions: file.data.mentions ?? [],
		messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`),
	};
	return { 'output.html': `${html}\n`, 'data.json': `${JSON.stringify(data, null, '\t')}\n` };
}
