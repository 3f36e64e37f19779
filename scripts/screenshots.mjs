// Screenshots of built pages for review: every page type at 1280 px and
// 360 px, light and dark. Usage: npx node scripts/screenshots.mjs [outdir] [path…]
// Needs a running preview (`npm run preview`, or BASE_URL) and Debian's chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ['/', '/commentaries/lankov-nbr-interview/', '/articles/', '/articles/4/', '/actors/', '/actors/russia/', '/timeline/', '/nope/'];
mkdirSync(outDir, { recursive: true });

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4321/';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
	for (const width of [1280, 360]) {
		for (const colorScheme of ['light', 'dark']) {
			const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
			const page = await context.newPage();
			for (const path of pages) {
				await page.goto(new URL(path, base).href);
				const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${colorScheme}.png`;
				await page.screenshot({ path: join(outDir, name), fullPage: process.env.FULL_PAGE !== '0' });
				console.log(join(outDir, name));
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
}
