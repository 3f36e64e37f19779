/**
 * Recorded renames of commentaries (`content/renames.yaml`): old slug → new
 * slug. A renamed commentary keeps its old addresses: the build emits a
 * redirect page for the old reading page and its sentence list, and the ids
 * published under the old slug resolve on the renamed page. The file is
 * optional; without it no commentary has been renamed.
 *
 * ```yaml
 * # old slug: new slug
 * lankov-nbr-interview: lankov-2024-nbr-interview
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readContentText } from './read-text.ts';
import { parseYaml } from './schema-errors.ts';
import { messageOf } from './content-problems.ts';
import { currentSlug } from '../claims/current-slug.ts';

/** Where the renames are recorded, relative to the project root. */
export const RENAMES_PATH = 'content/renames.yaml';

/** A slug as the content collection makes it: lowercase words joined by hyphens. */
const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * Read the recorded renames, checking their shape only (`checkRenames` checks
 * them against the commentaries).
 *
 * @param root
 *   Project root.
 * @returns
 *   Old slug → new slug (empty without the file).
 * @throws
 *   One error listing every problem as `content/renames.yaml:line: old: message`.
 */
export function loadRenames(root: string): Map<string, string> {
	const { renames, problems } = readRenames(root);
	if (problems.length > 0) throw new Error(problems.join('\n'));
	return renames;
}

/**
 * Read the recorded renames, collecting problems instead of throwing.
 *
 * @param root
 *   Project root.
 * @returns
 *   The renames that are well formed, the problems, and a line lookup.
 */
export function readRenames(root: string): { renames: Map<string, string>; problems: string[]; lineOf: (old: string) => number | undefined } {
	const path = join(root, RENAMES_PATH);
	const renames = new Map<string, string>();
	if (!existsSync(path)) return { renames, problems: [], lineOf: () => undefined };
	const problems: string[] = [];
	let parsed: ReturnType<typeof parseYaml>;
	try {
		parsed = parseYaml(readContentText(path, RENAMES_PATH), RENAMES_PATH);
	} catch (error) {
		return { renames, problems: messageOf(error).split('\n'), lineOf: () => undefined };
	}
	const lineOf = (old: string) => parsed.locate([old]);
	const where = (old: string) => `${RENAMES_PATH}${lineOf(old) === undefined ? '' : `:${lineOf(old)}`}`;
	const { value } = parsed;
	if (value === null || value === undefined) return { renames, problems, lineOf };
	if (typeof value !== 'object' || Array.isArray(value)) {
		return { renames, problems: [`${RENAMES_PATH}:1: expected a mapping of old slug: new slug`], lineOf };
	}
	for (const [old, slug] of Object.entries(value)) {
		const current: unknown = slug;
		if (!SLUG.test(old)) problems.push(`${where(old)}: ${old}: not a commentary slug (lowercase, the file name without .md)`);
		else if (typeof current !== 'string' || !SLUG.test(current)) problems.push(`${where(old)}: ${old}: expected the new slug (the file name without .md)`);
		else if (current === old) problems.push(`${where(old)}: ${old}: renamed to itself`);
		else renames.set(old, current);
	}
	for (const old of renames.keys()) {
		const chain = [old];
		while (renames.has(chain.at(-1)!) && !chain.slice(0, -1).includes(chain.at(-1)!)) chain.push(renames.get(chain.at(-1)!)!);
		if (chain.length > 2 && chain.at(-1) === old) {
			problems.push(
				`${where(old)}: ${old}: the renames go round in a loop (${chain.join(' → ')}); to rename a commentary back to an earlier slug, remove the line that renamed it away from that slug and keep the new one`,
			);
		}
	}
	return { renames, problems, lineOf };
}

export { currentSlug };

/**
 * Every slug a commentary was published under before its recorded renames
 * (a rename of a rename included), sorted.
 *
 * @param renames
 *   Old slug → new slug.
 * @param slug
 *   The commentary's current slug.
 * @returns
 *   Its former slugs (empty when it was never renamed).
 */
export function formerSlugs(renames: ReadonlyMap<string, string>, slug: string): string[] {
	return [...renames.keys()].filter((old) => old !== slug && currentSlug(renames, old) === slug).sort();
}
