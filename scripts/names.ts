/**
 * `npm run names`: which capitalised names, acronyms and "Article N" phrases
 * of the commentaries no registry entry links, with counts and one example
 * sentence each: what to add to content/actors (a form, or a notForm for a
 * look-alike) before publishing a new commentary.
 *
 *   npm run names                          content/commentaries
 *   npm run names -- --dir path/to/folder  another folder of commentaries (e.g. drafts)
 *
 * Runs on Node 24 type stripping: `npx node scripts/names.ts`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatUnlinkedNames, unlinkedNames } from './names-report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const names = await unlinkedNames(root, { dir: values.dir === undefined ? undefined : resolve(values.dir) });
console.log(formatUnlinkedNames(names));
