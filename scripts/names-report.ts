/**
 * What `npm run names` reports: the capitalised names, acronyms and "Article
 * N" phrases of the commentaries that no registry entry links, with how often
 * each occurs and one sentence it occurs in. Runs the commentaries through the
 * site's own pipeline, so "linked" means linked on the page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { foldForMatching } from '../src/annotate/matching-text.ts';
import { findRelativeDayWords } from '../src/annotate/date-expressions.ts';
import { findNameCandidates, type NameCandidateKind } from '../src/annotate/name-candidates.ts';
import { renderCommentary } from '../src/markdown/render.ts';
import { COMMENTARIES_FOLDER } from '../src/markdown/scope.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../src/markdown/pipeline.ts';
import { truncateAtWord } from '../src/utils/truncate.ts';
import { listPublished } from '../src/loaders/published.ts';

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
}

/** Options of `unlinkedNames`. */
export interface UnlinkedNamesOptions {
	/** Folder of commentaries (default: `content/commentaries` under `root`). */
	dir?: string | undefined;
}

/** Compared without case, a leading "the", a possessive or apostrophe style. */
function keyOf(text: string): string {
	return foldForMatching(text)
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
	const found = new Map<string, UnlinkedName>();
	// A folder's README describes the folder (the fixture commentaries have one); it is not a commentary.
	for (const name of listPublished(dir, '.md').filter((file) => file !== 'README.md')) {
		const markdown = await readFile(join(dir, name), 'utf8');
		// Rendered as if it stood in content/commentaries/, the folder the pipeline transforms.
		const { claims } = await renderCommentary(markdown, join(root, COMMENTARIES_FOLDER, name), processor);
		for (const claim of claims) {
			const linked = claim.mentions.map((mention) => keyOf(mention.text));
			for (const candidate of findNameCandidates(claim.text)) {
				const key = keyOf(candidate.text);
				if (notForms.has(key) || linked.some((mention) => mention.includes(key) || key.includes(mention))) continue;
				const inside = !candidate.opening || candidate.text.includes(' ');
				const entry = found.get(`${candidate.kind} ${key}`);
				if (entry) {
					entry.count += 1;
					entry.inside ||= inside;
				} else {
					found.set(`${candidate.kind} ${key}`, { kind: candidate.kind, text: candidate.text, count: 1, example: { commentary: name, sentence: claim.text }, inside });
				}
			}
			// A weekday, "today" or "on the 3rd" the date rules could not place: for an editor to decide.
			const dates = claim.mentions.filter((mention) => mention.kind === 'date').map((mention) => keyOf(mention.text));
			for (const word of findRelativeDayWords(claim.text)) {
				const key = keyOf(word.text);
				if (dates.some((mention) => mention.includes(key))) continue;
				const entry = found.get(`date ${key}`);
				if (entry) entry.count += 1;
				else found.set(`date ${key}`, { kind: 'date', text: word.text, count: 1, example: { commentary: name, sentence: claim.text }, inside: true });
			}
		}
	}
	// A lone capitalised word seen only at the start of sentences ("Similarly", "According") is no name.
	return [...found.values()].filter((entry) => entry.inside).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** Headings of the report's sections. */
const SECTION: Record<UnlinkedName['kind'], string> = {
	name: 'Names (capitalised words)',
	acronym: 'Acronyms and designations',
	article: '“Article N” phrases (another instrument’s, or a number the treaty lacks?)',
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
	for (const kind of ['name', 'acronym', 'article', 'date'] as const) {
		const section = names.filter((name) => name.kind === kind);
		if (section.length === 0) continue;
		lines.push(`${SECTION[kind]}: ${section.length}`);
		for (const name of section) {
			lines.push(`  ${String(name.count).padStart(3)}  ${name.text}`);
			lines.push(`       ${name.example.commentary}: “${truncateAtWord(name.example.sentence, 140)}”`);
		}
		lines.push('');
	}
	return lines.join('\n');
}
