/**
 * The dark scheme changes colours and nothing else: the browser suites rely
 * on it to run only axe's colour rules in the dark scheme
 * (tests/support/axe.ts, tests/support/colour-scheme.ts).
 */
import { describe, expect, it } from 'vitest';
import { readsScheme, schemeDeclarations, schemeProblems } from '../support/colour-scheme';
import { distDir, hasBuild, listFiles, readDistFile } from '../support/dist';

const built = hasBuild();

describe('the colour schemes in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const files = listFiles();

	it('should change only colours in its colour-scheme blocks, in every stylesheet', () => {
		const stylesheets = files.filter((file) => file.endsWith('.css'));
		expect(stylesheets.length).toBeGreaterThan(0);
		expect(stylesheets.flatMap((file) => schemeProblems(readDistFile(file), file))).toEqual([]);
		// The site does have a dark scheme: the browser suites check it.
		expect(stylesheets.flatMap((file) => schemeDeclarations(readDistFile(file))).length).toBeGreaterThan(0);
	});

	it('should have no script that reads the colour scheme', () => {
		expect(files.filter((file) => /\.m?js$/.test(file) && readsScheme(readDistFile(file)))).toEqual([]);
	});
});
