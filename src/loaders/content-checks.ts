/**
 * Everything that can be checked in `content/` before Astro renders a page,
 * run by the `treaty-reader` integration at `astro:config:setup`: every
 * problem of every file is collected and reported at once, one line each as
 * `file:line: field: message`, and the build stops before rendering.
 *
 * - encoding: every file is valid UTF-8 (a byte-order mark is accepted);
 * - files: a file Astro would skip (`23.yml` among the articles) or two
 *   commentaries whose names differ only in letter case;
 * - commentaries: frontmatter against the collection's schema (Astro's own
 *   report has no lines), a body, author actor ids, the capture file;
 * - notes, registries and events, with every reference between them;
 * - renames and the ledger: a commentary that disappeared must be recorded
 *   as renamed (or its ids retired);
 * - matters, their spellings table and the editors' pair decisions
 *   (`matters.ts`): article numbers, and claim ids live in the ledger.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LEDGER_PATH, parseLedgerFile } from '../claims/ledger.ts';
import type { Ledger } from '../claims/types.ts';
import { commentarySchema } from '../schemas/commentary.ts';
import { eventSchema } from '../schemas/event.ts';
import { bodyTextProblems } from './body-text.ts';
import { ContentProblems, messageOf } from './content-problems.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { readEditorNotes, type LoadedNote } from './notes.ts';
import { siteAddressCheck } from './site-addresses.ts';
import { readMatters, type LoadedMatters } from './matters.ts';
import { isPublishedName, listPublished } from './published.ts';
import { decodeContent, EncodingError } from './read-text.ts';
import { loadRegistry, type Registry } from './registry.ts';
import { currentSlug, readRenames, RENAMES_PATH } from './renames.ts';
import { formatSchemaIssues, parseYaml } from './schema-errors.ts';
import { sitePagePaths, unresolvedSitePaths, type UrlSite } from './site-paths.ts';
import { goneCommentaryProblems, publishedPagesProblems, readPublishedPages } from './published-pages.ts';
import type { PublishedPages } from '../schemas/published-pages.ts';

/** The collection folders and the one extension each reads. */
export const COLLECTION_FOLDERS: readonly { folder: string; extension: string }[] = [
	{ folder: 'content/commentaries', extension: '.md' },
	{ folder: 'content/notes', extension: '.md' },
	{ folder: 'content/articles', extension: '.yaml' },
	{ folder: 'content/actors', extension: '.yaml' },
];

/** The events file. */
export const EVENTS_PATH = 'content/events/events.yaml';

/** What `content/` holds once every check has passed: the inputs of a build. */
export interface CheckedContent {
	/** Article and actor registries. */
	registry: Registry;
	/** Editors' notes, sorted by id. */
	notes: LoadedNote[];
	/** The permalink ledger. */
	ledger: Ledger;
	/** Recorded renames, old slug → new slug. */
	renames: Map<string, string>;
	/** The matters, spellings and pair decisions. */
	matters: LoadedMatters;
	/** The record of published actor and article pages (`content/published-pages.json`). */
	publishedPages: PublishedPages;
}

/** What reading `content/` found: the problems, and whatever could be read. */
export interface ContentRead {
	/** Problem lines (empty when all is well). */
	problems: string[];
	/** The registries, when they are valid. */
	registry: Registry | undefined;
	/** The valid notes. */
	notes: LoadedNote[];
	/** The ledger, when it could be read. */
	ledger: Ledger | undefined;
	/** The well-formed renames. */
	renames: Map<string, string>;
	/** The matters, spellings and pair decisions that passed their checks. */
	matters: LoadedMatters;
	/** The record of published pages, when it could be read. */
	publishedPages: PublishedPages | undefined;
}

/**
 * Check the whole of `content/` and hand back what was read, so that nothing
 * needs to read it again.
 *
 * @param root
 *   Project root.
 * @returns
 *   The registries, notes, ledger and renames.
 * @throws {ContentProblems}
 *   Every problem found, one line each.
 */
export function checkContent(root: string): CheckedContent {
	const { problems, registry, notes, ledger, renames, matters, publishedPages } = readContent(root);
	// Without problems all three were read; the test only narrows their types.
	if (problems.length > 0 || !registry || !ledger || !publishedPages) throw new ContentProblems(problems);
	return { registry, notes, ledger, renames, matters, publishedPages };
}

