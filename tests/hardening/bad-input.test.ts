/**
 * Bad input, tried as a contributor would: each case changes a copy of the
 * project and runs the real `astro build` on it, asserting the exit code and
 * what the contributor reads. Independent cases share a build, since every
 * build reports all problems at once:
 *
 * 1. content problems found before rendering (encoding, file names, schemas,
 *    references, renames): one quick build that stops at setup;
 * 2. problems raised while rendering (editors' notes, the ledger, unsafe
 *    URLs, raw HTML, an empty page): one build that stops after loading;
 * 3. input that must build (a recorded rename, BOMs, stray colons, names with
 *    no-break spaces and invisible characters, headings named like the page's
 *    own ids, external links, a commentary quoting other scripts and emoji):
 *    one full build, checked page by page and in Chromium, and built again in
 *    another folder under another time zone and locale to prove the output,
 *    share cards included, byte-identical.
 *
 * The four builds are independent: they start together and run one per core
 * (`buildCopy`), each group waiting for its own.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../support/import-graph';
import { parseLedger, serializeLedger } from '../../src/claims/ledger.ts';
import { pairId } from '../../src/features/compare/model.ts';
import { loadDebris } from '../support/debris.ts';
import { checkInOrder, findElement, formatInOrderResult, sourceWords, visibleText } from '../support/fidelity.ts';
import { readCapture } from '../support/fidelity-files.ts';
import { listFiles } from '../support/dist.ts';
import { buildCopy, copyProject, editCopy as edit, lineInCopy as lineOf, PROJECT_ROOT, removeCopy, type BuildResult } from '../support/project-copy.ts';
import { elementsOf, hasClass, idsOf, textOf } from '../support/hast-walk.ts';
import { launchChromium, withPage } from '../support/browser.ts';
import { boxedCharacters } from '../support/glyphs.ts';
import { serveDist } from '../support/server.ts';
import { CARD_SIZE } from '../../src/utils/head-meta.ts';

const copies: string[] = [];
afterAll(() => {
	for (const copy of copies) removeCopy(copy);
});

/** Each group's preparation and build, started together before the first group runs. */
const starts: (() => Promise<void>)[] = [];
beforeAll(() => {
	for (const start of starts) void start();
});

/**
 * A group's `beforeAll` that starts with the file's first hook rather than
 * with its group, so the builds of the file overlap (`buildCopy` runs one per
 * core); the group still waits for its own build, and fails if it fails.
 */
function startedWithTheFile(prepare: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	const start = () => {
		if (running === undefined) {
			running = prepare();
			// Awaited by the group's hook; until then a failure is not an unhandled rejection.
			running.catch(() => undefined);
		}
		return running;
	};
	starts.push(start);
	return start;
}

/** A fresh copy of the project, removed after the file's tests. */
function freshCopy(name: string): string {
	const copy = copyProject(`treaty-hardening-${name}`);
	copies.push(copy);
	return copy;
}

/** The block of problem lines a failed build printed last (the `Content has N problems:` list). */
function problemLines(result: BuildResult): string[] {
	const at = result.output.lastIndexOf('Content has ');
	if (at < 0) return [];
	const lines = result.output.slice(at).split('\n').slice(1);
	const end = lines.findIndex((line) => !/^content\/\S/.test(line));
	return end < 0 ? lines : lines.slice(0, end);
}

const ROY = 'content/commentaries/roy-kim-putin-vostochny-summit.md';
const LANKOV = 'content/commentaries/lankov-nbr-interview.md';
const REKHA = 'content/commentaries/rekha-j-niice-commentary.md';
const SHARMA = 'content/commentaries/sharma-jayaprakash-east-asian-security-order.md';
const BHADRAKUMAR = 'content/commentaries/bhadrakumar-rustle-up-an-alliance.md';

