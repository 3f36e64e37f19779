/**
 * Fixture tests: each `tests/fixtures/annotate/<case>/input.md` goes through
 * the real plugins (see `fixture-cases.ts`) and must give the case's
 * `output.html` and `data.json` (mentions and messages). `config.json` holds
 * the case's inline registry and reference date. The test only compares: a
 * case without its expected files fails, and an editor writes them on purpose
 * with `update-fixtures.ts` (see `UPDATE_COMMAND`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FILES, FIXTURE_ROOT, UPDATE_COMMAND, fixtureCases, renderFixture } from './fixture-cases';

const cases = fixtureCases();

/**
 * The expected content of one file of a case.
 *
 * @throws {Error}
 *   When the file is missing, saying how to write it.
 */
function expected(name: string, file: string): string {
	const path = join(FIXTURE_ROOT, name, file);
	if (!existsSync(path)) {
		throw new Error(`fixture “${name}” has no expected ${file}: check what the plugins render, then write it with \`${UPDATE_COMMAND} ${name}\``);
	}
	return readFileSync(path, 'utf8');
}

describe('annotation fixtures', () => {
	it('should have cases', () => {
		expect(cases).toEqual(expect.arrayContaining(['generalisation', 'traps']));
	});

	it.each(cases)('should render the %s fixture as expected', async (name) => {
		const output = await renderFixture(name);
		for (const file of EXPECTED_FILES) expect(output[file], file).toBe(expected(name, file));
	});
});
