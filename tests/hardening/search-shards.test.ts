/**
 * The search index in shards (src/features/search/shards.ts): the project
 * built with one shard, and a copy of it built with two commentaries per
 * shard, must let a reader find the same sentences, with the same counts, for
 * words, for each filter alone and for a search without words (reading
 * order), in Chromium with the site's policy. A rebuild with nothing changed
 * copies every shard from the cache instead of indexing it again, and the
 * build split into two processes (`npm run build:shards -- --shards 2`) writes
 * the same site, file for file and byte for byte, cards included: one rebuild
 * proves both, since either command indexes and copies its shards with the
 * same code (scripts/build-shard.ts, as job 1 of 1 or as one of N). `npm run build`
 * itself indexes, draws the cards and writes the Web Annotations only once
 * the astro process has exited: its process tree, sampled while it builds,
 * never holds Pagefind's binary beside Astro.
 *
 * The same copy's builds also show what happens to the `dist/` a build
 * replaces (scripts/build.mjs), which needs a build that succeeds: a full
 * build of its own in failed-build.test.ts before. The sharded build replaces
 * a placeholder `dist/` and keeps it aside, untouched; a last build, which
 * fails (an empty events list), deletes it and keeps the sharded site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, withPage } from '../support/browser.ts';
import { buildCopy, copyProject, PROJECT_ROOT, removeCopy, type BuildResult } from '../support/project-copy.ts';
import { watchTree } from '../../scripts/bench/process-memory.mjs';
import { listFiles } from '../support/dist.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/** The one-shard build draws no cards: only its search is compared. */
const NO_CARDS = { TREATY_READER_SHARE_CARDS: 'off' };
/**
 * The one-shard site: `npm test` sets this variable for the hardening stage when its own build of the project
 * (`npm run build`, one shard by default) has just written `dist/` from the files this file copies, so that build
 * stands for the one-shard site instead of a build of its own. Run alone, the file builds its copy with one shard
 * first.
 */
const FRESH_DIST_VARIABLE = 'TREATY_READER_TEST_FRESH_DIST';
/** Two commentaries per shard: the five commentaries make three shards. */
const SHARDED = { TREATY_READER_SEARCH_SHARD_SIZE: '2' };

/**
 * Run `npm run build:shards` in a copy.
 *
 * @param copy
 *   The copy.
 * @param args
 *   Its arguments.
 * @returns
 *   Exit code and output.
 */
function buildShards(copy: string, args: readonly string[]): Promise<BuildResult> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', 'build:shards', '--', ...args], { cwd: copy, env: { ...process.env, ...SHARDED, NO_COLOR: '1' } });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

/**
 * Every file under a folder, relative to it, sorted.
 *
 * @param dir
 *   The folder.
 */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
		.sort();
}

/** A placeholder site in `dist/` before the sharded build, which replaces it. */
const PREVIOUS = new Map([
	['index.html', '<!doctype html><title>The previous site</title>'],
	['commentaries/x/index.html', '<!doctype html><title>A previous page</title>'],
]);

/** Replaced output kept aside in a copy's root, for the next build to delete. */
function replacedLeft(copy: string): string[] {
	return readdirSync(copy).filter((name) => name.startsWith('.replaced-'));
}

/** Staging folders left in a copy's root. */
function stagingLeft(copy: string): string[] {
	return readdirSync(copy).filter((name) => name.startsWith('.staging-'));
}

/** What a search shows: its status, every hit's link (all batches), and each filter's offered values with counts. */
interface Shown {
	status: string;
	links: string[];
	options: Record<string, string[]>;
}

/**
 * Open a search address, load every batch of results and the filters' totals, and read what is shown.
 *
 * @param page
 *   A page on the search page of the site.
 * @param address
 *   The search's address (`/search/?…`).
 */
async function showSearch(page: Page, address: string): Promise<Shown> {
	await page.goto(new URL(address, page.url()).href);
	await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchShown'] === location.pathname + location.search);
	// Opening the filters loads every value's count over the whole index (all shards).
	await page.click('[data-search-narrow] summary');
	await page.waitForFunction(() => [...document.querySelectorAll('select[data-search-filter]')].some((select) => select.querySelectorAll('option').length > 1));
	// Every shard's totals load once the filters open, and the filters are filled again with them: wait until the
	// requests are done and the options stay the same (a filter read before its second fill showed only “Any”).
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(
		() =>
			new Promise<boolean>((resolve) => {
				const snapshot = () => [...document.querySelectorAll<HTMLOptionElement>('select[data-search-filter] option')].map((option) => `${option.value}=${option.textContent}`).join('|');
				const before = snapshot();
				setTimeout(() => resolve(snapshot() === before), 300);
			}),
		undefined,
		{ polling: 50 },
	);
	return page.evaluate(async () => {
		const box = document.querySelector<HTMLElement>('[data-search-results]')!;
		for (let more = box.querySelector<HTMLButtonElement>('.search-more'); more; more = box.querySelector<HTMLButtonElement>('.search-more')) {
			const before = box.querySelectorAll('.search-group').length;
			more.click();
			await new Promise<void>((resolve) => {
				const check = () => (box.querySelectorAll('.search-group').length > before || !more?.isConnected ? resolve() : requestAnimationFrame(check));
				check();
			});
		}
		const options: Record<string, string[]> = {};
		for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-search-filter]')) {
			options[select.dataset['searchFilter'] ?? ''] = [...select.options].map((option) => `${option.value}=${option.textContent ?? ''}`);
		}
		return {
			status: document.querySelector('[data-search-status]')?.textContent ?? '',
			links: [...box.querySelectorAll<HTMLAnchorElement>('a.search-hit-link')].map((link) => new URL(link.href).pathname + new URL(link.href).hash),
			options,
		};
	});
}