/**
 * Every problem in `content/`, one line each (empty when all is well).
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
export function contentProblems(root: string): string[] {
	return readContent(root).problems;
}

/**
 * Read and check the whole of `content/`, collecting every problem.
 *
 * @param root
 *   Project root.
 * @returns
 *   The problems and what was read.
 */
export function readContent(root: string): ContentRead {
	const problems: string[] = [];
	const badEncoding = checkEncoding(root, problems);
	problems.push(...fileNameProblems(root));
	// A file that is not UTF-8 is reported once, by the encoding check.
	const readable = (file: string) => !badEncoding.has(file);

	let registry: Registry | undefined;
	try {
		registry = loadRegistry(root);
	} catch (error) {
		problems.push(...messageOf(error).split('\n').slice(1).filter((line) => !isEncodingLine(line, badEncoding)));
	}
	// References are checked against the files that exist, even when one of them is broken:
	// an actor's id is its file name, an article's number its file name (the registry checks they agree).
	const actorIds = new Set(publishedStems(root, 'content/actors', '.yaml'));
	const articleNumbers = new Set(publishedStems(root, 'content/articles', '.yaml').filter((stem) => /^\d+$/.test(stem)).map(Number));

	problems.push(...articleGaps(publishedStems(root, 'content/articles', '.yaml').map((stem) => `${stem}.yaml`), 'content/articles'));

	const slugs = commentaryNames(root).map((name) => name.slice(0, -'.md'.length).toLowerCase());
	for (const name of commentaryNames(root)) {
		const file = `content/commentaries/${name}`;
		if (readable(file)) problems.push(...commentaryProblems(root, file, actorIds));
	}

	// The ledger and renames first: a note's links may name a published sentence or a renamed commentary's old page.
	const history = readHistory(root, slugs);
	const sitePath = siteAddressCheck({
		articleCount: articleNumbers.size,
		actorIds: [...actorIds],
		commentarySlugs: [...slugs, ...history.renames.keys()],
		claims: history.ledger ? new Map(Object.entries(history.ledger.claims).map(([id, entry]) => [id, history.renames.get(entry.commentary) ?? entry.commentary])) : undefined,
		root,
	});
	const notes = readEditorNotes(root, slugs, { articles: articleNumbers, sitePath });
	problems.push(...notes.problems.filter((line) => !isEncodingLine(line, badEncoding)));

	if (readable(EVENTS_PATH)) problems.push(...eventProblems(root, actorIds));
	problems.push(...history.problems);
	const { problems: matterProblems, ...matters } = readMatters(root, { articles: articleNumbers, ledger: history.ledger });
	problems.push(...matterProblems.filter((line) => !isEncodingLine(line, badEncoding)));
	const pages = readPublishedPages(root);
	problems.push(...publishedPagesProblems(pages, { actors: actorIds, articles: articleNumbers }, history.ledger ? Object.keys(history.ledger.claims).length : undefined));
	const known = sitePagePaths({ commentaries: slugs, articles: [...articleNumbers], actors: [...actorIds], claims: history.ledger ? Object.keys(history.ledger.claims) : [] });
	for (const site of urlSites(root, readable)) problems.push(...unresolvedSitePaths(site, known));
	return { problems, registry, notes: notes.notes, ledger: history.ledger, renames: history.renames, matters, publishedPages: pages.record };
}

/**
 * Every content file that gives addresses, parsed, for the check that a
 * site-relative one names a page (a file that cannot be parsed is left to the
 * check that reports it).
 *
 * @param root
 *   Project root.
 * @param readable
 *   Whether a file is valid UTF-8.
 * @returns
 *   The parsed files.
 */
