/**
 * Reading a search query: a reference to a treaty article (`Article 4`,
 * `Art. 4`, `art 4`) or a name of an actor in any registered form (`DPRK`,
 * `the Kremlin`, `Jack Sullivan`) becomes a filter on the annotations, and
 * the rest stays words for the full-text index. That is how a query finds the
 * sentences that cite Article 4 by its subject, or name Kim Jong Un as “Kim”.
 * Pure; the search page runs it over the vocabulary it loads.
 */
import type { SearchVocabulary } from './records.ts';

/** A query, read. */
export interface ReadQuery {
	/** Words left for full-text search (may be empty). */
	text: string;
	/** Article numbers the query names. */
	articles: number[];
	/** Actor ids the query names. */
	actors: string[];
}

/** `Article 4`, `article 4`, `Art. 4`, `Art.4`, `art 4`, `Arts 4` (not `Article 51 of the UN Charter`: see below). */
const articlePattern = /\b(?:articles?|arts?)\s*\.?\s*(\d{1,3})\b/giu;

/** Words that say nothing once an entity is recognised (`the Kremlin`, `about Article 4`). */
const fillerWords = new Set(['the', 'a', 'an', 'of', 'about', 'on', 'in', 'and', 'by']);

/**
 * Fold a string for comparing names as a reader types them: case, hyphens
 * and dots do not matter (`Kim Jong-un` = `kim jong un`).
 *
 * @param value
 *   Any text.
 * @returns
 *   Lower case words separated by single spaces.
 */
export function foldName(value: string): string {
	return value
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[’']s\b/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Whether a form must be matched as typed: a two-letter acronym (`US`, `UN`)
 * typed in lower case is an ordinary word (`us`, `un-`).
 */
function caseSensitive(form: string): boolean {
	return form.length <= 2 && form === form.toUpperCase();
}

/**
 * Read a query against the vocabulary.
 *
 * @param query
 *   What the reader typed.
 * @param vocabulary
 *   Articles and actors with every registered form.
 * @returns
 *   The articles and actors it names, and the remaining words.
 */
export function readQuery(query: string, vocabulary: SearchVocabulary): ReadQuery {
	const numbers = new Set(vocabulary.articles.map((article) => article.number));
	const articles: number[] = [];
	let rest = query.replace(articlePattern, (match, digits: string) => {
		const number = Number(digits);
		if (!numbers.has(number)) return match;
		if (!articles.includes(number)) articles.push(number);
		return ' ';
	});

	const all = vocabulary.actors.flatMap((actor) => actor.forms.map((form) => ({ id: actor.id, form, folded: foldName(form) })));
	// A form several actors share (a bare `Kim`) names none of them for sure: it stays a word.
	const owners = new Map<string, Set<string>>();
	for (const { id, folded } of all) owners.set(folded, (owners.get(folded) ?? new Set()).add(id));
	const forms = all
		.filter((entry) => entry.folded !== '' && owners.get(entry.folded)?.size === 1)
		.sort((a, b) => b.folded.length - a.folded.length);
	const actors: string[] = [];
	// Longest forms first, so `Kim Jong Un` is read before `Kim`, `North Korea` before `Korea`.
	let words = ` ${foldName(rest)} `;
	const typed = ` ${rest.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
	for (const { id, form, folded } of forms) {
		const needle = ` ${folded} `;
		const at = words.indexOf(needle);
		if (at === -1) continue;
		if (caseSensitive(form) && !typed.includes(` ${form} `)) continue;
		if (!actors.includes(id)) actors.push(id);
		words = `${words.slice(0, at)} ${' '.repeat(folded.length)} ${words.slice(at + needle.length)}`;
	}
	if (actors.length > 0) rest = words;
	const left = rest.split(/\s+/u).filter(Boolean);
	const recognised = articles.length > 0 || actors.length > 0;
	const text = (recognised ? left.filter((word) => !fillerWords.has(word.toLowerCase())) : left).join(' ');
	return { text, articles, actors };
}
