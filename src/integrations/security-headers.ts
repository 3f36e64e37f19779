/**
 * After the build: write `dist/_headers` with the site's
 * Content-Security-Policy for every path (src/utils/csp.ts defines it once).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersFile } from '../utils/csp.ts';
import { normaliseBase } from '../utils/routes.ts';

/**
 * Write the headers file into the build.
 *
 * @param outDir
 *   The build's output directory.
 * @param base
 *   Astro's `base`.
 */
export async function writeSecurityHeaders(outDir: string, base: string): Promise<void> {
	await writeFile(join(outDir, '_headers'), headersFile(normaliseBase(base)));
}
