/**
 * Every file in a content folder is read or refused by name: names that
 * cannot make a clean address (`#`, `?`, spaces), names in decomposed Unicode
 * beside their composed twin, a second file in content/events/, a gap in the
 * articles' numbers, an alias bomb, and a ledger saved with a byte-order mark.
 */
import { copyFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentProblems, uncleanName } from '../../src/loaders/content-checks.ts';
import { parseYaml } from '../../src/loaders/schema-errors.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';

const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]', ''].join('\n');

describe('uncleanName', () => {
	it.each(['roy-kim-putin-vostochny-summit', '01', 'kim_jong_un', 'v1.2', '정상회담', 'café'])('should accept %s', (stem) => {
		expect(uncleanName(stem)).toBeUndefined();
	});

	it.each(['a#b', 'what?', 'two words', 'trailing-', '-leading', 'a--b', 'a/b', 'café'.normalize('NFD'), 'tab\there', ''])('should refuse %j', (stem) => {
		expect(uncleanName(stem)).toMatch(/clean address|decomposed/);
	});

	it.each([
		['Russia', /capital letters.*rename it to russia$/],
		['Kim-Jong-Un', /capital letters/],
		['ПУТИН', /capital letters/],
		['con', /Windows reserves/],
		['nul', /Windows reserves/],
		['com1', /Windows reserves/],
		['lpt9.old', /Windows reserves/],
		['aux.draft', /Windows reserves/],
	])('should refuse %j, saying why', (stem, reason) => {
		expect(uncleanName(stem)).toMatch(reason);
	});

	it.each(['console', 'nullify', 'com10', 'auxiliary'])('should accept %j, which Windows does not reserve', (stem) => {
		expect(uncleanName(stem)).toBeUndefined();
	});
});

describe('links and hidden files in the content folders', () => {
	let copy: string;
	let problems: string[];

	beforeAll(() => {
		copy = copyProject('treaty-content-links');
		symlinkSync(join(copy, 'content/actors/russia.yaml'), join(copy, 'content/actors/rossiya.yaml'));
		symlinkSync(join(copy, 'content/actors/nowhere.yaml'), join(copy, 'content/actors/dangling.yaml'));
		symlinkSync('..', join(copy, 'content/sources/loop'));
		symlinkSync(join(copy, 'content/commentaries/nowhere.md'), join(copy, 'content/commentaries/dangling.md'));
		symlinkSync(join(copy, 'content/notes/nowhere.md'), join(copy, 'content/notes/dangling.md'));
		symlinkSync(join(copy, 'content/matters/alliance-or-symbol.yaml'), join(copy, 'content/matters/alliance-link.yaml'));
		writeFileSync(join(copy, 'content/actors/.DS_Store'), 'junk');
		copyFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), join(copy, 'content/notes/.roy-scared-struggle.md.swp'));
		copyFileSync(join(copy, 'content/actors/japan.yaml'), join(copy, 'content/actors/Japan2.yaml'));
		copyFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), join(copy, 'content/notes/Roy-Scared-Struggle.md'));
		copyFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), join(copy, 'content/notes/con.md'));
		copyFileSync(join(copy, 'content/csl/apa.csl'), join(copy, 'content/csl/harvard.CSL'));
		writeFileSync(join(copy, 'content/csl/notes.txt'), 'A note.\n');
		writeFileSync(join(copy, 'content/actors/empty.yaml'), '');
		writeFileSync(join(copy, 'content/matters/only-comments.yaml'), '# A matter to write.\n');
		problems = contentProblems(copy);
	});
	afterAll(() => removeCopy(copy));

	it('should refuse a symbolic link, whether it leads to a file, nowhere or back up the tree', () => {
		for (const path of ['content/actors/rossiya.yaml', 'content/actors/dangling.yaml', 'content/sources/loop', 'content/matters/alliance-link.yaml', 'content/commentaries/dangling.md', 'content/notes/dangling.md']) {
			expect(problems).toContain(`${path}: file name: a symbolic link; content is read from real files only: copy the file here instead`);
		}
	});

	it('should refuse hidden files by name', () => {
		expect(problems).toContain('content/actors/.DS_Store: file name: a hidden file, which nothing reads; delete it (or, to keep a draft, start its name with _)');
		expect(problems).toContainEqual(expect.stringMatching(/^content\/notes\/\.roy-scared-struggle\.md\.swp: file name: a hidden file/));
	});

	it('should refuse a name in capitals and a name Windows reserves', () => {
		expect(problems).toContain('content/actors/Japan2.yaml: file name: “Japan2” has capital letters, and addresses are lowercase; rename it to japan2');
		expect(problems).toContainEqual(expect.stringMatching(/^content\/notes\/con\.md: file name: “con” is a name Windows reserves/));
	});

	it('should still name the lowercase twin of a name in capitals', () => {
		expect(problems).toContain('content/notes/Roy-Scared-Struggle.md: file name: “Roy-Scared-Struggle” has capital letters, and addresses are lowercase; rename it to roy-scared-struggle');
		expect(problems).toContainEqual(expect.stringMatching(/^content\/notes\/roy-scared-struggle\.md: file name: differs from content\/notes\/Roy-Scared-Struggle\.md only in letter case/));
	});

	it('should refuse a file in content/csl/ that is not a citation style', () => {
		expect(problems).toContain('content/csl/harvard.CSL: file name: only citation styles (.csl) and README.md are kept here; nothing reads it');
		expect(problems).toContain('content/csl/notes.txt: file name: only citation styles (.csl) and README.md are kept here; nothing reads it');
		expect(problems.filter((line) => line.startsWith('content/csl/apa.csl') || line.startsWith('content/csl/README.md'))).toEqual([]);
	});

	it('should say that an empty file, or one of comments only, holds no fields', () => {
		expect(problems).toContain('content/actors/empty.yaml: the file holds no fields (it is empty or only comments); expected a mapping of fields');
		expect(problems).toContain('content/matters/only-comments.yaml: the file holds no fields (it is empty or only comments); expected a mapping of fields');
	});

	it('should name every problem by its file', () => {
		for (const line of problems) expect(line).toMatch(/^content\/[^:\s]+(?::\d+)?: /);
	});
});