describe('content problems stop the build before rendering, all reported at once', () => {
	let copy: string;
	let result: BuildResult;
	let lines: string[];
	const expected = new Map<string, RegExp | string>();

	beforeAll(startedWithTheFile(async () => {
		copy = freshCopy('setup');
		// 6. Invalid UTF-8 in a commentary and in a registry file, named with its byte offset.
		const sharmaPath = join(copy, SHARMA);
		const sharma = readFileSync(sharmaPath);
		const bilateral = sharma.indexOf('bilateral');
		expect(bilateral).toBeGreaterThan(0);
		writeFileSync(sharmaPath, Buffer.concat([sharma.subarray(0, bilateral + 2), Buffer.from([0xff, 0xfe]), sharma.subarray(bilateral + 2)]));
		const sharmaLine = sharma.subarray(0, bilateral).toString('utf8').split('\n').length;
		expected.set('invalid UTF-8 in a commentary', `${SHARMA}:${sharmaLine}: encoding: not valid UTF-8 at byte offset ${bilateral + 2} (bytes ff fe`);
		const chinaPath = join(copy, 'content/actors/china.yaml');
		const china = readFileSync(chinaPath);
		writeFileSync(chinaPath, Buffer.concat([china, Buffer.from('# caf\xe9\n', 'latin1')]));
		expected.set('invalid UTF-8 in an actor', `content/actors/china.yaml:${china.toString('utf8').split('\n').length}: encoding: not valid UTF-8 at byte offset ${china.length + 5}`);

		// 4. A registry file with another extension, and a commentary differing only in case.
		renameSync(join(copy, 'content/articles/23.yaml'), join(copy, 'content/articles/23.yml'));
		expected.set('23.yml', 'content/articles/23.yml: file name: only .yaml files are read here; rename it to 23.yaml');
		copyFileSync(join(copy, ROY), join(copy, 'content/commentaries/Roy-Kim-Putin-Vostochny-Summit.md'));
		expected.set('case-only duplicate', 'content/commentaries/roy-kim-putin-vostochny-summit.md: file name: differs from content/commentaries/Roy-Kim-Putin-Vostochny-Summit.md only in letter case');

		// 4. References between collections.
		edit(copy, 'content/events/events.yaml', (text) => text.replace('  - soviet-union\n', '  - soviet-onion\n'));
		expected.set('event actor', new RegExp(`^content/events/events\\.yaml:${lineOf(copy, 'content/events/events.yaml', '- soviet-onion')}: \\[\\d+\\]\\.actors\\[0\\]: no actor “soviet-onion” in content/actors/$`));
		edit(copy, BHADRAKUMAR, (text) => text.replace('actor: "m-k-bhadrakumar"', 'actor: "mk-bhadrakumar"'));
		expected.set('author actor', `${BHADRAKUMAR}:${lineOf(copy, BHADRAKUMAR, 'actor: "mk-bhadrakumar"')}: authors[0].actor: no actor “mk-bhadrakumar” in content/actors/`);
		edit(copy, 'content/notes/lankov-china-dprk-treaty.md', (text) => text.replace(/^commentary: .*$/m, 'commentary: lankov-nbr-interveiw'));
		expected.set('note commentary', 'content/notes/lankov-china-dprk-treaty.md:2: commentary: no commentary “lankov-nbr-interveiw” in content/commentaries/');
		edit(copy, 'content/notes/roy-scared-struggle.md', (text) => text.replace('articles: []', 'articles: [23]'));
		expected.set('note article', `content/notes/roy-scared-struggle.md:${lineOf(copy, 'content/notes/roy-scared-struggle.md', 'articles: [23]')}: articles[0]: no Article 23 in content/articles/`);
		edit(copy, 'content/notes/bhadrakumar-trade-figure.md', (text) => `${text}\nSee <b>this</b> and [that](javascript:alert(1)).\n`);
		const noteLine = lineOf(copy, 'content/notes/bhadrakumar-trade-figure.md', 'See <b>this</b>');
		expected.set('raw HTML in a note', `content/notes/bhadrakumar-trade-figure.md:${noteLine}: body: raw HTML is not allowed (“<b>”)`);
		expected.set('javascript: in a note', `content/notes/bhadrakumar-trade-figure.md:${noteLine}: body: link URL “javascript:alert(1)” uses javascript:`);
		// A note's Markdown: a heading, a site link to nothing and a relative link, each at its line.
		edit(copy, 'content/notes/sharma-declarations-order.md', (text) => `${text}\n## A heading in a note\n\nSee [him](/actors/nobody/) and [above](#missing-anchor).\n`);
		const noteHeading = lineOf(copy, 'content/notes/sharma-declarations-order.md', '## A heading in a note');
		expected.set('heading in a note', `content/notes/sharma-declarations-order.md:${noteHeading}: body: a heading is not supported in an editor’s note`);
		expected.set('note link to nothing', `content/notes/sharma-declarations-order.md:${noteHeading + 2}: body: link “/actors/nobody/” goes nowhere`);
		expected.set('relative note link', `content/notes/sharma-declarations-order.md:${noteHeading + 2}: body: link “#missing-anchor” is relative`);
		// A direction override written as a character reference, which Markdown decodes.
		edit(copy, ROY, (text) => `${text}\nThe names read &#x202E;backwards here.\n`);
		expected.set('override as a reference', `${ROY}:${lineOf(copy, ROY, 'The names read &#x202E;')}: body: column 16 “&#x202E;” contains U+202E RIGHT-TO-LEFT OVERRIDE`);

		// 7. Frontmatter errors of two commentaries, every one with its line and field.
		edit(copy, LANKOV, (text) => text.replace('kind: interview', 'kind: podcast').replace('date: "2024"', 'date: "June 2024"'));
		expected.set('bad enum', new RegExp(`^${LANKOV}:${lineOf(copy, LANKOV, 'kind: podcast')}: kind: `));
		expected.set('bad date', new RegExp(`^${LANKOV}:${lineOf(copy, LANKOV, 'date: "June 2024"')}: published\\.date: `));
		edit(copy, BHADRAKUMAR, (text) => text.replace(/^outlet: .*\n/m, '').replace(/^kind: /m, 'titel: "Typo"\nkind: '));
		expected.set('missing field', /^content\/commentaries\/bhadrakumar-rustle-up-an-alliance\.md:\d+: outlet: required field is missing/);
		expected.set('unknown field', `${BHADRAKUMAR}:${lineOf(copy, BHADRAKUMAR, 'titel:')}: titel: unknown field`);

		// 2. A commentary with no body.
		const frontmatter = readFileSync(join(copy, REKHA), 'utf8').match(/^---\n[\s\S]*?\n---\n/)![0];
		writeFileSync(join(copy, 'content/commentaries/empty-body.md'), `${frontmatter}\n`);
		expected.set('empty body', /^content\/commentaries\/empty-body\.md:\d+: body: the commentary has no text below its frontmatter/);

		// 5. A commentary renamed without recording it, and a recorded rename to nowhere.
		renameSync(join(copy, REKHA), join(copy, 'content/commentaries/rekha-j-2024.md'));
		expected.set('unrecorded rename', /^content\/claims-ledger\.json: commentary: \d+ published sentence ids of “rekha-j-niice-commentary”, but there is no content\/commentaries\/rekha-j-niice-commentary\.md; if it was renamed, record it in content\/renames\.yaml/);
		writeFileSync(join(copy, 'content/renames.yaml'), '# old slug: new slug\nghost-piece: ghost-piece-2024\n');
		expected.set('rename to nowhere', 'content/renames.yaml:2: ghost-piece: renamed to “ghost-piece-2024”, but there is no content/commentaries/ghost-piece-2024.md');

		// Matters and the editors' pair decisions: an unknown article, a stray file, a claim id the ledger lacks.
		edit(copy, 'content/matters/sanctions-on-russia.yaml', (text) => text.replace(/^articles: \[16\]$/m, 'articles: [16, 42]'));
		expected.set('matter article', `content/matters/sanctions-on-russia.yaml:${lineOf(copy, 'content/matters/sanctions-on-russia.yaml', 'articles: [16, 42]')}: articles[1]: no Article 42 in content/articles/`);
		writeFileSync(join(copy, 'content/matters/notes.txt'), 'a stray file\n');
		expected.set('stray matter file', 'content/matters/notes.txt: file name: only .yaml files are read here; a matter is <id>.yaml');
		writeFileSync(join(copy, 'content/related.yaml'), 'confirmed:\n  - claims: [c-0000000000, c-ffffffffff]\n    why: Made up.\nrejected: []\n');
		expected.set('related claim id', 'content/related.yaml:2: confirmed[0].claims[0]: no claim c-0000000000 in content/claims-ledger.json');

		// Addresses, text and file names: one URL rule, visible text without direction overrides, clean names.
		edit(copy, LANKOV, (text) => text.replace(/^  url: null$/m, '  url: "JavaScript:alert(1)"'));
		expected.set('unsafe source URL', `${LANKOV}:${lineOf(copy, LANKOV, 'url: "JavaScript:')}: source.url: "JavaScript:alert(1)" uses javascript:`);
		edit(copy, 'content/events/events.yaml', (text) => text.replace('url: https://tass.com/world/1882445', 'url: "data:text/html,x"'));
		expected.set('unsafe event URL', new RegExp(`^content/events/events\\.yaml:${lineOf(copy, 'content/events/events.yaml', 'url: "data:')}: \\[\\d+\\]\\.sources\\[0\\]\\.url: "data:text/html,x" uses data:`));
		edit(copy, ROY, (text) => text.replace(/^title: .*$/m, 'title: "Kim \u202Enikdaiv"').replace(/^outlet: .*$/m, 'outlet: "\u200b"'));
		expected.set('direction override in a title', `${ROY}:2: title: contains U+202E RIGHT-TO-LEFT OVERRIDE`);
		expected.set('invisible outlet', `${ROY}:${lineOf(copy, ROY, 'outlet:')}: outlet: must contain visible text`);
		copyFileSync(join(copy, 'content/notes/roy-scared-struggle.md'), join(copy, 'content/notes/scared#struggle.md'));
		expected.set('# in a file name', 'content/notes/scared#struggle.md: file name: “scared#struggle” cannot make a clean address');
		writeFileSync(join(copy, 'content/events/more-events.yaml'), '[]\n');
		expected.set('second events file', 'content/events/more-events.yaml: file name: only content/events/events.yaml is read');
		rmSync(join(copy, 'content/articles/12.yaml'));
		expected.set('article gap', 'content/articles/12.yaml: number: Article 12 is missing; the articles are numbered 1 to 22 without gaps');
		rmSync(join(copy, 'content/actors/germany.yaml'));
		expected.set('removed actor page', /^content\/published-pages\.json:\d+: actors\.germany: \/actors\/germany\/ was published, but content\/actors\/germany\.yaml is gone/);

		result = await buildCopy(copy);
		lines = problemLines(result);
	}), 600_000);

	it('should exit non-zero before rendering anything', () => {
		expect(result.code, result.output).not.toBe(0);
		expect(result.output).not.toMatch(/Error rendering|Syncing content/);
		expect(existsSync(join(copy, 'dist', 'index.html'))).toBe(false);
	});

	it('should write no dist/ where there was none, say so, and leave no staging folder (scripts/build.mjs)', () => {
		expect(result.output).toContain('The build failed (exit code 1); no dist/ was written.');
		expect(listFiles(join(copy, 'dist'))).toEqual([]);
		expect(readdirSync(copy).filter((name) => name.startsWith('.staging-'))).toEqual([]);
	});

	it('should print one line per problem as file:line: field: message, without Astro’s 0:0 or markdown', () => {
		expect(lines.length).toBeGreaterThanOrEqual(expected.size);
		for (const line of lines) {
			expect(line).toMatch(/^content\/[^\s:]+(:\d+)?: [^:]+: \S/);
			expect(line).not.toMatch(/\*\*|:0:0/);
		}
	});

	it('should have a fixture for every case', () => {
		expect([...expected.keys()].sort()).toEqual(['invalid UTF-8 in a commentary', 'invalid UTF-8 in an actor', '23.yml', 'case-only duplicate', 'event actor', 'author actor', 'note commentary', 'note article', 'raw HTML in a note', 'javascript: in a note', 'bad enum', 'bad date', 'missing field', 'unknown field', 'empty body', 'unrecorded rename', 'rename to nowhere', 'matter article', 'stray matter file', 'related claim id', 'unsafe source URL', 'unsafe event URL', 'direction override in a title', 'invisible outlet', '# in a file name', 'second events file', 'article gap', 'removed actor page', 'heading in a note', 'note link to nothing', 'relative note link', 'override as a reference'].sort());
	});

	it.each(['invalid UTF-8 in a commentary', 'invalid UTF-8 in an actor', '23.yml', 'case-only duplicate', 'event actor', 'author actor', 'note commentary', 'note article', 'raw HTML in a note', 'javascript: in a note', 'bad enum', 'bad date', 'missing field', 'unknown field', 'empty body', 'unrecorded rename', 'rename to nowhere', 'matter article', 'stray matter file', 'related claim id', 'unsafe source URL', 'unsafe event URL', 'direction override in a title', 'invisible outlet', '# in a file name', 'second events file', 'article gap', 'removed actor page', 'heading in a note', 'note link to nothing', 'relative note link', 'override as a reference'])('should report %s', (name) => {
		const pattern = expected.get(name);
		expect(pattern, `no fixture for ${name}`).toBeDefined();
		const found = lines.some((line) => (typeof pattern === 'string' ? line.startsWith(pattern) : pattern!.test(line)));
		expect(found, `${String(pattern)}\nnot among:\n${lines.join('\n')}`).toBe(true);
	});
});

