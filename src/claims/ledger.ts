/**
 * The claims ledger (`content/claims-ledger.json`): every claim id ever
 * published, with a quote selector to find its sentence again. The build
 * checks it so that no permalink silently dies; `npm run ledger` updates it.
 */
import { assertUniqueAcrossSite, claimId } from './claim-id.ts';
import { currentSlug } from './current-slug.ts';
import { commentaryPlainText, contextOf, reanchor } from './reanchor.ts';
import type { AnchorCandidate, ClaimRedirect, Ledger, LedgerCheck, LedgerEntry } from './types.ts';

/** Format version written by this module. */
export const LEDGER_VERSION = 1;

/** Where the ledger lives, relative to the project root (used in messages). */
export const LEDGER_PATH = 'content/claims-ledger.json';

/** Current claims per commentary slug, in reading order. */
export type ClaimsByCommentary = ReadonlyMap<string, readonly AnchorCandidate[]>;

/** Recorded renames of commentaries, old slug → new slug (`content/renames.yaml`). */
export type Renames = ReadonlyMap<string, string>;

/** Options of `checkLedger`. */
export interface CheckOptions {
	/** Recorded renames: ids published under an old slug are found in the renamed commentary (default: none). */
	renames?: Renames | undefined;
}

/** An empty ledger. */
export function emptyLedger(): Ledger {
	return { version: LEDGER_VERSION, claims: {} };
}

/** One problem of a ledger file: what it says, and the entry and field it is about (to find its line). */
interface LedgerProblem {
	/** The id of the entry, when the problem is about one. */
	id?: string;
	/** The field of that entry, when the problem is about one. */
	field?: string;
	/** The message, starting with the field as `claims["c-…"].status`. */
	message: string;
}

/** Finds the 1-based line of an entry (or of one of its fields) in the file, or `undefined`. */
type LedgerLocate = (id: string, field?: string) => number | undefined;

/**
 * Format ledger problems as `file:line: field: message` lines.
 *
 * @param source
 *   File name for messages.
 * @param problems
 *   The problems.
 * @param locate
 *   Line lookup (optional: a parsed value has no lines).
 * @returns
 *   One line per problem.
 */
function formatProblems(source: string, problems: readonly LedgerProblem[], locate?: LedgerLocate): string[] {
	return problems.map(({ id, field, message }) => {
		const line = id === undefined ? undefined : ((field === undefined ? undefined : locate?.(id, field)) ?? locate?.(id));
		return `${source}${line === undefined ? '' : `:${line}`}: ${message}`;
	});
}

/**
 * Check the shape of a parsed ledger.
 *
 * @param value
 *   Parsed JSON.
 * @param source
 *   File name for messages (default: `LEDGER_PATH`).
 * @returns
 *   The ledger.
 * @throws {Error}
 *   One line per problem, naming the file, the id and the field.
 */
export function validateLedger(value: unknown, source: string = LEDGER_PATH): Ledger {
	return validate(value, source);
}

/**
 * `validateLedger`, with lines when the file's text is known.
 *
 * @param value
 *   Parsed JSON.
 * @param source
 *   File name for messages.
 * @param locate
 *   Line lookup (optional).
 * @returns
 *   The ledger.
 */
function validate(value: unknown, source: string, locate?: LedgerLocate): Ledger {
	if (!isRecord(value)) throw new Error(`${source}:1: expected an object with "version" and "claims"`);
	const problems: LedgerProblem[] = [];
	if (!isLedger(value, problems)) throw new Error(formatProblems(source, problems, locate).join('\n'));
	return value;
}

/**
 * Whether a value is a plain object (not `null`, not an array).
 *
 * @param value
 *   Anything.
 * @returns
 *   Whether its fields can be read by name.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a parsed object has the ledger's shape: the version this module
 * writes, and every entry with its fields of the right types.
 *
 * @param value
 *   Parsed JSON object.
 * @param problems
 *   Receives one problem per fault found.
 * @returns
 *   Whether no problem was found.
 */
