/**
 * A page frame: a page Astro rendered once with a marker comment
 * (`<!--fill:NAME-->`) wherever a page of its kind prints something of its
 * own, split at the markers so that each page is the frame's pieces and its
 * own parts joined, a string fill. Pure.
 */
import type { FrameParts } from '../../build/channel.ts';

/**
 * The share pages' route parameter of their frame (`/c/frame/`): not a claim id (`c-` + 10 hex digits), so no
 * share page can take its address. The build removes the frame once the pages are filled.
 */
export const SHARE_FRAME_ID = 'frame';

/** The marker of a part in a frame. */
export function frameMarker(name: string): string {
	return `<!--fill:${name}-->`;
}

/** A frame split at its markers: `pieces[i]`, then part `names[i]`, …, then the last piece. */
export interface PageFrame {
	pieces: readonly string[];
	names: readonly string[];
}

/** The markers in a frame, in order, with their names. */
const MARKER = /<!--fill:([a-z][a-z-]*)-->/g;

/**
 * Split a frame at its markers.
 *
 * @param html
 *   The frame as Astro wrote it.
 * @param expected
 *   The names every page fills, each once.
 * @param file
 *   The frame's file, for the error message.
 * @returns
 *   The frame's pieces and the names between them.
 * @throws
 *   When a marker is missing, repeated or unknown (the layout changed how it prints a slot).
 */
export function splitFrame(html: string, expected: readonly string[], file: string): PageFrame {
	const pieces: string[] = [];
	const names: string[] = [];
	let last = 0;
	for (const match of html.matchAll(MARKER)) {
		pieces.push(html.slice(last, match.index));
		names.push(match[1] ?? '');
		last = match.index + match[0].length;
	}
	pieces.push(html.slice(last));
	const sorted = [...names].sort();
	const wanted = [...expected].sort();
	if (sorted.join('\u0000') !== wanted.join('\u0000')) {
		throw new Error(
			`${file}: the page frame has the markers [${names.join(', ')}] where each of [${expected.join(', ')}] must appear once ` +
				`(does the layout still print the frame's slots as they are passed?)`,
		);
	}
	return { pieces, names };
}

/**
 * A page: the frame filled with its parts.
 *
 * @param frame
 *   The split frame.
 * @param parts
 *   The page's HTML for each marker.
 * @returns
 *   The page's HTML.
 */
export function fillFrame(frame: PageFrame, parts: FrameParts): string {
	let html = frame.pieces[0] ?? '';
	for (let index = 0; index < frame.names.length; index++) {
		const name = frame.names[index] ?? '';
		const part = parts[name];
		if (part === undefined) throw new Error(`the page has no part "${name}" for its frame`);
		html += part + (frame.pieces[index + 1] ?? '');
	}
	return html;
}
