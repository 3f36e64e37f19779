/**
 * The matters (`content/matters/<id>.yaml`), the spellings table they are
 * matched with (`content/spellings.yaml`, the one the article subject phrases
 * use too) and the editors' decisions on pairs of
 * claims (`content/related.yaml`), read and checked outside Astro. Every
 * problem of every file is collected, one line each as
 * `file:line: field: message`; the content checks (`content-checks.ts`) add
 * them to the build's list, so a bad file stops the build before rendering.
 *
 * Every file in `content/matters/` is read or refused by name: a matter file
 * is `<kebab-case id>.yaml`; anything else (another extension, a folder, a
 * `_` file, an id that is not kebab-case) is an error rather than silently
 * left out.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatters, compileSpellings } from '../annotate/matters.ts';
import type { Ledger } from '../claims/types.ts';
import { MATTER_ID, matterSchema, relatedDecisionsSchema, type MatterFile, type PairDecision } from '../schemas/matter.ts';
import { spellingsSchema } from '../schemas/spellings.ts';
import { messageOf } from './content-problems.ts';
import { readContentText } from './read-text.ts';
import { formatSchemaIssues, parseYaml, type ParsedYaml } from './schema-errors.ts';

/** The matters' folder, relative to the project root. */
export const MATTERS_PATH = 'content/matters';
/** The spellings table. */
export const SPELLINGS_PATH = 'content/spellings.yaml';
/** The editors' decisions on pairs. */
export const RELATED_PATH = 'content/related.yaml';

/** A matter with its id (the file name without `.yaml`). */
export type MatterRecord = MatterFile & { id: string };

/** What the editors decided about pairs of claims. */
export interface PairDecisions {
	/** Pairs always shown as related. */
	confirmed: readonly PairDecision[];
	/** Pairs never shown as related. */
	rejected: readonly PairDecision[];
}

/** Everything the related claims are made from. */
export interface LoadedMatters {
	/** The matters, sorted by id. */
	matters: readonly MatterRecord[];
	/** Spelling variant → standard form. */
	spellings: ReadonlyMap<string, string>;
	/** The editors' decisions. */
	decisions: PairDecisions;
}

/** What reading the files found: the problems, and whatever could be read. */
export interface MattersRead extends LoadedMatters {
	/** Problem lines (empty when all is well). */
	problems: string[];
}

/** What the checks compare the files against. */
export interface MattersReferences {
	/** Article numbers that exist (`content/articles/`). */
	articles: ReadonlySet<number>;
	/** The permalink ledger, when it could be read (without it, claim ids are not checked). */
	ledger: Ledger | undefined;
}

/**
 * Read and check the matters, the spellings table and the pair decisions.
 *
 * @param root
 *   Project root.
 * @param references
 *   Article numbers and the ledger.
 * @returns
 *   The problems and what could be read (a file with a problem is left out).
 */
export function readMatters(root: string, references: MattersReferences): MattersRead {
	const problems: string[] = [];
	const spellings = readSpellings(root, problems);
	const matters = readMatterFiles(root, references.articles, spellings, problems);
	const decisions = readDecisions(root, references.ledger, problems);
	return { problems, matters, spellings, decisions };
}

/**
 * Parse a YAML file, adding its syntax problems to the list.
 *
 * @param root
 *   Project root.
 * @param file
 *   The file, relative to `root`.
 * @param problems
 *   Where problems go.
 * @returns
 *   The parsed file, or `undefined` when it could not be read.
 */
function readYamlFile(root: string, file: string, problems: string[]): ParsedYaml | undefined {
	try {
		return parseYaml(readContentText(join(root, file), file), file);
	} catch (error) {
		problems.push(...messageOf(error).split('\n'));
		return undefined;
	}
}

/**
 * The spellings table (empty without the file).
 *
 * @param root
 *   Project root.
 * @param problems
 *   Where problems go.
 * @returns
 *   Variant → standard form.
 */
function readSpellings(root: string, problems: string[]): Map<string, string> {
	if (!existsSync(join(root, SPELLINGS_PATH))) return new Map();
	const parsed = readYamlFile(root, SPELLINGS_PATH, problems);
	if (!parsed) return new Map();
	const result = spellingsSchema.safeParse(parsed.value ?? {});
	if (!result.success) {
		problems.push(...formatSchemaIssues(SPELLINGS_PATH, result.error, parsed.locate));
		return new Map();
	}
	const table = new Map<string, string>();
	for (const [variant, standard] of Object.entries(result.data)) {
		try {
			compileSpellings({ ...Object.fromEntries(table), [variant]: standard });
			table.set(variant, standard);
		} catch (error) {
			problems.push(`${SPELLINGS_PATH}:${parsed.locate([variant]) ?? 1}: ${variant}: ${messageOf(error)}`);
		}
	}
	return table;
}

/**
 * Every matter file, checked; every other file of the folder refused by name.
 *
 * @param root
 *   Project root.
 * @param articles
 *   Article numbers that exist.
 * @param spellings
 *   The spellings table, to compile each matter's rules with.
 * @param problems
 *   Where problems go.
 * @returns
 *   The valid matters, sorted by id.
 */
