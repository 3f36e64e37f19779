/**
 * The text rule (src/schemas/text.ts) in every registry, not only the
 * commentaries: matters, pair decisions, the instruments, actors, articles,
 * events and notes; and the characters a text never carries on its own
 * (line separators, a byte-order mark inside a text, lone surrogates,
 * noncharacters, private-use and stray tag characters), and text that is
 * only punctuation. Each refusal names the file, the line and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { actorSchema } from '../../src/schemas/actor.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { instrumentsSchema } from '../../src/schemas/instrument.ts';
import { matterSchema, relatedDecisionsSchema } from '../../src/schemas/matter.ts';
import { noteSchema } from '../../src/schemas/note.ts';
import { findUnsafeCharacter } from '../../src/schemas/text.ts';
import { bodyTextProblems } from '../../src/loaders/body-text.ts';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { copyProject, editCopy, lineInCopy, removeCopy } from '../support/project-copy.ts';

/** Characters refused anywhere, as YAML would hand them over (`"\uD800"` is a lone surrogate). */
const REFUSED = [
	['LINE SEPARATOR', 'a\u2028b'],
	['PARAGRAPH SEPARATOR', 'a\u2029b'],
	['byte-order mark inside', 'Kim\uFEFF Jong Un'],
	['lone high surrogate', parse('"Kim \\uD800"') as string],
	['lone low surrogate', 'x\uDC00y'],
	['noncharacter U+FDD0', 'a\uFDD0'],
	['noncharacter U+FFFF', 'a\uFFFF'],
	['noncharacter U+FFFE', 'a\uFFFE'],
	['noncharacter U+10FFFF', 'a\u{10FFFF}'],
	['private use U+E000', 'a\uE000'],
	['private use U+F0000', 'a\u{F0000}'],
	['stray tag characters', 'Putin\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}'],
	['a cancel tag alone', 'x\u{E007F}'],
] as const;