function isLedger(value: Record<string, unknown>, problems: LedgerProblem[]): value is Record<string, unknown> & Ledger {
	const before = problems.length;
	if (value['version'] !== LEDGER_VERSION) problems.push({ message: `"version" must be ${LEDGER_VERSION}, got ${JSON.stringify(value['version'])}` });
	for (const key of Object.keys(value)) if (key !== 'version' && key !== 'claims') problems.push({ message: `unknown top-level field "${key}"` });
	const claims = value['claims'];
	if (!isRecord(claims)) {
		problems.push({ message: '"claims" must be an object of id → entry' });
	} else {
		const known = new Set(['commentary', 'text', 'prefix', 'suffix', 'status', 'retiredReason', 'successor']);
		for (const [id, entry] of Object.entries(claims)) {
			const at = `claims["${id}"]`;
			const problem = (field: string | undefined, message: string) => problems.push({ id, ...(field === undefined ? {} : { field }), message: `${at}${field === undefined ? '' : `.${field}`}: ${message}` });
			if (!/^c-[0-9a-f]{10}$/.test(id)) problem(undefined, 'id must be "c-" + 10 hex digits');
			if (!isRecord(entry)) {
				problem(undefined, 'expected an object');
				continue;
			}
			for (const field of ['commentary', 'text'] as const) {
				if (typeof entry[field] !== 'string' || entry[field] === '') problem(field, 'expected a non-empty string');
			}
			for (const field of ['prefix', 'suffix'] as const) {
				const quote = entry[field];
				if (typeof quote !== 'string') problem(field, 'expected a string');
				else if (quote.length > 32) problem(field, 'at most 32 characters');
			}
			if (entry['status'] !== 'live' && entry['status'] !== 'retired') problem('status', 'expected "live" or "retired"');
			if (entry['status'] === 'retired' && (typeof entry['retiredReason'] !== 'string' || entry['retiredReason'].trim() === '')) {
				problem('retiredReason', 'a retired claim needs a reason');
			}
			if (entry['status'] === 'live' && entry['retiredReason'] !== undefined) problem('retiredReason', 'only retired claims have a reason');
			if (entry['successor'] !== undefined) {
				if (typeof entry['successor'] !== 'string' || !Object.hasOwn(claims, entry['successor'])) {
					problem('successor', 'must be an id in the ledger');
				} else if (entry['successor'] === id) problem('successor', 'cannot point at itself');
			}
			for (const key of Object.keys(entry)) if (!known.has(key)) problem(key, `unknown field "${key}"`);
		}
	}
	return problems.length === before;
}

/** Where the entries and fields of a ledger file are, and the keys it holds twice. */
interface LedgerLines {
	/** Line lookup of entries and their fields. */
	locate: LedgerLocate;
	/** Keys written twice in one object (JSON keeps the last silently), with their lines. */
	duplicates: { path: string; lines: number[] }[];
}

/**
 * Scan a ledger file's JSON for the line of each entry and field, and for
 * keys written twice in one object: `JSON.parse` keeps the last of two equal
 * keys without a word, so a pasted or duplicated entry would drop the first.
 * Every string token is matched in order (outside strings JSON has no `"`),
 * so the braces and line breaks between them give each key's depth and line.
 *
 * @param json
 *   File content that `JSON.parse` accepts.
 * @returns
 *   Line lookup and duplicate keys.
 */
function scanLedgerLines(json: string): LedgerLines {
	const strings = /"(?:[^"\\]|\\.)*"/g;
	const colon = /\s*:/y;
	const lines = new Map<string, number>();
	const duplicates: LedgerLines['duplicates'] = [];
	/** The keys of each open object, and the key path to it. */
	const open: Map<string, number>[] = [];
	const path: string[] = [];
	let line = 1;
	let last = 0;
	const walk = (from: number, to: number) => {
		for (let index = from; index < to; index++) {
			const char = json.charCodeAt(index);
			if (char === 0x7b /* { */) open.push(new Map());
			else if (char === 0x7d /* } */) {
				open.pop();
				path.length = Math.max(0, open.length - 1);
			} else if (char === 0x0a) line++;
		}
	};
	for (const match of json.matchAll(strings)) {
		walk(last, match.index);
		last = match.index + match[0].length;
		colon.lastIndex = last;
		if (!colon.test(json)) continue;
		const keys = open.at(-1);
		if (!keys) continue;
		const key = match[0].includes('\\') ? String(JSON.parse(match[0])) : match[0].slice(1, -1);
		path.length = open.length - 1;
		path.push(key);
		const where = path.map((part) => JSON.stringify(part)).join('.');
		const first = keys.get(key);
		if (first === undefined) keys.set(key, line);
		else duplicates.push({ path: where, lines: [first, line] });
		if (!lines.has(where)) lines.set(where, line);
	}
	const locate: LedgerLocate = (id, field) => lines.get(['claims', id, ...(field === undefined ? [] : [field])].map((part) => JSON.stringify(part)).join('.'));
	return { locate, duplicates };
}