function urlSites(root: string, readable: (file: string) => boolean): UrlSite[] {
	const sites: UrlSite[] = [];
	const read = (file: string, markdown: boolean) => {
		if (!readable(file)) return;
		try {
			const text = decodeContent(readFileSync(join(root, file)), file);
			const { value, locate } = markdown ? parseFrontmatter(text, file) : parseYaml(text, file);
			sites.push({ file, value, locate });
		} catch {
			// Reported by the check of the file itself.
		}
	};
	for (const { folder, extension } of COLLECTION_FOLDERS) {
		for (const name of publishedStems(root, folder, extension).sort()) read(`${folder}/${name}${extension}`, extension === '.md');
	}
	if (existsSync(join(root, EVENTS_PATH))) read(EVENTS_PATH, false);
	return sites;
}

/** Whether a problem line is about a file already reported for its encoding. */
function isEncodingLine(line: string, badEncoding: ReadonlySet<string>): boolean {
	return [...badEncoding].some((file) => line.startsWith(`${file}:`) || line.startsWith(`${file} `));
}

/**
 * Every file under `content/` must be valid UTF-8.
 *
 * @param root
 *   Project root.
 * @param problems
 *   Where to add problem lines.
 * @returns
 *   The files (relative paths) that are not.
 */
function checkEncoding(root: string, problems: string[]): Set<string> {
	const bad = new Set<string>();
	for (const file of listFiles(root, 'content')) {
		try {
			decodeContent(readFileSync(join(root, file)), file);
		} catch (error) {
			if (!(error instanceof EncodingError)) throw error;
			bad.add(file);
			problems.push(error.message);
		}
	}
	return bad;
}

/** Every file under a folder, relative to `root`, sorted; hidden files left out. */
function listFiles(root: string, folder: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(join(root, folder)).sort()) {
		if (name.startsWith('.')) continue;
		const path = `${folder}/${name}`;
		// A symbolic link is refused by name (`linksAndHiddenFiles`); followed, it could loop or dangle.
		const entry = lstatSync(join(root, path));
		if (entry.isSymbolicLink()) continue;
		if (entry.isDirectory()) out.push(...listFiles(root, path));
		else out.push(path);
	}
	return out;
}

/**
 * Files a collection would silently skip or merge: another extension, or a
 * name that differs from another only in letter case.
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
function fileNameProblems(root: string): string[] {
	const problems: string[] = [];
	for (const { folder, extension } of COLLECTION_FOLDERS) {
		const byKey = new Map<string, string>();
		for (const name of readdirSync(join(root, folder)).sort()) {
			if (name.startsWith('.') || name.startsWith('_')) continue;
			const entry = lstatSync(join(root, folder, name));
			if (entry.isSymbolicLink()) continue;
			if (entry.isDirectory()) {
				problems.push(`${folder}/${name}: file name: a folder here is not read; put its files in ${folder}/ itself`);
				continue;
			}
			if (!isPublishedName(name, extension)) {
				const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
				problems.push(`${folder}/${name}: file name: only ${extension} files are read here; rename it to ${stem}${extension} (or start its name with _ for a draft)`);
				continue;
			}
			const slug = name.slice(0, -extension.length);
			const unclean = uncleanName(slug);
			if (unclean) {
				problems.push(`${folder}/${name}: file name: ${unclean}`);
				// A name refused only for its capitals still shares an address with its lowercase twin: say that too.
				if (uncleanName(slug.toLowerCase()) !== undefined) continue;
			}
			// One address per name: letter case and Unicode composition do not tell two pages apart.
			const key = name.normalize('NFC').toLowerCase();
			const other = byKey.get(key);
			if (other) {
				problems.push(`${folder}/${name}: file name: differs from ${folder}/${other} only in letter case; both would publish at one address`);
			} else byKey.set(key, name);
		}
	}
	problems.push(...strayEventFiles(root), ...strayStyleFiles(root), ...unknownContentEntries(root), ...unnamedCaptures(root), ...linksAndHiddenFiles(root, 'content'));
	return problems;
}

/**
 * Symbolic links and hidden files anywhere under `content/`: a link would
 * publish a file from outside the project's content (or read one twice), and
 * a hidden file (`.DS_Store`, `.russia.yaml`, an editor's swap file) is never
 * read, so it is refused by name rather than left to look published.
 *
 * @param root
 *   Project root.
 * @param folder
 *   The folder to walk, relative to `root`.
 * @returns
 *   Problem lines.
 */
