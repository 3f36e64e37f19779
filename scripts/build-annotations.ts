/**
 * The Web Annotations of a built site, in a process of its own after Astro
 * (src/integrations/shard-work.ts): reads the work file the Astro build left
 * and writes `/data/annotations.jsonld` from the built reading pages. Run by
 * `npm run build` (scripts/build.mjs) and `npm run build:shards` beside the
 * search and card jobs; it prints the line a one-process build prints
 * (`annotations: …`).
 *
 * Usage: node scripts/build-annotations.ts <work file> <built site>
 */
import { resolve } from 'node:path';
import { describeAnnotations } from '../src/features/dataset/annotations-file.ts';
import { readShardWork, runAnnotationsJob } from '../src/integrations/shard-work.ts';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) {
	process.stderr.write('Usage: node scripts/build-annotations.ts <work file> <built site>\n');
	process.exit(2);
}
const started = performance.now();
const written = await runAnnotationsJob(resolve(outDir), readShardWork(file));
process.stdout.write(`${describeAnnotations(written, performance.now() - started)}\n`);
