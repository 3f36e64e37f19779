import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commentarySchema } from '../../src/schemas/commentary';
import { loadDebris } from '../support/debris';
import {
	commentaryFileNames,
	loadCommentaryFiles,
	parseFrontmatter,
	readCapture,
	splitFrontmatter,
} from '../support/fidelity-files';
import { formatPath, formatSchemaError } from '../../src/loaders/schema-errors';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Validate a whole Markdown file's frontmatter; returns the formatted errors, or `''` when valid. */
function errorsOf(markdown: string, file = 'content/commentaries/x.md'): string {
	const { value, locate } = parseFrontmatter(markdown, file);
	const result = commentarySchema.safeParse(value);
	return result.success ? '' : formatSchemaError(file, result.error, locate);
}

// Line numbers below refer to this file: line 1 is the opening `---`.
const VALID = `---
title: "A title"
authors:
  - name: "Rekha J"
    affiliation: "Project Fellow"
outlet: "NIICE"
published:
  date: "2024-06-21"
source:
  url: null
  capture: "001_8e432c11f5411c7c.txt"
kind: commentary
summary: "One sentence."
---

Body.
`;

describe('schema-errors', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/loaders/schema-errors')).sort()).toEqual([
			'formatPath',
			'formatSchemaError',
			'formatSchemaIssues',
			'parseYaml',
		]);
	});

	it.each([
		[[], ''],
		[['title'], 'title'],
		[['published', 'date'], 'published.date'],
		[['authors', 0, 'role'], 'authors[0].role'],
	] as [PropertyKey[], string][])('should print the path %j as %j', (path, expected) => {
		expect(formatPath(path)).toBe(expected);
	});

	it('should name the file alone for a problem with the whole value', () => {
		const result = commentarySchema.safeParse(null);
		expect(result.success).toBe(false);
		if (!result.success) expect(formatSchemaError('f.md', result.error)).toMatch(/^f\.md: the file holds no fields/);
	});
});

describe('fidelity-files', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../support/fidelity-files')).sort()).toEqual([
			'COMMENTARIES_DIR',
			'SOURCES_DIR',
			'commentaryFileNames',
			'loadCommentaryFiles',
			'parseFrontmatter',
			'readCapture',
			'splitFrontmatter',
		]);
	});

	it('should reject a file without frontmatter, naming it', () => {
		expect(() => splitFrontmatter('# Title\n', 'content/commentaries/y.md')).toThrow(/^content\/commentaries\/y\.md:1: expected frontmatter/);
	});
});

describe('commentary frontmatter', () => {
	const names = commentaryFileNames(root);

	it('should hold exactly the five commentaries', () => {
		expect(names).toEqual([
			'bhadrakumar-rustle-up-an-alliance.md',
			'lankov-nbr-interview.md',
			'rekha-j-niice-commentary.md',
			'roy-kim-putin-vostochny-summit.md',
			'sharma-jayaprakash-east-asian-security-order.md',
		]);
	});

	it.each(names)('should accept %s', (name) => {
		const file = `content/commentaries/${name}`;
		expect(errorsOf(readFileSync(`${root}/${file}`, 'utf8'), file)).toBe('');
	});

	describe('across files', () => {
		const commentaries = loadCommentaryFiles(root);
		const debris = loadDebris(root);

		it('should take each capture once, and each capture should exist', () => {
			const captures = commentaries.map((c) => c.data.source.capture);
			expect(new Set(captures).size).toBe(captures.length);
			for (const capture of captures) expect(() => readCapture(root, capture), capture).not.toThrow();
		});

		it('should list debris only for captures that a commentary uses', () => {
			const captures = new Set(commentaries.map((c) => c.data.source.capture));
			expect(Object.keys(debris).filter((capture) => !captures.has(capture))).toEqual([]);
		});

		it('should give distinct reading orders', () => {
			const orders = commentaries.map((c) => c.data.order);
			expect([...orders].sort()).toEqual([0, 1, 2, 3, 4]);
		});

		it.each(commentaries.map((c) => [c.slug, c] as const))('should link %s only to registered actors', (_slug, c) => {
			for (const author of c.data.authors) {
				expect(author.actor, author.name).toBeDefined();
				expect(existsSync(`${root}/content/actors/${author.actor}.yaml`), `${c.file}: actor “${author.actor}”`).toBe(true);
			}
		});

		it.each(commentaries.map((c) => [c.slug, c] as const))('should show %s’s title and byline from the frontmatter', (_slug, c) => {
			const removed = debris[c.data.source.capture] ?? [];
			const titles = removed.filter((e) => e.reason === 'title').map((e) => e.text);
			// A removed title line is shown as the h1 only if the frontmatter carries it verbatim.
			if (c.data.titleSupplied) expect(titles, c.file).toEqual([]);
			else expect(titles, c.file).toEqual([c.data.title]);
			for (const byline of removed.filter((e) => e.reason === 'byline')) {
				expect(c.data.authors.some((a) => byline.text.includes(a.name)), `${c.file}: “${byline.text}”`).toBe(true);
			}
		});

		it.each(commentaries.map((c) => [c.slug, c] as const))('should keep raw HTML out of %s', (_slug, c) => {
			expect(c.body).not.toMatch(/<[A-Za-z!/]/);
		});
	});

	it.each([
		['a missing title', VALID.replace('title: "A title"\n', ''), 'content/commentaries/x.md:2: title: required field is missing (expected string)'],
		['an impossible date', VALID.replace('"2024-06-21"', '"2024-02-30"'), 'content/commentaries/x.md:8: published.date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD'],
		['an unknown kind', VALID.replace('kind: commentary', 'kind: essay'), /^content\/commentaries\/x\.md:12: kind: Invalid option: expected one of/],
		['an interview without an interviewee', VALID.replace('kind: commentary', 'kind: interview'), 'content/commentaries/x.md:3: authors: an interview must name its interviewee (role: interviewee)'],
		['an unknown key', VALID.replace('kind: commentary', 'kind: commentary\nsubtitle: "x"'), 'content/commentaries/x.md:13: subtitle: unknown field (not in the schema; check the spelling)'],
		['an unknown key in a nested object', VALID.replace('  url: null', '  url: null\n  link: "x"'), 'content/commentaries/x.md:11: source.link: unknown field (not in the schema; check the spelling)'],
		['an unknown role', VALID.replace('    affiliation: "Project Fellow"', '    affiliation: "Project Fellow"\n    role: editor'), /^content\/commentaries\/x\.md:6: authors\[0\]\.role: Invalid option/],
		['notBefore after the date', VALID.replace('  date: "2024-06-21"', '  date: "2024-06"\n  notBefore: "2024-07-01"'), 'content/commentaries/x.md:9: published.notBefore: notBefore (2024-07-01) is after the published date (2024-06)'],
		['a capture path instead of a file name', VALID.replace('"001_8e432c11f5411c7c.txt"', '"../secret.txt"'), 'content/commentaries/x.md:11: source.capture: expected a file name in content/sources/'],
	] as [string, string, string | RegExp][])('should reject %s, naming the file, line and field', (_name, markdown, expected) => {
		const errors = errorsOf(markdown);
		if (typeof expected === 'string') expect(errors).toBe(expected);
		else expect(errors).toMatch(expected);
	});

	it('should accept the valid fixture', () => {
		expect(errorsOf(VALID)).toBe('');
	});
});
