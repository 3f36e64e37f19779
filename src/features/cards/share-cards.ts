/**
 * Share cards for the build: every card a share page asks for is looked up
 * in a content-addressed cache and, if absent, drawn by a pool of worker
 * threads while Astro goes on generating pages; when the build is done the
 * cards are linked into `dist/` at `routes.shareCard(id)`.
 *
 * The cache (`node_modules/.cache/treaty-reader/cards/`, safe to delete) is
 * keyed on the claim's id, what the card shows, and the bytes of the card's
 * template (its drawing code and fonts, `templateFiles`), so a rebuild draws
 * only the cards whose sentence, credit or template changed, and several
 * builds (or machines sharing the folder) can fill it at once.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sitePaths } from '../../utils/routes.ts';
import { templateFiles } from './share-card-image.ts';
import type { ShareCard, ShareCardRequest } from './share-card.ts';
import type { DrawJob, DrawResult } from './share-card-worker.ts';

/** The card cache, relative to the project root. */
export const CARD_CACHE_DIR = join('node_modules', '.cache', 'treaty-reader', 'cards');

/**
 * A digest of the card template: the drawing code and fonts, byte for byte.
 *
 * @param files
 *   The template's files (default: `templateFiles()`).
 * @returns
 *   Hex SHA-256.
 */
export function templateHash(files: readonly string[] = templateFiles()): string {
	const hash = createHash('sha256');
	for (const file of files) hash.update(createHash('sha256').update(readFileSync(file)).digest());
	return hash.digest('hex');
}

/**
 * The cache key of one card.
 *
 * @param id
 *   Claim id.
 * @param card
 *   What the card shows.
 * @param template
 *   `templateHash()`.
 * @returns
 *   Hex SHA-256.
 */
export function cardKey(id: string, card: ShareCard, template: string): string {
	return createHash('sha256').update(JSON.stringify([template, id, card.quote, card.notice ?? false, card.credit, card.source, card.site])).digest('hex');
}

/** What a finished card run did. */
export interface CardStats {
	/** Cards in `dist/`. */
	cards: number;
	/** Drawn in this build. */
	drawn: number;
	/** Taken from the cache. */
	cached: number;
	/** Worker threads used. */
	workers: number;
	/** Milliseconds of drawing (wall time in the threads), summed. */
	drawMs: number;
	/** Milliseconds of CPU time the threads spent drawing, summed. */
	drawCpuMs: number;
	/** Bytes of the cards in `dist/`. */
	bytes: number;
	/** From the first request to the last card in `dist/`. */
	wallMs: number;
}

/**
 * The line a build prints once every card is in place (the benchmark reads
 * it: scripts/bench/build.mjs).
 *
 * @param stats
 *   What the run did.
 * @returns
 *   `share cards: … (… drawn, … from cache) by … thread(s), … KiB, … ms per drawing (… ms CPU), ready … s after the first request`.
 */
export function describeCards(stats: CardStats): string {
	const drawn = Math.max(1, stats.drawn);
	return (
		`share cards: ${stats.cards} (${stats.drawn} drawn, ${stats.cached} from cache) by ${stats.workers} thread(s), ` +
		`${(stats.bytes / 1024).toFixed(0)} KiB, ${(stats.drawMs / drawn).toFixed(1)} ms per drawing ` +
		`(${(stats.drawCpuMs / drawn).toFixed(1)} ms CPU), ready ${(stats.wallMs / 1000).toFixed(1)} s after the first request`
	);
}

/** Options of a card run. */
export interface ShareCardOptions {
	/** The cache folder (absolute). */
	cacheDir: string;
	/** Worker threads (default: the machine's available parallelism). */
	workers?: number;
	/** The template's digest (default: `templateHash()`). */
	template?: string;
}

/** A card run: takes requests while pages are generated, then writes the cards. */
export interface ShareCardRun {
	/** Look the cards up in the cache and start drawing the missing ones. */
	request(requests: readonly ShareCardRequest[]): void;
	/**
	 * Wait for every card and put it into the built site.
	 *
	 * @param outDir
	 *   Astro's output folder.
	 * @param expectedIds
	 *   Claim ids whose share page was built: each must have had its card requested.
	 * @returns
	 *   What was done.
	 * @throws
	 *   When a card could not be drawn or a share page's card was never requested.
	 */
	finish(outDir: string, expectedIds?: Iterable<string>): Promise<CardStats>;
	/** Stop the workers without writing anything (a failed build). */
	close(): Promise<void>;
}

