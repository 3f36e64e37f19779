/**
 * Four test projects, run in this order by `npm test` (scripts/test.mjs):
 *
 * - `unit`: pure modules, plugins and content edits; no build needed.
 * - `dist`: checks over the built site in `dist/` (links and fragments,
 *   HTML validity, page structure); run after `astro build`.
 * - `hardening`: bad input tried as a contributor would, each case through
 *   the real `astro build` of a copy of the project (exit code and message).
 * - `browser`: the built site served locally and opened in Debian's Chromium
 *   through playwright-core (axe, layout, keyboard, page behaviour).
 *
 * Run one with `npx vitest run --project unit` (or `dist`, `hardening`, `browser`).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Two cores on CI: threads start faster than forks for many small files.
		pool: 'threads',
		// One worker per core. Vitest's default leaves one core free (one worker on two cores), yet the slow
		// tests mostly wait on child processes (astro build, the ledger command, Chromium).
		maxWorkers: availableParallelism(),
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'tests/edit/**/*.test.ts'],
					environment: 'node',
					// The files share their worker's module cache: unified, the registries and the pipeline are
					// imported once per worker, not once per file (no test keeps global state; the one file that mocks a
					// module, annotations-file.test.ts, imports what it tests afresh after the mock).
					isolate: false,
					// A test that copies the project can pass Vitest's 5 s while the other worker runs a build.
					testTimeout: 30_000,
					// The same for a file's setup (scoring the annotation fixtures takes seconds on a busy machine).
					hookTimeout: 30_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'dist',
					include: ['tests/dist/**/*.test.ts'],
					environment: 'node',
					// The files share their worker's modules (the HTML parser, html-validate, the dist helpers): they read
					// the build and keep no global state, and no test mocks a module.
					isolate: false,
					// Each file parses every built page once; give big sites room.
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'hardening',
					include: ['tests/hardening/**/*.test.ts'],
					environment: 'node',
					// Each file runs real builds on copies of the project; one file at a time on a shared machine.
					fileParallelism: false,
					testTimeout: 900_000,
					hookTimeout: 900_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					// Chromium is a child process per worker, shared by the files the worker runs (tests/support/browser.ts);
					// forks keep it apart from Vitest's workers, and files share the worker's modules to share it.
					pool: 'forks',
					isolate: false,
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// Pages of one file share a browser and load concurrently (`it.concurrent`).
					maxConcurrency: 4,
				},
			},
		],
	},
});
