// Search budgets, measured in Chromium on the built site (`npm run build` first):
// bytes transferred by the first search (budget 150 KB) and by a later one (30 KB),
// and keystroke-to-rendered-results time with the index warm (100 ms).
// Prints figures; asserts nothing. Usage: npm run search:budget [-- dist-dir]
//
// The build is served the way a static host serves it, cacheable, with text (HTML, JS, CSS, JSON)
// gzip-compressed, Pagefind's index files as they are (already compressed).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = process.argv[2] ?? 'dist';
if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) {
	console.error(`No search index in ${root}/pagefind: run \`npm run build\` first.`);
	process.exit(1);
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg']);

const server = createServer((request, response) => {
	let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
	if (path.endsWith('/')) path += 'index.html';
	const file = join(root, path);
	if (!file.startsWith(normalize(root)) || !existsSync(file) || statSync(file).isDirectory()) {
		response.writeHead(404).end();
		return;
	}
	const type = extname(file);
	const gzip = compressible.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
	response.writeHead(200, { 'content-type': types[type] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
	(gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file)).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/**
 * Bytes on the wire (response headers and encoded body) per request, Pagefind's
 * web worker included (Playwright reports a dedicated worker's requests with
 * the page's).
 */
function recorder(page) {
	let log = [];
	page.on('requestfinished', async (request) => {
		const sizes = await request.sizes();
		log.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
	});
	return {
		take() {
			const taken = log;
			log = [];
			return taken;
		},
	};
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (entries) => entries.reduce((total, entry) => total + entry.bytes, 0);

try {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const network = recorder(page);
	page.on('console', (message) => message.type() === 'error' && console.error(`console: ${message.text()}`));
	page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

	// A reader on a reading page: nothing of search is loaded yet.
	await page.goto(`${origin}/commentaries/lankov-nbr-interview/`, { waitUntil: 'networkidle' });
	const reading = network.take();
	const early = reading.filter((entry) => new URL(entry.url).pathname.startsWith('/pagefind/'));
	console.log(`Reading page: ${reading.length} requests, ${kb(sum(reading))}; under /pagefind/: ${early.length}`);

	// First search: open search (the `/` key opens its dialog), type a query and press Enter.
	await page.keyboard.press('/');
	await page.keyboard.type('sanctions');
	await page.keyboard.press('Enter');
	await page.waitForSelector('html[data-search-ready]');
	const opening = network.take();
	await page.waitForFunction(() => document.querySelector('[data-search-results]')?.dataset.searchShown === location.pathname + location.search && location.search.includes('sanctions'));
	await page.waitForLoadState('networkidle');
	const first = [...opening, ...network.take()];
	const html = first.filter((entry) => new URL(entry.url).pathname === '/search/');
	const searchBytes = first.filter((entry) => !html.includes(entry));
	console.log(`\nFirst search ("sanctions"), from the reading page: ${kb(sum(searchBytes))} (budget 150 KB), plus the search page’s HTML ${kb(sum(html))}`);
	const fragments = searchBytes.filter((entry) => new URL(entry.url).pathname.includes('/fragment/'));
	for (const entry of searchBytes.filter((item) => !fragments.includes(item)).sort((a, b) => b.bytes - a.bytes)) {
		console.log(`  ${kb(entry.bytes).padStart(9)}  ${new URL(entry.url).pathname}`);
	}
	console.log(`  ${kb(sum(fragments)).padStart(9)}  ${fragments.length} result fragments under /pagefind/fragment/`);
	const searchOnly = searchBytes.filter((entry) => /^\/(pagefind|search)\//.test(new URL(entry.url).pathname) || entry.url.includes('search'));
	console.log(`  of which search itself (Pagefind, vocabulary, search script): ${kb(sum(searchOnly))}`);

	// A later search.
	await page.fill('#search-input', 'labour');
	await page.waitForFunction(() => document.querySelector('[data-search-results]')?.dataset.searchShown?.includes('labour'));
	await page.waitForLoadState('networkidle');
	const later = network.take();
	console.log(`\nLater search ("labour"): ${kb(sum(later))} in ${later.length} requests (budget 30 KB)`);
	for (const entry of later.sort((a, b) => b.bytes - a.bytes).slice(0, 3)) console.log(`  ${kb(entry.bytes).padStart(9)}  ${new URL(entry.url).pathname}`);

	// Keystroke to rendered results, index warm: press a word's last letter and time, in the page, from the
	// keydown to the frame after its results are in the document.
	const words = ['Putin', 'treaty', 'munitions', 'Article 8', 'Ukraine', 'missile', 'China', 'labour', 'alliance', 'sanction'];
	const times = [];
	const showing = (q) =>
		page.waitForFunction(
			(query) =>
				document.querySelector('[data-search-results]')?.dataset.searchShown === location.pathname + location.search &&
				new URLSearchParams(location.search).get('q') === query.trim(),
			q,
		);
	for (const word of words) {
		await page.fill('#search-input', word.slice(0, -1));
		await showing(word.slice(0, -1)).catch(async (error) => {
			console.error(await page.evaluate(() => [document.querySelector('[data-search-results]')?.dataset.searchShown, location.href, document.querySelector('#search-input').value]));
			throw error;
		});
		await page.waitForLoadState('networkidle');
		await page.evaluate((query) => {
			const box = document.querySelector('[data-search-results]');
			window.searchBudgetTiming = new Promise((resolve) => {
				let pressed = 0;
				document.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
				const observer = new MutationObserver(() => {
					if (new URLSearchParams(location.search).get('q') !== query.trim() || box.dataset.searchShown !== location.pathname + location.search) return;
					observer.disconnect();
					requestAnimationFrame(() => resolve(performance.now() - pressed));
				});
				observer.observe(box, { attributes: true, attributeFilter: ['data-search-shown'] });
			});
		}, word);
		await page.keyboard.press(word.slice(-1));
		const measured = page.evaluate(() => window.searchBudgetTiming);
		times.push(await measured);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	console.log(`\nKeystroke to rendered results, index warm (${times.length} queries, the input debounce included): median ${median.toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (budget 100 ms)`);
	await context.close();
} finally {
	await browser.close();
	server.close();
}
