/**
 * A failed build leaves no half-built site: `npm run build` (scripts/build.mjs)
 * builds into a staging folder and swaps it into `dist/` only on success, so
 * after a failure the previous `dist/` is exactly as it was, or there is none.
 * The failure used here (an empty events list) stops the build while pages
 * are being written, the point where Astro used to leave hundreds of files.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { buildCopy, copyProject, removeCopy, type BuildResult } from '../support/project-copy.ts';

const copies: string[] = [];
afterAll(() => {
	for (const copy of copies) removeCopy(copy);
});

/** A copy of the project whose events list is empty, so its build fails. */
function brokenCopy(name: string): string {
	const copy = copyProject(`treaty-failed-build-${name}`);
	copies.push(copy);
	writeFileSync(join(copy, 'content/events/events.yaml'), '# No events.\n[]\n');
	return copy;
}

/** Staging folders left in a copy's root. */
function stagingLeft(copy: string): string[] {
	return readdirSync(copy).filter((name) => name.startsWith('.staging-'));
}

/** Replaced output kept aside in a copy's root, for the next build to delete. */
function replacedLeft(copy: string): string[] {
	return readdirSync(copy).filter((name) => name.startsWith('.replaced-'));
}

const PREVIOUS = new Map([
	['index.html', '<!doctype html><title>The previous site</title>'],
	['commentaries/x/index.html', '<!doctype html><title>A previous page</title>'],
]);

describe('a failed build keeps the previous dist/ as it was', () => {
	let copy: string;
	let result: BuildResult;

	beforeAll(async () => {
		copy = brokenCopy('previous');
		for (const [file, text] of PREVIOUS) {
			mkdirSync(join(copy, 'dist', file, '..'), { recursive: true });
			writeFileSync(join(copy, 'dist', file), text);
		}
		result = await buildCopy(copy);
	}, 600_000);

	it('should exit non-zero and say the previous dist/ is unchanged', () => {
		expect(result.code, result.output).not.toBe(0);
		expect(result.output).toContain('the previous dist/ is unchanged');
	});

	it('should leave exactly the previous files, byte for byte, and no staging folder', () => {
		expect(listFiles(join(copy, 'dist'))).toEqual([...PREVIOUS.keys()].sort());
		for (const [file, text] of PREVIOUS) expect(readFileSync(join(copy, 'dist', file), 'utf8')).toBe(text);
		expect(stagingLeft(copy)).toEqual([]);
	});
});

describe('a failed build with no previous dist/ writes none', () => {
	let copy: string;
	let result: BuildResult;

	beforeAll(async () => {
		copy = brokenCopy('none');
		result = await buildCopy(copy);
	}, 600_000);

	it('should exit non-zero, write no dist/ and leave no staging folder', () => {
		expect(result.code, result.output).not.toBe(0);
		expect(listFiles(join(copy, 'dist'))).toEqual([]);
		expect(stagingLeft(copy)).toEqual([]);
	});
});

describe('the dist/ a build replaces is deleted by the next build, failed or not', () => {
	let copy: string;
	let built: BuildResult;
	let aside: string[];
	let asideFiles: string[];
	let failed: BuildResult;

	beforeAll(async () => {
		copy = copyProject('treaty-replaced-build');
		copies.push(copy);
		for (const [file, text] of PREVIOUS) {
			mkdirSync(join(copy, 'dist', file, '..'), { recursive: true });
			writeFileSync(join(copy, 'dist', file), text);
		}
		built = await buildCopy(copy, { TREATY_READER_SHARE_CARDS: 'off' });
		aside = replacedLeft(copy);
		asideFiles = aside.length === 1 ? listFiles(join(copy, aside[0]!)) : [];
		writeFileSync(join(copy, 'content/events/events.yaml'), '# No events.\n[]\n');
		failed = await buildCopy(copy);
	}, 900_000);

	it('should swap the new site in and keep the replaced one aside, untouched', () => {
		expect(built.code, built.output.slice(-4000)).toBe(0);
		expect(aside).toHaveLength(1);
		expect(asideFiles).toEqual([...PREVIOUS.keys()].sort());
	});

	it('should delete it in the next build, which failed and kept the new dist/', () => {
		expect(failed.code, failed.output).not.toBe(0);
		expect(replacedLeft(copy)).toEqual([]);
		expect(stagingLeft(copy)).toEqual([]);
		expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).not.toBe(PREVIOUS.get('index.html'));
	});
});
