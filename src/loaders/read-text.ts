/**
 * Reading a content file as text, said once: it must be valid UTF-8 (a bad
 * byte is an error naming the file, line and byte offset, never a silent
 * U+FFFD in the published text), and a UTF-8 byte-order mark is accepted and
 * dropped.
 */
import { readFileSync } from 'node:fs';

/** The UTF-8 byte-order mark, as decoded text. */
const BOM = '\uFEFF';

/** A content file that is not valid UTF-8. */
export class EncodingError extends Error {
	/** Offset of the first invalid byte from the start of the file. */
	readonly byteOffset: number;

	/**
	 * @param message
	 *   The message.
	 * @param byteOffset
	 *   Offset of the first invalid byte.
	 */
	constructor(message: string, byteOffset: number) {
		super(message);
		this.name = 'EncodingError';
		this.byteOffset = byteOffset;
	}
}

/**
 * Decode a content file's bytes.
 *
 * @param bytes
 *   The file's bytes.
 * @param file
 *   Path shown in errors.
 * @returns
 *   The text, without a leading byte-order mark.
 * @throws {EncodingError}
 *   `file:line: encoding: not valid UTF-8 at byte offset N (…)`.
 */
export function decodeContent(bytes: Uint8Array, file: string): string {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		const offset = firstInvalidByte(bytes);
		const line = countLines(bytes, offset);
		const shown = [...bytes.subarray(offset, offset + 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
		throw new EncodingError(
			`${file}:${line}: encoding: not valid UTF-8 at byte offset ${offset} (bytes ${shown}); save the file as UTF-8`,
			offset,
		);
	}
	return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/**
 * Read a content file as text (see `decodeContent`).
 *
 * @param path
 *   Where the file is.
 * @param file
 *   Path shown in errors.
 * @returns
 *   The text, without a leading byte-order mark.
 */
export function readContentText(path: string, file: string): string {
	return decodeContent(readFileSync(path), file);
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8
 * sequence: the decoder is asked about ever longer prefixes, cut at
 * character boundaries, so the answer is the decoder's own.
 *
 * @param bytes
 *   Bytes known to be invalid.
 * @returns
 *   Offset of the first invalid byte.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	let offset = 0;
	while (offset < bytes.length) {
		const lead = bytes[offset]!;
		const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
		if (length === 0 || offset + length > bytes.length) return offset;
		try {
			decoder.decode(bytes.subarray(offset, offset + length));
		} catch {
			return offset;
		}
		offset += length;
	}
	return bytes.length;
}

/** 1-based line of a byte offset. */
function countLines(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
	return line;
}