/** Texts that must pass: directional marks, a subdivision flag, other scripts. */
const ALLOWED = ['مرحبا\u200F!', 'a\u200Eb', 'عربي\u061C123', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland', '정상회담', 'Kim\u2060Jong', '1961', '§ 4', '🇰🇵'];

/** Texts that show something but name nothing. */
const ONLY_PUNCTUATION = ['…', '—', '?!', '- - -', '«»', '()', '""'];

describe('the text rule', () => {
	it.each(REFUSED)('should refuse a %s', (_name, text) => {
		expect(findUnsafeCharacter(text)).toBeDefined();
	});

	it.each(ALLOWED)('should allow %j', (text) => {
		expect(findUnsafeCharacter(text)).toBeUndefined();
	});

	it('should name the character and say why it goes', () => {
		expect(findUnsafeCharacter('a\u2028b')?.shown).toBe('U+2028 LINE SEPARATOR');
		expect(findUnsafeCharacter(parse('"\\uD800"') as string)?.shown).toBe('U+D800 (a lone surrogate)');
		expect(findUnsafeCharacter('a\uFFFE')?.shown).toBe('U+FFFE (a noncharacter)');
		expect(findUnsafeCharacter('x\u{E0041}')?.shown).toBe('U+E0041 (a tag character)');
	});

	it('should name the column of a refused character in a body line', () => {
		expect(bodyTextProblems('f.md', 'A line\u2029 more.', 3, 'the note')).toEqual(['f.md:3: body: column 7 contains U+2029 PARAGRAPH SEPARATOR; it is an invisible line break; write a line feed, or a space']);
	});
});

const actor = { name: 'N', kind: 'state', description: 'D.', forms: ['F'] };
const article = { number: 4, status: 'verified', title: 'T', summary: 'S', sources: [{ label: 'L', url: 'https://example.org/', supports: 'number', quote: 'Q' }] };
const event = { id: 'e', date: '2024', label: 'L', sources: [{ label: 'L' }] };
const note = { commentary: 'x', quote: 'qq', kind: 'context', sources: [{ label: 'L' }] };
const matter = { title: 'T', question: 'Q?', rules: [{ phrases: ['alliance'] }], why: 'W.' };
const related = { confirmed: [{ claims: ['c-0000000000', 'c-1111111111'], why: 'W.' }] };
const instruments = { ours: { year: 2024, nouns: ['treaty'], titles: ['T'] }, others: [{ id: 'x', name: 'N', forms: ['F'] }] };

/** Every required text field of every registry: its schema, a valid value, and how to put another text there. */
const FIELDS: { name: string; schema: z.ZodType; put: (text: string) => unknown; path: (string | number)[] }[] = [
	{ name: 'actor name', schema: actorSchema, put: (text) => ({ ...actor, name: text }), path: ['name'] },
	{ name: 'actor form', schema: actorSchema, put: (text) => ({ ...actor, forms: [text] }), path: ['forms', 0] },
	{ name: 'actor notForms', schema: actorSchema, put: (text) => ({ ...actor, notForms: [text] }), path: ['notForms', 0] },
	{ name: 'article title', schema: articleSchema, put: (text) => ({ ...article, title: text }), path: ['title'] },
	{ name: 'article source label', schema: articleSchema, put: (text) => ({ ...article, sources: [{ ...article.sources[0], label: text }] }), path: ['sources', 0, 'label'] },
	{ name: 'event label', schema: eventSchema, put: (text) => ({ ...event, label: text }), path: ['label'] },
	{ name: 'note quote', schema: noteSchema, put: (text) => ({ ...note, quote: `${text}${text}` }), path: ['quote'] },
	{ name: 'matter title', schema: matterSchema, put: (text) => ({ ...matter, title: text }), path: ['title'] },
	{ name: 'matter question', schema: matterSchema, put: (text) => ({ ...matter, question: text }), path: ['question'] },
	{ name: 'matter why', schema: matterSchema, put: (text) => ({ ...matter, why: text }), path: ['why'] },
	{ name: 'pair decision why', schema: relatedDecisionsSchema, put: (text) => ({ confirmed: [{ ...related.confirmed[0], why: text }] }), path: ['confirmed', 0, 'why'] },
	{ name: 'instrument title', schema: instrumentsSchema, put: (text) => ({ ...instruments, ours: { ...instruments.ours, titles: [text] } }), path: ['ours', 'titles', 0] },
	{ name: 'instrument noun', schema: instrumentsSchema, put: (text) => ({ ...instruments, ours: { ...instruments.ours, nouns: [text] } }), path: ['ours', 'nouns', 0] },
	{ name: 'other instrument name', schema: instrumentsSchema, put: (text) => ({ ...instruments, others: [{ ...instruments.others[0], name: text }] }), path: ['others', 0, 'name'] },
	{ name: 'other instrument form', schema: instrumentsSchema, put: (text) => ({ ...instruments, others: [{ ...instruments.others[0], forms: [text] }] }), path: ['others', 0, 'forms', 0] },
];

/** The messages of the issues at a path (a union's branches report under their own paths, so the start is compared). */
function messagesAt(result: { error?: z.ZodError | undefined }, path: readonly (string | number)[]): string[] {
	return (result.error?.issues ?? []).filter((issue) => JSON.stringify(issue.path.slice(0, path.length)) === JSON.stringify(path)).map((issue) => issue.message);
}

describe.each(FIELDS)('the $name', ({ schema, put, path }) => {
	it('should accept ordinary text', () => {
		expect(schema.safeParse(put('Treaty text')).success).toBe(true);
	});

	it.each(['Putin \u202Enikdaiv', '\u2066Kim\u2069', 'bell\u0007', 'a\u2028b', 'x\u{E0041}'])('should refuse %j', (text) => {
		const result = schema.safeParse(put(text));
		expect(result.success).toBe(false);
		expect(messagesAt(result, path).join('\n')).toMatch(/contains U\+/);
	});

	it.each(['\u200B\u200B', '\u3164\u3164', ' \u00AD '])('should refuse the invisible %j', (text) => {
		const result = schema.safeParse(put(text));
		expect(result.success).toBe(false);
		expect(messagesAt(result, path).join('\n')).toMatch(/visible/);
	});

	it.each(ONLY_PUNCTUATION)('should refuse the punctuation-only %j', (text) => {
		const result = schema.safeParse(put(text));
		expect(result.success).toBe(false);
		expect(messagesAt(result, path).join('\n')).toMatch(/letter, digit or symbol/);
	});
});

describe('registry text in the content files', () => {
	let copy: string;
	let problems: string[];
	const MATTER = 'content/matters/a-new-level-of-relations.yaml';
	const lineOf = (file: string, needle: string) => lineInCopy(copy, file, needle);
	const change = (file: string, edit: (text: string) => string) => editCopy(copy, file, edit);

	beforeAll(() => {
		copy = copyProject('treaty-registry-text');
		change(MATTER, (text) => text.replace(/^title: .*$/m, 'title: "Relations \u202Edaer"').replace(/^question: .*$/m, 'question: "…"'));
		const ledger = JSON.parse(readFileSync(join(copy, 'content/claims-ledger.json'), 'utf8')) as { claims: Record<string, { commentary: string; status: string; successor?: string }> };
		const live = Object.entries(ledger.claims).filter(([, entry]) => entry.status === 'live' && !entry.successor);
		const [first] = live[0]!;
		const [second] = live.find(([, entry]) => entry.commentary !== live[0]![1].commentary)!;
		change('content/related.yaml', (text) => text.replace('confirmed: []', `confirmed:\n  - claims: [${first}, ${second}]\n    why: "\\u3164"`));
		change('content/instruments.yaml', (text) => text.replace('"Comprehensive Strategic Partnership Treaty"', '"Comprehensive \\u2066Strategic\\u2069 Partnership Treaty"'));
		problems = contentProblems(copy);
	});
	afterAll(() => removeCopy(copy));

	it('should name the line of a right-to-left override in a matter title, and a question of punctuation', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${MATTER}:${lineOf(MATTER, 'title:')}: title: contains U\\+202E RIGHT-TO-LEFT OVERRIDE`)));
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${MATTER}:${lineOf(MATTER, 'question:')}: question: must contain a letter, digit or symbol`)));
	});

	it('should name the line of an invisible reason of a pair decision', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^content/related\\.yaml:${lineOf('content/related.yaml', '    why:')}: confirmed\\[0\\]\\.why: must contain visible text`)));
	});

	it('should name the line of an isolate in a title of the treaty', () => {
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^content/instruments\\.yaml:${lineOf('content/instruments.yaml', 'Comprehensive \\u2066')}: ours\\.titles\\[1\\]: contains U\\+2066 LEFT-TO-RIGHT ISOLATE`)));
	});
});
