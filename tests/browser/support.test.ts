/**
 * The browser-test helpers themselves, on a fixture site: the static server
 * behaves like a static host, and a visit reports console errors and
 * requests to other origins (which never leave the machine); axe's
 * contrast check on a sample of colour contexts finds what it finds on every
 * element.
 */
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, useSite } from '../support/browser';
import { serveDist } from '../support/server';
import { axeTags, runAxeWithStats, type AxeOutcome } from '../support/axe';

const root = fileURLToPath(new URL('../fixtures/browser-site/', import.meta.url));

describe('test support: static server', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/server')).sort()).toEqual(['contentTypes', 'serveDist']);
		expect(Object.keys(await import('../support/browser')).sort()).toEqual([
			'chromiumArgs',
			'chromiumPath',
			'launchChromium',
			'reportPolicyViolations',
			'useSite',
			'widthsInTurn',
			'withPage',
		]);
	});

	it('should give each width one colour scheme, light and dark in turn', async () => {
		const { widthsInTurn } = await import('../support/browser');
		expect(widthsInTurn([1280, 1440, 1920, 360])).toEqual([
			{ width: 1280, colorScheme: 'light' },
			{ width: 1440, colorScheme: 'dark' },
			{ width: 1920, colorScheme: 'light' },
			{ width: 360, colorScheme: 'dark' },
		]);
		expect(widthsInTurn([1280, 360], 'dark').map((entry) => entry.colorScheme)).toEqual(['dark', 'light']);
	});

	it.each([
		['/', 200, 'text/html; charset=utf-8'],
		['/sub/', 200, 'text/html; charset=utf-8'],
		['/app.js', 200, 'text/javascript; charset=utf-8'],
		['/module.wasm', 200, 'application/wasm'],
		['/wasm.en.pagefind', 200, 'application/octet-stream'],
		['/nope/', 404, 'text/html; charset=utf-8'],
	])('should answer %s with %i and %s', async (path, status, type) => {
		const server = await serveDist({ root });
		try {
			const response = await fetch(server.url(path), { redirect: 'manual' });
			expect(response.status).toBe(status);
			expect(response.headers.get('content-type')).toBe(type);
			if (status === 404) expect(await response.text()).toContain('<title>Not found</title>');
		} finally {
			await server.close();
		}
	});

	it.each(['/../dist-check/index.html', '/%2e%2e/dist-check/index.html', '/sub/..%2f..%2fdist-check/index.html'])(
		'should not serve files outside its root: %s',
		async (path) => {
			const server = await serveDist({ root });
			try {
				// node:http sends the path as written; fetch() would normalise the dots away.
				const status = await new Promise<number | undefined>((resolve, reject) => {
					request(server.url('/'), { path }, (response) => {
						response.resume();
						resolve(response.statusCode);
					})
						.on('error', reject)
						.end();
				});
				expect(status).toBe(404);
			} finally {
				await server.close();
			}
		},
	);

	it('should redirect a directory without its slash, keeping the query', async () => {
		const server = await serveDist({ root });
		try {
			const response = await fetch(server.url('/sub?x=1'), { redirect: 'manual' });
			expect(response.status).toBe(301);
			expect(response.headers.get('location')).toBe('/sub/?x=1');
		} finally {
			await server.close();
		}
	});
});

describe('test support: visiting a page', () => {
	const site = useSite({ root });

	it('should block other origins by flag, not by intercepting', () => {
		expect(chromiumArgs).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1');
	});

	it.each([false, true])('should report console errors and requests to other origins (fresh context: %s)', async (fresh) => {
		const report = await site.open('/', async (_page, report) => report, { fresh });
		expect(report.status).toBe(200);
		expect(report.consoleErrors).toContainEqual(expect.stringContaining('fixture: deliberate console error'));
		expect(report.foreignRequests).toEqual(['image https://images.example/photo.png']);
		expect(report.failedRequests).toEqual([]);
	});

	it('should start each visit with an empty report and the requested colour scheme', async () => {
		await site.open('/', async () => undefined, { colorScheme: 'dark' });
		const { report, dark } = await site.open('/sub/', async (page, report) => ({
			report,
			dark: await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
		}));
		expect(dark).toBe(false);
		expect(report.consoleErrors).toEqual([]);
		expect(report.foreignRequests).toEqual([]);
	});

	it('should give the 404 page its status', async () => {
		const status = await site.open('/missing/', async (page, report) => {
			expect(await page.title()).toBe('Not found');
			return report.status;
		});
		expect(status).toBe(404);
	});
});

