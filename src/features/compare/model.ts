/**
 * The compare view's logic: which commentaries are compared (canonical pair
 * ids, the `?c=` selection), which pairs are pre-rendered (a threshold, so the
 * build never grows quadratically), the topic rail (what the chosen
 * commentaries discuss, shared topics first), the row-by-row alignment of the
 * claims about one topic, and which claims an editor's note covers.
 *
 * Pure functions over plain data: the components render their results; the
 * client script (`src/features/compare/client/compare.ts`) only assembles the
 * parts those components published (`/compare/parts/`), ranking the rail with
 * {@link rankTopics}, so an assembled view and a pre-rendered one agree.
 */
import type { Claim, Mention, MentionKind } from '../../schemas/corpus.ts';

/**
 * Pairs are pre-rendered while the corpus has at most this many commentaries
 * (12 commentaries: 66 pair pages). Beyond it only the parts the script
 * assembles a view from (one per commentary) and a no-JavaScript fallback are
 * published.
 */
export const PAIR_PAGE_LIMIT = 12;

/**
 * The chooser's selects list every commentary in the page while the corpus
 * has at most this many; beyond it they list the ones shown and the script
 * fills in the rest from the commentaries' labels file, so the page does not
 * grow with the corpus.
 */
export const CHOOSER_INLINE_LIMIT = 25;

/** Most columns the view shows side by side. */
export const MAX_COLUMNS = 3;

/** Separator of the two slugs in a pair id (`a--b`); a slug may not contain it. */
export const PAIR_SEPARATOR = '--';

/** A claim as the compare view needs it: a subset of the corpus `Claim`. */
export type CompareClaim = Pick<Claim, 'id' | 'text' | 'block' | 'blockIndex'> & {
	section?: string | undefined;
	mentions: readonly Pick<Mention, 'kind' | 'ref' | 'start' | 'end'>[];
	/** Ids of its related claims in other commentaries, best first (see {@link relatedIdsByClaim}). */
	related?: readonly string[] | undefined;
};

/** One column: a commentary's claims in reading order. */
export interface CompareColumn {
	slug: string;
	claims: readonly CompareClaim[];
}

/** Order of kinds in the rail: articles, then actors, then dates. */
const KIND_ORDER: readonly MentionKind[] = ['article', 'actor', 'date'];

/**
 * The key of a topic: `article:4`, `actor:russia`, `date:2024-06-19`.
 *
 * @param kind
 *   Mention kind.
 * @param ref
 *   Article number, actor id or ISO date.
 * @returns
 *   The key.
 */
export function topicKey(kind: MentionKind, ref: string): string {
	return `${kind}:${ref}`;
}

/**
 * Whether a string names a mention kind.
 *
 * @param value
 *   Any string.
 * @returns
 *   `true` for `article`, `actor` and `date`.
 */
export function isMentionKind(value: string): value is MentionKind {
	return KIND_ORDER.some((kind) => kind === value);
}

/**
 * Split a topic key into kind and ref.
 *
 * @param key
 *   A key made by {@link topicKey}.
 * @returns
 *   Kind and ref, or `undefined` when the key is not one.
 */
export function parseTopicKey(key: string): { kind: MentionKind; ref: string } | undefined {
	const at = key.indexOf(':');
	const kind = key.slice(0, at);
	const ref = key.slice(at + 1);
	if (at < 1 || ref === '' || !isMentionKind(kind)) return undefined;
	return { kind, ref };
}

/**
 * The fragment id of a topic's aligned rows (`t-article-4`, `t-date-1960_1988`):
 * letters, digits and hyphens only, so it is a valid id and needs no escaping.
 *
 * @param key
 *   Topic key.
 * @returns
 *   The id.
 */
