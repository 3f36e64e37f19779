/**
 * The static paths of the topic pages (an actor's, an article's), page by
 * page: each topic's passages are gathered once and split by
 * `src/features/topics/topic-pages.ts`, so the first page (`/actors/<id>/`) and the
 * further ones (`/actors/<id>/page/N/`) are built from the same split.
 * Each page's props hold everything its component shows (the commentaries
 * that name its columns, the editors' notes, rendered once), so components
 * read no collection themselves.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { citationsByArticle, coMentions, passagesByRef, type Passage } from '../../corpus/aggregate.ts';
import { getActors, type ActorEntry } from '../../corpus/actors.ts';
import { getArticles, type ArticleEntry } from '../../corpus/articles.ts';
import { getCorpus, type CorpusEntry } from '../../corpus/corpus.ts';
import type { CommentaryEntry } from '../../corpus/commentaries.ts';
import { pageList, type ListPage } from '../../utils/paging.ts';
import { MATRIX_COMMENTARIES_PER_PAGE, pageGroups, type GroupPage, type PassageGroup } from './topic-pages.ts';

/** One page of an actor. */
export interface ActorPageProps {
	entry: ActorEntry;
	page: GroupPage<Passage>;
	/** Sentences naming the actor in all, and the commentaries they are in. */
	total: number;
	naming: number;
	/** Actors most often named in the same sentences (the first page shows them). */
	together: { id: string; claims: number }[];
	/** Every actor's name, by id (to name the actors in `together`). */
	actorNames: ReadonlyMap<string, string>;
	/** Every commentary, by slug (to name each column). */
	commentaryEntries: ReadonlyMap<string, CommentaryEntry>;
	/** Commentaries in the corpus. */
	corpusSize: number;
}

/** An editor's note with its rendered body. */
export interface RenderedNote {
	note: CollectionEntry<'notes'>;
	Content: Awaited<ReturnType<typeof render>>['Content'];
}

let actorPaths: Promise<ActorPageProps[]> | undefined;
let articlePaths: Promise<ArticlePageProps[]> | undefined;

/** Every page of every actor (gathered once per build: both actor routes read it). */
export function actorPages(): Promise<ActorPageProps[]> {
	actorPaths ??= gatherActorPages();
	return actorPaths;
}

/** Every page of every article (gathered once per build: both article routes read it). */
export function articlePages(): Promise<ArticlePageProps[]> {
	articlePaths ??= gatherArticlePages();
	return articlePaths;
}

/** Gather every actor's passages once and split them into pages. */
async function gatherActorPages(): Promise<ActorPageProps[]> {
	const [actors, corpus] = await Promise.all([getActors(), getCorpus()]);
	const actorNames = new Map(actors.map((actor) => [actor.id, actor.data.name]));
	const commentaryEntries = new Map(corpus.map((commentary) => [commentary.slug, commentary.entry]));
	// Every actor's passages and co-mentions in one pass each: one pass per actor would grow with actors × sentences.
	const passages = passagesByRef(corpus, 'actor');
	const coMentioned = coMentions(corpus);
	return actors.flatMap((entry) => {
		const groups = passages.get(entry.id) ?? corpus.map(({ slug }) => ({ slug, passages: [] }));
		const total = groups.reduce((sum, group) => sum + group.passages.length, 0);
		const naming = groups.filter((group) => group.passages.length > 0).length;
		const together = (coMentioned.get(entry.id) ?? []).slice(0, 10);
		return pageGroups(groups).map((page) => ({ entry, page, total, naming, together, actorNames, commentaryEntries, corpusSize: corpus.length }));
	});
}

/** One page of an article. */
export interface ArticlePageProps {
	entry: ArticleEntry;
	/** Articles in the registry, for the pager between articles. */
	count: number;
	/** The commentaries this page shows, with their citations by number and by subject. */
	page: GroupPage<Passage>;
	byNumber: PassageGroup<Passage>[];
	bySubject: PassageGroup<Passage>[];
	/** Passages in all, and the commentaries they are in. */
	total: number;
	commentaries: number;
	/** Editors' notes on the article, with their bodies (on the first page only: later pages carry only passages). */
	notes: RenderedNote[];
	/** Every commentary, by slug (to name each column and each note's commentary). */
	commentaryEntries: ReadonlyMap<string, CommentaryEntry>;
	/** Commentaries in the corpus. */
	corpusSize: number;
}

/** Gather every article's citations once and split them into pages. */
async function gatherArticlePages(): Promise<ArticlePageProps[]> {
	const [articles, corpus, notes] = await Promise.all([getArticles(), getCorpus(), renderNotes()]);
	const commentaryEntries = new Map(corpus.map((commentary) => [commentary.slug, commentary.entry]));
	// Every article's citations in one pass over the sentences, not one per article.
	const cited = citationsByArticle(corpus);
	return articles.flatMap((entry) => {
		const articleNotes = notes.filter(({ note }) => note.data.articles.includes(entry.data.number));
		const citations = cited.get(String(entry.data.number)) ?? { byNumber: [], bySubject: [], total: 0, commentaries: 0 };
		const bySlug = (groups: readonly PassageGroup<Passage>[]) => new Map(groups.map((group) => [group.slug, group.passages]));
		const byNumber = bySlug(citations.byNumber);
		const bySubject = bySlug(citations.bySubject);
		const groups = corpus.map(({ slug }) => ({ slug, passages: [...(byNumber.get(slug) ?? []), ...(bySubject.get(slug) ?? [])] }));
		return pageGroups(groups).map((page) => {
			const shown = page.groups.map((group) => group.slug);
			return {
				entry,
				count: articles.length,
				page,
				byNumber: shown.map((slug) => ({ slug, passages: byNumber.get(slug) ?? [] })),
				bySubject: shown.map((slug) => ({ slug, passages: bySubject.get(slug) ?? [] })),
				total: citations.total,
				commentaries: citations.commentaries,
				notes: page.number === 1 ? articleNotes : [],
				commentaryEntries,
				corpusSize: corpus.length,
			};
		});
	});
}

/**
 * Every editor's note with its body rendered, in collection order.
 *
 * @returns
 *   The notes.
 */
async function renderNotes(): Promise<RenderedNote[]> {
	const notes = await getCollection('notes');
	return Promise.all(notes.map(async (note) => ({ note, Content: (await render(note)).Content })));
}

/**
 * The pages of the articles index: its table's commentary columns, a page's
 * worth at a time, in corpus order (page 1 at `/articles/`, the rest at
 * `/articles/page/N/`).
 *
 * @returns
 *   At least one page.
 */
export async function articleMatrixPages(): Promise<ListPage<CorpusEntry>[]> {
	return pageList(await getCorpus(), MATRIX_COMMENTARIES_PER_PAGE);
}
