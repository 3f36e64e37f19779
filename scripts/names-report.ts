/**
 * What `npm run names` reports: the capitalised names, acronyms and "Article
 * N" phrases of the commentaries that no registry entry links, with how often
 * each occurs and one sentence it occurs in. Runs the commentaries through the
 * site's own pipeline, so "linked" means linked on the page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPlainArticleCitations, type PlainCitation, type PlainReason } from '../src/annotate/article-refs.ts';
import { foldForMatching } from '../src/annotate/matching-text.ts';
import { findRelativeDayWords } from '../src/annotate/date-expressions.ts';
import { findNameCandidates, type NameCandidateKind } from '../src/annotate/name-candidates.ts';
import { renderCommentary } from '../src/markdown/render.ts';
import { COMMENTARIES_FOLDER } from '../src/markdown/scope.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../src/markdown/pipeline.ts';
import { truncateAtWord } from '../src/utils/truncate.ts';
import { listPublished } from '../src/loaders/published.ts';
import type { Claim } from '../src/schemas/corpus.ts';

/** One unlinked name and where it occurs. */
export interface UnlinkedName {
	/** `date`: a word naming a day relative to publication that the rules could not place. */
	kind: NameCandidateKind | 'date';
	/** As first written. */
	text: string;
	/** Occurrences across the commentaries. */
	count: number;
	/** The first sentence it occurs in, and the commentary's file name. */
	example: { commentary: string; sentence: string };
	/** Whether it ever occurs other than as a sentence's first word. */
	inside: boolean;
	/** Why an article citation stayed plain (`article` only): what its context says, or a number the treaty lacks. */
	reason?: ArticleReason;
}

/** Why an article citation stayed plain: the context's verdict, or none the report can name. */
export type ArticleReason = PlainReason | 'unexplained';

/** Options of `unlinkedNames`. */
export interface UnlinkedNamesOptions {
	/** Folder of commentaries (default: `content/commentaries` under `root`). */
	dir?: string | undefined;
}

