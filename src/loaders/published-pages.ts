/**
 * The published-pages record (`content/published-pages.json`, schema in
 * `src/schemas/published-pages.ts`): read it, check the content against it
 * (a published actor or article page whose file is gone needs a recorded
 * move or retirement; the ledger may not hold fewer ids than were published),
 * bring it up to date (`npm run ledger`), and the redirects of moved pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sitePaths } from '../utils/routes.ts';
import { LEDGER_PATH } from '../claims/ledger.ts';
import { currentSlug } from '../claims/current-slug.ts';
import type { Ledger } from '../claims/types.ts';
import { RENAMES_PATH } from './renames.ts';
import { PUBLISHED_PAGES_VERSION, publishedPagesSchema, type PublishedPage, type PublishedPages } from '../schemas/published-pages.ts';
import { messageOf } from './content-problems.ts';
import { decodeContent } from './read-text.ts';
import { formatSchemaIssues, parseYaml, type Locate } from './schema-errors.ts';

/** Where the record lives, relative to the project root. */
export const PUBLISHED_PAGES_PATH = 'content/published-pages.json';

/** The pages the content gives now. */
export interface CurrentPages {
	/** Actor ids (the actor files' names). */
	actors: ReadonlySet<string>;
	/** Article numbers (the article files' names). */
	articles: ReadonlySet<number>;
	/** The pair ids of the compare pages built now (`pairId` of `prerenderedPairs`); unknown when absent. */
	pairs?: ReadonlySet<string>;
}

/** The record as read: the record (when valid), its problems and a line lookup. */
export interface ReadPublishedPages {
	record: PublishedPages | undefined;
	problems: string[];
	locate: Locate;
}

/**
 * Read and validate the record.
 *
 * @param root
 *   Project root.
 * @returns
 *   The record, or the problems that keep it from being read (a missing file is one).
 */
export function readPublishedPages(root: string): ReadPublishedPages {
	const path = join(root, PUBLISHED_PAGES_PATH);
	const none: Locate = () => undefined;
	if (!existsSync(path)) {
		return {
			record: undefined,
			problems: [`${PUBLISHED_PAGES_PATH}: file: missing; it records every published actor and article page: restore it from version control (git checkout -- ${PUBLISHED_PAGES_PATH}), or, for a new site, run \`npm run ledger\` to write it`],
			locate: none,
		};
	}
	let parsed: ReturnType<typeof parseYaml>;
	try {
		// JSON is YAML: read so, problems get their lines.
		parsed = parseYaml(decodeContent(readFileSync(path), PUBLISHED_PAGES_PATH), PUBLISHED_PAGES_PATH);
	} catch (error) {
		return { record: undefined, problems: messageOf(error).split('\n'), locate: none };
	}
	const result = publishedPagesSchema.safeParse(parsed.value);
	if (!result.success) return { record: undefined, problems: formatSchemaIssues(PUBLISHED_PAGES_PATH, result.error, parsed.locate), locate: parsed.locate };
	return { record: result.data, problems: [], locate: parsed.locate };
}

/** The kinds of page the record keeps, with their files and addresses. */
const KINDS = [
	{ key: 'actors', file: (id: string) => `content/actors/${id}.yaml`, path: (id: string) => sitePaths.actor(id) },
	{ key: 'articles', file: (n: string) => `content/articles/${n.padStart(2, '0')}.yaml`, path: (n: string) => sitePaths.article(n) },
] as const;

/** Whether a page of a kind exists now. */
function exists(current: Readonly<CurrentPages>, key: 'actors' | 'articles', id: string): boolean {
	return key === 'actors' ? current.actors.has(id) : current.articles.has(Number(id));
}

/** Where a moved page's chain of moves ends, or `undefined` when it ends nowhere (or loops). */
function destination(entries: Readonly<Record<string, PublishedPage>>, current: Readonly<CurrentPages>, key: 'actors' | 'articles', id: string): string | undefined {
	const seen = new Set<string>();
	let at = id;
	for (;;) {
		if (seen.has(at)) return undefined;
		seen.add(at);
		const entry = entries[at];
		if (entry !== undefined && typeof entry === 'object' && 'movedTo' in entry) {
			at = entry.movedTo;
			continue;
		}
		return exists(current, key, at) ? at : undefined;
	}
}