/**
 * Parse and validate ledger JSON.
 *
 * @param json
 *   File content.
 * @param source
 *   File name for messages (default: `LEDGER_PATH`).
 * @returns
 *   The ledger.
 * @throws {Error}
 *   One line per problem, `file:line: field: message`.
 */
export function parseLedger(json: string, source: string = LEDGER_PATH): Ledger {
	return parse(json, source).ledger;
}

/**
 * Parse ledger JSON: syntax errors and keys written twice name their line,
 * then the shape is validated with each entry's line.
 *
 * @param json
 *   File content.
 * @param source
 *   File name for messages.
 * @returns
 *   The ledger and its line lookup.
 */
function parse(json: string, source: string): { ledger: Ledger; locate: LedgerLocate } {
	// A byte-order mark, as some editors save one, is not part of the JSON.
	const text = json.startsWith('\uFEFF') ? json.slice(1) : json;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /at position (\d+)/.exec(message);
		const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
		const reason = message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/^Unexpected end of JSON input$/, 'the file ends too early');
		throw new Error(
			`${source}${line === undefined ? '' : `:${line}`}: JSON: not valid JSON (${reason}); fix it there, or restore the file from version control (git checkout -- ${LEDGER_PATH})`,
		);
	}
	const { locate, duplicates } = scanLedgerLines(text);
	if (duplicates.length > 0) {
		throw new Error(
			duplicates
				.map(
					({ path, lines }) =>
						`${source}:${lines[1]}: ${path}: written twice (lines ${lines[0]} and ${lines[1]}); JSON keeps only the last, so the first would be dropped without a word: keep one (restore the file from version control if unsure: git checkout -- ${LEDGER_PATH})`,
				)
				.join('\n'),
		);
	}
	return { ledger: validate(value, source, locate), locate };
}

/**
 * Parse the ledger file and check that every id is the one its sentence
 * gives: an id is `claimId(commentary, text)` of its entry (or, for a
 * repeated sentence, a wider id beside the entry that has that one). An id,
 * text or commentary changed by hand would publish a permalink no sentence
 * gives, and drop the one that was published, without a word.
 *
 * @param json
 *   File content.
 * @param source
 *   File name for messages (default: `LEDGER_PATH`).
 * @returns
 *   The ledger.
 * @throws {Error}
 *   One line per problem, `file:line: field: message`.
 */
export function parseLedgerFile(json: string, source: string = LEDGER_PATH): Ledger {
	const { ledger, locate } = parse(json, source);
	const problems: LedgerProblem[] = [];
	for (const [id, entry] of Object.entries(ledger.claims)) {
		const given = claimId(entry.commentary, entry.text);
		if (given === id || Object.hasOwn(ledger.claims, given)) continue;
		problems.push({
			id,
			message: `claims["${id}"]: not the id its sentence gives (“${shorten(entry.text, 60)}” in ${entry.commentary} gives ${given}); ids, texts and commentaries are never edited by hand, since the permalink that was published would vanish: restore the entry from version control (git checkout -- ${LEDGER_PATH})`,
		});
	}
	if (problems.length > 0) throw new Error(formatProblems(source, problems, locate).join('\n'));
	return ledger;
}

