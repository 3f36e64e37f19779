/**
 * The text rule (src/schemas/text.ts): required fields hold visible text, and
 * no bidirectional override or isolate or control character is published,
 * in frontmatter or body; each refusal names the file, the line and the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentarySchema } from '../../src/schemas/commentary.ts';
import { actorSchema } from '../../src/schemas/actor.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { hasVisibleText } from '../../src/schemas/text.ts';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { copyProject, editCopy, lineInCopy, removeCopy } from '../support/project-copy.ts';

const commentary = {
	title: 'T',
	authors: [{ name: 'A', affiliation: 'B' }],
	outlet: 'O',
	published: { date: '2024' },
	source: { url: null, capture: 'x.txt' },
	kind: 'commentary',
	summary: 'S.',
};

const BLANK = ['', ' ', '\t\n ', '\u200b', '\u00ad\u200d', '\u3164', '\u2800', '\ufeff', '\u0301'];
const UNSAFE = ['Putin\u202Emik', 'A\u202Db', '\u2066Kim\u2069', 'Bell\u0007', 'Esc\u001b[31m', 'C1\u0085', 'Del\u007f'];
const GOOD = ['정상회담', 'Договор', 'Ελλάδα', '条约', '🇰🇵 flag', 'مرحبا', 'Kim\u00a0Jong\u2011un', 'Pu\u00adtin'];

describe.each([
	['title', (value: string) => ({ ...commentary, title: value }), ['title']],
	['authors[].name', (value: string) => ({ ...commentary, authors: [{ name: value, affiliation: 'B' }] }), ['authors', 0, 'name']],
	['outlet', (value: string) => ({ ...commentary, outlet: value }), ['outlet']],
	['summary', (value: string) => ({ ...commentary, summary: value }), ['summary']],
] as const)('a commentary’s %s', (_name, put, path) => {
	it.each(BLANK.map((value) => [JSON.stringify(value), value]))('should refuse %s as not visible', (_shown, value) => {
		const result = commentarySchema.safeParse(put(value));
		expect(result.success).toBe(false);
		// A byte-order mark is also refused as a character: the visibility message is one of the field's messages.
		expect(result.error?.issues.filter((issue) => JSON.stringify(issue.path) === JSON.stringify(path)).map((issue) => issue.message).join('\n')).toMatch(/empty|visible/);
	});

	it.each(UNSAFE.map((value) => [JSON.stringify(value), value]))('should refuse %s', (_shown, value) => {
		const result = commentarySchema.safeParse(put(value));
		expect(result.success).toBe(false);
		expect(result.error?.issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path))?.message).toMatch(/^contains U\+[0-9A-F]{4}/);
	});

	it.each(GOOD)('should accept %s', (value) => {
		expect(commentarySchema.safeParse(put(value)).success).toBe(true);
	});
});

describe('registries', () => {
	it('should refuse an actor whose name is invisible', () => {
		const result = actorSchema.safeParse({ name: '\u200b', kind: 'state', description: 'A state.', forms: ['X'] });
		expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(['name']);
	});

	it('should refuse an event label with a right-to-left override', () => {
		const result = eventSchema.safeParse({ id: 'e', date: '2024', label: 'Signed in \u202Egnayngoyp', sources: [{ label: 'L' }] });
		expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(['label']);
	});
});

describe('hasVisibleText', () => {
	it('should see letters of every script and emoji, and nothing in fillers and marks', () => {
		for (const text of GOOD) expect(hasVisibleText(text), text).toBe(true);
		for (const text of BLANK) expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
	});
});

describe('text in the content files', () => {
	let copy: string;
	let problems: string[];
	const ROY = 'content/commentaries/roy-kim-putin-vostochny-summit.md';
	const REKHA = 'content/commentaries/rekha-j-niice-commentary.md';
	const NOTE = 'content/notes/roy-scared-struggle.md';
	const lineOf = (file: string, needle: string) => lineInCopy(copy, file, needle);
	const change = (file: string, edit: (text: string) => string) => editCopy(copy, file, edit);

	beforeAll(() => {
		copy = copyProject('treaty-content-text');
		change(ROY, (text) => text.replace(/^title: .*$/m, 'title: "Putin \u202Enikdaiv"').replace(/^outlet: .*$/m, 'outlet: "\u200b\u200b"'));
		change(ROY, (text) => text.replace(/^(name: |  - name: ).*$/m, '$1"   "'));
		change(REKHA, (text) => text.replace('From the Chinese perspective', 'From the Chinese\u2066 perspective'));
		const frontmatter = readFileSync(join(copy, REKHA), 'utf8').match(/^---\n[\s\S]*?\n---\n/)![0];
		writeFileSync(join(copy, 'content/commentaries/invisible-body.md'), `${frontmatter}\n\u200b\u00ad\n\n\u3164\n`);
		change(NOTE, (text) => `${text}\nA bell\u0007 rings.\n`);
		// Written as character references, which Markdown decodes into the characters themselves.
		change(ROY, (text) => `${text}\nThe names read &#X202e;backwards here.\n`);
		change(NOTE, (text) => `${text}\nA feed &#12;here and an isolate &#8294;there.\n`);
		// A byte-order mark where the body starts (a file joined from two): Markdown reads it as text.
		change(REKHA, (text) => text.replace(/\n---\n/, '\n---\n\uFEFF'));
		problems = contentProblems(copy);
	});
	afterAll(() => removeCopy(copy));

	it('should name the line of a right-to-left override in a title', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${ROY}:${lineOf(ROY, 'title:')}: title: contains U\\+202E RIGHT-TO-LEFT OVERRIDE`)));
	});

	it('should refuse an invisible outlet and a blank author name', () => {
		expect(problems).toContainEqual(`${ROY}:${lineOf(ROY, 'outlet:')}: outlet: must contain visible text (it holds only white space or invisible characters)`);
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${ROY}:${lineOf(ROY, 'name: "   "')}: authors\\[0\\]\\.name: must contain visible text`)));
	});

	it('should name the line and column of an isolate in a commentary body', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${REKHA}:${lineOf(REKHA, 'From the Chinese\u2066')}: body: column \\d+ contains U\\+2066 LEFT-TO-RIGHT ISOLATE`)));
	});

	it('should refuse a body of invisible characters', () => {
		expect(problems).toContainEqual(expect.stringMatching(/^content\/commentaries\/invisible-body\.md:\d+: body: the commentary holds only white space or invisible characters/));
	});

	it('should refuse a bidirectional or control character written as a numeric character reference, at its line and column', () => {
		expect(problems).toContainEqual(`${ROY}:${lineOf(ROY, 'The names read')}: body: column 16 “&#X202e;” contains U+202E RIGHT-TO-LEFT OVERRIDE, which makes the text display otherwise than it reads; remove it (right-to-left script needs no such character)`);
		expect(problems).toContainEqual(`${NOTE}:${lineOf(NOTE, 'A feed')}: body: column 8 “&#12;” contains U+000C (a control character); remove it (only tab and line breaks are allowed)`);
		// One problem per line, the first character on it.
		expect(problems.filter((problem) => problem.startsWith(`${NOTE}:${lineOf(NOTE, 'A feed')}:`))).toHaveLength(1);
	});

	it('should refuse a byte-order mark inside a body, which would turn a heading after it into a paragraph', () => {
		const bodyStart = readFileSync(join(copy, REKHA), 'utf8').split('\n').indexOf('---', 1) + 2;
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${REKHA}:${bodyStart}: body: column 1 contains U\\+FEFF [A-Z -]*\\(a byte-order mark\\)`)));
	});

	it('should name the line of a control character in a note body', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${NOTE}:${lineOf(NOTE, 'A bell')}: body: column 7 contains U\\+0007 \\(a control character\\)`)));
	});
});