/**
 * Every way the content breaks the record: a page recorded live whose file is
 * gone, a move to a page that does not exist, a moved or retired page whose
 * file is back, and a ledger holding fewer ids than were published.
 *
 * @param read
 *   The record as read.
 * @param current
 *   The pages the content gives now.
 * @param ledgerIds
 *   How many ids the ledger holds (`undefined` when it could not be read).
 * @returns
 *   Problem lines, `file:line: field: message`.
 */
export function publishedPagesProblems(read: Readonly<ReadPublishedPages>, current: Readonly<CurrentPages>, ledgerIds: number | undefined): string[] {
	const { record, locate } = read;
	if (!record) return [...read.problems];
	const problems: string[] = [];
	const at = (path: readonly (string | number)[]) => `${PUBLISHED_PAGES_PATH}${locate(path) === undefined ? '' : `:${locate(path)}`}`;
	for (const { key, file, path } of KINDS) {
		const entries = record[key];
		for (const id of Object.keys(entries).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
			const entry = entries[id]!;
			const here = exists(current, key, id);
			if (entry === 'live' && !here) {
				problems.push(
					`${at([key, id])}: ${key}.${id}: ${path(id)} was published, but ${file(id)} is gone; restore it, or record where its page went ("${id}": {"movedTo": "…"}) or why it was withdrawn ("${id}": {"retired": "…"})`,
				);
			} else if (entry !== 'live' && here) {
				problems.push(`${at([key, id])}: ${key}.${id}: ${file(id)} exists, but its page is recorded as ${'movedTo' in entry ? 'moved' : 'retired'}; run \`npm run ledger\` to record it live again, or remove the file`);
			} else if (typeof entry === 'object' && 'movedTo' in entry && destination(entries, current, key, id) === undefined) {
				problems.push(`${at([key, id, 'movedTo'])}: ${key}.${id}.movedTo: “${entry.movedTo}” is not a page the site builds (${file(entry.movedTo)} does not exist)`);
			}
		}
	}
	const pages = pageCount(record);
	if (pages < record.pages) {
		problems.push(
			`${at(['pages'])}: pages: the record holds ${pages} actor, article and compare pages, but ${record.pages} were published; entries were removed: restore the file from version control (git checkout -- ${PUBLISHED_PAGES_PATH}); a page that is gone is recorded as moved or retired, never removed`,
		);
	}
	if (ledgerIds !== undefined && ledgerIds < record.claims) {
		problems.push(
			`${LEDGER_PATH}: claims: holds ${ledgerIds} sentence ids, but ${record.claims} were published (${PUBLISHED_PAGES_PATH}); entries were removed: restore the file from version control (git checkout -- ${LEDGER_PATH}); \`npm run ledger\` cannot bring back retired or redirected ids`,
		);
	}
	return problems;
}

/**
 * The record brought up to date: every current page live, every other entry
 * kept, the count of published ids raised to the ledger's.
 *
 * @param record
 *   The record (`undefined` for a new site).
 * @param current
 *   The pages the content gives now.
 * @param ledgerIds
 *   How many ids the updated ledger holds.
 * @returns
 *   The new record.
 */
export function updatePublishedPages(record: PublishedPages | undefined, current: Readonly<CurrentPages>, ledgerIds: number): PublishedPages {
	const actors: Record<string, PublishedPage> = { ...record?.actors };
	const articles: Record<string, PublishedPage> = { ...record?.articles };
	for (const id of current.actors) actors[id] = 'live';
	for (const number of current.articles) articles[String(number)] = 'live';
	const sorted = (entries: Record<string, PublishedPage>) =>
		Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
	// Pair pages are never dropped from the record: one no longer built becomes a redirect.
	const compare = [...new Set([...(record?.compare ?? []), ...(current.pairs ?? [])])].sort();
	const updated: PublishedPages = {
		version: PUBLISHED_PAGES_VERSION,
		claims: Math.max(record?.claims ?? 0, ledgerIds),
		pages: 0,
		actors: sorted(actors),
		articles: sorted(articles),
		...(compare.length > 0 ? { compare } : {}),
	};
	updated.pages = Math.max(record?.pages ?? 0, pageCount(updated));
	return updated;
}

