/**
 * What a built site weighs: files and bytes, the Pagefind bundle, pages per
 * type with their gzipped HTML and the gzipped CSS and JavaScript each page
 * loads (stylesheets, scripts and module preloads it names, and the static
 * imports of those scripts; on-demand imports such as search are not counted).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Every file under a folder, relative, `/`-separated.
 *
 * @param {string} root
 * @returns {string[]}
 */
export function listFiles(root) {
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.map((entry) => entry.split(sep).join('/'))
		.filter((entry) => statSync(join(root, entry)).isFile());
}

/**
 * The kind of page a built HTML file is, from its path.
 *
 * @param {string} file `commentaries/x/index.html`
 * @returns {string}
 */
export function pageType(file) {
	const path = `/${file.replace(/index\.html$/, '')}`;
	if (path === '/') return 'home';
	if (path === '/404.html') return '404';
	if (/^\/c\/[^/]+\/$/.test(path)) return 'share';
	if (/^\/commentaries\/[^/]+\/sentences\/$/.test(path)) return 'sentences';
	if (/^\/commentaries\/[^/]+\/$/.test(path)) return 'reading';
	const [first, second] = path.split('/').filter(Boolean);
	return second ? `${first} (one)` : (first ?? 'other');
}

/**
 * What a file of `dist/` is, for the breakdown of its bytes: the kinds that
 * grow with the sentences (share pages and cards, the data files written per
 * sentence or per commentary) apart, the rest by page type.
 *
 * @param {string} file `c/c-0123456789.png`
 * @returns {string}
 */
export function fileKind(file) {
	if (/^c\/[^/]+\/index\.html$/.test(file)) return 'share pages';
	if (/^c\/[^/]+\.png$/.test(file)) return 'share cards';
	if (file === 'data/annotations.jsonld') return 'Web Annotations file';
	if (file.startsWith('data/related/')) return 'related-claims files';
	if (file.startsWith('data/citations/')) return 'citations files';
	if (file === 'data/corpus.json') return 'corpus.json';
	if (file.startsWith('data/')) return 'other data files';
	if (file.startsWith('pagefind/')) return 'Pagefind';
	// The compare page fetches its columns as parts (`compare/parts/<slug>.htm`).
	if (file.startsWith('compare/')) return 'compare page and parts';
	if (file.endsWith('.html')) {
		const type = pageType(file);
		if (type === 'reading' || type === 'sentences') return 'reading and sentences pages';
		if (type.startsWith('actors')) return 'actor pages';
	}
	return 'other pages and assets';
}

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

/**
 * Measure a built site.
 *
 * @param {string} dist
 * @returns {Record<string, unknown>}
 */
export function measureDist(dist) {
	const files = listFiles(dist);
	// Bytes, not disk blocks: most files are small and `du` would round each up to a block.
	let bytes = 0;
	/** @type {Map<string, { files: number, bytes: number }>} */
	const kinds = new Map();
	for (const file of files) {
		const size = statSync(join(dist, file)).size;
		bytes += size;
		const kind = fileKind(file);
		const entry = kinds.get(kind) ?? { files: 0, bytes: 0 };
		entry.files++;
		entry.bytes += size;
		kinds.set(kind, entry);
	}
	const pagefind = files.filter((file) => file.startsWith('pagefind/'));
	const pagefindBytes = pagefind.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
	const pages = files.filter((file) => file.endsWith('.html'));
	const cards = files.filter((file) => /^c\/[^/]+\.png$/.test(file));

	/** Gzipped size of an asset and (for scripts) its static imports, each counted once per page. */
	const assetSize = new Map();
	const sizeOf = (file) => {
		if (!assetSize.has(file)) assetSize.set(file, existsSync(join(dist, file)) ? gz(readFileSync(join(dist, file))) : 0);
		return assetSize.get(file);
	};
	const importsOf = (file, seen) => {
		if (seen.has(file) || !existsSync(join(dist, file))) return;
		seen.add(file);
		const text = readFileSync(join(dist, file), 'utf8');
		for (const match of text.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
			const target = match[1].startsWith('/') ? match[1].slice(1) : posix.normalize(posix.join(posix.dirname(file), match[1]));
			importsOf(target, seen);
		}
	};
	/** @type {Map<string, { count: number, html: number[], css: number[], js: number[] }>} */
	const types = new Map();
	for (const file of pages) {
		const html = readFileSync(join(dist, file));
		const text = html.toString('utf8');
		const local = (href) => {
			const path = href.replace(/^https?:\/\/[^/]+/, '').split(/[?#]/)[0];
			// Under a base (`/reader/`), assets still live at the top of dist/.
			const trimmed = path.replace(/^\/(?:[^/]+\/)*?(_astro\/)/, '$1').replace(/^\//, '');
			return trimmed;
		};
		const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]));
		const scripts = new Set();
		for (const match of text.matchAll(/<script\b[^>]*src="([^"]+)"/g)) importsOf(local(match[1]), scripts);
		for (const match of text.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) importsOf(local(match[1]), scripts);
		const type = pageType(file);
		const entry = types.get(type) ?? { count: 0, html: [], css: [], js: [] };
		entry.count++;
		entry.html.push(gz(html));
		entry.css.push(css.reduce((sum, item) => sum + sizeOf(item), 0));
		entry.js.push([...scripts].reduce((sum, item) => sum + sizeOf(item), 0));
		types.set(type, entry);
	}
	const median = (values) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
	};
	const perType = Object.fromEntries(
		[...types.entries()]
			.sort((a, b) => b[1].count - a[1].count)
			.map(([type, entry]) => [
				type,
				{
					pages: entry.count,
					htmlGzMedian: median(entry.html),
					htmlGzMax: Math.max(...entry.html),
					cssGz: Math.max(...entry.css),
					jsGz: Math.max(...entry.js),
				},
			]),
	);
	const cardBytes = cards.map((file) => statSync(join(dist, file)).size);
	return {
		files: files.length,
		bytes,
		pages: pages.length,
		sharePages: types.get('share')?.count ?? 0,
		cards: cards.length,
		cardBytesMedian: median(cardBytes),
		cardBytesMax: cardBytes.length ? Math.max(...cardBytes) : 0,
		pagefindFiles: pagefind.length,
		pagefindBytes,
		perKind: Object.fromEntries([...kinds.entries()].sort((a, b) => b[1].bytes - a[1].bytes)),
		perType,
	};
}