/** Entry with its fields in a fixed order, so that the file diffs cleanly. */
function orderedEntry(entry: LedgerEntry): LedgerEntry {
	const out: LedgerEntry = { commentary: entry.commentary, text: entry.text, prefix: entry.prefix, suffix: entry.suffix, status: entry.status };
	if (entry.retiredReason !== undefined) out.retiredReason = entry.retiredReason;
	if (entry.successor !== undefined) out.successor = entry.successor;
	return out;
}

/**
 * Ledger as file content: tab-indented JSON with a final newline. Entries
 * keep the order of `ledger.claims` (see `updateLedger` for that order).
 *
 * @param ledger
 *   Ledger.
 * @returns
 *   File content.
 */
export function serializeLedger(ledger: Ledger): string {
	const claims: Record<string, LedgerEntry> = {};
	for (const [id, entry] of Object.entries(ledger.claims)) claims[id] = orderedEntry(entry);
	return `${JSON.stringify({ version: ledger.version, claims }, null, '\t')}\n`;
}

function shorten(text: string, length = 80): string {
	return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** How a ledger id resolves against the current claims. */
type Resolution =
	| { kind: 'current' }
	| { kind: 'edited'; to: string }
	| { kind: 'retired' }
	| { kind: 'lost' };

function resolveAll(ledger: Ledger, claimsByCommentary: ClaimsByCommentary, renames: Renames): Map<string, Resolution> {
	const currentIds = new Map<string, string>(); // id → slug
	for (const [slug, claims] of claimsByCommentary) for (const claim of claims) currentIds.set(claim.id, slug);
	const plain = new Map<string, string>();
	for (const [slug, claims] of claimsByCommentary) plain.set(slug, commentaryPlainText(claims));
	const resolved = new Map<string, Resolution>();

	const resolve = (id: string, visiting: Set<string>): Resolution => {
		const done = resolved.get(id);
		if (done) return done;
		const entry = ledger.claims[id];
		const result = ((): Resolution => {
			if (currentIds.has(id)) return { kind: 'current' };
			if (!entry) return { kind: 'lost' };
			// Retiring is a decision; no fuzzy match overrides it.
			if (entry.status === 'retired') return { kind: 'retired' };
			// A recorded successor wins: it is the editors' record of where the sentence went.
			if (entry.successor && !visiting.has(entry.successor)) {
				visiting.add(id);
				const next = resolve(entry.successor, visiting);
				if (next.kind === 'current') return { kind: 'edited', to: entry.successor };
				if (next.kind === 'edited') return next;
			}
			// Ids published under a renamed commentary's old slug are looked for in the renamed one.
			const slug = currentSlug(renames, entry.commentary);
			const claims = claimsByCommentary.get(slug);
			if (claims && claims.length > 0) {
				// Claims the ledger already knew existed beside this one; they cannot be its new wording.
				const exclude = new Set(claims.filter((claim) => Object.hasOwn(ledger.claims, claim.id)).map((claim) => claim.id));
				const found = reanchor({ id, ...entry }, claims, plain.get(slug)!, { exclude });
				if (found.status !== 'lost') return { kind: 'edited', to: found.successorId };
			}
			return { kind: 'lost' };
		})();
		resolved.set(id, result);
		return result;
	};

	for (const id of Object.keys(ledger.claims)) resolve(id, new Set());
	return resolved;
}

/**
 * Compare the ledger with the current claims.
 *
 * @param ledger
 *   The ledger.
 * @param claimsByCommentary
 *   Current claims per slug, in reading order.
 * @returns
 *   Redirects for edited sentences, errors for lost ones, and whether the
 *   ledger needs `npm run ledger`.
 * @throws {ClaimIdCollisionError}
 *   When two commentaries produce the same id.
 */
export function checkLedger(ledger: Ledger, claimsByCommentary: ClaimsByCommentary, options?: Readonly<CheckOptions> | null): LedgerCheck {
	assertUniqueAcrossSite(claimsByCommentary);
	const resolved = resolveAll(ledger, claimsByCommentary, options?.renames ?? new Map());
	const redirects: ClaimRedirect[] = [];
	const errors: string[] = [];
	const revived: string[] = [];
	let stale = false;
	for (const [id, entry] of Object.entries(ledger.claims)) {
		const result = resolved.get(id)!;
		if (result.kind === 'edited') {
			redirects.push({ oldId: id, newId: result.to, oldText: entry.text });
			if (entry.successor !== result.to || entry.status !== 'live') stale = true;
		} else if (result.kind === 'lost') {
			errors.push(
				`claim ${id} (“${shorten(entry.text)}”) in ${entry.commentary} cannot be re-anchored; retire it in ${LEDGER_PATH} with a reason (npm run ledger -- --retire ${id} --reason "…") or restore the text`,
			);
		} else if (result.kind === 'current' && (entry.status !== 'live' || entry.successor !== undefined)) {
			stale = true; // A retired or redirected sentence is back.
			if (entry.status === 'retired') revived.push(id);
		}
	}
	const missing: string[] = [];
	for (const [slug, claims] of [...claimsByCommentary].sort(([a], [b]) => compare(a, b))) {
		claims.forEach((claim, index) => {
			const entry = ledger.claims[claim.id];
			if (!entry) {
				missing.push(`${slug}/${claim.id}`);
				return;
			}
			const { prefix, suffix } = contextOf(claims, index);
			if (entry.text !== claim.text || entry.prefix !== prefix || entry.suffix !== suffix) stale = true;
		});
	}
	if (missing.length > 0) stale = true;
	return { redirects, errors, stale, missing, revived };
}

/**
 * What a build must refuse in a commentary's ledger check besides ids that
 * are lost: sentences whose ids the ledger does not hold (they would be
 * published and could vanish without a word at the next edit), and retired
 * ids whose sentence is in the text (the retirement contradicts the page).
 * Each message names `npm run ledger` as the fix.
 *
 * @param check
 *   A commentary's `checkLedger` answer.
 * @param ledger
 *   The ledger checked.
 * @returns
 *   One message per kind of problem found.
 */
export function unpublishedProblems(check: LedgerCheck, ledger: Ledger): string[] {
	const problems: string[] = [];
	if (check.missing.length > 0) {
		const ids = check.missing.map((entry) => entry.slice(entry.lastIndexOf('/') + 1));
		const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? `, … (${ids.length} in all)` : '');
		problems.push(
			`${ids.length} sentence${ids.length === 1 ? ' has an id' : 's have ids'} not recorded in ${LEDGER_PATH} (${shown}); run \`npm run ledger\` to record ${ids.length === 1 ? 'it' : 'them'} before publishing, so that ${ids.length === 1 ? 'its permalink keeps' : 'their permalinks keep'} working after an edit`,
		);
	}
	for (const id of check.revived) {
		const entry = ledger.claims[id]!;
		problems.push(
			`claim ${id} (“${shorten(entry.text)}”) is retired in ${LEDGER_PATH} (“${shorten(entry.retiredReason ?? '', 60)}”) but the sentence is in the text; remove the sentence again, or run \`npm run ledger\` to make its permalink live again`,
		);
	}
	return problems;
}