function linksAndHiddenFiles(root: string, folder: string): string[] {
	const problems: string[] = [];
	for (const name of readdirSync(join(root, folder)).sort()) {
		const path = `${folder}/${name}`;
		const entry = lstatSync(join(root, path));
		if (entry.isSymbolicLink()) problems.push(`${path}: file name: a symbolic link; content is read from real files only: copy the file here instead`);
		else if (name.startsWith('.')) problems.push(`${path}: file name: a hidden file, which nothing reads; delete it (or, to keep a draft, start its name with _)`);
		else if (entry.isDirectory()) problems.push(...linksAndHiddenFiles(root, path));
	}
	return problems;
}

/**
 * What `content/` holds, each read by name: a file or folder not listed here
 * (a misspelt `content/spelling.yaml`, a stray `notes.txt`) would be ignored
 * without a word, so it is refused. A new kind of content adds its name here.
 */
export const CONTENT_ENTRIES: readonly string[] = [
	'actors',
	'articles',
	'commentaries',
	'csl',
	'events',
	'matters',
	'notes',
	'sources',
	'claims-ledger.json',
	'debris.yaml',
	'instruments.yaml',
	'published-pages.json',
	'related.yaml',
	'renames.yaml',
	'spellings.yaml',
];

/**
 * Files and folders at the top of `content/` that nothing reads.
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
function unknownContentEntries(root: string): string[] {
	const known = new Set(CONTENT_ENTRIES);
	return readdirSync(join(root, 'content'))
		.sort()
		.filter((name) => !name.startsWith('.') && !name.startsWith('_') && !known.has(name))
		.map((name) => `content/${name}: file name: nothing reads it (content/ holds ${CONTENT_ENTRIES.join(', ')}); check the name, or start it with _ to keep it unpublished`);
}

/**
 * Captures in `content/sources/` that no commentary names in `source.capture`:
 * the fidelity check would never read them.
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
function unnamedCaptures(root: string): string[] {
	const folder = join(root, 'content', 'sources');
	if (!existsSync(folder)) return [];
	const named = new Set<string>();
	for (const name of commentaryNames(root)) {
		const capture = /^\s*capture:\s*["']?([\w.-]+\.txt)["']?\s*$/m.exec(readFileSync(join(root, 'content', 'commentaries', name), 'utf8'));
		if (capture) named.add(capture[1]!);
	}
	return readdirSync(folder)
		.sort()
		.filter((name) => !name.startsWith('.') && !name.startsWith('_') && !named.has(name))
		.map((name) => `content/sources/${name}: file name: no commentary names this capture (source.capture); add its commentary, or start the name with _ to keep it aside`);
}

/** Names Windows keeps for devices, alone or before a dot (`con`, `nul.old`, `com1`). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/iu;

/** What a file name's stem may be: letters and digits, joined by single hyphens, underscores or dots. */
const CLEAN_STEM = /^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u;

/**
 * Why a published file's name cannot make a clean address (its stem is the
 * page's slug or the entry's id), or `undefined` when it can.
 *
 * @param stem
 *   The name without its extension.
 * @returns
 *   The reason, as a message.
 */
export function uncleanName(stem: string): string | undefined {
	if (stem.normalize('NFC') !== stem) {
		return `“${stem}” is written in decomposed Unicode (NFD), which another file written composed (NFC) would share an address with; rename it to its composed form`;
	}
	if (CLEAN_STEM.test(stem)) {
		// A page's address is lowercase: Astro would publish Russia.yaml at /actors/russia/, where no reference to "Russia" finds it.
		if (stem.toLowerCase() !== stem) return `“${stem}” has capital letters, and addresses are lowercase; rename it to ${stem.toLowerCase()}`;
		if (WINDOWS_RESERVED.test(stem)) return `“${stem}” is a name Windows reserves for a device, so the file cannot be checked out there; choose another name`;
		return undefined;
	}
	const suggestion = stem
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	return `“${stem}” cannot make a clean address (use letters and digits joined by single - _ or .; no spaces, # or ?)${suggestion === '' ? '' : `; rename it, e.g. to ${suggestion}`}`;
}

