/**
 * The registries the annotation plugins read, loaded from `content/` through
 * the collection schemas (`src/schemas/`), never from a copy in code: the same
 * files and rules Astro's content layer uses, available before Astro starts
 * (in `astro.config.mjs`).
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileActors } from '../annotate/actor-matcher.ts';
import { compileImplicitPhrases } from '../annotate/implicit-articles.ts';
import { actorSchema, type Actor } from '../schemas/actor.ts';
import { articleSchema, type Article } from '../schemas/article.ts';
import { instrumentsSchema, type Instruments } from '../schemas/instrument.ts';
import { spellingsSchema, type Spellings } from '../schemas/spellings.ts';
import type { z } from 'astro/zod';
import { formatSchemaIssues, parseYaml } from './schema-errors.ts';
import { listPublished } from './published.ts';
import { readContentText } from './read-text.ts';
import { messageOf, propertyOf } from './content-problems.ts';

/** An actor with its id (the file name without `.yaml`). */
export type ActorRecord = Actor & { id: string };

/** Everything the annotation plugins need. */
export interface Registry {
	/** Articles, by number. */
	articles: Article[];
	/** Actors, by id. */
	actors: ActorRecord[];
	/** How instruments are named, to decide whose an article is (`content/instruments.yaml`; absent: no such file). */
	instruments?: Instruments;
	/** Variant spellings folded in article subject phrases (`content/spellings.yaml`; `{}`: no such file). */
	spellings: Spellings;
}

/** Published files of a collection folder (drafts start with `_`; symbolic links left out), sorted. */
function yamlFiles(dir: string, shown: string): string[] {
	try {
		return listPublished(dir, '.yaml');
	} catch (error) {
		const code = propertyOf(error, 'code');
		throw new Error(`${shown}: cannot read the folder (${typeof code === 'string' ? code : String(error)})`);
	}
}

/**
 * Load and validate the article and actor registries.
 *
 * @param rootDir
 *   Project root (the folder holding `content/`).
 * @returns
 *   Validated registries (schema defaults applied).
 * @throws
 *   One `Error` listing every problem, one per line, each naming the file
 *   (relative to `rootDir`), the line where known and the field:
 *   `content/actors/russia.yaml:9: forms[3].correct: a misspelling needs its correct spelling`.
 *   Besides the schemas it checks what no single file can: an article's number
 *   against its file name, duplicate numbers, a form or implicit phrase given
 *   to two entries.
 */
export function loadRegistry(rootDir: string): Registry {
	const problems: string[] = [];
	const show = (path: string) => relative(rootDir, path).split(sep).join('/');

	const articles: Article[] = [];
	const articleFiles = new Map<number, string>();
	const articleDir = join(rootDir, 'content', 'articles');
	for (const name of yamlFiles(articleDir, show(articleDir))) {
		const shown = show(join(articleDir, name));
		const parsed = readYaml(join(articleDir, name), shown, problems);
		if (!parsed) continue;
		const result = articleSchema.safeParse(parsed.value);
		if (!result.success) {
			problems.push(...formatSchemaIssues(shown, result.error, parsed.locate));
			continue;
		}
		const stem = name.slice(0, -'.yaml'.length);
		const line = parsed.locate(['number']);
		const where = line === undefined ? shown : `${shown}:${line}`;
		if (/^\d+$/.test(stem) && Number(stem) !== result.data.number) {
			problems.push(`${where}: number: ${result.data.number} does not match the file name (expected ${Number(stem)})`);
		}
		const other = articleFiles.get(result.data.number);
		if (other) problems.push(`${where}: number: Article ${result.data.number} is also defined in ${other}`);
		articleFiles.set(result.data.number, shown);
		articles.push(result.data);
	}

	const actors: ActorRecord[] = [];
	const actorDir = join(rootDir, 'content', 'actors');
	for (const name of yamlFiles(actorDir, show(actorDir))) {
		const shown = show(join(actorDir, name));
		const parsed = readYaml(join(actorDir, name), shown, problems);
		if (!parsed) continue;
		const result = actorSchema.safeParse(parsed.value);
		if (!result.success) {
			problems.push(...formatSchemaIssues(shown, result.error, parsed.locate));
			continue;
		}
		actors.push({ ...result.data, id: name.slice(0, -'.yaml'.length) });
	}

	const instruments = readOptional(join(rootDir, 'content', 'instruments.yaml'), show, problems, instrumentsSchema);
	const spellings = readOptional(join(rootDir, 'content', 'spellings.yaml'), show, problems, spellingsSchema) ?? {};

	// Cross-file rules: the matchers refuse to guess, so report it here first,
	// naming the files.
	if (problems.length === 0) {
		try {
			compileImplicitPhrases(articles, spellings);
		} catch (error) {
			problems.push(`content/articles: implicitPhrases: ${messageOf(error)}`);
		}
		try {
			compileActors(actors);
		} catch (error) {
			problems.push(`content/actors: forms: ${messageOf(error).replace(/“([\w-]+)”/g, (whole, id: string) => (actors.some((a) => a.id === id) ? `content/actors/${id}.yaml` : whole))}`);
		}
	}

	if (problems.length > 0) throw new Error(`Invalid registry (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.join('\n')}`);
	articles.sort((a, b) => a.number - b.number);
	actors.sort((a, b) => a.id.localeCompare(b.id));
	return { articles, actors, spellings, ...(instruments === undefined ? {} : { instruments }) };
}

/**
 * Read and validate a single-file registry that may be absent.
 *
 * @param path
 *   File.
 * @param show
 *   How a path is shown in a problem.
 * @param problems
 *   Problems found so far (appended to).
 * @param schema
 *   Its schema.
 * @returns
 *   The validated value, or `undefined` when the file is absent or invalid.
 */
function readOptional<Schema extends z.ZodType>(path: string, show: (path: string) => string, problems: string[], schema: Schema): z.infer<Schema> | undefined {
	if (!existsSync(path)) return undefined;
	const shown = show(path);
	const parsed = readYaml(path, shown, problems);
	if (!parsed) return undefined;
	const result = schema.safeParse(parsed.value);
	if (!result.success) {
		problems.push(...formatSchemaIssues(shown, result.error, parsed.locate));
		return undefined;
	}
	return result.data;
}

/**
 * Parse one registry file, adding its problem (named by file) to the list.
 *
 * @param path
 *   File.
 * @param shown
 *   How the file is shown in a problem.
 * @param problems
 *   Problems found so far (appended to).
 * @returns
 *   The parsed file, or `undefined` when it could not be read.
 */
function readYaml(path: string, shown: string, problems: string[]): ReturnType<typeof parseYaml> | undefined {
	try {
		return parseYaml(readContentText(path, shown), shown);
	} catch (error) {
		// A syntax error names its file and line; a file that cannot be read at all (a dangling link) is named here.
		const message = messageOf(error);
		problems.push(message.startsWith(`${shown}:`) ? message : `${shown}: file: cannot be read (${message})`);
		return undefined;
	}
}
