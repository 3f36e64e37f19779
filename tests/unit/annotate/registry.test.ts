import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/loaders/registry';

const roots: string[] = [];

/** A project root with the given files under `content/`. */
function project(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'registry-'));
	roots.push(root);
	mkdirSync(join(root, 'content', 'articles'), { recursive: true });
	mkdirSync(join(root, 'content', 'actors'), { recursive: true });
	for (const [path, text] of Object.entries(files)) writeFileSync(join(root, 'content', path), text);
	return root;
}

const article4 = 'number: 4\nstatus: verified\ntitle: "Mutual assistance"\nsummary: "s"\nsources:\n  - label: "KCNA"\n    url: https://example.com/kcna\n    supports: number\n    quote: "Article 4"\nimplicitPhrases:\n  - phrase: "mutual defence pact"\n    why: "w"\n';
/** Articles 1 to `last` whose subject is unknown: the registry numbers its articles 1 to N without a gap. */
function unknownArticles(last: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let number = 1; number <= last; number += 1) {
		files[`articles/${String(number).padStart(2, '0')}.yaml`] = `number: ${number}\nstatus: unknown\nsearched: [{query: q, where: w, outcome: o}]\n`;
	}
	return files;
}
const russia = 'name: Russia\nkind: state\ndescription: d\nforms:\n  - Russia\n  - text: Russian\n    type: adjective\n';

afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('registry', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/loaders/registry')).sort()).toEqual(['loadRegistry']);
	});

	it('should load and validate both registries, applying schema defaults and ids', () => {
		const registry = loadRegistry(project({ ...unknownArticles(3), 'articles/04.yaml': article4, 'actors/russia.yaml': russia, 'actors/_draft.yaml': 'nonsense: [' }));
		expect(registry.articles.map((a) => a.number)).toEqual([1, 2, 3, 4]);
		expect(registry.articles[3]?.implicitPhrases[0]?.phrase).toBe('mutual defence pact');
		expect(registry.actors).toEqual([
			{ id: 'russia', name: 'Russia', kind: 'state', description: 'd', forms: ['Russia', { text: 'Russian', type: 'adjective' }], notForms: [], exactNotForms: [] },
		]);
	});

	it('should name the file, line and field of a schema error', () => {
		const root = project({
			'actors/jake-sullivan.yaml': 'name: Jake Sullivan\nkind: person\ndescription: d\nforms:\n  - Jake Sullivan\n  - text: Jack Sullivan\n    type: misspelling\n',
		});
		expect(() => loadRegistry(root)).toThrow('content/actors/jake-sullivan.yaml:6: forms[1].correct: a misspelling needs its correct spelling');
	});

	it('should list every problem of every file at once', () => {
		const root = project({
			...unknownArticles(4),
			'articles/05.yaml': article4,
			'articles/06.yaml': 'number: 6\nstatus: unknown\ntitle: "guess"\nsearched: [{query: q, where: w, outcome: o}]\n',
			'actors/broken.yaml': 'name: [\n',
		});
		let message = '';
		try {
			loadRegistry(root);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toContain('Invalid registry (4 problems)');
		expect(message).toContain('content/articles/05.yaml:1: number: 4 does not match the file name (expected 5)');
		expect(message).toContain('content/articles/05.yaml:1: number: Article 4 is also defined in content/articles/04.yaml');
		expect(message).toContain('content/articles/06.yaml:3: title: an article whose subject is unknown must not be given a title');
		expect(message).toMatch(/content\/actors\/broken\.yaml:\d+: YAML syntax error/);
	});

	it('should refuse a form given to two actors, naming both files', () => {
		const root = project({ 'actors/russia.yaml': russia, 'actors/moscow.yaml': 'name: M\nkind: state\ndescription: d\nforms:\n  - Russia\n' });
		expect(() => loadRegistry(root)).toThrow('content/actors: forms: Surface form “Russia” is given to both content/actors/moscow.yaml and content/actors/russia.yaml');
	});

	it('should refuse an implicit phrase given to two articles', () => {
		const root = project({ ...unknownArticles(3), 'articles/04.yaml': article4, 'articles/05.yaml': article4.replace('number: 4', 'number: 5') });
		expect(() => loadRegistry(root)).toThrow('implicit phrase “mutual defence pact” is given to both Article 4 and Article 5'.replace('implicit', 'Implicit'));
	});

	it('should say which folder is missing', () => {
		const root = mkdtempSync(join(tmpdir(), 'registry-'));
		roots.push(root);
		expect(() => loadRegistry(root)).toThrow('content/articles: cannot read the folder (ENOENT)');
	});
});
