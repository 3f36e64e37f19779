/**
 * A built copy of the site at a given size, for measuring search alone
 * (`npm run search:budget -- <dir>/dist`) without the whole benchmark: it
 * copies the project into a folder (or, with `--refresh`, copies only the
 * source files into a copy made before, keeping its synthetic corpus), then
 * builds it without share cards.
 *
 *   node scripts/bench/search-site.mjs --size 1000 --dir /tmp/search-1000
 *   node scripts/bench/search-site.mjs --dir /tmp/search-1000 --refresh
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { timedBuild } from './build.mjs';
import { writeSyntheticCorpus } from './corpus.mjs';
import { copyProject } from './project.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { size: { type: 'string', default: '100' }, dir: { type: 'string' }, refresh: { type: 'boolean', default: false } } });
const dir = values.dir ?? join('/tmp', `search-site-${values.size}`);

if (values.refresh) {
	if (!existsSync(join(dir, 'astro.config.mjs')) && !existsSync(join(dir, 'astro.config.ts'))) throw new Error(`${dir} holds no copy to refresh`);
	// Replaced whole: a file since removed from the project must not linger in the copy.
	for (const folder of ['src', 'scripts']) {
		rmSync(join(dir, folder), { recursive: true, force: true });
		cpSync(join(root, folder), join(dir, folder), { recursive: true });
	}
	for (const file of ['package.json', 'astro.config.mjs', 'tsconfig.json']) cpSync(join(root, file), join(dir, file));
} else {
	mkdirSync(dir, { recursive: true });
	copyProject(root, dir);
	const corpus = writeSyntheticCorpus(dir, Number(values.size));
	console.log(`${dir}: ${corpus.written.length} synthetic commentaries`);
}
// The ledger (and the record of published pages) of the copy's corpus, written by the current scripts.
const ledger = spawnSync(process.execPath, [join(dir, 'scripts', 'update-ledger.ts'), '--root', dir], { cwd: dir, encoding: 'utf8' });
if (ledger.status !== 0) throw new Error(`ledger failed:\n${ledger.stderr}${ledger.stdout}`);
const built = await timedBuild(dir, { env: { TREATY_READER_SHARE_CARDS: 'off' } });
if (!built.ok) {
	console.error(built.log.slice(-3000));
	process.exit(1);
}
console.log(`${dir}: built in ${built.seconds.toFixed(1)} s; measure with: npm run search:budget -- ${join(dir, 'dist')}`);
