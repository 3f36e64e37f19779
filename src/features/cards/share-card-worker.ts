/**
 * A card-drawing thread: receives `{ card, file }`, draws the card and writes
 * it to `file` in the cache (through a temporary name and a rename, so a
 * reader never sees half a file and parallel builds sharing the cache do not
 * collide), then answers `{ file, ms, cpuMs, bytes }` or `{ file, error }`:
 * `ms` is the drawing's wall time, `cpuMs` this thread's CPU time for it
 * (the two differ when the machine is busy).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { drawShareCard } from './share-card-image.ts';
import type { ShareCard } from './share-card.ts';

/** A job for this thread. */
export interface DrawJob {
	card: ShareCard;
	file: string;
}

/** What this thread answers. */
export type DrawResult = { file: string; ms: number; cpuMs: number; bytes: number } | { file: string; error: string };

/** This thread's CPU time in milliseconds. */
function threadCpuMs(): number {
	const { user, system } = process.threadCpuUsage();
	return (user + system) / 1000;
}

parentPort?.on('message', ({ card, file }: DrawJob) => {
	try {
		const started = performance.now();
		const cpu = threadCpuMs();
		const png = drawShareCard(card);
		const cpuMs = threadCpuMs() - cpu;
		mkdirSync(dirname(file), { recursive: true });
		const partial = `${file}.${process.pid}-${threadId}.tmp`;
		writeFileSync(partial, png);
		renameSync(partial, file);
		parentPort!.postMessage({ file, ms: performance.now() - started, cpuMs, bytes: png.length } satisfies DrawResult);
	} catch (error) {
		parentPort!.postMessage({ file, error: (error instanceof Error ? error.stack : undefined) ?? String(error) } satisfies DrawResult);
	}
});