describe('the search index in shards', () => {
	let copy: string;
	/** The one-shard site's folder, and its build when this file made it. */
	let oneRoot: string;
	let one: BuildResult | undefined;
	let sharded: BuildResult;
	let jobs: BuildResult;
	/** The output the sharded build replaced, kept aside, and its files. */
	let aside: string[];
	let asideFiles: string[];
	/** A last build, which fails. */
	let failed: BuildResult;
	/** The commands of the processes under this one, at each sample taken while `sharded` was built. */
	let shardedSamples: string[][];
	let browser: Browser;
	let oneServer: StaticServer;
	let shardedServer: StaticServer;

	beforeAll(async () => {
		copy = copyProject('treaty-search-shards');
		if (process.env[FRESH_DIST_VARIABLE] === '1') oneRoot = join(PROJECT_ROOT, 'dist');
		else {
			one = await buildCopy(copy, NO_CARDS);
			expect(one.code, one.output).toBe(0);
			oneRoot = join(copy, 'dist-one');
			renameSync(join(copy, 'dist'), oneRoot);
		}
		for (const [file, text] of PREVIOUS) {
			mkdirSync(join(copy, 'dist', file, '..'), { recursive: true });
			writeFileSync(join(copy, 'dist', file), text);
		}
		shardedSamples = [];
		// Every process this test's process started (hardening files run one at a time; this build alone is running).
		const watch = watchTree(process.pid, { intervalMs: 50, onSample: (_, samples) => shardedSamples.push(samples.map((sample) => sample.command)) });
		sharded = await buildCopy(copy, SHARDED);
		watch.stop();
		expect(sharded.code, sharded.output).toBe(0);
		aside = replacedLeft(copy);
		asideFiles = aside.length === 1 ? listFiles(join(copy, aside[0]!)) : [];
		// A rebuild with nothing changed, in two processes.
		jobs = await buildShards(copy, ['--shards', '2', '--outDir', 'dist-jobs']);
		expect(jobs.code, jobs.output).toBe(0);
		// An empty events list stops the next build of dist/.
		writeFileSync(join(copy, 'content/events/events.yaml'), '# No events.\n[]\n');
		failed = await buildCopy(copy);
		[oneServer, shardedServer, browser] = await Promise.all([serveDist({ root: oneRoot }), serveDist({ root: join(copy, 'dist') }), launchChromium()]);
	});

	afterAll(async () => {
		await Promise.allSettled([browser?.close(), oneServer?.close(), shardedServer?.close()]);
		if (copy) removeCopy(copy);
	});

	it('should write one index with one shard, and three merged by the search page with two commentaries per shard', () => {
		if (one) expect(one.output).toMatch(/search index: \d+ pages and 5 commentaries in 1 shard\(s\) \(1 indexed, 0 from cache\)/);
		expect(sharded.output).toMatch(/search index: \d+ pages and 5 commentaries in 3 shard\(s\) \(3 indexed, 0 from cache\)/);
		expect(readdirSync(oneRoot).filter((name) => name.startsWith('pagefind'))).toEqual(['pagefind']);
		expect(readdirSync(join(copy, 'dist')).filter((name) => name.startsWith('pagefind')).sort()).toEqual(['pagefind', 'pagefind-shard-1', 'pagefind-shard-2']);
		expect(readFileSync(join(oneRoot, 'search/index.html'), 'utf8')).toContain('data-search-shards="1"');
		expect(readFileSync(join(copy, 'dist/search/index.html'), 'utf8')).toContain('data-search-shards="3"');
	});

	it('should index, draw the cards and write the annotations once the astro process has exited', () => {
		const astro = (command: string) => /astro\.mjs build/.test(command);
		const pagefind = (command: string) => /pagefind/i.test(command);
		// Seen at all, so the check below can fail.
		expect(shardedSamples.some((sample) => sample.some(astro))).toBe(true);
		expect(shardedSamples.some((sample) => sample.some(pagefind))).toBe(true);
		expect(shardedSamples.filter((sample) => sample.some(astro) && sample.some(pagefind))).toEqual([]);
		// And Astro said it was done before any of the three reported.
		const done = sharded.output.indexOf('[build] Complete!');
		expect(done).toBeGreaterThan(0);
		for (const line of [/^search index: \d+/m, /^share cards: \d+/m, /^annotations: \d+/m]) {
			expect(sharded.output.search(line), String(line)).toBeGreaterThan(done);
		}
	});

	it('should copy every unchanged shard from the cache on a rebuild, byte for byte', () => {
		// Each job's line: none of the three shards indexed again (the files are compared in the next test).
		const copied = [...jobs.output.matchAll(/job \d\/2: search shards [\d, ]+ \((\d+) indexed, (\d+) from cache\)/g)];
		expect(copied).toHaveLength(2);
		const indexed = copied.reduce((sum, line) => sum + Number(line[1]), 0);
		const cached = copied.reduce((sum, line) => sum + Number(line[2]), 0);
		expect({ indexed, cached }).toEqual({ indexed: 0, cached: 3 });
		for (const shard of ['pagefind', 'pagefind-shard-1', 'pagefind-shard-2']) expect(existsSync(join(copy, 'dist-jobs', shard, 'pagefind-entry.json'))).toBe(true);
	});

	it('should write the same site in two processes as in one, cards and index shards included', () => {
		expect(jobs.output).toMatch(/job 1\/2: search shards 0, 2 \(0 indexed, 2 from cache\), cards \d+/);
		expect(jobs.output).toMatch(/job 2\/2: search shards 1 \(0 indexed, 1 from cache\), cards \d+/);
		const one = filesUnder(join(copy, 'dist'));
		const two = filesUnder(join(copy, 'dist-jobs'));
		expect(two).toEqual(one);
		expect(one.filter((file) => file.endsWith('.png')).length).toBeGreaterThan(100);
		const differing = one.filter((file) => !readFileSync(join(copy, 'dist', file)).equals(readFileSync(join(copy, 'dist-jobs', file))));
		expect(differing).toEqual([]);
	});

	it('should find the same sentences with the same counts, for words, for each filter and without words', async () => {
		// Every filter's first value, as the one-shard site offers it, is one query of its own.
		const facets = await withPage(browser, oneServer.url('/search/'), async (page) => (await showSearch(page, '/search/?q=treaty')).options);
		const addresses = ['/search/?q=treaty', '/search/?q=sanctions', '/search/?q=Article+4', '/search/?q=military+assistance'];
		for (const [name, values] of Object.entries(facets)) {
			const value = values.map((entry) => entry.split('=')[0]).find((entry) => entry !== '');
			expect(value, `the filter ${name} offers a value`).toBeDefined();
			addresses.push(`/search/?${new URLSearchParams({ [name]: value ?? '' }).toString()}`);
		}
		expect(addresses.length).toBeGreaterThan(8);
		const read = (server: StaticServer) =>
			withPage(browser, server.url('/search/'), async (page) => {
				const shown: Shown[] = [];
				for (const address of addresses) shown.push(await showSearch(page, address));
				return shown;
			});
		const [expected, actual] = await Promise.all([read(oneServer), read(shardedServer)]);
		addresses.forEach((address, index) => {
			const want = expected[index]!;
			const got = actual[index]!;
			expect(want.links.length, `${address} finds something`).toBeGreaterThan(0);
			expect(got.status, address).toBe(want.status);
			expect(got.options, address).toEqual(want.options);
			// Filters alone (no words): the same order, the reading order. Words: the same sentences (each shard ranks by its own term statistics).
			if (address.includes('q=')) expect([...got.links].sort(), address).toEqual([...want.links].sort());
			else expect(got.links, address).toEqual(want.links);
		});
	});

	describe('the dist/ a build replaces is deleted by the next build, failed or not', () => {
		it('should swap the new site in and keep the replaced one aside, untouched', () => {
			expect(aside).toHaveLength(1);
			expect(asideFiles).toEqual([...PREVIOUS.keys()].sort());
		});

		it('should delete it in the next build, which failed and kept the new dist/', () => {
			expect(failed.code, failed.output).not.toBe(0);
			expect(failed.output).toContain('the previous dist/ is unchanged');
			expect(replacedLeft(copy)).toEqual([]);
			expect(stagingLeft(copy)).toEqual([]);
			expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).not.toBe(PREVIOUS.get('index.html'));
			// The sharded site itself, file for file (the site in two processes is compared with it byte for byte above).
			expect(listFiles(join(copy, 'dist'))).toEqual(listFiles(join(copy, 'dist-jobs')));
		});
	});
});