/**
 * Redirects for one commentary page: old ids of edited sentences and the
 * claim each now lands on.
 *
 * @param ledger
 *   The ledger.
 * @param slug
 *   Commentary slug.
 * @param claims
 *   Current claims of that commentary (`remarkPluginFrontmatter.claims`).
 * @returns
 *   Redirects, in ledger order.
 */
export function redirectsFor(ledger: Ledger, slug: string, claims: readonly AnchorCandidate[]): ClaimRedirect[] {
	const own: Ledger = { version: ledger.version, claims: {} };
	for (const [id, entry] of Object.entries(ledger.claims)) if (entry.commentary === slug) own.claims[id] = entry;
	const resolved = resolveAll(own, new Map([[slug, claims]]), new Map());
	return Object.entries(own.claims).flatMap(([id, entry]) => {
		const result = resolved.get(id)!;
		return result.kind === 'edited' ? [{ oldId: id, newId: result.to, oldText: entry.text }] : [];
	});
}

export interface UpdateOptions extends CheckOptions {
	/** Ids to retire, with the reason to record (default: none). */
	retire?: ReadonlyMap<string, string>;
}

export interface UpdateResult {
	/** The new ledger (unchanged input when `errors` is not empty). */
	ledger: Ledger;
	/** Why the ledger cannot be written; empty on success. */
	errors: string[];
	/** Ids added as live. */
	added: string[];
	/** Redirects recorded (old id → successor). */
	redirected: ClaimRedirect[];
	/** Ids retired by this update. */
	retired: string[];
}