/**
 * Files in `content/events/` other than the events file: nothing reads them.
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
function strayEventFiles(root: string): string[] {
	const folder = dirname(EVENTS_PATH);
	if (!existsSync(join(root, folder))) return [];
	return readdirSync(join(root, folder))
		.sort()
		.filter((name) => !name.startsWith('.') && `${folder}/${name}` !== EVENTS_PATH)
		.map((name) => `${folder}/${name}: file name: only ${EVENTS_PATH} is read; move its events into that file`);
}

/**
 * Files in `content/csl/` that are neither a citation style (`.csl`) nor its
 * README: nothing reads them (a style in another format, a misnamed
 * `apa.CSL`), so they are refused by name.
 *
 * @param root
 *   Project root.
 * @returns
 *   Problem lines.
 */
function strayStyleFiles(root: string): string[] {
	const folder = 'content/csl';
	if (!existsSync(join(root, folder))) return [];
	return readdirSync(join(root, folder))
		.sort()
		.filter((name) => !name.startsWith('.') && !name.startsWith('_') && !name.endsWith('.csl') && name !== 'README.md')
		.map((name) => `${folder}/${name}: file name: only citation styles (.csl) and README.md are kept here; nothing reads it`);
}

/**
 * Articles missing between 1 and the highest number: pages count the files,
 * so a gap would publish the wrong number of articles and lose a page.
 *
 * @param names
 *   The article files' names (`01.yaml`).
 * @param folder
 *   The folder as shown in problems.
 * @returns
 *   One problem line per missing number.
 */
export function articleGaps(names: readonly string[], folder: string): string[] {
	const numbers = new Set(names.map((name) => name.slice(0, -'.yaml'.length)).filter((stem) => /^\d+$/.test(stem)).map(Number));
	const highest = Math.max(0, ...numbers);
	const width = Math.max(2, ...names.map((name) => name.length - '.yaml'.length));
	const problems: string[] = [];
	for (let number = 1; number <= highest; number++) {
		if (numbers.has(number)) continue;
		problems.push(
			`${folder}/${String(number).padStart(width, '0')}.yaml: number: Article ${number} is missing; the articles are numbered 1 to ${highest} without gaps (pages count the files), so restore the file`,
		);
	}
	return problems;
}

/** Names without extension of the published files of a kind in a folder. */
function publishedStems(root: string, folder: string, extension: string): string[] {
	return listPublished(join(root, folder), extension).map((name) => name.slice(0, -extension.length));
}

/** Published commentary file names. */
function commentaryNames(root: string): string[] {
	return listPublished(join(root, 'content', 'commentaries'), '.md');
}

/**
 * A commentary's frontmatter, body and references.
 *
 * @param root
 *   Project root.
 * @param file
 *   The commentary, relative to `root`.
 * @param actorIds
 *   Actor ids (the actor files' names).
 * @returns
 *   Problem lines.
 */
function commentaryProblems(root: string, file: string, actorIds: ReadonlySet<string>): string[] {
	let parsed: ReturnType<typeof parseFrontmatter>;
	try {
		parsed = parseFrontmatter(decodeContent(readFileSync(join(root, file)), file), file);
	} catch (error) {
		return messageOf(error).split('\n');
	}
	const { value, body, frontmatter, locate } = parsed;
	const problems: string[] = [];
	const result = commentarySchema.safeParse(value);
	if (!result.success) problems.push(...formatSchemaIssues(file, result.error, locate));
	if (body.trim() === '') {
		problems.push(`${file}:${frontmatter.split('\n').length + 2}: body: the commentary has no text below its frontmatter; its reading page would be empty`);
	}
	problems.push(...bodyTextProblems(file, body, frontmatter.split('\n').length + 3, 'the commentary'));
	// References are checked on the raw values, so that they are reported together with any schema problem.
	const authors = fieldOf(value, 'authors');
	if (Array.isArray(authors)) {
		authors.forEach((author: unknown, index) => {
			const actor = fieldOf(author, 'actor');
			if (typeof actor === 'string' && !actorIds.has(actor)) {
				problems.push(`${file}:${locate(['authors', index, 'actor'])}: authors[${index}].actor: no actor “${actor}” in content/actors/`);
			}
		});
	}
	const capture = fieldOf(fieldOf(value, 'source'), 'capture');
	if (typeof capture === 'string' && /^[\w.-]+$/.test(capture) && !existsSync(join(root, 'content', 'sources', capture))) {
		problems.push(`${file}:${locate(['source', 'capture'])}: source.capture: no file content/sources/${capture}`);
	}
	return problems;
}