describe('test support: axe', () => {
	const site = useSite({ root });

	/** The `data-fails` marks of the elements one axe rule found, sorted. */
	async function ruleFailures(rule: string, outcome: AxeOutcome, page: import('playwright-core').Page): Promise<string[]> {
		const targets = outcome.violations.filter((violation) => violation.id === rule).flatMap((violation) => violation.nodes.map((node) => String(node.target[0])));
		const marks = await page.evaluate((selectors) => selectors.map((selector) => document.querySelector(selector)?.getAttribute('data-fails') ?? `unmarked ${selector}`), targets);
		return marks.sort();
	}
	const contrastFailures = (outcome: AxeOutcome, page: import('playwright-core').Page) => ruleFailures('color-contrast', outcome, page);
	const linkFailures = (outcome: AxeOutcome, page: import('playwright-core').Page) => ruleFailures('link-in-text-block', outcome, page);

	it.each(['light', 'dark'] as const)('should find with a sample of colour contexts every contrast failure axe finds on every element (%s)', async (colorScheme) => {
		await site.open(
			'/contrast/',
			async (page) => {
				const every = await runAxeWithStats(page, axeTags, { contrast: 'every' });
				const sampled = await runAxeWithStats(page, axeTags);
				const planted = (await page.locator('[data-fails]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-fails') ?? ''))).sort();
				expect(planted).toHaveLength(6);
				expect(await contrastFailures(every, page)).toEqual(planted);
				expect(await contrastFailures(sampled, page)).toEqual(planted);
				// Every other rule runs on the whole page either way.
				const others = (outcome: AxeOutcome) => outcome.violations.filter((violation) => violation.id !== 'color-contrast').map((violation) => violation.id).sort();
				expect(others(sampled)).toEqual(others(every));
				expect(others(every)).toContain('image-alt');
				// Only the colour rules, as in the dark scheme (axeBothSchemes): the same contrast failures, no other rule.
				const colour = await runAxeWithStats(page, axeTags, { rules: 'colour' });
				expect(await contrastFailures(colour, page)).toEqual(planted);
				expect(others(colour)).toEqual([]);
				// Sixty claims of one colour context are checked once.
				expect(sampled.contrast?.candidates).toBeGreaterThan(65);
				expect(sampled.contrast?.checked).toBeLessThan(15);
			},
			{ colorScheme },
		);
	});

	it.each(['light', 'dark'] as const)('should find with a sample of link contexts every link-in-text-block failure axe finds on every link (%s)', async (colorScheme) => {
		await site.open(
			'/links/',
			async (page) => {
				const every = await runAxeWithStats(page, axeTags, { links: 'every' });
				const sampled = await runAxeWithStats(page, axeTags);
				const planted = (await page.locator('[data-fails]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-fails') ?? ''))).sort();
				expect(planted).toHaveLength(3);
				expect(await linkFailures(every, page)).toEqual(planted);
				expect(await linkFailures(sampled, page)).toEqual(planted);
				// Every other rule gives the same verdict either way (none fails on this page).
				const others = (outcome: AxeOutcome) => outcome.violations.filter((violation) => violation.id !== 'link-in-text-block').map((violation) => violation.id).sort();
				expect(others(sampled)).toEqual(others(every));
				expect(others(every)).toEqual([]);
				// Only the colour rules, as in the dark scheme: the same failures.
				expect(await linkFailures(await runAxeWithStats(page, axeTags, { rules: 'colour' }), page)).toEqual(planted);
				// Eighty links of one context are checked once.
				expect(sampled.links?.candidates).toBe(85);
				expect(sampled.links?.checked).toBeLessThan(8);
			},
			{ colorScheme },
		);
	});
});
