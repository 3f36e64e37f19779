/**
 * Project copies for the benchmark, in a temporary folder: the tracked files
 * of this project (content, source, config), with a `node_modules` of links
 * to this project's packages but none of its caches (Astro's data store,
 * Vite's, the share-card cache), so every copy starts cold. And a plain
 * Astro site over the same commentaries, without our plugins or pages.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Folders under node_modules that hold caches, never linked into a copy. */
const CACHES = new Set(['.cache', '.astro', '.vite', '.vite-temp']);

/**
 * A `node_modules` of links to the project's packages, without its caches.
 *
 * @param {string} source Project root.
 * @param {string} target Copy root.
 */
export function linkPackages(source, target) {
	const to = join(target, 'node_modules');
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(join(source, 'node_modules'))) {
		if (CACHES.has(entry)) continue;
		symlinkSync(join(source, 'node_modules', entry), join(to, entry));
	}
}

/**
 * Copy the project's tracked files (as they are in the work tree) into a folder.
 *
 * @param {string} source Project root.
 * @param {string} target New folder.
 */
export function copyProject(source, target) {
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, encoding: 'utf8' })
		.split('\0')
		.filter(Boolean)
		// The benchmark's own output is not part of a site.
		.filter((file) => !file.startsWith('bench/'));
	for (const file of files) {
		mkdirSync(dirname(join(target, file)), { recursive: true });
		try {
			cpSync(join(source, file), join(target, file));
		} catch (error) {
			// A file deleted in the work tree but still in the index is not part of the site.
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
		}
	}
	linkPackages(source, target);
}

/**
 * A plain Astro site over the commentaries of a project copy: one glob
 * collection with no schema, one page per commentary rendering its body, and
 * Astro's `unified()` processor with only GFM (the settings ours starts from)
 * and none of our plugins.
 *
 * @param {string} source Project root (for packages).
 * @param {string} corpus Project copy whose commentaries to use.
 * @param {string} target New folder.
 */
export function writePlainSite(source, corpus, target) {
	mkdirSync(join(target, 'src', 'pages', 'commentaries'), { recursive: true });
	cpSync(join(corpus, 'content', 'commentaries'), join(target, 'content', 'commentaries'), { recursive: true });
	writeFileSync(
		join(target, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
export default defineConfig({
	site: 'https://plain.example',
	markdown: { processor: unified({ gfm: true, smartypants: false, remarkRehype: { allowDangerousHtml: false } }) },
});
`,
	);
	writeFileSync(
		join(target, 'src', 'content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
	commentaries: defineCollection({ loader: glob({ pattern: '*.md', base: './content/commentaries' }) }),
};
`,
	);
	writeFileSync(
		join(target, 'src', 'pages', 'commentaries', '[slug].astro'),
		`---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
	return (await getCollection('commentaries')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { Content } = await render(Astro.props.entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{Astro.props.entry.data.title}</title></head>
<body><main><h1>{Astro.props.entry.data.title}</h1><Content /></main></body></html>
`,
	);
	writeFileSync(join(target, 'package.json'), JSON.stringify({ name: 'plain-site', private: true, type: 'module' }, null, 2));
	writeFileSync(join(target, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2));
	linkPackages(source, target);
}