/**
 * How many pages a record holds: its actor, article and compare pair entries.
 *
 * @param record
 *   The record.
 * @returns
 *   The count the record's `pages` may not exceed.
 */
function pageCount(record: PublishedPages): number {
	return Object.keys(record.actors).length + Object.keys(record.articles).length + (record.compare?.length ?? 0);
}

/**
 * The record as file content: tab-indented JSON with a final newline.
 *
 * @param record
 *   The record.
 * @returns
 *   File content.
 */
export function serializePublishedPages(record: PublishedPages): string {
	return `${JSON.stringify(record, null, '\t')}\n`;
}

/**
 * Astro `redirects` for every moved page.
 *
 * @param record
 *   The record.
 * @param current
 *   The pages the content gives now.
 * @returns
 *   Old path → new path, without Astro's `base`.
 */
export function movedPageRedirects(record: PublishedPages, current: Readonly<CurrentPages>): Record<string, string> {
	const redirects: Record<string, string> = {};
	for (const { key, path } of KINDS) {
		for (const [id, entry] of Object.entries(record[key])) {
			if (typeof entry !== 'object' || !('movedTo' in entry)) continue;
			const to = destination(record[key], current, key, id);
			if (to !== undefined) redirects[path(id)] = path(to);
		}
	}
	return redirects;
}

/**
 * Commentaries the ledger has published sentences of whose file is gone
 * without a recorded rename, and recorded renames of a slug that was never
 * published (a misspelt old slug). Retired ids count: their share pages show
 * the commentary's title and authors, and its reading page, sentence list and
 * compare pages were published, so a commentary is renamed, never withdrawn.
 *
 * @param ledger
 *   The claims ledger.
 * @param slugs
 *   The commentaries' current slugs.
 * @param renames
 *   Recorded renames, old slug → new slug.
 * @param renameLine
 *   The line of an old slug in `content/renames.yaml` (optional).
 * @returns
 *   Problem lines, `file:line: field: message`.
 */
export function goneCommentaryProblems(
	ledger: Ledger,
	slugs: ReadonlySet<string>,
	renames: ReadonlyMap<string, string>,
	renameLine: (old: string) => number | undefined = () => undefined,
): string[] {
	const problems: string[] = [];
	const lost = new Map<string, number>();
	const published = new Set<string>();
	for (const entry of Object.values(ledger.claims)) {
		published.add(entry.commentary);
		if (slugs.has(currentSlug(renames, entry.commentary))) continue;
		lost.set(entry.commentary, (lost.get(entry.commentary) ?? 0) + 1);
	}
	for (const [slug, count] of [...lost].sort(([a], [b]) => (a < b ? -1 : 1))) {
		problems.push(
			`${LEDGER_PATH}: commentary: ${count} published sentence id${count === 1 ? '' : 's'} of “${slug}”, but there is no content/commentaries/${slug}.md; if it was renamed, record it in ${RENAMES_PATH} (${slug}: new-slug) so its links keep working; otherwise restore the file (git checkout -- content/commentaries/${slug}.md): a published commentary is never withdrawn, since its reading page, sentence list, compare pages and share pages were published (retiring its ids does not withdraw it)`,
		);
	}
	for (const [old, next] of [...renames].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const line = renameLine(old);
		const at = `${RENAMES_PATH}${line === undefined ? '' : `:${line}`}`;
		if (!published.has(old)) {
			problems.push(`${at}: ${old}: no commentary was ever published as “${old}” (${LEDGER_PATH} holds no sentence of it); check the spelling of the old slug, or remove the line`);
			continue;
		}
		// Not yet recorded by `npm run ledger` (no id of the old slug leads anywhere), onto a slug whose own sentences are live:
		// another commentary's address, whose pages and permalinks would start showing this text.
		const entries = Object.values(ledger.claims);
		const recorded = entries.some((entry) => entry.commentary === old && entry.successor !== undefined);
		const taken = entries.filter((entry) => entry.commentary === next && entry.status === 'live' && entry.successor === undefined).length;
		if (!recorded && taken > 0) {
			problems.push(
				`${at}: ${old}: renamed to “${next}”, but “${next}” was published as a commentary of its own (${taken} live sentence ids in ${LEDGER_PATH}); two commentaries cannot share an address: rename it to a new slug`,
			);
		}
	}
	return problems;
}