/** Compared without case, a leading "the", a possessive, apostrophe style, hyphens or dashes (as a notForm is matched). */
function keyOf(text: string): string {
	return foldForMatching(text)
		.replace(/[\u2010-\u2015-]+/gu, ' ')
		.replace(/\s+/gu, ' ')
		.replace(/'s$/u, '')
		.replace(/^the\s+/iu, '')
		.toLowerCase();
}

/**
 * Every unlinked candidate of every commentary in a folder, most frequent
 * first. A candidate counts as linked when a mention of its sentence covers it
 * or lies inside it ("President Putin" holds the link "Putin"); a registry
 * `notForm` ("Russia Day") is deliberately unlinked and not reported; a lone
 * word that only ever opens a sentence ("Similarly") is not reported either.
 *
 * @param root
 *   Project root (for the registries).
 * @param options
 *   Folder of commentaries (optional).
 * @returns
 *   Unlinked names.
 */
export async function unlinkedNames(root: string, options?: Readonly<UnlinkedNamesOptions> | null): Promise<UnlinkedName[]> {
	const inputs = loadPipelineInputs(root, { ledger: false });
	const processor = createCommentaryProcessor(inputs);
	const dir = options?.dir ?? join(root, COMMENTARIES_FOLDER);
	const notForms = new Set(inputs.registry.actors.flatMap((actor) => actor.notForms).map(keyOf));
	const { registry } = inputs;
	const articleOptions = { articles: registry.articles, articleCount: registry.articles.length, instruments: registry.instruments, spellings: registry.spellings };
	const found = new Map<string, UnlinkedName>();
	// A folder's README describes the folder (the fixture commentaries have one); it is not a commentary.
	for (const name of listPublished(dir, '.md').filter((file) => file !== 'README.md')) {
		const markdown = await readFile(join(dir, name), 'utf8');
		// Rendered as if it stood in content/commentaries/, the folder the pipeline transforms.
		const { claims } = await renderCommentary(markdown, join(root, COMMENTARIES_FOLDER, name), processor);
		for (const [index, claim] of claims.entries()) {
			const linked = claim.mentions.map((mention) => keyOf(mention.text));
			const plain = plainCitations(claim, claims[index - 1], articleOptions);
			const count = (kind: UnlinkedName['kind'], text: string, inside: boolean, reason?: ArticleReason) => {
				const key = `${kind} ${reason ?? ''} ${keyOf(text)}`;
				const entry = found.get(key);
				if (entry) {
					entry.count += 1;
					entry.inside ||= inside;
				} else {
					found.set(key, { kind, text, count: 1, example: { commentary: name, sentence: claim.text }, inside, ...(reason === undefined ? {} : { reason }) });
				}
			};
			for (const candidate of findNameCandidates(claim.text)) {
				const key = keyOf(candidate.text);
				if (notForms.has(key) || linked.some((mention) => mention.includes(key) || key.includes(mention))) continue;
				const inside = !candidate.opening || candidate.text.includes(' ');
				if (candidate.kind !== 'article') {
					count(candidate.kind, candidate.text, inside);
					continue;
				}
				const citation = plain.find((item) => item.start < candidate.end && candidate.start < item.end);
				if (citation) plain.splice(plain.indexOf(citation), 1);
				count('article', candidate.text, inside, citation?.reason ?? 'unexplained');
			}
			// Ordinals and subject phrases the context left plain ("its second article"): no capitalised word names them.
			for (const citation of plain) {
				if (citation.reason !== 'other-instrument') count('article', claim.text.slice(citation.start, citation.end), true, citation.reason);
			}
			// A weekday, "today" or "on the 3rd" the date rules could not place: for an editor to decide.
			const dates = claim.mentions.filter((mention) => mention.kind === 'date').map((mention) => keyOf(mention.text));
			for (const word of findRelativeDayWords(claim.text)) {
				const key = keyOf(word.text);
				if (dates.some((mention) => mention.includes(key))) continue;
				count('date', word.text, true);
			}
		}
	}
	// A lone capitalised word seen only at the start of sentences ("Similarly", "According") is no name.
	return [...found.values()].filter((entry) => entry.inside).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * The article citations of a sentence its context leaves plain, and why:
 * read with the sentence before it in the same block, as the recogniser reads
 * a paragraph.
 *
 * @param claim
 *   Sentence.
 * @param previous
 *   The sentence before it, if any.
 * @param options
 *   The article recogniser's registries.
 * @returns
 *   Plain citations, offsets in the sentence.
 */
function plainCitations(claim: Claim, previous: Claim | undefined, options: Parameters<typeof findPlainArticleCitations>[1]): PlainCitation[] {
	const before = previous && previous.block === claim.block ? `${previous.text} ` : '';
	return findPlainArticleCitations(before + claim.text, options)
		.filter((citation) => citation.start >= before.length)
		.map((citation) => ({ ...citation, start: citation.start - before.length, end: citation.end - before.length }));
}

/** Headings of the article section, by why the citations stayed plain. */
const ARTICLE_SECTION: Record<ArticleReason, string> = {
	'other-instrument': '“Article N” of another instrument (named after “of”, or last before it): plain by design',
	'unclear-instrument': '“Article N” with no clear instrument (the words after “of” are not in content/instruments.yaml): add them, or leave it plain',
	'no-instrument': 'Ordinals owned by no instrument (“his second article”, “a second article”): plain; an editor decides',
	unexplained: '“Article N” phrases (a number the treaty lacks?)',
};

/** Headings of the report's sections. */
const SECTION: Record<Exclude<UnlinkedName['kind'], 'article'>, string> = {
	name: 'Names (capitalised words)',
	acronym: 'Acronyms and designations',
	date: 'Days the date rules could not place (a word used otherwise, or no publication day to read it from?)',
};

/**
 * The report as text: one section per kind, each name with its count and an
 * example sentence.
 *
 * @param names
 *   Unlinked names.
 * @returns
 *   Text to print.
 */
export function formatUnlinkedNames(names: readonly UnlinkedName[]): string {
	if (names.length === 0) return 'Every capitalised name, acronym and “Article N” phrase is linked (or listed in a notForms).';
	const lines: string[] = [];
	// One section per kind; the article section one per reason its citations stayed plain.
	const sections: Array<[string, UnlinkedName[]]> = [
		...(['name', 'acronym'] as const).map((kind): [string, UnlinkedName[]] => [SECTION[kind], names.filter((name) => name.kind === kind)]),
		...(Object.keys(ARTICLE_SECTION) as ArticleReason[]).map((reason): [string, UnlinkedName[]] => [
			ARTICLE_SECTION[reason],
			names.filter((name) => name.kind === 'article' && (name.reason ?? 'unexplained') === reason),
		]),
		[SECTION.date, names.filter((name) => name.kind === 'date')],
	];
	for (const [heading, section] of sections) {
		if (section.length === 0) continue;
		lines.push(`${heading}: ${section.length}`);
		for (const name of section) {
			lines.push(`  ${String(name.count).padStart(3)}  ${name.text}`);
			lines.push(`       ${name.example.commentary}: “${truncateAtWord(name.example.sentence, 140)}”`);
		}
		lines.push('');
	}
	return lines.join('\n');
}
