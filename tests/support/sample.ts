/**
 * Which built pages the browser suites open. The site is a handful of
 * templates filled many times: 23 article pages, dozens of actor pages, a
 * reading page and a sentence list per commentary, a compare page per pair
 * and a share page per sentence (hundreds today, tens of thousands at a
 * thousand commentaries). Opening every one in Chromium re-checks the same
 * template, and grows with the corpus; so the browser suites take, per
 * template, a fixed, deterministic sample:
 *
 * - the extremes of the layout: the largest and the smallest page (for share
 *   pages, the longest and the shortest sentence);
 * - then, greedily, pages until every markup feature any page of the template
 *   has (an element, an element with a class, an element with an attribute, a
 *   role) is on at least one sampled page: a page with a rare part (an
 *   editor's note, a range of articles, an inferred date, a redirect) is
 *   opened even if it is the only one of its kind.
 *
 * A template is a page's path with its second segment replaced by `[slug]`
 * (`/actors/[slug]/`, `/commentaries/[slug]/sentences/`, `/c/[slug]/`); pages with one
 * segment (`/actors/`, `/timeline/`) are templates of their own. The static
 * checks over `dist/` (tests/dist/) still read every page.
 */
import type { BuiltPage } from './dist';

/** Share pages: `/c/<id>/`. */
export function isSharePage(page: Pick<BuiltPage, 'path'>): boolean {
	return /^\/c\/[^/]+\/$/.test(page.path);
}

/** The quoted sentence of a share page (its blockquote's text), or `''`. */
export function sharedSentence(html: string): string {
	const quote = /<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/.exec(html)?.[1] ?? '';
	return quote.replace(/<[^>]+>/g, '').trim();
}

/**
 * The template a page is made from: its path with the second segment
 * replaced by `[slug]` (`/actors/china/` → `/actors/[slug]/`); `/`, `/actors/` and `/404.html`
 * are their own.
 */
export function templateOf(path: string): string {
	const segments = path.split('/');
	// '/a/b/c/' splits into ['', 'a', 'b', 'c', '']: the second segment is at 2, and needs one after it.
	if (segments.length > 3 && segments[2] !== '') segments[2] = '[slug]';
	return segments.join('/');
}

/**
 * The markup features of a page: each element name, element with one of its
 * classes (`li.passage`), element with an attribute (`a[data-implicit]`), and
 * role (`[role=note]`). Ids, text and attribute values (other than roles)
 * are left out: they differ on every page of a template without changing it.
 */
export function markupFeatures(html: string): Set<string> {
	const features = new Set<string>();
	for (const [, name = '', attributes = ''] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
		const tag = name.toLowerCase();
		features.add(tag);
		// Astro writes every attribute value in double quotes.
		for (const [, key = '', value = ''] of attributes.matchAll(/([^\s"'=/>]+)(?:="([^"]*)")?/g)) {
			if (key === 'class') for (const className of value.split(/\s+/)) features.add(className ? `${tag}.${className}` : tag);
			else if (key === 'role') features.add(`[role=${value}]`);
			else features.add(`${tag}[${key.toLowerCase()}]`);
		}
	}
	return features;
}

/**
 * A fixed sample of the built pages: per template, the largest and the
 * smallest page (a template of one or two pages is taken whole), then pages
 * until every markup feature of the template is covered (see the module's comment). Ties go to the first in path order, so
 * the sample does not depend on file-system order.
 *
 * @param pages
 *   Built pages.
 * @param readHtml
 *   Reads a page's HTML.
 * @returns
 *   The pages to open, sorted by path.
 */
export function browserSample<T extends BuiltPage>(pages: readonly T[], readHtml: (page: T) => string): T[] {
	const byTemplate = new Map<string, T[]>();
	for (const page of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
		const template = templateOf(page.path);
		const members = byTemplate.get(template);
		if (members) members.push(page);
		else byTemplate.set(template, [page]);
	}
	const picked: T[] = [];
	for (const members of byTemplate.values()) {
		if (members.length <= 2) {
			picked.push(...members);
			continue;
		}
		picked.push(...sampleTemplate(members.map((page) => ({ page, html: readHtml(page) }))));
	}
	return picked.sort((a, b) => a.path.localeCompare(b.path));
}

/** The sample of one template's pages (sorted by path, at least one). */
function sampleTemplate<T extends BuiltPage>(members: readonly { page: T; html: string }[]): T[] {
	const size = (member: { page: T; html: string }) => (isSharePage(member.page) ? sharedSentence(member.html).length : member.html.length);
	const sized = members.map((member) => ({ ...member, size: size(member), features: markupFeatures(member.html) }));
	const largest = sized.reduce((best, item) => (item.size > best.size ? item : best));
	const smallest = sized.reduce((best, item) => (item.size < best.size ? item : best));
	const chosen = new Set([largest, smallest]);
	const covered = new Set([...largest.features, ...smallest.features]);
	for (;;) {
		let best: (typeof sized)[number] | undefined;
		let gain = 0;
		for (const item of sized) {
			if (chosen.has(item)) continue;
			let added = 0;
			for (const feature of item.features) if (!covered.has(feature)) added++;
			if (added > gain) [best, gain] = [item, added];
		}
		if (best === undefined) break;
		chosen.add(best);
		for (const feature of best.features) covered.add(feature);
	}
	return [...chosen].map((item) => item.page);
}
