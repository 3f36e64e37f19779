/**
 * The commentaries index in pages: page 1 at `/commentaries/`, the rest at
 * `/commentaries/page/N/`, so the index stays the same size however many
 * commentaries there are.
 */
import { getCommentaries, type CommentaryEntry } from '../../corpus/commentaries';
import { publicationSpan } from '../../utils/format-date';
import { pageList, type ListPage } from '../../utils/paging';
import { COMMENTARIES_PER_INDEX_PAGE } from './list-sizes';


/** One page of the index, with what every page says of the whole corpus. */
export interface CommentaryIndexPage {
	page: ListPage<CommentaryEntry>;
	/** When the commentaries were published, by month (`from September 2023 to July 2024`); empty without any. */
	span: string;
}

/**
 * Every page of the commentaries index, in the corpus order.
 *
 * @returns
 *   At least one page.
 */
export async function commentaryIndexPages(): Promise<CommentaryIndexPage[]> {
	const entries = await getCommentaries();
	// `/commentaries/page/N/` are the index's pages: a commentary at `/commentaries/page/` would stand among them.
	const clash = entries.find((entry) => entry.id === 'page');
	if (clash) throw new Error(`content/commentaries/${clash.id}.md: slug: “page” names the index's pages (/commentaries/page/N/); choose another slug`);
	const span = publicationSpan(entries.map((entry) => entry.data.published.date));
	return pageList(entries, COMMENTARIES_PER_INDEX_PAGE).map((page) => ({ page, span }));
}
