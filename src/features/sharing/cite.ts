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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { splitName, type Contributor } from '../../utils/credit.ts';
import { propertyOf } from '../../loaders/content-problems.ts';
import type { PublishedDate } from '../../utils/format-date.ts';
import type { Commentary } from '../../schemas/commentary.ts';
import { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';

/** CSL item types a commentary can be cited as (frontmatter `citationType`). */
export type CitationType = 'article-newspaper' | 'article-magazine' | 'post-weblog' | 'report' | 'webpage';

/** What a piece is, in each vocabulary that names item types. */
export interface ItemType {
	/** CSL item type (CSL-JSON, citation-js, citeproc). */
	csl: CitationType | 'interview';
	/** Zotero item type (what Zotero's Embedded Metadata translator reads from `DC.type`). */
	zotero: 'newspaperArticle' | 'magazineArticle' | 'blogPost' | 'report' | 'webpage' | 'interview';
	/** schema.org type (JSON-LD). */
	schemaOrg: 'NewsArticle' | 'OpinionNewsArticle' | 'AnalysisNewsArticle' | 'Article' | 'BlogPosting' | 'Report';
}

/** Zotero's item type for each CSL type. */
const ZOTERO_TYPE = {
	'article-newspaper': 'newspaperArticle',
	'article-magazine': 'magazineArticle',
	'post-weblog': 'blogPost',
	report: 'report',
	webpage: 'webpage',
	interview: 'interview',
} as const satisfies Record<ItemType['csl'], ItemType['zotero']>;

/**
 * What a piece is: an interview (its `kind`) whatever its outlet, otherwise
 * what its outlet makes it (its `citationType`): a newspaper or magazine
 * article, a blog post, a report or a web page. On schema.org a newspaper's
 * op-ed or commentary is an `OpinionNewsArticle` and its analysis an
 * `AnalysisNewsArticle`.
 *
 * @param work
 *   The commentary.
 * @returns
 *   Its type in CSL, Zotero and schema.org.
 */
export function itemType(work: Pick<CitableWork, 'kind' | 'citationType'>): ItemType {
	const csl = work.kind === 'interview' ? 'interview' : work.citationType;
	const schemaOrg =
		csl === 'report'
			? 'Report'
			: csl === 'post-weblog'
				? 'BlogPosting'
				: csl === 'article-newspaper'
					? work.kind === 'analysis'
						? 'AnalysisNewsArticle'
						: work.kind === 'op-ed' || work.kind === 'commentary'
							? 'OpinionNewsArticle'
							: 'NewsArticle'
					: 'Article';
	return { csl, zotero: ZOTERO_TYPE[csl], schemaOrg };
}

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

/**
 * What a citation says about a commentary, from its slug and validated
 * frontmatter.
 *
 * @param slug
 *   The commentary's slug.
 * @param data
 *   Its frontmatter, as the collection's schema gives it.
 * @returns
 *   The citable work.
 */
export function citableWork(slug: string, data: Commentary): CitableWork {
	return {
		slug,
		title: data.title,
		titleSupplied: data.titleSupplied,
		authors: data.authors,
		outlet: data.outlet,
		published: data.published,
		kind: data.kind,
		citationType: data.citationType,
		originalUrl: data.source.url,
	};
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

export { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';

/** Where the vendored CSL styles live, relative to the project root. */
export const CSL_STYLES_DIR = 'content/csl';

interface NameParts {
	family?: string;
	given?: string;
	literal?: string;
}

/**
 * A name as CSL wants it: family and given parts where `splitName` finds a
 * family name, the whole name as a literal otherwise.
 */
export function nameParts(name: string): NameParts {
	return splitName(name) ?? { literal: name.trim() };
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
		type: itemType(commentary).csl,
		// A title the editors supplied is a description, bracketed as the styles ask.
		title: commentary.titleSupplied ? `[${commentary.title}]` : commentary.title,
		author: citedNames(commentary.authors).map((a) => nameParts(a.name)),
		// The interviewer says it is an interview (a `genre` too would make MLA say it twice).
		...(interviewers.length > 0 ? { interviewer: interviewers } : {}),
		// A report's outlet is the institution that issues it (CSL's publisher); anything else appears in its outlet.
		...(commentary.citationType === 'report' ? { publisher: commentary.outlet } : { 'container-title': commentary.outlet }),
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
	const styles = propertyOf(plugins.config.get('@csl'), 'styles');
	if (!isStyleRegister(styles)) throw new Error('citation-js: the @csl plugin has no style register');
	for (const [name, { file }] of Object.entries(CITATION_STYLES)) {
		styles.add(`treaty-reader-${name}`, readFileSync(join(root, CSL_STYLES_DIR, file), 'utf8'));
	}
	stylesLoaded = true;
}

/** Whether citation-js's `@csl` configuration holds a register of styles. */
function isStyleRegister(value: unknown): value is { add(name: string, xml: string): void } {
	return typeof propertyOf(value, 'add') === 'function';
}

/** Whether an output of citation-js is a RIS tag mapping: values text, numbers or lists of them. */
function isRisEntries(value: unknown): value is RisEntry[] {
	const isValue = (one: unknown) => typeof one === 'string' || typeof one === 'number';
	return (
		Array.isArray(value) &&
		value.every((entry: unknown) => typeof entry === 'object' && entry !== null && Object.values(entry).every((one: unknown) => isValue(one) || (Array.isArray(one) && one.every(isValue))))
	);
}

/** Written `month = {6}` aside, how a formatted reference ends: no trailing newline. */
function formatted(cite: Cite, style: CitationStyle): string {
	return String(cite.format('bibliography', { format: 'text', template: `treaty-reader-${style}`, lang: 'en-US' })).trim();
}

/** One RIS record as citation-js maps it: tag to value (or values). */
type RisEntry = Record<string, string | number | (string | number)[]>;

/** citation-js's RIS tag mapping of one item. */
function risEntries(cite: Cite): RisEntry[] {
	const entries = cite.format('ris', { format: 'object' });
	if (!isRisEntries(entries)) throw new Error('citation-js: RIS output is not a tag mapping');
	return entries;
}

/**
 * RIS from citation-js's tag mapping, one tag a line. citation-js's own text
 * output hard-wraps values at 70 characters, mid-word, which reference
 * managers read back with a break inside the word.
 */
function risText(entries: readonly RisEntry[]): string {
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
	return {
		url: claim.url,
		apa: formatted(cite, 'apa'),
		chicago: formatted(cite, 'chicago'),
		mla: formatted(cite, 'mla'),
		bibtex: String(new Cite(bibtexRecord(record, claim.commentary, accessed)).format('bibtex')).trim(),
		ris: risText(risEntries(risCite(record, claim.commentary, cite))),
		csl: JSON.stringify([record], null, 2),
	};
}

/**
 * The record BibTeX is written from. Classic BibTeX has no type for a web
 * article and no access date: as a `@misc` (year, month, howpublished = the
 * address, url) with the outlet and the access date in the note, BibTeX and
 * biblatex both read it whole. A day goes too far for both: classic BibTeX
 * prints `month = {jun 21}` as is and biblatex wants a month number, so the
 * record is cut to the month.
 */
function bibtexRecord(record: Record<string, unknown>, work: CitableWork, accessed: string): Record<string, unknown> {
	const issued = dateParts(work.published.date)[0]!.slice(0, 2);
	return {
		...record,
		type: 'webpage',
		issued: { 'date-parts': [issued] },
		note: bibtexNote(record, work, accessed),
	};
}

/** The BibTeX record's note: outlet, access date, then the CSL note (with the quote). */
function bibtexNote(record: Record<string, unknown>, work: CitableWork, accessed: string): string {
	return `${work.outlet}. Accessed ${accessed}. ${String(record['note'])}`;
}

/**
 * What RIS is written from. RIS keeps no container for a web page (ELEC), so
 * the outlet travels as its publisher (PB). RIS has no interview type either
 * (citation-js would write GEN, which reference managers read as a bare
 * document): an interview travels as the web page it was published on.
 */
function risCite(record: Record<string, unknown>, work: CitableWork, cite: Cite): Cite {
	const type = itemType(work).csl;
	if (type === 'interview') return new Cite({ ...record, type: 'webpage', publisher: work.outlet });
	return type === 'webpage' ? new Cite({ ...record, publisher: work.outlet }) : cite;
}

/**
 * The id a stand-in sentence is cited as while a commentary's templates are
 * made: shaped like every claim id (`c-` + ten hex digits), so that each
 * format writes it as it writes a real id.
 */
const STAND_IN_ID = 'c-0000000000';
/** The stand-in sentence's quote. */
const STAND_IN_TEXT = 'Stand-in sentence quoted in every citation template';
/** Ids a template can take: the shape every claim id has (`claimIdPattern`, src/claims/claim-id.ts). */
const CLAIM_ID_SHAPE = /^c-[0-9a-f]{10}$/;
/**
 * What makes citeproc read a CSL note as fields (its "cheater syntax": a line
 * `key: value` after the first, or `{:key: value}` anywhere), through which a
 * quote could change a formatted reference.
 */
const NOTE_FIELD_SYNTAX = /\n|\{:/;
/** Where the note's value goes in a BibTeX template. */
const BIBTEX_NOTE_SLOT = '\u0000note\u0000';

/** A commentary's citations of the stand-in sentence, ready to take a real one. */
export interface CitationTemplates {
	/** Formatted styles; the stand-in's address is the only place its id or quote appears. */
	styles: Record<CitationStyle, string>;
	/** BibTeX: the stand-in's id in the key and addresses, `BIBTEX_NOTE_SLOT` for the note's value. */
	bibtex: string;
	/** citation-js's RIS mapping: the stand-in's id, address and note as whole values. */
	ris: RisEntry[];
	/** The stand-in's CSL note, as it appears in `ris`. */
	note: string;
}

/** How citation-js writes one BibTeX field's value (the escaping depends on the field alone). */
function bibtexValue(field: string, value: string): string {
	const entries = plugins.output.format('bibtex', [{ id: STAND_IN_ID, type: 'webpage', [field]: value }], { format: 'object' });
	const written = propertyOf(propertyOf(Array.isArray(entries) ? entries[0] : undefined, 'properties'), field);
	if (typeof written !== 'string') throw new Error(`citation-js: BibTeX output has no ${field} field`);
	return written;
}

/** How many times `part` occurs in `text`. */
function occurrences(text: string, part: string): number {
	return text.split(part).length - 1;
}

/**
 * Where a commentary's citation templates are kept between builds, by their
 * key (`citationTemplateKey`). `null` records that the commentary has none
 * (each of its sentences is formatted whole).
 */
export interface CitationTemplateStore {
	/** The templates stored under a key; `undefined` when none are. */
	get(key: string): CitationTemplates | null | undefined;
	/** Store the templates made for a key. */
	set(key: string, templates: CitationTemplates | null): void;
}

/**
 * The key of a commentary's citation templates: a digest of everything they
 * are made from, so a stored copy is used only where making them again would
 * give the same result: what a citation says about the commentary, its
 * sentences' address pattern, the access date, the vendored CSL styles'
 * bytes, and `code` (a digest of the site's code and lockfile, which pins
 * citation-js and this module).
 *
 * @param work
 *   The commentary.
 * @param urlOf
 *   The absolute permalink of one of its sentences, by id.
 * @param accessed
 *   Day the edition was built (`YYYY-MM-DD`).
 * @param code
 *   A digest of the code that formats citations.
 * @param root
 *   Project root, where `content/csl/` is.
 * @returns
 *   The key.
 */
export function citationTemplateKey(work: CitableWork, urlOf: (id: string) => string, accessed: string, code: string, root: string = process.cwd()): string {
	const hash = createHash('sha256').update(JSON.stringify([work, urlOf(STAND_IN_ID), urlOf(''), accessed, code]));
	for (const { file } of Object.values(CITATION_STYLES)) hash.update('\u0000').update(readFileSync(join(root, CSL_STYLES_DIR, file)));
	return hash.digest('base64url');
}

/**
 * Every format of a stand-in sentence of the commentary, checked to depend on
 * the sentence only where a real one can be put in; undefined otherwise (then
 * each sentence is formatted whole).
 */
function citationTemplates(work: CitableWork, urlOf: (id: string) => string, accessed: string, root: string): CitationTemplates | undefined {
	const stand: CitableClaim = { id: STAND_IN_ID, text: STAND_IN_TEXT, url: urlOf(STAND_IN_ID), commentary: work };
	const digits = STAND_IN_ID.slice(2);
	const record = cslRecord(stand, accessed);
	// The commentary's own words must hold neither the stand-in's id nor its quote, and its part of the note no note-field syntax.
	const fixed = JSON.stringify([work, urlOf('')]);
	if (fixed.includes(digits) || fixed.includes(STAND_IN_TEXT) || NOTE_FIELD_SYNTAX.test(String(record['note']))) return undefined;
	if (occurrences(stand.url, digits) !== 1) return undefined;
	const full = claimCitations(stand, accessed, root);
	const styles = { apa: full.apa, chicago: full.chicago, mla: full.mla };
	// A style that printed the note would print the quote by citeproc's own rules: format such a style whole.
	for (const text of Object.values(styles)) {
		if (text.includes(STAND_IN_TEXT) || occurrences(text, digits) !== occurrences(text, stand.url)) return undefined;
	}
	const noteLine = (value: string) => `\tnote = {${value}},\n`;
	const bibtex = full.bibtex.split(noteLine(bibtexValue('note', bibtexNote(record, work, accessed))));
	if (bibtex.length !== 2 || bibtex.some((part) => part.includes(STAND_IN_TEXT))) return undefined;
	const ris = risEntries(risCite(record, work, new Cite(record)));
	const whole = new Set<unknown>([record['note'], stand.url, stand.id]);
	for (const value of ris.flatMap((entry) => Object.values(entry).flat())) {
		if (!whole.has(value) && (String(value).includes(digits) || String(value).includes(STAND_IN_TEXT))) return undefined;
	}
	return { styles, bibtex: bibtex.join(noteLine(BIBTEX_NOTE_SLOT)), ris, note: String(record['note']) };
}

/**
 * The commentary's templates from the store when its key is there, made (and
 * stored) otherwise.
 */
function cachedTemplates(
	work: CitableWork,
	urlOf: (id: string) => string,
	accessed: string,
	root: string,
	cache: { store: CitationTemplateStore; code: string } | undefined,
): CitationTemplates | undefined {
	if (!cache) return citationTemplates(work, urlOf, accessed, root);
	const key = citationTemplateKey(work, urlOf, accessed, cache.code, root);
	const stored = cache.store.get(key);
	if (stored !== undefined) return stored ?? undefined;
	const made = citationTemplates(work, urlOf, accessed, root);
	cache.store.set(key, made ?? null);
	return made;
}

/**
 * Citations of every sentence of one commentary. citeproc takes about 20 ms
 * to format one reference, and the sentences of a commentary differ only in
 * their id (in the address and the BibTeX key) and their quote (in the
 * note): so each format is made once, for a stand-in sentence, and each real
 * sentence is put in its place, written as citation-js writes it (ids and
 * addresses as they are, the BibTeX note escaped by citation-js itself, the
 * RIS note whole). A sentence the templates cannot stand for (an id of
 * another shape, a quote in citeproc's note-field syntax) is formatted whole.
 * Either way the result is `claimCitations`'s.
 *
 * @param work
 *   The commentary.
 * @param urlOf
 *   The absolute permalink of one of its sentences, by id.
 * @param accessed
 *   Day the edition was built (`YYYY-MM-DD`).
 * @param root
 *   Project root, where `content/csl/` is (default: the working directory).
 * @param cache
 *   Templates kept from earlier builds and the code's digest (see
 *   `citationTemplateKey`): a rebuild formats with citeproc (about 3 s of CPU
 *   to load its three styles, then 20 ms a commentary) only the commentaries
 *   whose key changed.
 * @returns
 *   The citations of one sentence of the commentary.
 */
export function commentaryCitations(
	work: CitableWork,
	urlOf: (id: string) => string,
	accessed: string,
	root: string = process.cwd(),
	cache?: { store: CitationTemplateStore; code: string },
): (claim: Readonly<{ id: string; text: string }>) => ClaimCitations {
	const templates = cachedTemplates(work, urlOf, accessed, root, cache);
	const standUrl = urlOf(STAND_IN_ID);
	const standKey = STAND_IN_ID.replace('-', '');
	return (claim) => {
		const citable: CitableClaim = { id: claim.id, text: claim.text, url: urlOf(claim.id), commentary: work };
		const record = cslRecord(citable, accessed);
		const note = String(record['note']);
		if (!templates || !CLAIM_ID_SHAPE.test(claim.id) || NOTE_FIELD_SYNTAX.test(note)) return claimCitations(citable, accessed, root);
		const inStyle = (text: string) => text.replaceAll(standUrl, citable.url);
		const bibtexNoteValue = bibtexValue('note', bibtexNote(record, work, accessed));
		const put = (value: string | number) => (value === standUrl ? citable.url : value === STAND_IN_ID ? claim.id : value === templates.note ? note : value);
		return {
			url: citable.url,
			apa: inStyle(templates.styles.apa),
			chicago: inStyle(templates.styles.chicago),
			mla: inStyle(templates.styles.mla),
			bibtex: templates.bibtex
				.replaceAll(STAND_IN_ID, claim.id)
				.replaceAll(standKey, claim.id.replace('-', ''))
				.replace(BIBTEX_NOTE_SLOT, () => bibtexNoteValue),
			ris: risText(templates.ris.map((entry) => Object.fromEntries(Object.entries(entry).map(([tag, value]) => [tag, Array.isArray(value) ? value.map(put) : put(value)])))),
			csl: JSON.stringify([record], null, 2),
		};
	};
}

/** Today's date in UTC (`YYYY-MM-DD`): the access date of a build. */
export function buildDay(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
