/**
 * Citations of one sentence, every format produced from one CSL-JSON record
 * by citation-js: formatted APA, Chicago (author-date) and MLA with the
 * official CSL styles (vendored in `content/csl/`), BibTeX that classic BibTeX
 * and biblatex both read, and RIS. Every format points at the sentence's
 * permalink, so a citation always leads back to the sentence; the quote
 * itself travels in the record's note.
 *
 * Build-time only: citation-js and the styles never reach the browser (the
 * reading page fetches the results, precomputed per commentary).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Contributor } from './credit.ts';
import type { PublishedDate } from './format-date.ts';

/** CSL item types a commentary can be cited as (frontmatter `citationType`). */
export type CitationType = 'article-newspaper' | 'article-magazine' | 'post-weblog' | 'webpage';

/** What a citation says about a commentary. */
export interface CitableWork {
	slug: string;
	title: string;
	titleSupplied: boolean;
	authors: readonly Contributor[];
	outlet: string;
	published: PublishedDate;
	kind: 'commentary' | 'interview' | 'analysis' | 'op-ed';
	citationType: CitationType;
	/** Address of the original, when known. */
	originalUrl: string | null;
}

export interface CitableClaim {
	id: string;
	text: string;
	/** Absolute permalink to the claim. */
	url: string;
	commentary: CitableWork;
}

/** Every format of one claim's citation, as text. */
export interface ClaimCitations {
	/** The permalink the citations point at. */
	url: string;
	apa: string;
	chicago: string;
	mla: string;
	bibtex: string;
	ris: string;
	/** The CSL-JSON record (an array of one item, as reference managers import it). */
	csl: string;
}

/** Formatted styles: label shown to readers and the CSL file in `content/csl/`. */
export const CITATION_STYLES = {
	apa: { label: 'APA', file: 'apa.csl' },
	chicago: { label: 'Chicago', file: 'chicago-author-date.csl' },
	mla: { label: 'MLA', file: 'modern-language-association.csl' },
} as const;

export type CitationStyle = keyof typeof CITATION_STYLES;

/** Where the vendored CSL styles live, relative to the project root. */
export const CSL_STYLES_DIR = 'content/csl';

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

/** The people a citation credits: everyone but the interviewer (who is credited as such). */
function citedNames(authors: readonly Contributor[]): Contributor[] {
	const speakers = authors.filter((a) => a.role !== 'interviewer');
	return speakers.length > 0 ? speakers : [...authors];
}

/** `2024-06-19` → `[[2024, 6, 19]]`. */
function dateParts(iso: string): number[][] {
	return [iso.split('-').map(Number)];
}

/**
 * The one CSL-JSON record every format is produced from.
 *
 * @param claim
 *   The claim and its commentary.
 * @param accessed
 *   Day the edition was built (`YYYY-MM-DD`): when the cited text was seen.
 * @returns
 *   A CSL-JSON item.
 */
export function cslRecord(claim: CitableClaim, accessed: string): Record<string, unknown> {
	const { commentary } = claim;
	const interviewers = commentary.authors.filter((a) => a.role === 'interviewer').map((a) => nameParts(a.name));
	const notes = [
		commentary.originalUrl ? `Originally published at ${commentary.originalUrl}.` : undefined,
		commentary.published.circa ? 'Date approximate.' : undefined,
		`Quoted: “${claim.text}”`,
	].filter(Boolean);
	return {
		id: claim.id,
		// Unique per sentence; BibTeX keys take letters, digits and `_` safely.
		'citation-key': `${keyName(commentary.authors)}${commentary.published.date.slice(0, 4)}_${claim.id.replace('-', '')}`,
		type: commentary.citationType,
		// A title the editors supplied is a description, bracketed as the styles ask.
		title: commentary.titleSupplied ? `[${commentary.title}]` : commentary.title,
		author: citedNames(commentary.authors).map((a) => nameParts(a.name)),
		// The interviewer says it is an interview (a `genre` too would make MLA say it twice).
		...(interviewers.length > 0 ? { interviewer: interviewers } : {}),
		'container-title': commentary.outlet,
		issued: { 'date-parts': dateParts(commentary.published.date), ...(commentary.published.circa ? { circa: true } : {}) },
		accessed: { 'date-parts': dateParts(accessed) },
		URL: claim.url,
		language: 'en',
		note: notes.join(' '),
	};
}

