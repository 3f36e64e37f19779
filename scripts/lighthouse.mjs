/**
 * `npm run lighthouse`: Lighthouse scores of one page of each type, mobile and desktop.
 *
 *   npm run lighthouse                      every page type, 3 runs each, the median
 *   npm run lighthouse -- --runs 1          one run per page (quicker, noisier)
 *   npm run lighthouse -- --only /compare/  only the pages whose path contains the text
 *   npm run lighthouse -- --json out.json   also write every median as JSON
 *
 * It serves dist/ (run `npm run build` first) from a small static server on
 * 127.0.0.1 and a free port, with gzip as any static host has, and runs
 * Lighthouse's Node API in Debian's Chromium (`/usr/bin/chromium`, or
 * $CHROMIUM_PATH; it never downloads a browser) with Lighthouse's mobile
 * preset (simulated slow 4G and a 4× slower CPU) and its desktop preset.
 * Each page is run several times and the median run (by performance score)
 * is printed: performance, accessibility, best practices and SEO scores, and
 * CLS, LCP and TBT. It is a measurement, like `npm run bench`: it exits
 * non-zero only when the build is missing or Lighthouse cannot run, never on a
 * score. The machine's other load moves the figures; compare runs made together.
 */
import { createReadStream, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const root = fileURLToPath(new URL('../', import.meta.url));
const distDir = normalize(process.env.DIST_DIR ?? join(root, 'dist'));

/** Command-line options. */
function parseArgs(argv) {
	const options = { runs: 3, only: undefined, json: undefined };
	for (let index = 0; index < argv.length; index += 1) {
		const name = argv[index];
		const value = argv[index + 1];
		if (name === '--runs') options.runs = Math.max(1, Number.parseInt(value ?? '3', 10) || 3);
		else if (name === '--only') options.only = value;
		else if (name === '--json') options.json = value;
		else throw new Error(`lighthouse: unknown option ${name} (known: --runs N, --only TEXT, --json FILE)`);
		index += 1;
	}
	return options;
}

/** The first directory (in name order) under `dir` that holds an index.html, as a site path. */
function firstPage(dir, filter = () => true) {
	const names = readdirSync(join(distDir, dir), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && filter(entry.name) && existsSync(join(distDir, dir, entry.name, 'index.html')))
		.map((entry) => entry.name)
		.sort();
	if (names.length === 0) throw new Error(`lighthouse: dist/${dir}/ holds no page; build the site first`);
	return `/${dir}/${names[0]}/`;
}

/** One page of each type, found in the build so the list follows the content. */
function pageTypes() {
	const reading = firstPage('commentaries');
	const slugs = readdirSync(join(distDir, 'commentaries'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	const pairs = readdirSync(join(distDir, 'compare'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name.includes('--'));
	return [
		['home', '/'],
		['commentaries', '/commentaries/'],
		['reading', reading],
		['sentences', `${reading}sentences/`],
		['articles', '/articles/'],
		['article 4', '/articles/4/'],
		['actors', '/actors/'],
		['actor', firstPage('actors')],
		['compare', '/compare/'],
		...(pairs.length > 0 ? [['compare pair', firstPage('compare', (name) => name.includes('--'))]] : []),
		// The script assembles any choice of up to three on the chooser's address.
		...(slugs.length >= 3 ? [['compare triple', `/compare/?c=${slugs.slice(0, 3).join(',')}`]] : []),
		['timeline', '/timeline/'],
		['search', '/search/?q=article%204'],
		['share', firstPage('c')],
		['data', '/data/'],
		['about', '/about/'],
		// Lighthouse refuses a page served with status 404, so the not-found page is measured at its own file.
		['404', '/404.html'],
	];
}

const contentTypes = {
	'.html': 'text/html; charset=utf-8',
	'.htm': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.jsonld': 'application/ld+json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.htm', '.css', '.js', '.json', '.jsonld', '.xml', '.txt', '.csv', '.svg']);

/** Serve dist/ like a static host: directory index, the 404 page with status 404, gzip for text. */
function serve() {
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		let file = normalize(join(distDir, decodeURIComponent(url.pathname)));
		if (!file.startsWith(distDir + sep) && file !== distDir) file = join(distDir, '404.html');
		let status = 200;
		let info = existsSync(file) ? statSync(file) : undefined;
		if (info?.isDirectory()) {
			file = join(file, 'index.html');
			info = existsSync(file) ? statSync(file) : undefined;
		}
		if (!info?.isFile()) {
			file = join(distDir, '404.html');
			status = 404;
		}
		const type = extname(file).toLowerCase();
		const gzip = compressible.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		response.writeHead(status, {
			'content-type': contentTypes[type] ?? 'application/octet-stream',
			'cache-control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
			...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
		});
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip()) : stream).pipe(response);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The median of a list of runs, by performance score. */
function median(runs) {
	const sorted = [...runs].sort((a, b) => a.performance - b.performance);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The figures this report prints, from one Lighthouse result. */
function figures(lhr) {
	const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		cls: audit('cumulative-layout-shift'),
		lcp: audit('largest-contentful-paint'),
		tbt: audit('total-blocking-time'),
		fcp: audit('first-contentful-paint'),
	};
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(join(distDir, 'index.html'))) {
	console.error(`lighthouse: no build in ${distDir}; run npm run build first`);
	process.exit(1);
}
const pages = pageTypes().filter(([, path]) => options.only === undefined || path.includes(options.only));
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({
	chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const results = [];
try {
	for (const formFactor of ['mobile', 'desktop']) {
		const config = formFactor === 'desktop' ? desktopConfig : undefined;
		for (const [type, path] of pages) {
			const runs = [];
			for (let run = 0; run < options.runs; run += 1) {
				const result = await lighthouse(
					`${origin}${path}`,
					{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
					config,
				);
				if (!result?.lhr) throw new Error(`lighthouse: no result for ${path}`);
				if (result.lhr.runtimeError) throw new Error(`lighthouse: ${path}: ${result.lhr.runtimeError.message}`);
				runs.push(figures(result.lhr));
			}
			const row = { formFactor, type, path, ...median(runs), runs: runs.map((run) => run.performance) };
			results.push(row);
			console.error(`${formFactor} ${path}: performance ${row.performance} (runs ${row.runs.join(', ')})`);
		}
	}
} finally {
	await chrome.kill();
	server.close();
}

const header = ['form', 'page', 'path', 'perf', 'a11y', 'best', 'seo', 'CLS', 'LCP ms', 'TBT ms', 'perf runs'];
const rows = results.map((row) => [
	row.formFactor,
	row.type,
	row.path,
	String(row.performance),
	String(row.accessibility),
	String(row.bestPractices),
	String(row.seo),
	row.cls.toFixed(3),
	String(Math.round(row.lcp)),
	String(Math.round(row.tbt)),
	row.runs.join('/'),
]);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const under = results.filter((row) => row.performance < 95);
console.log(`\n${under.length === 0 ? 'Every page type scores 95 or more.' : `Under 95: ${under.map((row) => `${row.formFactor} ${row.path} (${row.performance})`).join(', ')}`}`);
if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, '\t')}\n`);