const RENDER_CASES = [
	'javascript: link', 'vbscript: link', 'data: image', 'remote image', 'raw HTML', 'quote found 0 times', 'quote found several times', 'lost permalink', 'no claims',
	'a table', 'a code block', 'an image', 'a link to nothing', 'a second h1', 'block attributes', 'a footnote', 'a block label', 'an empty link', 'a dangling reference', 'a fragment of another page',
	'unrecorded sentence', 'retirement the text contradicts',
];

describe('problems raised while rendering fail the build, all reported at once', () => {
	let copy: string;
	let result: BuildResult;
	let lines: string[];
	const expected = new Map<string, RegExp | string>();

	beforeAll(startedWithTheFile(async () => {
		copy = freshCopy('render');
		// 3. Unsafe URLs and raw HTML in one paragraph: every one reported, at its line.
		const unsafe = [
			'A paragraph with [a script](javascript:alert(1)), [a form](vbscript:msgbox) and',
			'![a data image](data:image/png;base64,AAAA) and ![a remote image](https://evil.example/x.png) and',
			'and <script>window.__x=1</script> inside it.',
		];
		appendFileSync(join(copy, SHARMA), `\n${unsafe.join('\n')}\n`);
		const first = lineOf(copy, SHARMA, unsafe[0]!);
		expected.set('javascript: link', `${SHARMA}:${first}: body: link URL “javascript:alert(1)” uses javascript:`);
		expected.set('vbscript: link', `${SHARMA}:${first}: body: link URL “vbscript:msgbox” uses vbscript:`);
		expected.set('data: image', `${SHARMA}:${first + 1}: body: image “data:image/png;base64,AAAA” is loaded from another origin`);
		expected.set('remote image', `${SHARMA}:${first + 1}: body: image “https://evil.example/x.png” is loaded from another origin`);
		expected.set('raw HTML', `${SHARMA}:${first + 2}: body: raw HTML is not allowed (“<script>”)`);

		// 4. Markdown the site does not support, each refused at its line (docs/content.md, “What the body may hold”).
		const unsupported = {
			'a table': ['| Party | Clause |', '| --- | --- |', '| Russia | Article 4 applies. |'],
			'a code block': ['```js', 'alert(1)', '```'],
			'an image': ['![A map of the region](/favicon.svg)'],
			'a link to nothing': ['See [the missing article](/articles/99/).'],
			'a second h1': ['# A second title'],
			'block attributes': [':::bio{.wide}', 'The author wrote this at length about the summit and the treaty.', ':::'],
			'a footnote': ['A claim with a note.[^n]', '', '[^n]: The note.'],
			'a block label': [':::framing[Framed]', 'The editors framed this piece at length about the summit and the treaty.', ':::'],
			'an empty link': ['See [](/articles/4/) here.'],
			'a dangling reference': ['See [the report][nowhere] here.'],
			'a fragment of another page': ['See [the article](/articles/4/#nowhere).'],
		};
		appendFileSync(join(copy, BHADRAKUMAR), `\n${Object.values(unsupported).map((lines) => lines.join('\n')).join('\n\n')}\n`);
		const reasons: Record<keyof typeof unsupported, string> = {
			'a table': 'a table is not supported',
			'a code block': 'a code block is not supported',
			'an image': 'an image is not supported',
			'a link to nothing': 'link “/articles/99/” goes nowhere',
			'a second h1': 'a level-1 heading',
			'block attributes': 'block “:::bio” takes no attributes',
			'a footnote': 'a footnote is not supported',
			'a block label': 'block “:::framing” takes no label',
			'an empty link': 'a link with no visible text',
			'a dangling reference': 'a reference “[the report][nowhere]” names no definition',
			'a fragment of another page': 'link “/articles/4/#nowhere” goes nowhere',
		};
		for (const [name, lines] of Object.entries(unsupported)) {
			expected.set(name, `${BHADRAKUMAR}:${lineOf(copy, BHADRAKUMAR, lines[0]!)}: body: ${reasons[name as keyof typeof unsupported]}`);
		}

		// 1. An editor's note whose quote is found 0 times, and one found several times.
		edit(copy, 'content/notes/roy-scared-struggle.md', (text) => text.replace('quote: scared struggle', 'quote: scarred struggle'));
		expected.set('quote found 0 times', 'content/notes/roy-scared-struggle.md:3: quote: “scarred struggle” is found 0 times in roy-kim-putin-vostochny-summit');
		writeFileSync(
			join(copy, 'content/notes/lankov-twice.md'),
			'---\ncommentary: lankov-nbr-interview\nquote: North Korea\nkind: context\nsources:\n  - label: The interview itself\n---\n\nSaid more than once.\n',
		);
		expected.set('quote found several times', /^content\/notes\/lankov-twice\.md:3: quote: “North Korea” is found \d+ times in lankov-nbr-interview/);

		// 1. A deleted paragraph: its published permalinks would break.
		edit(copy, REKHA, (text) => text.replace(/^From the Chinese perspective, .*\n/m, ''));
		expected.set('lost permalink', /^content\/commentaries\/rekha-j-niice-commentary\.md: body: published permalinks would break: claim c-[0-9a-f]{10} \(“From the Chinese perspective/);

		// 2. A commentary whose body renders no sentence at all.
		const frontmatter = readFileSync(join(copy, LANKOV), 'utf8').match(/^---\n[\s\S]*?\n---\n/)![0];
		writeFileSync(join(copy, 'content/commentaries/no-sentences.md'), `${frontmatter}\n***\n`);
		expected.set('no claims', 'content/commentaries/no-sentences.md: body: the commentary has no sentences: its reading page would be empty');

		// 2. A sentence the ledger does not hold yet, and a retirement the text contradicts.
		// (In a file whose Markdown is accepted: a refused construct stops that file before its sentences are counted.)
		appendFileSync(join(copy, REKHA), '\nA sentence the ledger has never seen.\n');
		expected.set('unrecorded sentence', /^content\/commentaries\/rekha-j-niice-commentary\.md: body: 1 sentence has an id not recorded in content\/claims-ledger\.json \(c-[0-9a-f]{10}\); run `npm run ledger`/);
		const ledgerPath = join(copy, 'content/claims-ledger.json');
		const copied = parseLedger(readFileSync(ledgerPath, 'utf8'));
		const revived = publishedId('rekha-j-niice-commentary', 'During the meeting, Putin and Kim Jong-un signed');
		copied.claims[revived] = { ...copied.claims[revived]!, status: 'retired', retiredReason: 'Cut by the editors.' };
		writeFileSync(ledgerPath, serializeLedger(copied));
		expected.set('retirement the text contradicts', `${REKHA}: body: claim ${revived} (“`);

		result = await buildCopy(copy);
		lines = problemLines(result);
	}), 600_000);

	it('should exit non-zero and publish nothing', () => {
		expect(result.code, result.output).not.toBe(0);
		expect(existsSync(join(copy, 'dist', 'commentaries'))).toBe(false);
	});

	it('should print one line per problem as file:line: field: message', () => {
		for (const line of lines) expect(line).toMatch(/^content\/[^\s:]+(:\d+)?: [^:]+: \S/);
	});

	it('should print each problem once, at the file’s own line: not the Markdown renderer’s own dump of the error', () => {
		// Its copy counts lines from the end of the frontmatter and carries a stack.
		expect(result.output).not.toMatch(/Failed to parse Markdown file/);
		expect(result.output).not.toMatch(/^\s+at .*remark-content-safety/m);
	});

	it('should have a fixture for every case', () => {
		expect([...expected.keys()].sort()).toEqual([...RENDER_CASES].sort());
	});

	it.each(RENDER_CASES)('should report %s', (name) => {
		const pattern = expected.get(name);
		expect(pattern, `no fixture for ${name}`).toBeDefined();
		const found = lines.some((line) => (typeof pattern === 'string' ? line.startsWith(pattern) : pattern!.test(line)));
		expect(found, `${String(pattern)}\nnot among:\n${lines.join('\n')}`).toBe(true);
	});
});

/** The main ledger, read once: which ids are published. */
const ledger = parseLedger(readFileSync(join(PROJECT_ROOT, 'content/claims-ledger.json'), 'utf8'));

/** Id the ledger gives a live sentence of a commentary that starts so. */
function publishedId(commentary: string, start: string): string {
	const found = Object.entries(ledger.claims).find(([, entry]) => entry.commentary === commentary && entry.status === 'live' && entry.text.startsWith(start));
	if (!found) throw new Error(`fixture: no published sentence of ${commentary} starts “${start}”`);
	return found[0];
}

/**
 * Ids the reading page uses outside the commentary's text: those written in
 * its page file and in every component it renders, followed through imports.
 */
function chromeIdsInTemplates(): string[] {
	const ids = new Set<string>(['config']);
	const edges = importGraph(PROJECT_ROOT);
	const templates = new Set(['src/pages/commentaries/[slug]/index.astro']);
	for (const template of templates) {
		for (const edge of edges) if (edge.from === template && edge.to?.endsWith('.astro')) templates.add(edge.to);
	}
	for (const file of templates) for (const match of readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(/\bid="([a-z][a-z0-9-]*)"/g)) ids.add(match[1]!);
	return [...ids].sort();
}

const RENAMED = 'roy-vostochny-summit';
const OLD_SLUG = 'roy-kim-putin-vostochny-summit';
const STRAY_COLONS = 'The talks began at 10:thirty, as planned. Note:this is how the author typed it, and so is ::this one.';
const LEAF_LINE = '::leaf-like';
const NAMES = { kim: 'Kim\u00a0Jong\u2011un', putin: 'Pu\u00adtin', putinZeroWidth: 'Pu\u200btin' };
const EXTERNAL = 'https://example.org/source';
/** Sentences, a title and an outlet quoting Korean, Chinese, Japanese, Russian, Greek, Hebrew and Arabic, symbols and emoji. */
const SENTENCES = [
	'Pyongyang called the meeting a summit (정상회담), and Moscow a визит of friendship.',
	'The Chinese press wrote 朝俄 and the Japanese ロシアと北朝鮮, while Athens spoke of a συνθήκη.',
	'Some readers replied only with 🤝 and 🇰🇵 → 🇷🇺, or with ★★★.',
	'Haaretz called it a הסכם, and Al-Ahram an «معاهدة», on 19 June.',
];
const TITLE_ADDITION = ' (정상회담 🤝)';
const OUTLET_ADDITION = ' · 조선중앙통신 · הארץ';

/**
 * Content that must build: a recorded rename, byte-order marks, stray colons,
 * names typed with no-break and invisible characters, headings named like the
 * page's own ids, links out.
 */
function goodFixture(copy: string): void {
	// 5. A recorded rename.
	renameSync(join(copy, ROY), join(copy, `content/commentaries/${RENAMED}.md`));
	edit(copy, 'content/notes/roy-scared-struggle.md', (text) => text.replace(`commentary: ${OLD_SLUG}`, `commentary: ${RENAMED}`));
	writeFileSync(join(copy, 'content/renames.yaml'), `# old slug: new slug\n${OLD_SLUG}: ${RENAMED}\n`);
	// 6. Byte-order marks in every kind of file.
	for (const file of ['content/notes/lankov-reuters-paraphrase.md', BHADRAKUMAR, 'content/actors/japan.yaml', 'content/articles/01.yaml', 'content/events/events.yaml']) {
		edit(copy, file, (text) => `\uFEFF${text}`);
	}
	// 1. Stray colons, in the commentary and in its capture: the fidelity check reads both.
	const capture = readFileSync(join(copy, LANKOV), 'utf8').match(/capture: "([^"]+)"/)![1]!;
	appendFileSync(join(copy, LANKOV), `\n${STRAY_COLONS}\n\n${LEAF_LINE}\n`);
	appendFileSync(join(copy, 'content/sources', capture), `\n${STRAY_COLONS}\n${LEAF_LINE}\n`);
	// 8. Headings named after every id of the page's chrome.
	const headings = chromeIdsInTemplates().map((id) => `## ${id.charAt(0).toUpperCase()}${id.slice(1).replaceAll('-', ' ')}`);
	appendFileSync(join(copy, LANKOV), `\n${headings.join('\n\n')}\n`);
	// 6. Names with a no-break space, a non-breaking hyphen, a soft hyphen, a zero-width space.
	edit(copy, REKHA, (text) =>
		text
			.replace('During the meeting, Putin and Kim Jong-un signed', `During the meeting, ${NAMES.putin} and ${NAMES.kim} signed`)
			.replace('the meeting between Putin and Kim Jong-un is viewed', `the meeting between ${NAMES.putinZeroWidth} and Kim Jong-un is viewed`),
	);
	// 3. A link out and a link in.
	appendFileSync(join(copy, REKHA), `\nSee [the source](${EXTERNAL}) and [Article 4](/articles/4/).\n`);
	// Other scripts and emoji in the same commentary's title, outlet and sentences (was other-scripts.test.ts, a build of its own).
	edit(copy, REKHA, (text) =>
		text
			.replace(/^title: "([^"]*)"/m, (_line, title: string) => `title: "${title}${TITLE_ADDITION}"`)
			.replace(/^outlet: "([^"]*)"/m, (_line, outlet: string) => `outlet: "${outlet}${OUTLET_ADDITION}"`),
	);
	appendFileSync(join(copy, REKHA), `\n${SENTENCES.join(' ')}\n`);
	// An actor page moved: its file removed, the move recorded.
	rmSync(join(copy, 'content/actors/germany.yaml'));
	edit(copy, 'content/published-pages.json', (text) => text.replace('"germany": "live"', '"germany": {\n\t\t\t"movedTo": "japan"\n\t\t}'));
	// Then, as documented, `npm run ledger` records the new sentences and the rename.
	const ledger = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'update-ledger.ts'), '--root', copy], { encoding: 'utf8' });
	if (ledger.status !== 0) throw new Error(`fixture: npm run ledger failed:\n${ledger.stdout}${ledger.stderr}`);
}

