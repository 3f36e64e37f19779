/**
 * Write the expected files of annotation fixture cases from what the plugins
 * render now. An editor runs it on purpose, after checking that the new
 * output is right; the fixture test never writes them.
 *
 *   npx node tests/unit/annotate/update-fixtures.ts traps        one case
 *   npx node tests/unit/annotate/update-fixtures.ts --all        every case
 *
 * Then review the change with `git diff tests/fixtures/annotate`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_FILES, FIXTURE_ROOT, fixtureCases, renderFixture } from './fixture-cases.ts';

const args = process.argv.slice(2);
const known = fixtureCases();
const names = args.includes('--all') ? known : args;
if (names.length === 0) {
	console.error(`Name the cases to write (one of ${known.join(', ')}), or --all.`);
	process.exit(1);
}
for (const name of names) {
	if (!known.includes(name)) {
		console.error(`No fixture case “${name}” (a folder of ${FIXTURE_ROOT} with an input.md).`);
		process.exit(1);
	}
	const output = await renderFixture(name);
	for (const file of EXPECTED_FILES) writeFileSync(join(FIXTURE_ROOT, name, file), output[file]);
	console.log(`wrote ${EXPECTED_FILES.map((file) => `${name}/${file}`).join(', ')}`);
}
