/**
 * The editorial registries in `content/` (articles, actors, events, editor's
 * notes) checked against their schemas and against each other: every file
 * parses, numbering is complete, references resolve, surface forms do not
 * collide, and every note's quote is found exactly once in its commentary.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { actorSchema, type Actor } from '../../src/schemas/actor';
import { articleSchema, type Article } from '../../src/schemas/article';
import { eventSchema, type TimelineEvent } from '../../src/schemas/event';
import { noteSchema, type EditorNote } from '../../src/schemas/note';
import { formatSchemaError, parseYaml, type ParsedYaml } from '../../src/loaders/schema-errors';
import { listPublished } from '../../src/loaders/published.ts';
import { loadRegistry } from '../../src/loaders/registry.ts';
import { findArticleReferences } from '../../src/annotate/article-refs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');

// ---------------------------------------------------------------------------
// Loading with located errors
// ---------------------------------------------------------------------------

/** Splits a Markdown file into its YAML frontmatter and body. */
function splitFrontmatter(text: string, file: string): { yaml: string; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!match) throw new Error(`${file}:1: missing YAML frontmatter (a block between --- lines)`);
	return { yaml: match[1]!, body: text.slice(match[0].length) };
}

/** Parses `text` as YAML (or Markdown frontmatter) and validates it, throwing a located error. */
function load<S extends z.ZodType>(schema: S, file: string, text: string, markdown = false): z.infer<S> {
	const parsed = markdown ? parseYaml(splitFrontmatter(text, file).yaml, file, { lineOffset: 1 }) : parseYaml(text, file);
	const result = schema.safeParse(parsed.value);
	if (!result.success) throw new Error(formatSchemaError(file, result.error, parsed.locate));
	return result.data;
}

function filesIn(dir: string, extension: string): string[] {
	return listPublished(join(CONTENT, dir), extension);
}

function read(...parts: string[]): string {
	return readFileSync(join(CONTENT, ...parts), 'utf8');
}

const articles = new Map<string, Article>(
	filesIn('articles', '.yaml').map((name) => [name, load(articleSchema, `content/articles/${name}`, read('articles', name))]),
);
const actors = new Map<string, Actor>(
	filesIn('actors', '.yaml').map((name) => [
		basename(name, '.yaml'),
		load(actorSchema, `content/actors/${name}`, read('actors', name)),
	]),
);
const eventsFile = 'content/events/events.yaml';
const events: TimelineEvent[] = (() => {
	const parsed: ParsedYaml = parseYaml(read('events', 'events.yaml'), eventsFile);
	if (!Array.isArray(parsed.value)) throw new Error(`${eventsFile}:1: expected a YAML list of events`);
	return parsed.value.map((entry: unknown, index: number) => {
		const result = eventSchema.safeParse(entry);
		if (!result.success) throw new Error(formatSchemaError(eventsFile, result.error, (path) => parsed.locate([index, ...path])));
		return result.data;
	});
})();
const notes = new Map<string, { data: EditorNote; body: string }>(
	filesIn('notes', '.md').map((name) => {
		const text = read('notes', name);
		return [basename(name, '.md'), { data: load(noteSchema, `content/notes/${name}`, text, true), body: splitFrontmatter(text, name).body }];
	}),
);

/** Capture file of each commentary, from its frontmatter when it exists. */
const FALLBACK_CAPTURE: Record<string, string> = {
	'sharma-jayaprakash-east-asian-security-order': '000',
	'rekha-j-niice-commentary': '001',
	'bhadrakumar-rustle-up-an-alliance': '002',
	'lankov-nbr-interview': '003',
	'roy-kim-putin-vostochny-summit': '004',
};
const SOURCES = readdirSync(join(CONTENT, 'sources')).filter((name) => name.endsWith('.txt'));