/** A field of a parsed YAML value, whatever its shape (`undefined` when it has none). */
function fieldOf(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

/**
 * The events file: its schema, unique ids and actor ids.
 *
 * @param root
 *   Project root.
 * @param actorIds
 *   Actor ids (the actor files' names).
 * @returns
 *   Problem lines.
 */
function eventProblems(root: string, actorIds: ReadonlySet<string>): string[] {
	const path = join(root, EVENTS_PATH);
	if (!existsSync(path)) return [`${EVENTS_PATH}: file: missing`];
	let parsed: ReturnType<typeof parseYaml>;
	try {
		parsed = parseYaml(decodeContent(readFileSync(path), EVENTS_PATH), EVENTS_PATH);
	} catch (error) {
		return messageOf(error).split('\n');
	}
	if (!Array.isArray(parsed.value)) return [`${EVENTS_PATH}:1: expected a list of events`];
	// The timeline is drawn from the events: with none it has no axis, and the build would stop naming no file.
	if (parsed.value.length === 0) return [`${EVENTS_PATH}:1: the list of events is empty; the timeline needs at least one dated event (restore the file from version control)`];
	const problems: string[] = [];
	const ids = new Map<string, number>();
	parsed.value.forEach((item: unknown, index: number) => {
		const result = eventSchema.safeParse(item);
		if (!result.success) {
			problems.push(...formatSchemaIssues(EVENTS_PATH, result.error, (path) => parsed.locate([index, ...path])).map((line) => line.replace(/^([^:]+(?::\d+)?): /, `$1: [${index}].`)));
			return;
		}
		const event = result.data;
		const line = parsed.locate([index, 'id']);
		if (ids.has(event.id)) problems.push(`${EVENTS_PATH}:${line}: [${index}].id: “${event.id}” is also the id of event [${ids.get(event.id)}]`);
		ids.set(event.id, index);
		event.actors.forEach((actor, position) => {
			if (!actorIds.has(actor)) {
				problems.push(`${EVENTS_PATH}:${parsed.locate([index, 'actors', position])}: [${index}].actors[${position}]: no actor “${actor}” in content/actors/`);
			}
		});
	});
	return problems;
}

/**
 * Renames and the ledger: every recorded rename goes from a slug that no
 * longer exists to one that does, and every commentary the ledger has
 * published ids for still exists or is recorded as renamed.
 *
 * @param root
 *   Project root.
 * @param slugs
 *   Current commentary slugs.
 * @returns
 *   Problem lines, the ledger (when it could be read) and the well-formed renames.
 */
function readHistory(root: string, slugs: readonly string[]): { problems: string[]; ledger: Ledger | undefined; renames: Map<string, string> } {
	const { renames, problems, lineOf } = readRenames(root);
	const current = new Set(slugs);
	for (const [old, next] of renames) {
		const at = `${RENAMES_PATH}${lineOf(old) === undefined ? '' : `:${lineOf(old)}`}`;
		if (current.has(old)) problems.push(`${at}: ${old}: content/commentaries/${old}.md still exists; a renamed commentary's old file must be gone`);
		if (!current.has(currentSlug(renames, next))) problems.push(`${at}: ${old}: renamed to “${next}”, but there is no content/commentaries/${next}.md`);
	}
	if (!existsSync(join(root, LEDGER_PATH))) {
		const missing = `${LEDGER_PATH}: file: missing; it records every published permalink: restore it from version control (git checkout -- ${LEDGER_PATH}), or, for a new site, run \`npm run ledger\` to write it`;
		return { problems: [...problems, missing], ledger: undefined, renames };
	}
	let ledger: Ledger;
	try {
		ledger = parseLedgerFile(readFileSync(join(root, LEDGER_PATH), 'utf8'));
	} catch (error) {
		return { problems: [...problems, ...messageOf(error).split('\n')], ledger: undefined, renames };
	}
	problems.push(...goneCommentaryProblems(ledger, current, renames, lineOf));
	return { problems, ledger, renames };
}
