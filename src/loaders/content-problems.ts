/**
 * The one error every content check throws: a list of problems, each one line
 * `file:line: field: message` (see `schema-errors.ts`), printed together so
 * that an author sees every problem of every file in one run.
 */
export class ContentProblems extends Error {
	/** The problem lines, in the order they are printed. */
	readonly problems: readonly string[];

	/**
	 * @param problems
	 *   One line per problem.
	 */
	constructor(problems: readonly string[]) {
		super(`Content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
		this.name = 'ContentProblems';
		this.problems = problems;
	}
}

/**
 * The message of anything a check caught: an `Error`'s message, or the
 * thrown value as text.
 *
 * @param error
 *   What was thrown.
 * @returns
 *   Its message.
 */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * A property of a value of unknown shape, such as a caught error's `reason`
 * or `line` (`undefined` for a primitive or a missing property).
 *
 * @param value
 *   Anything.
 * @param key
 *   The property.
 * @returns
 *   Its value, unchecked.
 */
export function propertyOf(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}