function captureOf(slug: string): string {
	const commentary = join(CONTENT, 'commentaries', `${slug}.md`);
	if (existsSync(commentary)) {
		const { yaml } = splitFrontmatter(readFileSync(commentary, 'utf8'), commentary);
		const capture = (parseDocument(yaml).toJS() as { source?: { capture?: string } }).source?.capture;
		if (capture) return capture;
	}
	const prefix = FALLBACK_CAPTURE[slug];
	const name = prefix === undefined ? undefined : SOURCES.find((file) => file.startsWith(`${prefix}_`));
	if (!name) throw new Error(`no capture text known for commentary “${slug}”`);
	return name;
}

function countOccurrences(haystack: string, needle: string): number {
	let count = 0;
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
	return count;
}

const captures = Object.fromEntries(SOURCES.map((name) => [name, read('sources', name)]));
const allText = Object.values(captures).join('\n\n');

function formText(form: Actor['forms'][number]): string {
	return typeof form === 'string' ? form : form.text;
}
function formType(form: Actor['forms'][number]): string {
	return typeof form === 'string' ? 'name' : form.type;
}

// ---------------------------------------------------------------------------
// A reference reading of the matching rules, to check the data against them
// ---------------------------------------------------------------------------

const WORD = String.raw`[\p{L}\p{N}]`;
function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}
/** Whole-word, case-sensitive pattern of a surface form (hyphens count as word breaks). */
function formPattern(text: string): RegExp {
	return new RegExp(`(?<!${WORD})${escapeRegExp(text)}(?!${WORD})`, 'gu');
}
/** Case-insensitive, whole-word, flexible-white-space pattern of an implicit phrase. */
function phrasePattern(phrase: string): RegExp {
	const body = phrase.trim().split(/\s+/).map(escapeRegExp).join(String.raw`\s+`);
	return new RegExp(`(?<!${WORD})${body}(?!${WORD})`, 'giu');
}

