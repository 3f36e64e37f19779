/** Who wrote or spoke a piece, phrased for readers. */
export interface Contributor {
	name: string;
	affiliation: string;
	role: 'author' | 'interviewee' | 'interviewer';
}

/** A piece of a credit line: a contributor's name, or the words around names. */
export interface CreditSegment {
	text: string;
	/** Whether it is a name (a field value, isolated on pages when it is right to left). */
	name: boolean;
}

/** Names joined as English prose, in segments: `A`, `A and B`, `A, B and C`. */
function joinedSegments(names: readonly string[]): CreditSegment[] {
	return names.flatMap((name, index) => {
		const name_: CreditSegment = { text: name, name: true };
		if (index === 0) return [name_];
		return [{ text: index === names.length - 1 ? ' and ' : ', ', name: false }, name_];
	});
}

/**
 * Join names as English prose: `A`, `A and B`, `A, B and C`.
 */
export function joinNames(names: readonly string[]): string {
	return joinedSegments(names)
		.map((segment) => segment.text)
		.join('');
}

/**
 * Full credit in segments, names apart from the words around them (see {@link creditLine}).
 */
export function creditSegments(authors: readonly Contributor[]): CreditSegment[] {
	const interviewees = authors.filter((a) => a.role === 'interviewee').map((a) => a.name);
	const interviewers = authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
	const writers = authors.filter((a) => a.role === 'author').map((a) => a.name);
	if (interviewees.length > 0) {
		const by: CreditSegment[] = interviewers.length > 0 ? [{ text: ', interviewed by ', name: false }, ...joinedSegments(interviewers)] : [];
		return [...joinedSegments(interviewees), ...by];
	}
	return [{ text: 'By ', name: false }, ...joinedSegments(writers)];
}

/**
 * Full credit: `By A and B`, or for an interview `Andrei Lankov, interviewed by Andrew Pruden`.
 */
export function creditLine(authors: readonly Contributor[]): string {
	return creditSegments(authors)
		.map((segment) => segment.text)
		.join('');
}

/** Short credit for lists and columns: the first writer or interviewee, "et al." style avoided. */
export function shortCredit(authors: readonly Contributor[]): string {
	const lead = authors.filter((a) => a.role !== 'interviewer').map((a) => a.name);
	return joinNames(lead);
}

/** A personal name cut into the family name and what precedes it. */
export interface SplitName {
	family: string;
	given: string;
}

/**
 * The family name of a personal name, with the given names before it: the
 * last word, unless the name is one word or ends in an initial (`Rekha J`,
 * `Rekha J.`), where no part is safely a family name. The one rule behind
 * every short credit and every citation's author.
 *
 * @param name
 *   A name as the frontmatter gives it.
 * @returns
 *   Family and given names, or `undefined` when the name must stay whole.
 */
export function splitName(name: string): SplitName | undefined {
	const words = name.trim().split(/\s+/);
	const family = words.at(-1);
	if (!family || words.length === 1 || /^[A-Z]\.?$/.test(family)) return undefined;
	return { family, given: words.slice(0, -1).join(' ') };
}

/**
 * Compact credit for table headers: family names joined with “&”
 * (`Sharma & Jayaprakash`); a name without a safe family name (`Rekha J`) stays whole.
 */
export function surnames(authors: readonly Contributor[]): string {
	return authors
		.filter((a) => a.role !== 'interviewer')
		.map((a) => splitName(a.name)?.family ?? a.name)
		.join(' & ');
}
