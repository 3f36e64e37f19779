/**
 * Citations for one claim: plain text for pasting, BibTeX and CSL-JSON for
 * reference managers. Every format quotes the claim exactly and points at its
 * permalink, so a citation always leads back to the sentence.
 */
import type { Contributor } from './credit.ts';
import { formatPublished, type PublishedDate } from './format-date.ts';

export interface CitableClaim {
	id: string;
	text: string;
	/** Absolute permalink to the claim. */
	url: string;
	commentary: {
		slug: string;
		title: string;
		titleSupplied: boolean;
		authors: readonly Contributor[];
		outlet: string;
		published: PublishedDate;
		kind: 'commentary' | 'interview' | 'analysis' | 'op-ed';
		/** Address of the original, when known. */
		originalUrl: string | null;
	};
}

interface NameParts {
	family?: string;
	given?: string;
	literal?: string;
}

/**
 * Split a name into family and given parts where that is safe: a final
 * initial ("Rekha J") is not a family name, so such names stay literal.
 */
export function nameParts(name: string): NameParts {
	const words = name.trim().split(/\s+/);
	const family = words.at(-1);
	if (!family || words.length === 1 || /^[A-Z]\.?$/.test(family)) return { literal: name.trim() };
	return { family, given: words.slice(0, -1).join(' ') };
}

function citedNames(authors: readonly Contributor[]): Contributor[] {
	const speakers = authors.filter((a) => a.role !== 'interviewer');
	return speakers.length > 0 ? speakers : [...authors];
}

function invertedName(name: string): string {
	const parts = nameParts(name);
	return parts.literal ?? `${parts.family}, ${parts.given}`;
}

/**
 * A plain-text citation in a neutral author–date style.
 *
 * @param claim
 *   The claim and its commentary.
 * @returns
 *   One paragraph of text.
 */
export function plainCitation(claim: CitableClaim): string {
	const { commentary } = claim;
	const names = citedNames(commentary.authors);
	const first = names[0] ? invertedName(names[0].name) : '';
	const rest = names.slice(1).map((a) => a.name);
	const authorText = rest.length === 0 ? first : `${first}, and ${rest.join(', ')}`;
	const interviewers = commentary.authors.filter((a) => a.role === 'interviewer').map((a) => a.name);
	const interview = interviewers.length > 0 ? ` Interview by ${interviewers.join(' and ')}.` : '';
	const title = commentary.titleSupplied ? `[${commentary.title}]` : `“${commentary.title}”`;
	return `${withStop(authorText)} ${title}.${interview} ${commentary.outlet}, ${formatPublished(commentary.published)}. Quoted: “${claim.text}” ${claim.url}`;
}

/** End a phrase with one full stop, not two ("M. K." stays "M. K."). */
function withStop(text: string): string {
	return text.endsWith('.') ? text : `${text}.`;
}

/** Escape the characters BibTeX treats specially. */
function bibEscape(value: string): string {
	return value.replace(/[\\{}%&$#_~^]/g, (char) => (char === '\\' ? '\\textbackslash{}' : char === '~' ? '\\textasciitilde{}' : char === '^' ? '\\textasciicircum{}' : `\\${char}`));
}

/**
 * A BibTeX `@online` entry (biblatex), keyed by the first author's family
 * name, the year and the claim id so that two claims never share a key.
 */
export function bibtexCitation(claim: CitableClaim): string {
	const { commentary } = claim;
	const names = citedNames(commentary.authors);
	const lead = names[0] ? nameParts(names[0].name) : {};
	const keyName = (lead.family ?? lead.literal ?? 'anon').toLowerCase().replace(/[^a-z0-9]+/g, '');
	const year = commentary.published.date.slice(0, 4);
	const author = names
		.map((a) => {
			const parts = nameParts(a.name);
			return parts.literal ? `{${bibEscape(parts.literal)}}` : `${bibEscape(parts.family!)}, ${bibEscape(parts.given!)}`;
		})
		.join(' and ');
	const fields: [string, string][] = [
		['author', author],
		['title', `{${bibEscape(commentary.title)}}`],
		['organization', bibEscape(commentary.outlet)],
		['date', commentary.published.date],
		['url', claim.url],
		['note', bibEscape(`${commentary.titleSupplied ? 'Title supplied by the editors. ' : ''}${commentary.published.circa ? 'Date approximate. ' : ''}Quoted: “${claim.text}”`)],
	];
	const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
	return `@online{${keyName}${year}-${claim.id},\n${body}\n}`;
}

/**
 * A CSL-JSON item (the format Zotero, Pandoc and citeproc read).
 */
export function cslCitation(claim: CitableClaim): Record<string, unknown> {
	const { commentary } = claim;
	const dateParts = commentary.published.date.split('-').map(Number);
	const type = commentary.kind === 'interview' ? 'interview' : 'article';
	return {
		id: claim.id,
		type,
		title: commentary.title,
		author: citedNames(commentary.authors).map((a) => nameParts(a.name)),
		...(commentary.kind === 'interview'
			? { interviewer: commentary.authors.filter((a) => a.role === 'interviewer').map((a) => nameParts(a.name)) }
			: {}),
		'container-title': commentary.outlet,
		issued: { 'date-parts': [dateParts], ...(commentary.published.circa ? { circa: true } : {}) },
		URL: claim.url,
		note: `Quoted: “${claim.text}”`,
	};
}