/** Links made in `text`: longest form first across the registry; notForms block their span. Short forms are left out. */
function link(text: string): { text: string; actor: string }[] {
	const taken = new Array<boolean>(text.length).fill(false);
	const claim = (start: number, end: number): boolean => {
		for (let i = start; i < end; i++) if (taken[i]) return false;
		for (let i = start; i < end; i++) taken[i] = true;
		return true;
	};
	for (const actor of actors.values()) {
		for (const not of actor.notForms) for (const m of text.matchAll(formPattern(not))) claim(m.index, m.index + not.length);
	}
	const forms = [...actors].flatMap(([id, actor]) =>
		actor.forms.filter((form) => formType(form) !== 'short').map((form) => ({ id, text: formText(form) })),
	);
	forms.sort((a, b) => b.text.length - a.text.length);
	const hits: { at: number; text: string; actor: string }[] = [];
	for (const form of forms) {
		for (const m of text.matchAll(formPattern(form.text))) {
			if (claim(m.index, m.index + form.text.length)) hits.push({ at: m.index, text: form.text, actor: form.id });
		}
	}
	return hits.sort((a, b) => a.at - b.at).map(({ text: t, actor }) => ({ text: t, actor }));
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

describe('articles', () => {
	it('should number 23 articles 1..23, each exactly once', () => {
		const numbers = [...articles.values()].map((article) => article.number).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
	});

	it('should name each file after its article number (NN.yaml)', () => {
		for (const [name, article] of articles) expect(name).toBe(`${String(article.number).padStart(2, '0')}.yaml`);
	});

	it.each([
		['verified', [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 16, 20, 22, 23]],
		['verified-list', [15, 18]],
		['inferred', [9, 17]],
		['unknown', [12, 13, 14, 19, 21]],
	] as const)('should give status %s to articles %j (treaty-articles.md)', (status, expected) => {
		const numbers = [...articles.values()].filter((a) => a.status === status).map((a) => a.number).sort((a, b) => a - b);
		expect(numbers).toEqual(expected);
	});

	it.each([
		[9, 'strong'],
		[17, 'weak'],
	] as const)('should infer article %i from order with a %s inference and its reasoning', (number, strength) => {
		const article = [...articles.values()].find((a) => a.number === number)!;
		expect(article.inference?.strength).toBe(strength);
		expect(article.inference?.reasoning).toMatch(/order|chapter list/);
		expect(article.sources.some((source) => source.supports === 'order')).toBe(true);
		expect(article.sources.some((source) => source.supports === 'number')).toBe(false);
	});

	it.each([
		[1, 'https://en.sputniknews.africa/amp/20240620/russia-n-korea-confirm-intention-to-promote-multipolar-world-order-by-signing-agreement-1067142693.html', "as the agreement's first article read"],
		[2, 'https://en.sputniknews.africa/amp/20240620/russia-n-korea-confirm-intention-to-promote-multipolar-world-order-by-signing-agreement-1067142693.html', "the agreement's second article said"],
		[3, 'https://verelq.am/ru/node/146697', 'Согласно статье 3 документа'],
		[4, 'https://hani.co.kr/arti/english_edition/e_northkorea/1145928.html', 'Article 4 of the agreement states'],
		[5, 'https://moneytimes.jp/archives/362895/2', '第5条に入ると'],
		[6, 'https://m.hankookilbo.com/News/Read/Amp/A2024062014580000349', "'정의롭고 다극화된 새로운 세계질서 수립 협력'(6조)"],
		[7, 'https://m.hankookilbo.com/News/Read/Amp/A2024062014580000349', "'매 일방이 해당한 국제 및 지역기구 가입 협조'(7조)"],
		[8, 'https://news.k4s.uk/2024/10/russia-is-preparing-to-ratify-the-strategic-partnership-agreement-with-the-dprk', 'Article 8, which states'],
		[10, 'https://rossia.news/news/moskva/rossiya-i-kndr-dogovorilis-razvivat-sotrudnichestvo-v-sfere-kosmosa', 'статья 10 документа'],
		[15, 'https://www.dailynk.com/english/cyber-allies-north-korea-and-russias-cyber-partnership-in-the-post-treaty-era/', 'as mentioned in articles 10, 18, 20, and 15'],
		[16, 'https://japanese.joins.com/JArticle/320172', '新しい条約の第16条は'],
		[18, 'https://www.dailynk.com/english/cyber-allies-north-korea-and-russias-cyber-partnership-in-the-post-treaty-era/', 'as mentioned in articles 10, 18, 20, and 15'],
		[20, 'https://elpais.com/internacional/2024-06-20/rusia-y-corea-del-norte-se-alian-para-luchar-contra-lo-que-consideran-noticias-falsas.html', 'recoge el artículo 20'],
		[22, 'https://mzfxw.com/e/DoPrint/index.php?classid=17&id=187726', '依第22条'],
		[23, 'https://donga.com/news/amp/all/20240621/125541505/2', '마지막 조항인 23조는'],
	] as const)('should tie article %i to its number through %s (“%s”)', (number, url, phrase) => {
		const article = [...articles.values()].find((a) => a.number === number)!;
		const source = article.sources.find((s) => s.url === url && s.supports === 'number');
		expect(source, `a source at ${url} that prints the number`).toBeDefined();
		expect(source!.quote).toContain(phrase);
	});

	it('should not cite the TASS Federation Council story, which puts the consultation clause in Article 4', () => {
		for (const article of articles.values()) {
			expect(article.sources.map((s) => s.url), `article ${article.number}`).not.toContain('https://tass.com/politics/1868051');
		}
	});

	it('should give every number-printing source its url and the phrase that ties the number, in the language it names', () => {
		for (const article of articles.values()) {
			for (const source of article.sources.filter((s) => s.supports === 'number')) {
				expect(source.url, `article ${article.number}: ${source.label}`).toBeDefined();
				expect(source.quote ?? source.quoteMissing, `article ${article.number}: ${source.label}`).toBeDefined();
				if (source.quote && source.lang === undefined) expect(source.quote, `article ${article.number}: ${source.label} needs lang`).toMatch(/^[\p{Script=Latin}\p{P}\p{N}\s]+$/u);
			}
		}
	});

	it('should give no unknown article a title, summary or implicit phrase, but always a record of what was searched', () => {
		for (const article of articles.values()) {
			if (article.status !== 'unknown') continue;
			expect(article.title, `article ${article.number}`).toBeUndefined();
			expect(article.summary, `article ${article.number}`).toBeUndefined();
			expect(article.implicitPhrases, `article ${article.number}`).toEqual([]);
			expect(article.searched.length, `article ${article.number}`).toBeGreaterThan(0);
			expect(article.searched.map((s) => s.query).join(' '), `article ${article.number}`).toContain(String(article.number));
		}
	});

	it('should keep titles short (2 to 6 words)', () => {
		for (const article of articles.values()) {
			if (article.title === undefined) continue;
			const words = article.title.split(/\s+/).length;
			expect(words, `article ${article.number}: “${article.title}”`).toBeGreaterThanOrEqual(2);
			expect(words, `article ${article.number}: “${article.title}”`).toBeLessThanOrEqual(6);
		}
	});

	it('should not claim one implicit phrase for two articles', () => {
		const seen = new Map<string, number>();
		for (const article of articles.values()) {
			for (const { phrase } of article.implicitPhrases) {
				const key = phrase.toLowerCase().replace(/\s+/g, ' ');
				expect(seen.get(key), `“${phrase}” is claimed by articles ${seen.get(key)} and ${article.number}`).toBeUndefined();
				seen.set(key, article.number);
			}
		}
	});

	it.each([
		[4, 'signed a mutual defence treaty that guaranteed', '001'],
		[4, 'provide military assistance to each other with all necessary means', '001'],
		[4, 'helping each other in the event of an attack by a third country', '002'],
		[4, 'signed a mutual defense pact with North Korean president', '003'],
		[4, 'a requirement to provide military and other assistance in the event', '003'],
		[4, 'mutual security guarantees in the event of an attack', '000'],
		[10, 'science and technology, including space exploration, biology, and peaceful atomic energy', '001'],
		[16, 'oppose “unilateral compulsory measures”', '003'],
	] as const)('should find article %i by subject in “%s” (seed %s)', (number, passage, seed) => {
		const capture = Object.entries(captures).find(([name]) => name.startsWith(`${seed}_`))![1];
		expect(capture, 'the passage must be quoted from the capture').toContain(passage);
		const article = [...articles.values()].find((a) => a.number === number)!;
		const found = article.implicitPhrases.some(({ phrase }) => phrasePattern(phrase).test(passage));
		expect(found).toBe(true);
	});

	it.each([
		'with security guarantees from two major powers in the Asia Pacific region, Russia and China',
		'the newly formalised military alliance between Russia and North Korea',
		'Russia’s support could also be a signal to South Korea and Japan to back down from militarily aiding Kiev',
		'aid in the form of food, energy and machinery',
		// Seed 003: the clause of the 1961 China–DPRK treaty, not this treaty's Article 4.
		'the 1961 treaty between North Korea and China is still operational and has exactly the same mutual defense clause',
	])('should not read an article citation into “%s”', (passage) => {
		// Through the recogniser with the real instruments and spellings: a phrase of another treaty's clause is
		// left plain by its context ("the 1961 treaty … the same mutual defense clause"), not by leaving it out.
		const registry = loadRegistry(join(import.meta.dirname, '../..'));
		expect(findArticleReferences(passage, { articles: registry.articles, instruments: registry.instruments, spellings: registry.spellings })).toEqual([]);
	});
});

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------

const PERSONS = [
	'kim-jong-un', 'vladimir-putin', 'kim-jong-il', 'kim-il-sung', 'xi-jinping', 'jake-sullivan', 'andrei-belousov',
	'yury-ushakov', 'joseph-stalin', 'sergei-shoigu', 'sergei-lavrov', 'andrei-lankov', 'andrew-pruden', 'rekha-j',
	'abhishek-sharma', 'rajoli-siddharth-jayaprakash', 'm-k-bhadrakumar', 'rajorshi-roy',
];

describe('actors', () => {
	it('should name every actor file in kebab-case', () => {
		for (const id of actors.keys()) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('should register every person of treaty-facts §4a', () => {
		for (const id of PERSONS) expect(actors.get(id)?.kind, id).toBe('person');
	});

	it('should not let two actors claim one surface form (short forms excepted)', () => {
		const owner = new Map<string, string>();
		for (const [id, actor] of actors) {
			for (const form of actor.forms) {
				if (formType(form) === 'short') continue;
				const text = formText(form);
				expect(owner.get(text), `“${text}” is claimed by ${owner.get(text)} and ${id}`).toBeUndefined();
				owner.set(text, id);
			}
		}
	});

	it('should list each notForm on an actor one of whose forms it contains', () => {
		for (const [id, actor] of actors) {
			for (const not of actor.notForms) {
				const contains = actor.forms.some((form) => formPattern(formText(form)).test(not));
				expect(contains, `${id}: notForm “${not}” contains none of its forms`).toBe(true);
			}
		}
	});

	it('should give a short form only to actors that also have a full name', () => {
		for (const [id, actor] of actors) {
			if (!actor.forms.some((form) => formType(form) === 'short')) continue;
			expect(actor.forms.some((form) => formType(form) === 'name'), id).toBe(true);
		}
	});

	it('should not list possessives, which the matcher recognises itself', () => {
		for (const [id, actor] of actors) {
			for (const form of actor.forms) expect(formText(form), id).not.toMatch(/['’]s?$/);
		}
	});

	it('should find every misspelling in the texts, with its correction', () => {
		for (const [id, actor] of actors) {
			for (const form of actor.forms) {
				if (typeof form === 'string' || form.type !== 'misspelling') continue;
				expect(form.correct, id).toBeTruthy();
				expect(allText, `${id}: “${form.text}”`).toContain(form.text);
			}
		}
	});

	it.each([
		['the Democratic People’s Republic of Korea (DPRK) and Russia', [['Democratic People’s Republic of Korea', 'north-korea'], ['DPRK', 'north-korea'], ['Russia', 'russia']]],
		['to the Republic of Korea (ROK) and the U.S. military presence', [['Republic of Korea', 'south-korea'], ['ROK', 'south-korea'], ['U.S.', 'united-states']]],
		['a special message for President Putin for Russia Day', [['Putin', 'vladimir-putin']]],
		['the 2000 and 2001 Moscow and Pyongyang declarations', []],
		['waning in the Russian Far East', []],
		['boost connectivity with the Russian Far Eastern regions', []],
		['likely to be the North Star of bilateral ties', []],
		['the Kim regime would like to achieve', [['the Kim regime', 'north-korea']]],
		['the Russian military industrial complex (MIC) being unable', [['Russian military industrial complex', 'russian-mic']]],
		['members of its MIC during summit-level talks', []],
		['Project Fellow at the Korea Center at Mahatma Gandhi University', [['Korea Center', 'mgu-korea-center'], ['Mahatma Gandhi University', 'mgu-korea-center']]],
		['Director of the Korea Risk Group, the parent company of NK News', [['Korea Risk Group', 'korea-risk-group'], ['NK News', 'nk-news']]],
		['tensions on the Korean peninsula', []],
		['captured the USS Pueblo', []],
		['the US National Security Advisor Jack Sullivan', [['US', 'united-states'], ['Jack Sullivan', 'jake-sullivan']]],
		['the U.S.-ROK-Japan trilateral partnership', [['U.S.', 'united-states'], ['ROK', 'south-korea'], ['Japan', 'japan']]],
		['when the South Korean nationalist Left', [['the South Korean nationalist Left', 'sk-progressives']]],
		['the Chinese Foreign Ministry spokesman', [['Chinese Foreign Ministry', 'china-mfa']]],
		['UN Security Council resolutions, and UN sanctions', [['UN Security Council', 'unsc'], ['UN', 'united-nations']]],
	] as const)('should link “%s” as %j', (text, expected) => {
		expect(link(text).map(({ text: t, actor }) => [t, actor])).toEqual(expected);
	});

	it('should link every actor at least once in the texts, except those named only in metadata', () => {
		const linked = new Set(link(allText).map((hit) => hit.actor));
		// Outlets that carried a commentary but are not named in any text.
		const metadataOnly = new Set(['eurasia-review', 'asian-diplomacy']);
		for (const id of actors.keys()) if (!metadataOnly.has(id)) expect(linked.has(id), id).toBe(true);
	});

	it('should resolve every actor id named by a commentary author', () => {
		const dir = join(CONTENT, 'commentaries');
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
			const { yaml } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), name);
			const data = parseDocument(yaml).toJS() as { authors?: { actor?: string }[] };
			for (const author of data.authors ?? []) if (author.actor) expect(actors.has(author.actor), `${name}: ${author.actor}`).toBe(true);
		}
	});
});

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

describe('events', () => {
	it('should give every event a unique id', () => {
		const ids = events.map((event) => event.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('should name only registered actors', () => {
		for (const event of events) for (const id of event.actors) expect(actors.has(id), `${event.id}: ${id}`).toBe(true);
	});

	it('should mark the turning points as key events, the signing and the entry into force among them, each with a short label', () => {
		const key = events.filter((event) => event.key);
		expect(key.map((event) => [event.id, event.date])).toEqual(
			expect.arrayContaining([
				['treaty-signed', '2024-06-19'],
				['treaty-enters-into-force', '2024-12-04'],
			]),
		);
		// The drawing labels them: a few words each, and few enough to stay readable.
		for (const event of key) expect(event.short, event.id).toMatch(/^.{1,24}$/);
		expect(key.length).toBeLessThanOrEqual(10);
		expect(events.filter((event) => !event.key && event.short).map((event) => event.id)).toEqual([]);
	});

	it.each([
		['putin-state-visit-dprk', '2024-06-18/2024-06-19'],
		['treaty-signed', '2024-06-19'],
		['kcna-publishes-text', '2024-06-20'],
		['treaty-to-duma', '2024-10-14'],
		['duma-ratifies', '2024-10-24'],
		['federation-council-approves', '2024-11-06'],
		['putin-signs-ratification', '2024-11-09'],
		['kim-ratification-decree', '2024-11-11'],
		['treaty-enters-into-force', '2024-12-04'],
		['ussr-dprk-treaty-1961', '1961-07-06'],
		['china-dprk-treaty-1961', '1961-07-11'],
		['russia-dprk-treaty-2000', '2000-02-09'],
		['pyongyang-declaration-2000', '2000-07-19'],
		['moscow-declaration-2001', '2001-08-04'],
		['china-rok-2plus2', '2024-06-18'],
		['sullivan-pbs-interview', '2024-06-17'],
	])('should date %s to %s (treaty-facts §1b, §6)', (id, date) => {
		expect(events.find((event) => event.id === id)?.date).toBe(date);
	});

	it('should list events in chronological order of their start', () => {
		const starts = events.map((event) => event.date.split('/')[0]!.slice(0, 4));
		expect(starts).toEqual([...starts].sort());
	});
});

// ---------------------------------------------------------------------------
// Editor's notes
// ---------------------------------------------------------------------------

describe("editor's notes", () => {
	it('should annotate only known commentaries', () => {
		for (const [id, { data }] of notes) expect(Object.keys(FALLBACK_CAPTURE), id).toContain(data.commentary);
	});

	it("should find every quote exactly once in its commentary's capture", () => {
		for (const [id, { data }] of notes) {
			const capture = captures[captureOf(data.commentary)];
			expect(capture, `${id}: capture of ${data.commentary}`).toBeDefined();
			const anchored = `${data.prefix ?? ''}${data.quote}${data.suffix ?? ''}`;
			expect(countOccurrences(capture!, anchored), `${id}: “${anchored}”`).toBe(1);
		}
	});

	it('should find every quote exactly once in the commentary as published, when it exists', () => {
		for (const [id, { data }] of notes) {
			const file = join(CONTENT, 'commentaries', `${data.commentary}.md`);
			if (!existsSync(file)) continue;
			const { body } = splitFrontmatter(readFileSync(file, 'utf8'), file);
			expect(countOccurrences(body, `${data.prefix ?? ''}${data.quote}${data.suffix ?? ''}`), id).toBe(1);
		}
	});

	it('should keep quotes free of runs of spaces, which Markdown would collapse', () => {
		for (const [id, { data }] of notes) expect(data.quote, id).not.toMatch(/\s{2,}/);
	});

	it('should give every note a body of one to three sentences', () => {
		for (const [id, { body }] of notes) {
			const sentences = body.trim().split(/(?<=[.!?])\s+(?=[A-Z“‘"])/).filter(Boolean);
			expect(sentences.length, id).toBeGreaterThanOrEqual(1);
			expect(sentences.length, id).toBeLessThanOrEqual(3);
		}
	});

	it.each([
		['sharma-article-8-security-guarantees', [8, 4]],
		['sharma-articles-11-13-labour', [11, 13]],
		['sharma-article-14-labour', [14]],
		['lankov-reuters-paraphrase', [4]],
		['sharma-replaces-earlier-treaties', [22]],
	])('should tie note %s to articles %j', (id, expected) => {
		expect(notes.get(id)?.data.articles).toEqual(expected);
	});
});

// ---------------------------------------------------------------------------
// Broken input
// ---------------------------------------------------------------------------

describe('broken entries', () => {
	it.each([
		['an unknown article with a title', articleSchema, 'number: 9\nstatus: unknown\ntitle: Food security\n', false, /bad\.yaml:3: title: .*must not be given a title/],
		['a verified article without sources', articleSchema, 'number: 4\nstatus: verified\ntitle: Mutual aid\nsummary: Aid.\n', false, /bad\.yaml:1: sources: a verified article needs at least one source/],
		['an inferred article without sources', articleSchema, `number: 9\nstatus: inferred\ntitle: T\nsummary: S.\ninference: {strength: weak, reasoning: R.}\n`, false, /bad\.yaml:1: sources: an inferred article needs at least one source/],
		['a verified article whose only source does not print the number', articleSchema, `number: 4\nstatus: verified\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    supports: subject\n`, false, /bad\.yaml:5: sources: a verified article needs a source that prints its number/],
		['a number-printing source without the phrase that ties it', articleSchema, `number: 4\nstatus: verified\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    url: https://example.com/\n    supports: number\n`, false, /bad\.yaml:6: sources\[0\]\.quote: a source that prints the number needs the exact phrase/],
		['a number-printing source without its url', articleSchema, `number: 4\nstatus: verified\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    supports: number\n    quote: Article 4\n`, false, /bad\.yaml:6: sources\[0\]\.url: a source that prints the number needs its url/],
		['a source with an unknown kind of support', articleSchema, `number: 4\nstatus: verified\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    supports: rumour\n`, false, /bad\.yaml:7: sources\[0\]\.supports: /],
		['an unknown article with a summary', articleSchema, 'number: 12\nstatus: unknown\nsummary: Culture.\nsearched: [{query: q, where: w, outcome: o}]\n', false, /bad\.yaml:3: summary: .*must not be given a summary/],
		['an unknown article with no record of what was searched', articleSchema, 'number: 12\nstatus: unknown\n', false, /bad\.yaml:1: searched: an article whose subject is unknown needs a record of what was searched/],
		['an unknown article whose source prints its number', articleSchema, `number: 12\nstatus: unknown\nsources:\n  - label: L\n    url: https://example.com/\n    supports: number\n    quote: Article 12\nsearched: [{query: q, where: w, outcome: o}]\n`, false, /bad\.yaml:2: status: a source prints this article’s number/],
		['an inferred article without its inference', articleSchema, `number: 9\nstatus: inferred\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    supports: order\n`, false, /bad\.yaml(:\d+)?: inference: an inferred article needs its inference/],
		['an inferred article whose source prints its number', articleSchema, `number: 9\nstatus: inferred\ntitle: T\nsummary: S.\ninference: {strength: strong, reasoning: R.}\nsources:\n  - label: L\n    url: https://example.com/\n    supports: number\n    quote: Article 9\n`, false, /bad\.yaml:2: status: a source prints this article’s number .*not merely inferred/],
		['an inference of unknown strength', articleSchema, `number: 9\nstatus: inferred\ntitle: T\nsummary: S.\ninference: {strength: probable, reasoning: R.}\nsources:\n  - label: L\n    supports: order\n`, false, /bad\.yaml:5: inference\.strength: /],
		['a verified article with an inference', articleSchema, `number: 4\nstatus: verified\ntitle: T\nsummary: S.\ninference: {strength: strong, reasoning: R.}\nsources:\n  - label: L\n    url: https://example.com/\n    supports: number\n    quote: Article 4\n`, false, /bad\.yaml:5: inference: only an inferred article has an inference/],
		['a verified-list article without a status note', articleSchema, `number: 15\nstatus: verified-list\ntitle: T\nsummary: S.\nsources:\n  - label: L\n    url: https://example.com/\n    supports: number\n    quote: articles 10 and 15\n`, false, /bad\.yaml(:\d+)?: statusNote: a verified-list article needs a statusNote/],
		['the retired status “secondary”', articleSchema, 'number: 6\nstatus: secondary\n', false, /bad\.yaml:2: status: /],
		['an article numbered 24', articleSchema, 'number: 24\nstatus: unknown\nsearched: [{query: q, where: w, outcome: o}]\n', false, /bad\.yaml:1: number: /],
		['an actor with a misspelt field', actorSchema, 'name: X\nkind: person\ndescription: X.\nform: [X]\n', false, /bad\.yaml(:\d+)?: form: unknown field/],
		['an actor with an unknown kind', actorSchema, 'name: X\nkind: country\ndescription: X.\nforms: [X]\n', false, /bad\.yaml:2: kind: /],
		['a misspelling without its correction', actorSchema, 'name: X\nkind: person\ndescription: X.\nforms:\n  - text: Jack\n    type: misspelling\n', false, /bad\.yaml:5: forms\[0\]\.correct: a misspelling needs its correct spelling/],
		['an event on 30 February', eventSchema, 'id: e\ndate: "2024-02-30"\nlabel: L\nsources: [{label: S}]\n', false, /bad\.yaml:2: date: expected YYYY/],
		['an event with a reversed range', eventSchema, 'id: e\ndate: 2024-12/2024-06\nlabel: L\nsources: [{label: S}]\n', false, /bad\.yaml:2: date: /],
		['an event without sources', eventSchema, 'id: e\ndate: 2024\nlabel: L\nsources: []\n', false, /bad\.yaml:4: sources: /],
		['a note of an unknown kind', noteSchema, '---\ncommentary: c\nquote: ab\nkind: typo\nsources: [{label: S}]\n---\nBody.\n', true, /bad\.yaml:4: kind: /],
		['a note with a source that is not a URL', noteSchema, '---\ncommentary: c\nquote: ab\nkind: context\nsources:\n  - label: S\n    url: not a url\n---\n', true, /bad\.yaml:7: sources\[0\]\.url: /],
	] as const)('should reject %s, naming the file, line and field', (_, schema, text, markdown, message) => {
		expect(() => load(schema as z.ZodType, 'bad.yaml', text, markdown)).toThrow(message);
	});

	it('should reject a frontmatter-less note, naming the file', () => {
		expect(() => load(noteSchema, 'bad.md', 'Just a body.\n', true)).toThrow(/bad\.md:1: missing YAML frontmatter/);
	});

	it('should reject invalid YAML, naming the file and line', () => {
		expect(() => load(actorSchema, 'bad.yaml', 'name: X\nforms: [a, b\n')).toThrow(/bad\.yaml:\d+: YAML syntax error/);
	});
});
