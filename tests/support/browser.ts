/**
 * Chromium for the browser tests: Debian's `chromium` driven by
 * playwright-core (never a downloaded browser), one browser per test worker
 * (shared by the files the worker runs), pages reused between visits.
 *
 * @example
 *   const site = useSite();
 *   it('should show the actors', async () => {
 *     await site.open('/actors/', async (page, report) => {
 *       expect(report.status).toBe(200);
 *       expect(await page.locator('h1').textContent()).toBe('Actors');
 *     }, { colorScheme: 'dark' });
 *   });
 */
import { accessSync, constants } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { serveDist, type StaticServer } from './server';

/** Where Chromium is: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
	return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Flags for a quiet, offline, reproducible headless Chromium: no GPU, no
 * QUIC, no background or update traffic, no first-run UI. `--no-sandbox`
 * because CI runs as root in a container.
 */
export const chromiumArgs: readonly string[] = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Offline by construction: every host but the local server fails to
	// resolve, so a stray request to another origin can never reach the network
	// (and costs nothing, unlike intercepting every request from Node).
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Launch Chromium. Playwright gives every launch a fresh temporary profile
 * (user-data-dir) and deletes it on close, so runs never share state.
 */
export async function launchChromium(): Promise<Browser> {
	const executablePath = chromiumPath();
	try {
		accessSync(executablePath, constants.X_OK);
	} catch {
		throw new Error(
			`Chromium not found at ${executablePath}: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	return chromium.launch({ executablePath, headless: true, args: [...chromiumArgs] });
}

let shared: Promise<Browser> | undefined;

/**
 * The worker's Chromium, launched on first use and shared by every test file
 * the worker runs (the browser project does not isolate files). Playwright
 * closes it when the worker exits; a browser that crashed is replaced.
 */
function sharedChromium(): Promise<Browser> {
	if (shared === undefined) {
		const launching = launchChromium();
		const forget = () => {
			if (shared === launching) shared = undefined;
		};
		shared = launching;
		launching.then((browser) => browser.on('disconnected', forget), forget);
	}
	return shared;
}

/** How to show a page. */
export interface PageOptions {
	/** `prefers-color-scheme` (default: `'light'`). */
	colorScheme?: 'light' | 'dark';
	/** Viewport in CSS pixels (default: 1280 × 800). */
	viewport?: { width: number; height: number };
	/** `prefers-reduced-motion` (default: `'no-preference'`). */
	reducedMotion?: 'reduce' | 'no-preference';
}

/** What happened while a page was open; the arrays keep filling while `fn` runs. */
export interface PageReport {
	/** The main document's response (`null` only if navigation produced none). */
	response: Response | null;
	/** Its HTTP status (0 without a response). */
	status: number;
	/** `console.error` messages and uncaught exceptions, with their location. */
	consoleErrors: string[];
	/** Every request to another origin (none reaches the network: see {@link chromiumArgs}). */
	foreignRequests: string[];
	/** Same-origin requests that failed or answered 4xx/5xx, other than the main document. */
	failedRequests: string[];
}

/** A page with its listeners, which write into whatever report is current. */
interface TrackedPage {
	page: Page;
	close(): Promise<void>;
	/** Start a new report for the next navigation. */
	reset(): PageReport;
}

function emptyReport(): PageReport {
	return { response: null, status: 0, consoleErrors: [], foreignRequests: [], failedRequests: [] };
}

/** Open a page in a new context and track what it does. */
async function openTrackedPage(browser: Browser, origin: string, options: PageOptions): Promise<TrackedPage> {
	const context = await browser.newContext({
		colorScheme: options.colorScheme ?? 'light',
		reducedMotion: options.reducedMotion ?? 'no-preference',
		viewport: options.viewport ?? defaultViewport,
		serviceWorkers: 'block',
	});
	const page = await context.newPage();
	// Every page carries a strict Content-Security-Policy: report each violation as a console error.
	await page.addInitScript(reportPolicyViolations);
	let report = emptyReport();
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const { url: at, lineNumber } = message.location();
		report.consoleErrors.push(`${message.text()}${at ? ` (${at}:${lineNumber + 1})` : ''}`);
	});
	page.on('pageerror', (error) => report.consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
	page.on('request', (request) => {
		if (isForeign(request.url(), origin)) report.foreignRequests.push(`${request.resourceType()} ${request.url()}`);
	});
	page.on('requestfailed', (request) => {
		if (isForeign(request.url(), origin)) return;
		report.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
	});
	page.on('response', (response) => {
		// The main document's status is the test's business (the 404 page answers 404 on purpose).
		if (response.request().isNavigationRequest() && response.request().frame() === page.mainFrame()) return;
		if (response.status() >= 400 && !isForeign(response.url(), origin)) {
			report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
		}
	});
	return {
		page,
		close: () => context.close(),
		reset: () => (report = emptyReport()),
	};
}

const defaultViewport = { width: 1280, height: 800 };

/**
 * Runs in the page before its scripts: a blocked script, style, image or
 * fetch becomes a console error, which fails the tests that check them.
 */
export function reportPolicyViolations(): void {
	document.addEventListener('securitypolicyviolation', (event) => {
		console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
	});
}

/** Navigate a tracked page and run `fn` on it. */
async function visit<T>(
	tracked: TrackedPage,
	url: string,
	fn: (page: Page, report: PageReport) => Promise<T>,
): Promise<T> {
	const report = tracked.reset();
	report.response = await tracked.page.goto(url, { waitUntil: 'load' });
	report.status = report.response?.status() ?? 0;
	return fn(tracked.page, report);
}

/**
 * Open `url` in a fresh context of `browser`, run `fn`, then close the
 * context whatever happens.
 */
export async function withPage<T>(
	browser: Browser,
	url: string,
	fn: (page: Page, report: PageReport) => Promise<T>,
	options: PageOptions = {},
): Promise<T> {
	const tracked = await openTrackedPage(browser, new URL(url).origin, options);
	try {
		return await visit(tracked, url, fn);
	} finally {
		await tracked.close();
	}
}

/** Whether a request leaves the site (`data:` and `blob:` URLs stay local). */
function isForeign(url: string, origin: string): boolean {
	const target = new URL(url);
	return target.protocol !== 'data:' && target.protocol !== 'blob:' && target.origin !== origin;
}

/** Options of {@link SiteFixture.open}. */
export interface OpenOptions extends PageOptions {
	/**
	 * Use a new browser context just for this visit (default: `false`). By
	 * default pages are reused between visits (after a trip to `about:blank`),
	 * which is about twice as fast; ask for a fresh one when a test sets
	 * cookies or storage, or changes the page in ways that must not leak.
	 */
	fresh?: boolean;
}

/** A served build and a browser, shared by the tests of one file. */
export interface SiteFixture {
	/** The browser (available inside tests, after `beforeAll`). */
	readonly browser: Browser;
	/** The static server over `dist/`. */
	readonly server: StaticServer;
	/** Absolute URL of a site path. */
	url(path: string): string;
	/**
	 * Load a site path and run `fn` on the page; the page is released when
	 * `fn` settles. Safe to call from concurrent tests.
	 */
	open<T>(path: string, fn: (page: Page, report: PageReport) => Promise<T>, options?: OpenOptions): Promise<T>;
}

/**
 * Serve `dist/` for the calling test file and take the worker's Chromium (in
 * `beforeAll`); after its last test, close the file's pages and the server.
 *
 * @param options `root`: directory to serve (default: `dist/`, or `$DIST_DIR`).
 */
export function useSite(options: { root?: string } = {}): SiteFixture {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	const idle: TrackedPage[] = [];
	const all: TrackedPage[] = [];

	beforeAll(async () => {
		server = await serveDist(options.root === undefined ? {} : { root: options.root });
		browser = await sharedChromium();
	}, 60_000);

	afterAll(async () => {
		await Promise.allSettled(all.map((tracked) => tracked.close()));
		await server?.close();
	});

	const fixture: SiteFixture = {
		get browser() {
			if (browser === undefined) throw new Error('useSite(): the browser is only available inside tests');
			return browser;
		},
		get server() {
			if (server === undefined) throw new Error('useSite(): the server is only available inside tests');
			return server;
		},
		url: (path) => fixture.server.url(path),
		async open(path, fn, openOptions = {}) {
			if (openOptions.fresh) return withPage(fixture.browser, fixture.url(path), fn, openOptions);
			let tracked = idle.pop();
			if (tracked === undefined) {
				tracked = await openTrackedPage(fixture.browser, fixture.server.origin, {});
				all.push(tracked);
			}
			let reusable = false;
			try {
				await tracked.page.setViewportSize(openOptions.viewport ?? defaultViewport);
				await tracked.page.emulateMedia({
					colorScheme: openOptions.colorScheme ?? 'light',
					reducedMotion: openOptions.reducedMotion ?? 'no-preference',
				});
				const result = await visit(tracked, fixture.url(path), fn);
				// Leave the page so its late events cannot reach the next visit's report.
				await tracked.page.goto('about:blank');
				reusable = true;
				return result;
			} finally {
				if (reusable) idle.push(tracked);
				else {
					all.splice(all.indexOf(tracked), 1);
					await tracked.close().catch(() => undefined);
				}
			}
		},
	};
	return fixture;
}

/** A window width and the colour scheme a layout check runs it in. */
export interface WidthInScheme<W extends number = number> {
	width: W;
	colorScheme: 'light' | 'dark';
}

/**
 * Each width once, with the light and the dark scheme taken in turn, for the
 * checks of layout and behaviour (boxes, overlaps, columns, focus, copy
 * buttons). The dark scheme changes colours and nothing else: one block of
 * colour values, and no script reads the scheme (tests/dist/colour-scheme.test.ts
 * fails the build otherwise). So a layout check run in both schemes at one
 * width gives one verdict twice; taken in turn, every width is still checked
 * and each template still loads in both schemes. Colours are axe's business
 * ({@link import('./axe').axeBothSchemes}).
 *
 * @param widths The widths, in the order the tests should run.
 * @param first The scheme of the first width (default: `'light'`).
 */
export function widthsInTurn<W extends number>(widths: readonly W[], first: 'light' | 'dark' = 'light'): WidthInScheme<W>[] {
	const other = first === 'light' ? 'dark' : 'light';
	return widths.map((width, index) => ({ width, colorScheme: index % 2 === 0 ? first : other }));
}