/** A pool of card-drawing threads started on first use. */
class DrawPool {
	#workers: Worker[] = [];
	#idle: Worker[] = [];
	// Jobs waiting, first at `#head`: taken by moving the head, since `Array#shift` on a queue of thousands of cards
	// moves every waiting job each time (quadratic once the pages request cards faster than the threads draw them).
	#queue: ({ job: DrawJob; done: (result: DrawResult) => void } | undefined)[] = [];
	#head = 0;
	#waiting = new Map<Worker, (result: DrawResult) => void>();
	#size: number;

	constructor(size: number) {
		this.#size = size;
	}

	get size(): number {
		return this.#workers.length;
	}

	draw(job: DrawJob): Promise<DrawResult> {
		return new Promise((done) => {
			this.#queue.push({ job, done });
			if (this.#idle.length === 0 && this.#workers.length < this.#size) this.#start();
			this.#pump();
		});
	}

	#start(): void {
		const worker = new Worker(new URL('./share-card-worker.ts', import.meta.url));
		worker.on('message', (result: DrawResult) => {
			const done = this.#waiting.get(worker);
			this.#waiting.delete(worker);
			this.#idle.push(worker);
			done?.(result);
			this.#pump();
		});
		worker.on('error', (error) => {
			const done = this.#waiting.get(worker);
			this.#waiting.delete(worker);
			this.#workers = this.#workers.filter((other) => other !== worker);
			done?.({ file: '', error: error.stack ?? String(error) });
		});
		this.#workers.push(worker);
		this.#idle.push(worker);
	}

	#pump(): void {
		while (this.#idle.length > 0 && this.#head < this.#queue.length) {
			const worker = this.#idle.pop()!;
			const { job, done } = this.#queue[this.#head]!;
			// Let the job go once it is handed over; drop the taken part when it is most of the queue.
			this.#queue[this.#head++] = undefined;
			if (this.#head === this.#queue.length || (this.#head > 1024 && this.#head * 2 > this.#queue.length)) {
				this.#queue = this.#queue.slice(this.#head);
				this.#head = 0;
			}
			this.#waiting.set(worker, done);
			worker.postMessage(job);
		}
	}

	async close(): Promise<void> {
		await Promise.all(this.#workers.map((worker) => worker.terminate()));
		this.#workers = [];
		this.#idle = [];
	}
}

/**
 * Start a card run.
 *
 * @param options
 *   Cache folder, threads, template digest.
 * @returns
 *   The run.
 */
export function createShareCardRun(options: Readonly<ShareCardOptions>): ShareCardRun {
	const template = options.template ?? templateHash();
	const pool = new DrawPool(Math.max(1, options.workers ?? availableParallelism()));
	const cards = new Map<string, string>();
	const drawing: Promise<DrawResult>[] = [];
	let started: number | undefined;
	let cached = 0;

	return {
		request(requests) {
			started ??= performance.now();
			for (const { id, card } of requests) {
				if (cards.has(id)) continue;
				const key = cardKey(id, card, template);
				const file = join(options.cacheDir, key.slice(0, 2), `${key}.png`);
				cards.set(id, file);
				if (existsSync(file)) cached++;
				else drawing.push(pool.draw({ card, file }));
			}
		},
		async finish(outDir, expectedIds = []) {
			started ??= performance.now();
			try {
				const results = await Promise.all(drawing);
				const failed = results.filter((result) => 'error' in result);
				if (failed.length > 0) {
					const idOf = new Map([...cards].map(([id, file]) => [file, id]));
					const ids = failed.slice(0, 5).map((result) => idOf.get(result.file) ?? result.file);
					throw new Error(`${failed.length} share card(s) could not be drawn (${ids.join(', ')}):\n${failed[0] && 'error' in failed[0] ? failed[0].error : ''}`);
				}
				const missing = [...expectedIds].filter((id) => !cards.has(id));
				if (missing.length > 0) {
					throw new Error(`${missing.length} share page(s) built without a share card (${missing.slice(0, 5).join(', ')}): did the page call requestShareCards?`);
				}
				let bytes = 0;
				for (const [id, file] of cards) {
					const target = join(outDir, sitePaths.shareCard(id).slice(1));
					mkdirSync(dirname(target), { recursive: true });
					rmSync(target, { force: true });
					try {
						// A link costs nothing; another file system (or one without links) gets a copy.
						linkSync(file, target);
					} catch {
						copyFileSync(file, target);
					}
					bytes += statSync(target).size;
				}
				return {
					cards: cards.size,
					drawn: results.length,
					cached,
					workers: pool.size,
					drawMs: results.reduce((sum, result) => sum + ('ms' in result ? result.ms : 0), 0),
					drawCpuMs: results.reduce((sum, result) => sum + ('cpuMs' in result ? result.cpuMs : 0), 0),
					bytes,
					wallMs: performance.now() - started,
				};
			} finally {
				await pool.close();
			}
		},
		close: () => pool.close(),
	};
}
