/**
 * An element id in an address's fragment (`#c-34c27ba8af`, `#d-2023-09_open`):
 * pages write it (through `routes`), the reading page's script reads it back
 * from `location.hash` to find the element. Pure; both sides use this module.
 */

/**
 * Write an id as a fragment.
 *
 * @param id
 *   Element id.
 * @returns
 *   `#` and the id, percent-encoded.
 */
export function encodeFragmentId(id: string): string {
	return `#${encodeURIComponent(id)}`;
}

/**
 * Read the id from a fragment. A fragment that is not valid percent-encoding
 * (typed by hand) is taken as it is rather than failing.
 *
 * @param hash
 *   `location.hash` (with or without its `#`).
 * @returns
 *   The id, or an empty string for no fragment.
 */
export function decodeFragmentId(hash: string): string {
	const raw = hash.startsWith('#') ? hash.slice(1) : hash;
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}
