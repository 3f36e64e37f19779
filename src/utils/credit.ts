/** Who wrote or spoke a piece, phrased for readers. */
export interface Contributor {
	name: string;
	affiliation: string;
	role: 'author' | 'interviewee' | 'interviewer';
}

/**
 * Join names as English prose: `A`, `A and B`, `A, B and C`.
 */
export function joinNames(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? '';
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Full credit: `By A and B`, or for an interview `Andrei Lankov, interviewed by Andrew Pruden`.
 */
export function creditLine(authors: readonly Contributor[]): string {
	const interviewees = authors.filter((a) => a.role === 'interviewee').map((a) => a.name);
	const interviewers = authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
	const writers = authors.filter((a) => a.role === 'author').map((a) => a.name);
	if (interviewees.length > 0) {
		const by = interviewers.length > 0 ? `, interviewed by ${joinNames(interviewers)}` : '';
		return `${joinNames(interviewees)}${by}`;
	}
	return `By ${joinNames(writers)}`;
}

/** Short credit for lists and columns: the first writer or interviewee, "et al." style avoided. */
export function shortCredit(authors: readonly Contributor[]): string {
	const lead = authors.filter((a) => a.role !== 'interviewer').map((a) => a.name);
	return joinNames(lead);
}

/**
 * Compact credit for table headers: family names joined with “&”
 * (`Sharma & Jayaprakash`); a name ending in an initial (`Rekha J`) stays whole.
 */
export function surnames(authors: readonly Contributor[]): string {
	return authors
		.filter((a) => a.role !== 'interviewer')
		.map((a) => {
			const words = a.name.trim().split(/\s+/);
			const last = words.at(-1) ?? a.name;
			return words.length === 1 || /^[A-Z]\.?$/.test(last) ? a.name : last;
		})
		.join(' & ');
}