/** A built page of a copy, parsed. */
function page(copy: string, path: string): Root {
	return fromHtml(readFileSync(join(copy, 'dist', path), 'utf8'));
}

describe('content that must build', () => {
	let copy: string;
	let result: BuildResult;
	let again: string;
	let second: BuildResult;

	beforeAll(startedWithTheFile(async () => {
		copy = freshCopy('good');
		goodFixture(copy);
		// The same content again, in another folder, time zone and locale: built beside the first.
		again = freshCopy('good-again');
		goodFixture(again);
		[result, second] = await Promise.all([buildCopy(copy), buildCopy(again, { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' })]);
	}), 900_000);

	it('should build (exit code 0)', () => {
		expect(result.code, result.output.slice(-4000)).toBe(0);
	});

	it('should keep a renamed commentary’s old reading page and sentence list as redirects', () => {
		const old = readFileSync(join(copy, 'dist/commentaries', OLD_SLUG, 'index.html'), 'utf8');
		expect(old).toContain(`<meta http-equiv="refresh" content="0;url=/commentaries/${RENAMED}/">`);
		const sentences = readFileSync(join(copy, 'dist/commentaries', OLD_SLUG, 'sentences/index.html'), 'utf8');
		expect(sentences).toContain(`url=/commentaries/${RENAMED}/sentences/`);
	});

	it('should keep every compare pair page published under the old name as a redirect to the renamed pair', () => {
		const others = readdirSync(join(copy, 'content/commentaries')).map((name) => name.slice(0, -'.md'.length)).filter((slug) => slug !== RENAMED);
		expect(others).toHaveLength(4);
		for (const other of others) {
			const moved = readFileSync(join(copy, 'dist/compare', pairId(OLD_SLUG, other), 'index.html'), 'utf8');
			expect(moved).toContain(`<meta http-equiv="refresh" content="0;url=/compare/${pairId(RENAMED, other)}/">`);
		}
	});

	it('should keep the data files published under the old name, the same as the renamed commentary’s', () => {
		for (const folder of ['citations', 'related']) {
			expect(readFileSync(join(copy, 'dist/data', folder, `${OLD_SLUG}.json`), 'utf8'), folder).toBe(readFileSync(join(copy, 'dist/data', folder, `${RENAMED}.json`), 'utf8'));
		}
	});

	it('should keep every id published under the old name resolving on the renamed page', () => {
		const tree = page(copy, `commentaries/${RENAMED}/index.html`);
		const byId = new Map(elementsOf(tree).map(({ node }) => [String(node.properties['id']), node] as const));
		const old = Object.entries(ledger.claims).filter(([, entry]) => entry.commentary === OLD_SLUG && entry.status === 'live');
		expect(old.length).toBeGreaterThan(10);
		for (const [id] of old) {
			const notice = byId.get(id);
			expect(notice, id).toBeDefined();
			const successor = byId.get(String(notice!.properties['dataSuccessor']));
			expect(successor && hasClass(successor, 'claim'), `${id} → ${String(notice!.properties['dataSuccessor'])}`).toBe(true);
		}
	});

	it('should keep a moved actor page as a redirect to where it went', () => {
		const moved = readFileSync(join(copy, 'dist/actors/germany/index.html'), 'utf8');
		expect(moved).toContain('<meta http-equiv="refresh" content="0;url=/actors/japan/">');
	});

	it('should read files that start with a byte-order mark', () => {
		expect(idsOf(page(copy, 'commentaries/lankov-nbr-interview/index.html'))).toContain('note-lankov-reuters-paraphrase');
		expect(textOf(page(copy, 'commentaries/bhadrakumar-rustle-up-an-alliance/index.html'))).toContain('Rustle');
		expect(existsSync(join(copy, 'dist/actors/japan/index.html'))).toBe(true);
		expect(existsSync(join(copy, 'dist/articles/1/index.html'))).toBe(true);
	});

	it('should publish stray colons as the author typed them, every word of the capture in order', () => {
		const tree = page(copy, 'commentaries/lankov-nbr-interview/index.html');
		const text = textOf(tree);
		expect(text).toContain(STRAY_COLONS);
		expect(text).toContain(LEAF_LINE);
		const capture = readFileSync(join(copy, LANKOV), 'utf8').match(/capture: "([^"]+)"/)![1]!;
		const source = sourceWords(readCapture(copy, capture), loadDebris(copy)[capture] ?? [], capture);
		const main = findElement(tree, 'main')!;
		const inOrder = checkInOrder(source, visibleText(main, { skip: (element: Element) => element.properties['dataPagefindIgnore'] !== undefined }));
		expect(inOrder.ok, formatInOrderResult(capture, inOrder)).toBe(true);
	});

	it('should link names typed with no-break and invisible characters, keeping their sentence ids', () => {
		const tree = page(copy, 'commentaries/rekha-j-niice-commentary/index.html');
		const claims = new Map(elementsOf(tree).filter(({ node }) => hasClass(node, 'claim')).map(({ node }) => [String(node.properties['id']), node] as const));
		const signed = claims.get(publishedId('rekha-j-niice-commentary', 'During the meeting, Putin and Kim Jong-un signed'));
		const between = claims.get(publishedId('rekha-j-niice-commentary', 'From the Chinese perspective'));
		expect(signed, 'the edited sentence keeps its published id').toBeDefined();
		expect(between, 'the edited sentence keeps its published id').toBeDefined();
		const links = (claim: Element) => elementsOf(claim).filter(({ node }) => node.properties['dataMention'] === 'actor').map(({ node }) => `${String(node.properties['dataRef'])}=${textOf(node)}`);
		expect(links(signed!)).toEqual(expect.arrayContaining([`vladimir-putin=${NAMES.putin}`, `kim-jong-un=${NAMES.kim}`]));
		expect(links(between!)).toEqual(expect.arrayContaining([`vladimir-putin=${NAMES.putinZeroWidth}`, 'kim-jong-un=Kim Jong-un']));
	});

	it('should give content headings ids of their own, apart from every id of the page chrome', () => {
		const tree = page(copy, 'commentaries/lankov-nbr-interview/index.html');
		const all = elementsOf(tree);
		const ids = all.map(({ node }) => node.properties['id']).filter((id) => id !== undefined).map(String);
		expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
		const inProse = all.filter(({ ancestors }) => ancestors.some((ancestor) => hasClass(ancestor, 'prose')));
		const proseIds = new Set(inProse.map(({ node }) => node.properties['id']).filter((id) => id !== undefined).map(String));
		const chrome = ids.filter((id) => !proseIds.has(id));
		expect(chrome).toEqual(expect.arrayContaining(['main', 'title', 'claim-panel']));
		for (const id of chrome) expect(proseIds.has(id), id).toBe(false);
		for (const id of chromeIdsInTemplates()) expect(proseIds.has(id), id).toBe(false);
		const headings = inProse.filter(({ node }) => /^h[2-6]$/.test(node.tagName));
		for (const { node } of headings) expect(String(node.properties['id'])).toMatch(/^h-/);
		expect(headings.map(({ node }) => String(node.properties['id']))).toEqual(expect.arrayContaining(['h-config', 'h-main', 'h-title', 'h-claim-panel']));
	});

	it('should mark links out of the site noopener noreferrer, and only those', () => {
		const anchors = elementsOf(page(copy, 'commentaries/rekha-j-niice-commentary/index.html')).filter(({ node }) => node.tagName === 'a');
		const out = anchors.find(({ node }) => node.properties['href'] === EXTERNAL);
		expect(out?.node.properties['rel']).toEqual(['noopener', 'noreferrer']);
		const within = anchors.find(({ node }) => node.properties['href'] === '/articles/4/' && textOf(node) === 'Article 4');
		expect(within).toBeDefined();
		expect(within!.node.properties['rel']).toBeUndefined();
	});

	it('should build byte-identical output again, in another folder, time zone and locale', () => {
		expect(second.code, second.output.slice(-4000)).toBe(0);
		const first = listFiles(join(copy, 'dist'));
		expect(listFiles(join(again, 'dist'))).toEqual(first);
		const differing = first.filter((file) => !readFileSync(join(copy, 'dist', file)).equals(readFileSync(join(again, 'dist', file))));
		expect(differing).toEqual([]);
	});

	describe('a commentary quoting other scripts and emoji', () => {
		const path = '/commentaries/rekha-j-niice-commentary/';

		it('should publish every sentence as written, with a share card drawn for each', () => {
			const claims = elementsOf(page(copy, 'commentaries/rekha-j-niice-commentary/index.html'))
				.map(({ node }) => node)
				.filter((node) => node.tagName === 'span' && node.properties['dataClaim'] !== undefined);
			for (const sentence of SENTENCES) {
				const claim = claims.find((node) => textOf(node).includes(sentence.slice(0, 40)));
				expect(claim, sentence).toBeDefined();
				for (const word of sentence.split(' ')) expect(textOf(claim!)).toContain(word.replace(/[.,]$/, ''));
				const id = String(claim!.properties['id']);
				const png = decode(readFileSync(join(copy, 'dist/c', `${id}.png`)));
				expect([png.width, png.height]).toEqual([CARD_SIZE.width, CARD_SIZE.height]);
			}
		});

		it('should show the title and outlet as written', () => {
			const html = readFileSync(join(copy, 'dist/commentaries/rekha-j-niice-commentary/index.html'), 'utf8');
			expect(html).toContain(TITLE_ADDITION.trim());
			expect(html).toContain(OUTLET_ADDITION.slice(3));
		});

		it('should draw every character of the title, outlet and new sentences in Chromium, none as a box', async () => {
			const server = await serveDist({ root: join(copy, 'dist') });
			const browser = await launchChromium();
			try {
				await withPage(browser, server.url(path), async (page, report) => {
					const marked = await page.evaluate((starts) => {
						for (const claim of document.querySelectorAll<HTMLElement>('[data-claim]')) {
							if (starts.some((start) => claim.textContent?.includes(start))) claim.setAttribute('data-other-scripts', '');
						}
						return document.querySelectorAll('[data-other-scripts]').length;
					}, SENTENCES.map((sentence) => sentence.slice(0, 30)));
					expect(marked).toBe(SENTENCES.length);
					const { boxed, checked } = await boxedCharacters(page, 'h1, .meta-line, [data-other-scripts]');
					for (const char of ['정', '朝', 'ロ', '🤝', 'ה', 'م']) expect(checked).toContain(char);
					expect(boxed).toEqual([]);
					expect(report.failedRequests).toEqual([]);
					expect(report.consoleErrors).toEqual([]);
					expect(report.foreignRequests).toEqual([]);
				});
			} finally {
				await browser.close();
				await server.close();
			}
		}, 120_000);

		it('should keep the date after an outlet that ends in Hebrew, on the reading page and the share page, in Chromium', async () => {
			const server = await serveDist({ root: join(copy, 'dist') });
			const browser = await launchChromium();
			// A current sentence of the commentary: its share page quotes it with its source (the Hebrew outlet).
			const claim = readdirSync(join(copy, 'dist/c'))
				.filter((name) => !name.endsWith('.png'))
				.find((name) => {
					const html = readFileSync(join(copy, 'dist/c', name, 'index.html'), 'utf8');
					return html.includes('class="share-quote"') && html.includes('הארץ');
				});
			expect(claim).toBeDefined();
			try {
				for (const [at, line] of [
					[path, '.reading-header .meta-line'],
					[`/c/${claim}/`, '.share-quote figcaption'],
				] as const) {
					await withPage(browser, server.url(at), async (page) => {
						// Where the Hebrew outlet ends and where the date begins, on screen.
						const edges = await page.evaluate((line) => {
							const element = document.querySelector(line)!;
							const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
							let hebrew: DOMRect | undefined;
							for (let node = walker.nextNode(); node; node = walker.nextNode()) {
								const index = node.textContent!.indexOf('הארץ');
								if (index < 0) continue;
								const range = document.createRange();
								range.setStart(node, index);
								range.setEnd(node, index + 4);
								hebrew = range.getBoundingClientRect();
							}
							const time = element.querySelector('time')!.firstChild!;
							const range = document.createRange();
							range.setStart(time, 0);
							range.setEnd(time, 1);
							const date = range.getBoundingClientRect();
							return { hebrewRight: hebrew!.right, hebrewTop: hebrew!.top, dateLeft: date.left, dateTop: date.top };
						}, line);
						if (Math.abs(edges.dateTop - edges.hebrewTop) < 2) expect(edges.dateLeft, `${at} ${line}`).toBeGreaterThan(edges.hebrewRight);
						else expect(edges.dateTop, `${at} ${line}: the date wraps below`).toBeGreaterThan(edges.hebrewTop);
					});
				}
			} finally {
				await browser.close();
				await server.close();
			}
		}, 120_000);
	});
});