function readMatterFiles(root: string, articles: ReadonlySet<number>, spellings: ReadonlyMap<string, string>, problems: string[]): MatterRecord[] {
	const folder = join(root, MATTERS_PATH);
	if (!existsSync(folder)) return [];
	const matters: MatterRecord[] = [];
	for (const name of readdirSync(folder).sort()) {
		if (name.startsWith('.')) continue;
		const file = `${MATTERS_PATH}/${name}`;
		const entry = lstatSync(join(folder, name));
		// A symbolic link is refused by the check of every content file's name (src/loaders/content-checks.ts).
		if (entry.isSymbolicLink()) continue;
		if (entry.isDirectory()) {
			problems.push(`${file}: file name: a folder here is not read; put each matter in ${MATTERS_PATH}/ itself`);
			continue;
		}
		if (name.startsWith('_')) {
			problems.push(`${file}: file name: a matter is <id>.yaml, and no file here starts with _ (drafts of matters belong outside content/; the spellings table is content/spellings.yaml)`);
			continue;
		}
		if (!name.endsWith('.yaml')) {
			problems.push(`${file}: file name: only .yaml files are read here; a matter is <id>.yaml`);
			continue;
		}
		const id = name.slice(0, -'.yaml'.length);
		if (!MATTER_ID.test(id)) {
			problems.push(`${file}: file name: a matter's id (its file name) must be lowercase kebab-case, like mutual-assistance.yaml`);
			continue;
		}
		const parsed = readYamlFile(root, file, problems);
		if (!parsed) continue;
		const result = matterSchema.safeParse(parsed.value);
		if (!result.success) {
			problems.push(...formatSchemaIssues(file, result.error, parsed.locate));
			continue;
		}
		const unknown = result.data.articles.map((number, index) => ({ number, index })).filter(({ number }) => !articles.has(number));
		for (const { number, index } of unknown) {
			problems.push(`${file}:${parsed.locate(['articles', index]) ?? 1}: articles[${index}]: no Article ${number} in content/articles/`);
		}
		if (unknown.length > 0) continue;
		const matter = { ...result.data, id };
		try {
			// What no schema sees: an `except` phrase that cancels nothing.
			compileMatters([matter], spellings);
		} catch (error) {
			problems.push(`${file}:${parsed.locate(['except']) ?? 1}: except: ${messageOf(error).slice(id.length + 2)}`);
			continue;
		}
		matters.push(matter);
	}
	return matters;
}

/**
 * The editors' decisions on pairs: every id a live, current claim (not one
 * re-anchored to a successor), the two of different commentaries, each pair
 * decided once.
 *
 * @param root
 *   Project root.
 * @param ledger
 *   The permalink ledger (without it ids are not checked).
 * @param problems
 *   Where problems go.
 * @returns
 *   The decisions that passed.
 */
function readDecisions(root: string, ledger: Ledger | undefined, problems: string[]): PairDecisions {
	const none: PairDecisions = { confirmed: [], rejected: [] };
	if (!existsSync(join(root, RELATED_PATH))) return none;
	const parsed = readYamlFile(root, RELATED_PATH, problems);
	if (!parsed) return none;
	const result = relatedDecisionsSchema.safeParse(parsed.value ?? {});
	if (!result.success) {
		problems.push(...formatSchemaIssues(RELATED_PATH, result.error, parsed.locate));
		return none;
	}
	const decided = new Map<string, string>();
	const keep = (list: 'confirmed' | 'rejected') =>
		result.data[list].filter((decision, index) => {
			const at = (path: readonly (string | number)[]) => `${RELATED_PATH}:${parsed.locate([list, index, ...path]) ?? 1}`;
			const found: string[] = [];
			decision.claims.forEach((id, side) => {
				const problem = ledger && claimProblem(ledger, id);
				if (problem) found.push(`${at(['claims', side])}: ${list}[${index}].claims[${side}]: ${problem}`);
			});
			const [first, second] = decision.claims;
			const commentaries = ledger ? decision.claims.map((id) => ledger.claims[id]?.commentary) : [];
			if (first === second) found.push(`${at(['claims'])}: ${list}[${index}].claims: the same claim twice`);
			else if (commentaries[0] !== undefined && commentaries[0] === commentaries[1]) {
				found.push(`${at(['claims'])}: ${list}[${index}].claims: both claims are of “${commentaries[0]}”; related claims are of different commentaries`);
			}
			const key = [first, second].sort().join(' ');
			const earlier = decided.get(key);
			if (earlier) found.push(`${at(['claims'])}: ${list}[${index}].claims: this pair is already decided at ${earlier}`);
			else decided.set(key, `${list}[${index}]`);
			problems.push(...found);
			return found.length === 0;
		});
	return { confirmed: keep('confirmed'), rejected: keep('rejected') };
}

/**
 * What is wrong with a claim id in a decision, if anything.
 *
 * @param ledger
 *   The permalink ledger.
 * @param id
 *   The claim id.
 * @returns
 *   A message, or `undefined` for a live, current claim.
 */
function claimProblem(ledger: Ledger, id: string): string | undefined {
	const entry = ledger.claims[id];
	if (!entry) return `no claim ${id} in content/claims-ledger.json`;
	if (entry.status !== 'live') return `claim ${id} is retired (${entry.retiredReason ?? 'no reason recorded'})`;
	if (entry.successor) return `claim ${id} was reworded; use its current id ${entry.successor}`;
	return undefined;
}
