/**
 * The built site on disk: where it is, which pages it has, and each page
 * parsed into hast. Shared by the dist checks and the browser tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { buildDistIndex, pathForFile, type DistIndex } from './dist-index';

/** The project root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The build output directory (`dist/`), or `$DIST_DIR` when set. */
export const distDir = process.env['DIST_DIR'] ?? join(projectRoot, 'dist');

/** One built HTML page. */
export interface BuiltPage {
	/** Path relative to the site root, `/`-separated (`actors/china/index.html`). */
	file: string;
	/** URL path it is served at (`/actors/china/`; `/404.html`). */
	path: string;
}

/** Whether a build is there to check (`dist/index.html` exists). */
export function hasBuild(root: string = distDir): boolean {
	return existsSync(join(root, 'index.html'));
}

/** Every file under `root`, relative and `/`-separated, sorted. */
export function listFiles(root: string = distDir): string[] {
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((entry) => statSync(join(root, entry)).isFile())
		.map((entry) => entry.split(sep).join('/'))
		.sort();
}

/** Every HTML page under `root`, sorted by URL path. */
export function listPages(root: string = distDir): BuiltPage[] {
	return listFiles(root)
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file, path: pathForFile(file) }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/** The pages a reader reaches by URL: every page except the 404 page. */
export function listReadablePages(root: string = distDir): BuiltPage[] {
	return listPages(root).filter((page) => page.file !== '404.html');
}

/** Read one file of the build as text. */
export function readDistFile(file: string, root: string = distDir): string {
	return readFileSync(join(root, file), 'utf8');
}

/** Parse one built page (with positions, so reports can give lines). */
export function parsePage(file: string, root: string = distDir): Root {
	return fromHtml(readDistFile(file, root), { verbose: false });
}

/** Index every page and file of a build (ids and links). */
export function loadDistIndex(root: string = distDir): DistIndex {
	const pages = listPages(root).map(({ file }) => ({ file, tree: parsePage(file, root) }));
	return buildDistIndex(pages, listFiles(root));
}

/** Path relative to the project root, for messages. */
export function fromProjectRoot(path: string): string {
	return relative(projectRoot, path) || '.';
}

let origin: Promise<string> | undefined;

/**
 * The origin the site is published at, from Astro's `site` option, so that
 * absolute links to it (canonical, `og:url`) count as internal.
 */
export function siteOrigin(): Promise<string> {
	origin ??= import('../../astro.config.mjs').then(({ default: config }) => {
		if (typeof config.site !== 'string') throw new Error('astro.config.mjs: `site` is not set; the link checks need it');
		return new URL(config.site).origin;
	});
	return origin;
}
