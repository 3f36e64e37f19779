/**
 * The commentaries' citation templates kept between builds, one small JSON
 * file per key under `node_modules/.cache/treaty-reader/citations/`. The key
 * digests everything a template is made from (`citationTemplateKey`), so the
 * cache is content-addressed like the share cards': a rebuild after editing a
 * commentary's text, which leaves what a citation says about it unchanged,
 * starts no citeproc engine at all. A file that cannot be read or does not
 * have the templates' shape is a miss, made again and rewritten.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { CitationTemplateStore, CitationTemplates } from './cite.ts';

/** The cache's folder, relative to the project's root. */
export const CITATION_CACHE_DIR = join('node_modules', '.cache', 'treaty-reader', 'citations');

const risValue = z.union([z.string(), z.number()]);

/** What a stored file holds: a commentary's templates, or `null` when it has none. */
const storedTemplatesSchema = z
	.object({
		styles: z.object({ apa: z.string(), chicago: z.string(), mla: z.string() }),
		bibtex: z.string(),
		ris: z.array(z.record(z.string(), z.union([risValue, z.array(risValue)]))),
		note: z.string(),
	})
	.nullable();

/**
 * A store of citation templates in a folder.
 *
 * @param dir
 *   The folder (made when the first template is stored).
 * @param options
 *   `reuse: false` (a `--clean` build) reads nothing and writes every template afresh.
 * @returns
 *   The store.
 */
export function diskTemplateStore(dir: string, options: { reuse: boolean }): CitationTemplateStore {
	let made = false;
	return {
		get(key: string): CitationTemplates | null | undefined {
			if (!options.reuse) return undefined;
			let text: string;
			try {
				text = readFileSync(join(dir, `${key}.json`), 'utf8');
			} catch {
				return undefined;
			}
			try {
				const parsed = storedTemplatesSchema.safeParse(JSON.parse(text));
				return parsed.success ? parsed.data : undefined;
			} catch {
				return undefined;
			}
		},
		set(key: string, templates: CitationTemplates | null): void {
			if (!made) mkdirSync(dir, { recursive: true });
			made = true;
			// Written beside and renamed: a build cut off mid-write leaves no half file under the key.
			const file = join(dir, `${key}.json`);
			writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(templates));
			renameSync(`${file}.${process.pid}.tmp`, file);
		},
	};
}