export function topicAnchor(key: string): string {
	return `t-${key.replace(':', '-').replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/**
 * Canonical order of a pair: the two slugs sorted, so `a,b` and `b,a` are
 * one page.
 *
 * @param a
 *   One slug.
 * @param b
 *   The other.
 * @returns
 *   The slugs in code-point order.
 * @throws
 *   When both are the same commentary.
 */
export function canonicalPair(a: string, b: string): [string, string] {
	if (a === b) throw new Error(`A pair needs two different commentaries, got “${a}” twice`);
	return a < b ? [a, b] : [b, a];
}

/**
 * The id of a pair page: the canonical slugs joined by `--`.
 *
 * @param a
 *   One slug.
 * @param b
 *   The other.
 * @returns
 *   `a--b` with the slugs sorted.
 * @throws
 *   When a slug contains `--` (the id could not be read back).
 */
export function pairId(a: string, b: string): string {
	for (const slug of [a, b]) {
		if (slug.includes(PAIR_SEPARATOR)) throw new Error(`Commentary slug “${slug}” contains “${PAIR_SEPARATOR}”, which pair ids use`);
	}
	return canonicalPair(a, b).join(PAIR_SEPARATOR);
}

/**
 * Read a pair id back.
 *
 * @param id
 *   `a--b`.
 * @param known
 *   Slugs of the corpus.
 * @returns
 *   The two slugs, or `undefined` unless the id names two known, different
 *   commentaries in canonical order.
 */
export function parsePairId(id: string, known: readonly string[]): [string, string] | undefined {
	const [a, b, ...rest] = id.split(PAIR_SEPARATOR);
	if (a === undefined || b === undefined || rest.length > 0) return undefined;
	if (!known.includes(a) || !known.includes(b) || a === b) return undefined;
	return pairId(a, b) === id ? [a, b] : undefined;
}

/**
 * Whether pair pages are pre-rendered for a corpus of this size.
 *
 * @param commentaries
 *   Number of commentaries.
 * @param limit
 *   The threshold (default {@link PAIR_PAGE_LIMIT}).
 * @returns
 *   `true` while `commentaries <= limit`.
 */
export function prerendersPairs(commentaries: number, limit: number = PAIR_PAGE_LIMIT): boolean {
	return commentaries <= limit;
}

/**
 * Every pair of commentaries, each in canonical order, sorted by pair id.
 *
 * @param slugs
 *   Slugs of the corpus.
 * @returns
 *   `n(n−1)/2` pairs.
 */
export function allPairs(slugs: readonly string[]): [string, string][] {
	const unique = [...new Set(slugs)].sort();
	const pairs: [string, string][] = [];
	for (let i = 0; i < unique.length; i++) {
		for (let j = i + 1; j < unique.length; j++) pairs.push([unique[i]!, unique[j]!]);
	}
	return pairs;
}

/**
 * The pairs the build pre-renders: all of them within the threshold, none
 * beyond it.
 *
 * @param slugs
 *   Slugs of the corpus.
 * @param limit
 *   The threshold (default {@link PAIR_PAGE_LIMIT}).
 * @returns
 *   Pairs in canonical order.
 */
export function prerenderedPairs(slugs: readonly string[], limit: number = PAIR_PAGE_LIMIT): [string, string][] {
	return prerendersPairs(new Set(slugs).size, limit) ? allPairs(slugs) : [];
}

/**
 * Read a selection from the `c` parameter (`a,b,c`; repeated `c=` values as a
 * form sends them are joined): known slugs only, each once, at most
 * {@link MAX_COLUMNS}, in the reader's order.
 *
 * @param values
 *   The parameter's values.
 * @param known
 *   Slugs of the corpus.
 * @returns
 *   The selection (possibly shorter than two: not yet a comparison).
 */
export function parseSelection(values: readonly string[], known: readonly string[]): string[] {
	const chosen: string[] = [];
	for (const slug of values.flatMap((value) => value.split(','))) {
		const trimmed = slug.trim();
		if (known.includes(trimmed) && !chosen.includes(trimmed)) chosen.push(trimmed);
	}
	return chosen.slice(0, MAX_COLUMNS);
}

/** One topic of the rail. */
export interface RailTopic {
	key: string;
	kind: MentionKind;
	ref: string;
	/** Claims about the topic in each column, in column order. */
	counts: number[];
	/** Columns that discuss it. */
	shared: number;
	/** Claims about it in all columns. */
	total: number;
}

/**
 * Topic keys a claim is about, each once, in reading order.
 *
 * @param claim
 *   The claim.
 * @returns
 *   Keys.
 */
export function claimTopics(claim: Pick<CompareClaim, 'mentions'>): string[] {
	return [...new Set(claim.mentions.map((m) => topicKey(m.kind, m.ref)))];
}

/**
 * Compare two refs of one kind: articles by number, dates chronologically
 * (ISO strings sort so), actors by id.
 */
function compareRefs(a: string, b: string): number {
	const numeric = Number(a) - Number(b);
	return Number.isNaN(numeric) || numeric === 0 ? (a < b ? -1 : a > b ? 1 : 0) : numeric;
}

/**
 * The topic rail: every article, actor and date the columns discuss, with the
 * number of claims about it per column. Topics more columns share come first;
 * within that, articles, actors, then dates; articles by number, actors by how
 * much they are discussed (then id), dates chronologically.
 *
 * @param columns
 *   The chosen commentaries, in column order.
 * @returns
 *   Topics in rail order.
 */
export function topicRail(columns: readonly CompareColumn[]): RailTopic[] {
	return rankTopics(columns.map((column) => column.claims.map(claimTopics)));
}

/**
 * The topic rail from the topics of each claim of each column: what
 * {@link topicRail} computes from claims, and the script from the
 * `data-topics` of the claims a published column shows.
 *
 * @param columns
 *   Per column, per claim in reading order, the claim's topic keys (each once).
 * @returns
 *   Topics in rail order; keys that are not topic keys are left out.
 */
export function rankTopics(columns: readonly (readonly (readonly string[])[])[]): RailTopic[] {
	const byKey = new Map<string, RailTopic>();
	columns.forEach((claims, index) => {
		for (const keys of claims) {
			for (const key of keys) {
				let topic = byKey.get(key);
				if (!topic) {
					const parsed = parseTopicKey(key);
					if (!parsed) continue;
					topic = { key, ...parsed, counts: columns.map(() => 0), shared: 0, total: 0 };
					byKey.set(key, topic);
				}
				topic.counts[index]! += 1;
				topic.total += 1;
			}
		}
	});
	for (const topic of byKey.values()) topic.shared = topic.counts.filter((count) => count > 0).length;
	return [...byKey.values()].sort(
		(a, b) =>
			b.shared - a.shared ||
			KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
			(a.kind === 'actor' ? b.total - a.total : 0) ||
			compareRefs(a.ref, b.ref),
	);
}

/**
 * The heading of a group of the rail: how many of the columns discuss its
 * topics.
 *
 * @param shared
 *   Columns that discuss the group's topics.
 * @param columns
 *   Columns shown.
 * @returns
 *   `In both`, `In all 3`, `In 2`, `In one only`.
 */
export function railGroupTitle(shared: number, columns: number): string {
	if (shared === 1) return 'In one only';
	if (shared === columns) return shared === 2 ? 'In both' : `In all ${shared}`;
	return `In ${shared}`;
}

/**
 * The rail's topics in groups, most shared first (empty groups left out).
 *
 * @param rail
 *   Topics in rail order.
 * @param columns
 *   Columns shown.
 * @returns
 *   Groups with their topics, in rail order.
 */
export function railGroups<T extends Pick<RailTopic, 'shared'>>(rail: readonly T[], columns: number): { shared: number; topics: T[] }[] {
	return Array.from({ length: columns }, (_, index) => columns - index)
		.map((shared) => ({ shared, topics: rail.filter((topic) => topic.shared === shared) }))
		.filter((group) => group.topics.length > 0);
}

/**
 * The rail's key to its count columns: `Claims per column: Roy · Rekha J`.
 *
 * @param shorts
 *   The columns' short names, in column order.
 * @returns
 *   The text.
 */
export function railKey(shorts: readonly string[]): string {
	return `Claims per column: ${shorts.join(' · ')}`;
}

/**
 * A count as headings show it after their text: `(12)`.
 *
 * @param count
 *   The number.
 * @returns
 *   The text.
 */
export function countLabel(count: number): string {
	return `(${count})`;
}

/**
 * The claim counts of a topic for screen readers: `Roy 3, Rekha J none`.
 *
 * @param shorts
 *   The columns' short names, in column order.
 * @param counts
 *   Claims about the topic per column.
 * @returns
 *   The text.
 */
export function countsText(shorts: readonly string[], counts: readonly number[]): string {
	return counts.map((count, index) => `${shorts[index] ?? ''} ${count === 0 ? 'none' : count}`).join(', ');
}

/**
 * The claims of a column about one topic, in reading order.
 *
 * @param column
 *   A column.
 * @param key
 *   Topic key.
 * @returns
 *   Claims that mention the topic.
 */
export function claimsAbout<T extends CompareClaim>(column: { claims: readonly T[] }, key: string): T[] {
	return column.claims.filter((claim) => claimTopics(claim).includes(key));
}

/**
 * A column's claims by topic, each list in reading order: every claim's
 * topics computed once, so the claims about all the topics of a view are found
 * in one pass (filtering the column for each topic would grow with topics ×
 * claims, both of which grow with a long commentary).
 *
 * @param claims
 *   A column's claims in reading order.
 * @returns
 *   Topic key → the claims about it ({@link claimsAbout} for each key).
 */
export function claimsByTopic<T extends CompareClaim>(claims: readonly T[]): Map<string, T[]> {
	const byTopic = new Map<string, T[]>();
	for (const claim of claims) {
		for (const key of claimTopics(claim)) {
			const list = byTopic.get(key);
			if (list) list.push(claim);
			else byTopic.set(key, [claim]);
		}
	}
	return byTopic;
}

/** A related claim of another commentary, as the compare view pairs rows by it. */
export interface CompareRelated {
	id: string;
	/** The build's ranking score (higher is closer). */
	score: number;
	/** An editor confirmed the link. */
	confirmed: boolean;
	/** Titles of the matters the two claims share. */
	matters: readonly string[];
}

/** One row of a topic's claims side by side. */
export interface AlignedRow<T> {
	/** Each column's claim, or `null` where it has none in this row. */
	cells: (T | null)[];
	/** The row's claims are related (they discuss the same matter): why they sit together. */
	paired: boolean;
	/** Titles of the matters they share, each once, in the order found. */
	matters: string[];
	/** An editor confirmed a link of the row. */
	confirmed: boolean;
}

/** A link between two claims of different columns about a topic. */
interface RowLink<T> {
	from: { column: number; index: number; claim: T };
	to: { column: number; index: number; claim: T };
	related: CompareRelated;
}

/**
 * The links between claims of different columns about a topic, each pair
 * once (a link recorded from either side; the stronger record kept), best
 * first: confirmed, then by score, then in reading order.
 */
function rowLinks<T extends CompareClaim>(lists: readonly (readonly T[])[], related: ReadonlyMap<string, readonly CompareRelated[]>): RowLink<T>[] {
	const at = new Map<string, { column: number; index: number; claim: T }>();
	lists.forEach((list, column) => list.forEach((claim, index) => at.set(claim.id, { column, index, claim })));
	const links = new Map<string, RowLink<T>>();
	for (const place of at.values()) {
		for (const other of related.get(place.claim.id) ?? []) {
			const there = at.get(other.id);
			if (!there || there.column === place.column) continue;
			const [from, to] = place.column < there.column ? [place, there] : [there, place];
			const key = `${from.claim.id} ${to.claim.id}`;
			const known = links.get(key);
			if (!known || stronger(other, known.related)) links.set(key, { from, to, related: other });
		}
	}
	return [...links.values()].sort(
		(a, b) =>
			Number(b.related.confirmed) - Number(a.related.confirmed) ||
			b.related.score - a.related.score ||
			a.from.column - b.from.column ||
			a.from.index - b.from.index ||
			a.to.column - b.to.column ||
			a.to.index - b.to.index,
	);
}

/** Whether one record of a link ranks above another: confirmed first, then by score. */
function stronger(a: CompareRelated, b: CompareRelated): boolean {
	return a.confirmed !== b.confirmed ? a.confirmed : a.score > b.score;
}

/**
 * The claims about a topic side by side. Related claims (claims of different
 * columns about the same matter) share a row: links are taken greedily, best
 * first (confirmed, then by score), each claim used once; a link whose one
 * claim already has a row joins that row when the row has no claim yet in
 * the other's column. Paired rows come in reading order (of the first column
 * that has a claim in them); then the claims no link placed, row `i` holding
 * each column's `i`-th such claim in reading order, or `null` where a column
 * has no more.
 *
 * @param columns
 *   The columns.
 * @param key
 *   Topic key.
 * @param related
 *   Each claim's related claims (default: none, so rows go by position only).
 * @returns
 *   The rows: paired first, then the rest.
 */
export function alignedRows<T extends CompareClaim>(
	columns: readonly { claims: readonly T[] }[],
	key: string,
	related: ReadonlyMap<string, readonly CompareRelated[]> = new Map(),
): AlignedRow<T>[] {
	return rowsOf(
		columns.map((column) => claimsAbout(column, key)),
		related,
	);
}

/**
 * The rows of every topic the columns discuss ({@link alignedRows} for each
 * key), with each claim's topics computed once: the work grows with the
 * claims and their mentions, not with topics × claims.
 *
 * @param columns
 *   The columns.
 * @param related
 *   Each claim's related claims (default: none).
 * @returns
 *   Topic key → its rows; a key no column discusses is absent.
 */
export function alignedRowsByTopic<T extends CompareClaim>(
	columns: readonly { claims: readonly T[] }[],
	related: ReadonlyMap<string, readonly CompareRelated[]> = new Map(),
): Map<string, AlignedRow<T>[]> {
	const indexes = columns.map((column) => claimsByTopic(column.claims));
	const keys = new Set(indexes.flatMap((index) => [...index.keys()]));
	return new Map([...keys].map((key) => [key, rowsOf(indexes.map((index) => index.get(key) ?? []), related)]));
}

/**
 * The rows of one topic from each column's claims about it ({@link alignedRows}).
 *
 * @param lists
 *   Per column, its claims about the topic in reading order.
 * @param related
 *   Each claim's related claims.
 * @returns
 *   The rows: paired first, then the rest.
 */
function rowsOf<T extends CompareClaim>(lists: readonly (readonly T[])[], related: ReadonlyMap<string, readonly CompareRelated[]>): AlignedRow<T>[] {
	const rowOf = new Map<string, AlignedRow<T> & { order: number[] }>();
	const paired: (AlignedRow<T> & { order: number[] })[] = [];
	const join = (row: AlignedRow<T>, link: RowLink<T>) => {
		for (const matter of link.related.matters) if (!row.matters.includes(matter)) row.matters.push(matter);
		row.confirmed ||= link.related.confirmed;
	};
	for (const link of rowLinks(lists, related)) {
		const fromRow = rowOf.get(link.from.claim.id);
		const toRow = rowOf.get(link.to.claim.id);
		if (!fromRow && !toRow) {
			const row: AlignedRow<T> & { order: number[] } = { cells: lists.map(() => null), paired: true, matters: [], confirmed: false, order: lists.map(() => Infinity) };
			paired.push(row);
			for (const end of [link.from, link.to]) {
				row.cells[end.column] = end.claim;
				row.order[end.column] = end.index;
				rowOf.set(end.claim.id, row);
			}
			join(row, link);
			continue;
		}
		// One end has a row already: the other joins it if its column is free there.
		const [row, end] = fromRow && !toRow ? [fromRow, link.to] : toRow && !fromRow ? [toRow, link.from] : [undefined, undefined];
		if (!row || !end || row.cells[end.column] !== null) continue;
		row.cells[end.column] = end.claim;
		row.order[end.column] = end.index;
		rowOf.set(end.claim.id, row);
		join(row, link);
	}
	paired.sort((a, b) => {
		for (let column = 0; column < lists.length; column++) {
			const difference = a.order[column]! - b.order[column]!;
			if (difference !== 0 && !Number.isNaN(difference)) return difference;
		}
		return 0;
	});
	const rest = lists.map((list) => list.filter((claim) => !rowOf.has(claim.id)));
	const length = Math.max(0, ...rest.map((list) => list.length));
	return [
		...paired.map(({ cells, matters, confirmed }) => ({ cells, paired: true, matters, confirmed })),
		...Array.from({ length }, (_, row) => ({ cells: rest.map((list) => list[row] ?? null), paired: false, matters: [], confirmed: false })),
	];
}

/**
 * What a paired row's caption says: why its claims sit together.
 *
 * @param row
 *   A paired row.
 * @returns
 *   `Both on: Mutual military assistance`, `All three on: …`, or, for a link
 *   an editor made without a shared matter, `Linked by the editors`.
 */
export function pairedRowCaption(row: Pick<AlignedRow<unknown>, 'cells' | 'matters'>): string {
	if (row.matters.length === 0) return 'Linked by the editors';
	const filled = row.cells.filter((cell) => cell !== null).length;
	return `${filled > 2 ? 'All three' : 'Both'} on: ${row.matters.join('; ')}`;
}

/**
 * What an empty cell says.
 *
 * @param discussed
 *   Whether its column has any claim about the topic.
 * @param paired
 *   Whether the row is a paired row.
 * @param first
 *   Whether it is the topic's first row.
 * @returns
 *   `Not discussed`, `No sentence on this matter`, or `Nothing more`.
 */
export function emptyCellText(discussed: boolean, paired: boolean, first: boolean): string {
	if (!discussed) return first ? 'Not discussed' : 'Nothing more';
	return paired ? 'No sentence on this matter' : 'Nothing more';
}

/**
 * Where the page should scroll to show claims of several columns at once:
 * the columns grow with the page, so their claims about a topic stand at
 * different heights; the screen starts at the earliest claim of the run
 * that fits in one screen with the most claims (the earliest run on a tie).
 *
 * @param tops
 *   Each claim's top, in page coordinates (any order).
 * @param room
 *   The height a screen has for them (what sticks at its top taken off).
 * @returns
 *   The top to bring to the top of that room (`undefined` without claims).
 */
export function revealTop(tops: readonly number[], room: number): number | undefined {
	const sorted = [...tops].sort((a, b) => a - b);
	let best: { top: number; count: number } | undefined;
	for (const [index, top] of sorted.entries()) {
		const count = sorted.slice(index).filter((other) => other < top + room).length;
		if (!best || count > best.count) best = { top, count };
	}
	return best?.top;
}

/**
 * Position after a step through a column's claims about a topic, stopping at
 * either end.
 *
 * @param length
 *   How many claims the column has about the topic.
 * @param current
 *   Current position (`-1` before the first).
 * @param step
 *   `1` for next, `-1` for previous.
 * @returns
 *   The new position, or `-1` when the column has none.
 */
export function stepPosition(length: number, current: number, step: 1 | -1): number {
	if (length === 0) return -1;
	return Math.min(length - 1, Math.max(0, current + step));
}

/**
 * Where a key moves the focus in a group of controls that is one Tab stop
 * (a roving tabindex): Down and Right to the next, Up and Left to the
 * previous (stopping at the ends), Home and End to the first and last.
 * Any other key: `undefined`, the browser's to handle.
 *
 * @param length How many controls the group has.
 * @param current The focused control's position.
 * @param key `KeyboardEvent.key`.
 */
export function rovingPosition(length: number, current: number, key: string): number | undefined {
	if (length === 0) return undefined;
	switch (key) {
		case 'ArrowDown':
		case 'ArrowRight':
			return stepPosition(length, current, 1);
		case 'ArrowUp':
		case 'ArrowLeft':
			return stepPosition(length, current, -1);
		case 'Home':
			return 0;
		case 'End':
			return length - 1;
		default:
			return undefined;
	}
}

/** A run of a claim's text: plain, or the words of a mention of a topic. */
export interface ClaimSegment {
	text: string;
	topic?: string;
}

/**
 * Split a claim's text at its mentions (by their recorded offsets), so a view
 * can make each mention a control. Overlapping mentions keep the first.
 *
 * @param claim
 *   The claim.
 * @returns
 *   Runs that concatenate back to the claim's text.
 */
export function claimSegments(claim: Pick<CompareClaim, 'text' | 'mentions'>): ClaimSegment[] {
	const segments: ClaimSegment[] = [];
	let from = 0;
	const mentions = [...claim.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
	for (const mention of mentions) {
		if (mention.start < from || mention.end > claim.text.length) continue;
		if (mention.start > from) segments.push({ text: claim.text.slice(from, mention.start) });
		segments.push({ text: claim.text.slice(mention.start, mention.end), topic: topicKey(mention.kind, mention.ref) });
		from = mention.end;
	}
	if (from < claim.text.length) segments.push({ text: claim.text.slice(from) });
	return segments;
}

/**
 * A claim's runs split where its related-claims control goes: the control
 * stays on the line of the sentence's last word, so that word (with what
 * follows it, a full stop or a closing bracket) is set apart to be kept
 * with it. A claim ending in a mention keeps everything in the body (a
 * mention may be several words, too long to hold on one line).
 *
 * @param segments
 *   The claim's runs ({@link claimSegments}).
 * @returns
 *   The body, and the end kept with the control (empty when nothing can be).
 */
export function claimEnding(segments: readonly ClaimSegment[]): { body: ClaimSegment[]; end: ClaimSegment[] } {
	const last = segments.at(-1);
	if (!last || last.topic !== undefined) return { body: [...segments], end: [] };
	const match = /\S+$/.exec(last.text);
	if (!match) return { body: [...segments], end: [] };
	const head = last.text.slice(0, match.index);
	return { body: [...segments.slice(0, -1), ...(head ? [{ text: head }] : [])], end: [{ text: match[0] }] };
}

/** A paragraph, list item or heading of a column: consecutive claims of one block. */
export interface ColumnBlock<T extends CompareClaim = CompareClaim> {
	blockIndex: number;
	block: CompareClaim['block'];
	claims: T[];
}

/**
 * Group a column's claims into the blocks they stand in, in reading order.
 *
 * @param claims
 *   Claims in reading order.
 * @returns
 *   Blocks.
 */
export function columnBlocks<T extends CompareClaim>(claims: readonly T[]): ColumnBlock<T>[] {
	const blocks: ColumnBlock<T>[] = [];
	for (const claim of claims) {
		const last = blocks.at(-1);
		if (last && last.blockIndex === claim.blockIndex) last.claims.push(claim);
		else blocks.push({ blockIndex: claim.blockIndex, block: claim.block, claims: [claim] });
	}
	return blocks;
}

/**
 * The claims an editor's note is about, as the pipeline recorded them (the
 * sentences its marked words stand in).
 *
 * @param noteClaims
 *   Claim ids by note id, for the note's commentary.
 * @param id
 *   The note's id.
 * @param file
 *   The note's file, for the error.
 * @returns
 *   Claim ids in reading order.
 * @throws
 *   When the note's words stand in no sentence (a bare heading or byline):
 *   compare could not place it.
 */
export function claimsOfNote(noteClaims: Readonly<Record<string, readonly string[]>>, id: string, file: string): string[] {
	const claims = noteClaims[id];
	if (!claims?.length) throw new Error(`${file}: quote: the words this note is about stand in no sentence of the commentary; compare places a note beside sentences`);
	return [...claims];
}

/** An editor's note as the compare view shows it: beside the claims it covers. */
export interface CompareNote {
	id: string;
	/** How the note classifies the error (`factual error`, `imprecision`…). */
	kind: string;
	/** The commentary's words the note is about. */
	quote: string;
	/** The note's text, paragraph by paragraph (plain text). */
	paragraphs: string[];
	sources: { label: string; url?: string | undefined }[];
	/** Ids of the claims it covers. */
	claims: string[];
}

/** One commentary's data for its column and the rail. */
export interface CompareCommentaryData {
	slug: string;
	claims: CompareClaim[];
	notes: CompareNote[];
}

/** How a topic is named and where its own page is. */
export interface CompareTopicInfo {
	/** `Article 4`, the actor's name, the date in words. */
	label: string;
	/** The article or actor page, or the date's timeline entry. */
	href: string;
}

/** A commentary as a column heading names it. */
export interface CompareCommentary {
	slug: string;
	/** Lead author(s) in full (`Rajorshi Roy`). */
	label: string;
	/** Surnames, for tabs and count headers (`Roy`, `Sharma & Jayaprakash`). */
	short: string;
	outlet: string;
	title: string;
}

/**
 * Reduce a commentary's claims to what the compare view uses (no mention
 * text or flags: the offsets locate the words), keeping the claim's section.
 *
 * @param slug
 *   The commentary.
 * @param claims
 *   Its claims from the corpus.
 * @param notes
 *   Its editors' notes, with their covered claims already found.
 * @param related
 *   Related claim ids by claim id (from {@link relatedIdsByClaim}; default: none).
 * @returns
 *   The column's data.
 */
export function commentaryData(
	slug: string,
	claims: readonly Claim[],
	notes: readonly CompareNote[],
	related: ReadonlyMap<string, readonly string[]> = new Map(),
): CompareCommentaryData {
	return {
		slug,
		claims: claims.map(({ id, text, block, blockIndex, section, mentions }) => {
			const ids = related.get(id) ?? [];
			return {
				id,
				text,
				block,
				blockIndex,
				...(section === undefined ? {} : { section }),
				mentions: mentions.map(({ kind, ref, start, end }) => ({ kind, ref, start, end })),
				...(ids.length > 0 ? { related: [...ids] } : {}),
			};
		}),
		notes: [...notes],
	};
}

/**
 * Each claim's related claims as the columns carry them (`data-related`):
 * the claim's own ranked list, then the claims that list it but that it does
 * not (each claim keeps only its best few per other commentary, so a link may
 * be recorded on one side only; the columns show it from both, as the rows
 * by topic pair it from either side). Only claims the view knows, each once.
 *
 * @param related
 *   Each claim's related claims in other commentaries, best first.
 * @param known
 *   Ids of every claim the view can show.
 * @returns
 *   Claim id → related claim ids, best first then the links recorded on the
 *   other side in the order met; claims with none left out.
 */
export function relatedIdsByClaim(related: ReadonlyMap<string, readonly Pick<CompareRelated, 'id'>[]>, known: ReadonlySet<string>): Map<string, string[]> {
	// Sets keep insertion order and find an id at once: one claim of a short commentary may be listed by
	// thousands of claims of a long one, and a list searched at every addition would grow with their square.
	const own = new Map<string, Set<string>>();
	const back = new Map<string, Set<string>>();
	const add = (lists: Map<string, Set<string>>, from: string, to: string) => {
		const list = lists.get(from);
		if (list) list.add(to);
		else lists.set(from, new Set([to]));
	};
	for (const [id, claims] of related) {
		if (!known.has(id)) continue;
		for (const other of claims) {
			if (other.id === id || !known.has(other.id)) continue;
			add(own, id, other.id);
			add(back, other.id, id);
		}
	}
	const ids = new Map<string, string[]>();
	for (const id of new Set([...own.keys(), ...back.keys()])) ids.set(id, [...new Set([...(own.get(id) ?? []), ...(back.get(id) ?? [])])]);
	return ids;
}

/**
 * A claim's related claims in the columns shown beside it: its ranked ids
 * grouped by the column that shows them, its own column and the claims no
 * column shows left out.
 *
 * @param related
 *   The claim's related claim ids, best first.
 * @param columnOf
 *   The column index of each claim shown.
 * @param own
 *   The claim's own column.
 * @returns
 *   Column index → related claim ids there, best first (columns with none
 *   left out), in column order.
 */
export function relatedInColumns(related: readonly string[], columnOf: ReadonlyMap<string, number>, own: number): Map<number, string[]> {
	const byColumn = new Map<number, string[]>();
	for (const id of related) {
		const column = columnOf.get(id);
		if (column === undefined || column === own) continue;
		// Appended in place: a sentence a long commentary relates thousands of its own to would copy its list each time.
		const ids = byColumn.get(column);
		if (ids) ids.push(id);
		else byColumn.set(column, [id]);
	}
	return new Map([...byColumn].sort(([a], [b]) => a - b));
}

/**
 * The claims about a topic that pair up: those related to a claim about the
 * same topic in another column.
 *
 * @param claims
 *   Every claim shown: its id, column, topic keys and related claim ids.
 * @param key
 *   Topic key.
 * @returns
 *   Ids of the claims about the topic with a related claim about it in
 *   another column, in the order given.
 */
export function pairedClaimIds(
	claims: readonly { id: string; column: number; topics: readonly string[]; related: readonly string[] }[],
	key: string,
): string[] {
	const about = new Map(claims.filter((claim) => claim.topics.includes(key)).map((claim) => [claim.id, claim.column]));
	return claims
		.filter((claim) => about.has(claim.id) && claim.related.some((id) => about.has(id) && about.get(id) !== claim.column))
		.map((claim) => claim.id);
}

/**
 * The name of a claim's related-claims control: how many sentences of the
 * other columns it is related to.
 *
 * @param count
 *   Related sentences in the other columns shown.
 * @param columns
 *   Columns shown.
 * @returns
 *   `Related to 2 sentences in the other column` (`columns` in a view of three).
 */
export function relatedLabel(count: number, columns: number): string {
	return `Related to ${count} ${count === 1 ? 'sentence' : 'sentences'} in the other ${columns > 2 ? 'columns' : 'column'}`;
}

/**
 * What the status region says when a control turns the other columns to a
 * claim's related claims.
 *
 * @param shown
 *   Per column turned: its short name, the related claim shown (0-based
 *   position among the claim's related claims there, their number) and its
 *   text.
 * @returns
 *   `Rekha J, related sentence 1 of 2: “…”`, one such part per column,
 *   separated by semicolons.
 */
export function relatedStatus(shown: readonly { short: string; position: number; count: number; text: string }[]): string {
	return shown.map((column) => `${column.short}, related sentence ${column.position + 1} of ${column.count}: “${column.text}”`).join('; ');
}

/**
 * What the status region adds, once a topic is chosen, about its claims that
 * pair up across the columns.
 *
 * @param count
 *   Claims about the topic related to a claim about it in another column.
 * @returns
 *   `; 4 sentences related across the columns`, or nothing when none pair.
 */
export function pairedStatus(count: number): string {
	return count === 0 ? '' : `; ${count} ${count === 1 ? 'sentence' : 'sentences'} related across the columns`;
}

/**
 * Notes by the id of each claim they cover.
 *
 * @param notes
 *   A commentary's notes.
 * @returns
 *   Map from claim id to the notes covering it, in note order.
 */
export function notesByClaim<T extends Pick<CompareNote, 'claims'>>(notes: readonly T[]): Map<string, T[]> {
	const byClaim = new Map<string, T[]>();
	for (const note of notes) {
		for (const id of note.claims) byClaim.set(id, [...(byClaim.get(id) ?? []), note]);
	}
	return byClaim;
}