/** The BibTeX key's name part: the lead author's family name in ASCII lower case. */
function keyName(authors: readonly Contributor[]): string {
	const lead = citedNames(authors)[0];
	const parts = lead ? nameParts(lead.name) : {};
	return (parts.family ?? parts.literal ?? 'anon').normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '') || 'anon';
}

let stylesLoaded = false;

/** Register the vendored CSL styles with citation-js (once). */
function loadStyles(root: string): void {
	if (stylesLoaded) return;
	const config = plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } };
	for (const [name, { file }] of Object.entries(CITATION_STYLES)) {
		config.styles.add(`treaty-reader-${name}`, readFileSync(join(root, CSL_STYLES_DIR, file), 'utf8'));
	}
	stylesLoaded = true;
}

/** Written `month = {6}` aside, how a formatted reference ends: no trailing newline. */
function formatted(cite: Cite, style: CitationStyle): string {
	return String(cite.format('bibliography', { format: 'text', template: `treaty-reader-${style}`, lang: 'en-US' })).trim();
}

/**
 * RIS from citation-js's tag mapping, one tag a line. citation-js's own text
 * output hard-wraps values at 70 characters, mid-word, which reference
 * managers read back with a break inside the word.
 */
function risText(cite: Cite): string {
	const entries = cite.format('ris', { format: 'object' }) as unknown as Record<string, string | number | (string | number)[]>[];
	return entries
		.map((entry) => {
			const lines = [`TY  - ${entry['TY']}`];
			for (const [tag, value] of Object.entries(entry)) {
				if (tag !== 'TY') for (const one of [value].flat()) lines.push(`${tag}  - ${String(one).replace(/\s+/g, ' ')}`);
			}
			lines.push('ER  - ');
			return lines.join('\n');
		})
		.join('\n');
}

/**
 * Every format of one claim's citation.
 *
 * @param claim
 *   The claim and its commentary.
 * @param accessed
 *   Day the edition was built (`YYYY-MM-DD`).
 * @param root
 *   Project root, where `content/csl/` is (default: the working directory).
 * @returns
 *   APA, Chicago and MLA references, BibTeX, RIS and CSL-JSON.
 */
export function claimCitations(claim: CitableClaim, accessed: string, root: string = process.cwd()): ClaimCitations {
	loadStyles(root);
	const record = cslRecord(claim, accessed);
	const cite = new Cite(record);
	// Classic BibTeX has no type for a web article and no access date: as a
	// `@misc` (year, month, howpublished = the address, url) with the outlet
	// and the access date in the note, BibTeX and biblatex both read it whole.
	// A day goes too far for both: classic BibTeX prints `month = {jun 21}` as
	// is and biblatex wants a month number, so the record is cut to the month.
	const issued = dateParts(claim.commentary.published.date)[0]!.slice(0, 2);
	const bibRecord = {
		...record,
		type: 'webpage',
		issued: { 'date-parts': [issued] },
		note: `${claim.commentary.outlet}. Accessed ${accessed}. ${String(record['note'])}`,
	};
	return {
		url: claim.url,
		apa: formatted(cite, 'apa'),
		chicago: formatted(cite, 'chicago'),
		mla: formatted(cite, 'mla'),
		bibtex: String(new Cite(bibRecord).format('bibtex')).trim(),
		// RIS keeps no container for a web page (ELEC): the outlet travels as its publisher (PB).
		ris: risText(claim.commentary.citationType === 'webpage' ? new Cite({ ...record, publisher: claim.commentary.outlet }) : cite),
		csl: JSON.stringify([record], null, 2),
	};
}

/** Today's date in UTC (`YYYY-MM-DD`): the access date of a build. */
export function buildDay(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