describe('parseYaml', () => {
	it('should refuse an alias bomb, naming the file', () => {
		expect(() => parseYaml(BOMB, 'content/actors/bomb.yaml')).toThrow(/^content\/actors\/bomb\.yaml:\d+: YAML: Excessive alias count/);
	});
});

describe('an empty list of events', () => {
	let copy: string;
	beforeAll(() => {
		copy = copyProject('treaty-empty-events');
		writeFileSync(join(copy, 'content/events/events.yaml'), '# Timeline events\n[]\n');
	});
	afterAll(() => removeCopy(copy));

	it('should be refused naming the file, not found by the timeline drawing with no file named', () => {
		expect(contentProblems(copy)).toContainEqual(expect.stringMatching(/^content\/events\/events\.yaml:1: the list of events is empty/));
	});
});

describe('files in the content folders', () => {
	let copy: string;
	let problems: string[];
	const NOTE = 'content/notes/roy-scared-struggle.md';

	beforeAll(() => {
		copy = copyProject('treaty-content-files');
		copyFileSync(join(copy, NOTE), join(copy, 'content/notes/scared#struggle.md'));
		copyFileSync(join(copy, NOTE), join(copy, 'content/notes/why?.md'));
		copyFileSync(join(copy, 'content/actors/japan.yaml'), join(copy, `content/actors/${'café'.normalize('NFC')}.yaml`));
		copyFileSync(join(copy, 'content/actors/japan.yaml'), join(copy, `content/actors/${'café'.normalize('NFD')}.yaml`));
		writeFileSync(join(copy, 'content/events/more-events.yaml'), readFileSync(join(copy, 'content/events/events.yaml')));
		rmSync(join(copy, 'content/articles/12.yaml'));
		writeFileSync(join(copy, 'content/actors/bomb.yaml'), BOMB);
		writeFileSync(join(copy, 'content/spelling.yaml'), 'defense: defence\n');
		writeFileSync(join(copy, 'content/sources/999_orphan.txt'), 'A capture no commentary names.\n');
		writeFileSync(join(copy, 'content/sources/_aside.txt'), 'Kept aside.\n');
		const ledger = join(copy, 'content/claims-ledger.json');
		writeFileSync(ledger, `\uFEFF${readFileSync(ledger, 'utf8')}`);
		problems = contentProblems(copy);
	});
	afterAll(() => removeCopy(copy));

	it('should refuse file names with # and ?, which cannot make a clean address', () => {
		expect(problems).toContainEqual(expect.stringMatching(/^content\/notes\/scared#struggle\.md: file name: “scared#struggle” cannot make a clean address .*; rename it, e\.g\. to scared-struggle$/));
		expect(problems).toContainEqual(expect.stringMatching(/^content\/notes\/why\?\.md: file name: “why\?” cannot make a clean address/));
	});

	it('should refuse a name in decomposed Unicode beside its composed twin', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^content/actors/${'café'.normalize('NFD')}\\.yaml: file name: .* decomposed Unicode \\(NFD\\)`)));
	});

	it('should refuse a second file in content/events/', () => {
		expect(problems).toContain('content/events/more-events.yaml: file name: only content/events/events.yaml is read; move its events into that file');
	});

	it('should refuse a gap in the articles’ numbers', () => {
		expect(problems).toContainEqual(expect.stringMatching(/^content\/articles\/12\.yaml: number: Article 12 is missing; the articles are numbered 1 to 23 without gaps/));
	});

	it('should refuse an alias bomb, naming the file', () => {
		expect(problems).toContainEqual(expect.stringMatching(/^content\/actors\/bomb\.yaml:\d+: YAML: Excessive alias count/));
	});

	it('should refuse a misspelt registry at the top of content/', () => {
		expect(problems).toContainEqual(expect.stringMatching(/^content\/spelling\.yaml: file name: nothing reads it \(content\/ holds .*spellings\.yaml/));
	});

	it('should refuse a capture no commentary names, and leave one set aside alone', () => {
		expect(problems).toContain('content/sources/999_orphan.txt: file name: no commentary names this capture (source.capture); add its commentary, or start the name with _ to keep it aside');
		expect(problems.filter((line) => line.includes('_aside'))).toEqual([]);
	});

	it('should read a ledger saved with a byte-order mark', () => {
		expect(problems.filter((line) => line.startsWith('content/claims-ledger.json'))).toEqual([]);
	});
});