/** The entry without `successor` and `retiredReason`. */
function withoutRedirect(entry: LedgerEntry): LedgerEntry {
	const { successor: _successor, retiredReason: _reason, ...rest } = entry;
	return rest;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Bring the ledger up to date with the current claims: add new ids as live,
 * record successors of reworded sentences, retire ids on request, and refuse
 * when a published id would be lost.
 *
 * Order of the result: commentaries by slug; inside each, current claims in
 * reading order, each preceded by the old ids that now redirect to it, then
 * retired ids in their previous order.
 *
 * @param ledger
 *   The current ledger.
 * @param claimsByCommentary
 *   Current claims per slug, in reading order.
 * @param options
 *   Configuration (optional).
 * @returns
 *   The new ledger and what changed, or errors.
 */
export function updateLedger(ledger: Ledger, claimsByCommentary: ClaimsByCommentary, options?: Readonly<UpdateOptions> | null): UpdateResult {
	const retire = options?.retire ?? new Map<string, string>();
	const errors: string[] = [];
	const currentIds = new Set<string>();
	for (const claims of claimsByCommentary.values()) for (const claim of claims) currentIds.add(claim.id);

	for (const [id, reason] of retire) {
		if (!Object.hasOwn(ledger.claims, id)) errors.push(`cannot retire ${id}: it is not in ${LEDGER_PATH}`);
		else if (currentIds.has(id)) errors.push(`cannot retire ${id}: the sentence is still on the page (“${shorten(ledger.claims[id]!.text)}”)`);
		if (reason.trim() === '') errors.push(`cannot retire ${id}: give a reason with --reason "…"`);
	}

	// Retiring first lets an explicit retirement win over a weak re-anchoring.
	const working: Ledger = { version: LEDGER_VERSION, claims: {} };
	for (const [id, entry] of Object.entries(ledger.claims)) {
		const reason = retire.get(id);
		working.claims[id] = reason !== undefined ? { ...withoutRedirect(entry), status: 'retired', retiredReason: reason } : entry;
	}
	const renames = options?.renames ?? new Map<string, string>();
	const check = checkLedger(working, claimsByCommentary, { renames });
	const redirectedTo = new Map(check.redirects.map((redirect) => [redirect.oldId, redirect.newId]));
	errors.push(...check.errors);
	if (errors.length > 0) return { ledger, errors, added: [], redirected: [], retired: [] };

	const slugs = new Set<string>([...claimsByCommentary.keys(), ...Object.values(working.claims).map((entry) => currentSlug(renames, entry.commentary))]);
	const out: Ledger = { version: LEDGER_VERSION, claims: {} };
	const added: string[] = [];
	const redirected: ClaimRedirect[] = [];
	for (const slug of [...slugs].sort(compare)) {
		const claims = claimsByCommentary.get(slug) ?? [];
		// A renamed commentary's old ids are grouped with it, before the ids they now land on.
		const old = Object.entries(working.claims).filter(([id, entry]) => currentSlug(renames, entry.commentary) === slug && !currentIds.has(id));
		claims.forEach((claim, index) => {
			for (const [id, entry] of old) {
				if (redirectedTo.get(id) !== claim.id) continue;
				out.claims[id] = { ...withoutRedirect(entry), status: 'live', successor: claim.id };
				if (ledger.claims[id]?.successor !== claim.id) redirected.push({ oldId: id, newId: claim.id, oldText: entry.text });
			}
			if (!Object.hasOwn(working.claims, claim.id)) added.push(claim.id);
			out.claims[claim.id] = { commentary: slug, text: claim.text, ...contextOf(claims, index), status: 'live' };
		});
		for (const [id, entry] of old) {
			if (redirectedTo.has(id)) continue;
			out.claims[id] = entry; // Retired (checkLedger reported every other case as an error).
		}
	}
	return { ledger: out, errors: [], added, redirected, retired: [...retire.keys()] };
}
