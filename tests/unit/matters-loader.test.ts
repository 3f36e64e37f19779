/**
 * Reading the matters, the spellings table and the editors' pair decisions
 * (`src/loaders/matters.ts`): every problem of every file, one line each as
 * `file:line: field: message`, every file of `content/matters/` read or
 * refused by name, and the real content read into the build context.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuildContext } from '../../src/build/context.ts';
import type { Ledger } from '../../src/claims/types.ts';
import { contentProblems } from '../../src/loaders/content-checks.ts';
import { readMatters } from '../../src/loaders/matters.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = new Set([1, 4]);
const LEDGER: Ledger = {
	version: 1,
	claims: {
		'c-000000000a': { commentary: 'alpha', text: 'A.', prefix: '', suffix: '', status: 'live' },
		'c-000000000b': { commentary: 'beta', text: 'B.', prefix: '', suffix: '', status: 'live' },
		'c-000000000c': { commentary: 'alpha', text: 'C.', prefix: '', suffix: '', status: 'live' },
		'c-000000000d': { commentary: 'beta', text: 'D.', prefix: '', suffix: '', status: 'retired', retiredReason: 'cut' },
		'c-000000000e': { commentary: 'beta', text: 'E.', prefix: '', suffix: '', status: 'live', successor: 'c-000000000b' },
	},
};

const GOOD_MATTER = `title: Mutual defence
question: Does the treaty oblige each side to defend the other?
articles: [4]
rules:
  - phrases: [mutual defence]
why: The clause is named so.
`;

const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A made-up project holding only the given files. */
function project(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'matters-'));
	roots.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

