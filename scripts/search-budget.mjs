// Search budgets, measured in Chromium on the built site (`npm run build` first):
// bytes transferred by the first search (budget 150 KB) and by a later one (30 KB),
// and keystroke-to-rendered-results time with the index warm (100 ms).
// Prints figures; asserts nothing. Usage: npm run search:budget [-- dist-dir]
//
// The build is served the way a static host serves it: text (HTML, JS, CSS, JSON)
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
	response.writeHead(200, { 'content-type': types[type] ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
	(gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file)).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Bytes on the wire (headers and body) per request, keyed by request id, via the DevTools protocol. */
async function recorder(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const urls = new Map();
	let log = [];
	cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
	cdp.on('Network.loadingFinished', (event) => log.push({ url: urls.get(event.requestId), bytes: event.encodedDataLength }));
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
	const network = await recorder(page);

	// A reader on a reading page: nothing of search is loaded yet.
	await page.goto(`${origin}/commentaries/lankov-nbr-interview/`, { waitUntil: 'networkidle' });
	const reading = network.take();
	const early = reading.filter((entry) => new URL(entry.url).pathname.startsWith('/pagefind/'));
	console.log(`Reading page: ${reading.length} requests, ${kb(sum(reading))}; under /pagefind/: ${early.length}`);

	// First search: open search (the `/` key) and type a query.
	await page.keyboard.press('/');
	await page.waitForSelector('html[data-search-ready]');
	const opening = network.take();
	await page.fill('#search-input', 'sanctions');
	await page.waitForFunction(() => document.querySelector('[data-search-results]')?.dataset.searchShown === location.pathname + location.search && location.search.includes('sanctions'));
	await page.waitForLoadState('networkidle');
	const first = [...opening, ...network.take()];
	const html = first.filter((entry) => new URL(entry.url).pathname === '/search/');
	const searchBytes = first.filter((entry) => !html.includes(entry));
	console.log(`\nFirst search ("sanctions"), from the reading page: ${kb(sum(searchBytes))} (budget 150 KB), plus the search page’s HTML ${kb(sum(html))}`);
	for (const entry of searchBytes.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kb(entry.bytes).padStart(9)}  ${new URL(entry.url).pathname}`);

	// A later search.
	await page.fill('#search-input', 'labour');
	await page.waitForFunction(() => document.querySelector('[data-search-results]')?.dataset.searchShown?.includes('labour'));
	await page.waitForLoadState('networkidle');
	const later = network.take();
	console.log(`\nLater search ("labour"): ${kb(sum(later))} in ${later.length} requests (budget 30 KB)`);

	// Keystroke to rendered results, index warm: type a word's last letter, time until its results are on screen.
	const words = ['Putin', 'treaty', 'munitions', 'Article 8', 'Ukraine', 'missile', 'China', 'labour', 'alliance', 'sanction'];
	const times = [];
	for (const word of words) {
		await page.fill('#search-input', word.slice(0, -1));
		await page.waitForFunction((q) => document.querySelector('[data-search-results]')?.dataset.searchShown === `/search/?${new URLSearchParams({ q })}`, word.slice(0, -1));
		await page.waitForLoadState('networkidle');
		const elapsed = await page.evaluate(async (last) => {
			const box = document.querySelector('[data-search-results]');
			const input = document.querySelector('#search-input');
			const done = new Promise((resolve) => {
				const observer = new MutationObserver(() => {
					if (box.dataset.searchShown === location.pathname + location.search && location.search.length > 0 && input.value.endsWith(last)) {
						observer.disconnect();
						requestAnimationFrame(() => resolve(performance.now()));
					}
				});
				observer.observe(box, { attributes: true, attributeFilter: ['data-search-shown'] });
			});
			const start = performance.now();
			input.value += last;
			input.dispatchEvent(new InputEvent('input', { bubbles: true, data: last, inputType: 'insertText' }));
			return (await done) - start;
		}, word.slice(-1));
		times.push(elapsed);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	console.log(`\nKeystroke to rendered results, index warm (${times.length} queries, 30 ms input debounce included): median ${median.toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (budget 100 ms)`);
	await context.close();
} finally {
	await browser.close();
	server.close();
}