describe('matters loader', () => {
	it('should read matters, spellings and decisions that are well formed', () => {
		const root = project({
			'content/matters/mutual-defence.yaml': GOOD_MATTER,
			'content/spellings.yaml': 'defense: defence\n',
			'content/related.yaml': 'confirmed:\n  - claims: [c-000000000a, c-000000000b]\n    why: Both on Article 4.\nrejected: []\n',
		});
		const read = readMatters(root, { articles: ARTICLES, ledger: LEDGER });
		expect(read.problems).toEqual([]);
		expect(read.matters.map((matter) => [matter.id, matter.articles])).toEqual([['mutual-defence', [4]]]);
		expect([...read.spellings]).toEqual([['defense', 'defence']]);
		expect(read.decisions.confirmed.map((decision) => decision.claims)).toEqual([['c-000000000a', 'c-000000000b']]);
	});

	it('should name the file, line and field of every problem of every file at once', () => {
		const root = project({
			'content/matters/no-title.yaml': GOOD_MATTER.replace('title: Mutual defence\n', ''),
			'content/matters/bad-article.yaml': GOOD_MATTER.replace('[4]', '[4, 99]'),
			'content/matters/bad-phrase.yaml': GOOD_MATTER.replace('[mutual defence]', '["mutual, defence"]'),
			'content/matters/extra.yaml': `${GOOD_MATTER}colour: red\n`,
			'content/matters/broken.yaml': 'title: [unclosed\n',
			'content/matters/useless-except.yaml': `${GOOD_MATTER}except: [Article 51]\n`,
			'content/spellings.yaml': 'defense: defence\ndefence: defensive\n',
		});
		const { problems } = readMatters(root, { articles: ARTICLES, ledger: LEDGER });
		expect(problems).toEqual(
			expect.arrayContaining([
				'content/matters/no-title.yaml:1: title: required field is missing (expected string)',
				'content/matters/bad-article.yaml:3: articles[1]: no Article 99 in content/articles/',
				expect.stringMatching(/^content\/matters\/bad-phrase\.yaml:5: rules\[0\]\.phrases\[0\]: expected words separated by spaces or hyphens/),
				'content/matters/extra.yaml:7: colour: unknown field (not in the schema; check the spelling)',
				expect.stringMatching(/^content\/matters\/broken\.yaml:\d+: YAML syntax error/),
				expect.stringMatching(/^content\/spellings\.yaml:2: defence: .*both a variant and a standard spelling/),
				'content/matters/useless-except.yaml:7: except: the except phrase “article 51” holds none of the matter\'s phrases, so it cancels nothing',
			]),
		);
		expect(problems).toHaveLength(7);
		const upper = project({ 'content/spellings.yaml': 'Labor: labour\n' });
		expect(readMatters(upper, { articles: ARTICLES, ledger: LEDGER }).problems).toEqual(['content/spellings.yaml:1: Labor: invalid key: expected one lowercase word']);
	});

	it('should refuse by name every file of content/matters/ it does not read', () => {
		const root = project({
			'content/matters/Mutual_Defence.yaml': GOOD_MATTER,
			'content/matters/notes.yml': GOOD_MATTER,
			'content/matters/readme.md': '# Matters\n',
			'content/matters/_draft.yaml': GOOD_MATTER,
			'content/matters/sub/inner.yaml': GOOD_MATTER,
		});
		const { problems, matters } = readMatters(root, { articles: ARTICLES, ledger: LEDGER });
		expect(matters).toEqual([]);
		expect(problems).toEqual([
			expect.stringMatching(/^content\/matters\/Mutual_Defence\.yaml: file name: .*kebab-case/),
			expect.stringMatching(/^content\/matters\/_draft\.yaml: file name: a matter is <id>\.yaml, and no file here starts with _/),
			expect.stringMatching(/^content\/matters\/notes\.yml: file name: only \.yaml files are read here/),
			expect.stringMatching(/^content\/matters\/readme\.md: file name: only \.yaml files/),
			expect.stringMatching(/^content\/matters\/sub: file name: a folder here is not read/),
		]);
	});

	it('should accept in related.yaml only live, current claims of different commentaries, each pair decided once', () => {
		const root = project({
			'content/related.yaml': [
				'confirmed:',
				'  - claims: [c-000000000a, c-0000000fff]',
				'    why: Unknown id.',
				'  - claims: [c-000000000a, c-000000000c]',
				'    why: Same commentary.',
				'  - claims: [c-000000000a, c-000000000d]',
				'    why: Retired.',
				'  - claims: [c-000000000a, c-000000000e]',
				'    why: Reworded.',
				'  - claims: [c-000000000a, c-000000000b]',
				'    why: Fine.',
				'rejected:',
				'  - claims: [c-000000000b, c-000000000a]',
				'    why: Decided twice.',
				'  - claims: [c-000000000a, c-000000000a]',
				'    why: Twice the same.',
				'  - claims: [c-12, c-000000000a]',
				'    why: Not an id.',
				'',
			].join('\n'),
		});
		const { problems, decisions } = readMatters(root, { articles: ARTICLES, ledger: LEDGER });
		expect(problems).toEqual([
			'content/related.yaml:17: rejected[2].claims[0]: expected a claim id: c- and 10 hex digits',
		]);
		// A schema problem stops the file; once the ids are well formed, every other check speaks.
		const fixed = project({ 'content/related.yaml': readFileSync(join(root, 'content/related.yaml'), 'utf8').replace('c-12', 'c-000000000b') });
		const second = readMatters(fixed, { articles: ARTICLES, ledger: LEDGER });
		expect(second.problems).toEqual([
			'content/related.yaml:2: confirmed[0].claims[1]: no claim c-0000000fff in content/claims-ledger.json',
			'content/related.yaml:4: confirmed[1].claims: both claims are of “alpha”; related claims are of different commentaries',
			'content/related.yaml:6: confirmed[2].claims[1]: claim c-000000000d is retired (cut)',
			'content/related.yaml:8: confirmed[3].claims[1]: claim c-000000000e was reworded; use its current id c-000000000b',
			'content/related.yaml:13: rejected[0].claims: this pair is already decided at confirmed[4]',
			'content/related.yaml:15: rejected[1].claims: the same claim twice',
			'content/related.yaml:17: rejected[2].claims: this pair is already decided at confirmed[4]',
		]);
		expect(second.decisions.confirmed.map((decision) => decision.claims)).toEqual([['c-000000000a', 'c-000000000b']]);
		expect(decisions.confirmed).toEqual([]);
	});

	it('should read the real content into the build context, and report nothing', () => {
		expect(contentProblems(ROOT)).toEqual([]);
		const context = readBuildContext(ROOT);
		expect(context.matters.matters.length).toBeGreaterThan(0);
		for (const matter of context.matters.matters) expect(matter.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});
});
