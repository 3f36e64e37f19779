/**
 * What unfurlers, crawlers, feed readers and reference managers read from the
 * built site: Open Graph and Twitter tags parsed by a real unfurl parser
 * (open-graph-scraper), Highwire tags and JSON-LD, the sitemap, robots.txt
 * and the feed parsed as XML, the precomputed citations, and the reading
 * page's JavaScript budget (printed, and held at 10 KB gzipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { XMLParser } from 'fast-xml-parser';
import ogs from 'open-graph-scraper';
import { visit } from 'unist-util-visit';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { decodeCitationsFile } from '../../src/features/sharing/citations-file.ts';
import { CARD_SIZE } from '../../src/utils/head-meta.ts';
import { distDir, hasBuild, listPages, parsePage, readDistFile, siteOrigin } from '../support/dist';

const built = hasBuild();
const origin = built ? await siteOrigin() : '';

function elements(tree: Root, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

function meta(tree: Root, key: string): string[] {
	return elements(tree, (node) => node.tagName === 'meta' && (node.properties['property'] === key || node.properties['name'] === key)).map((node) =>
		String(node.properties['content']),
	);
}

function canonical(tree: Root): string | undefined {
	const link = elements(tree, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'canonical')[0];
	return link ? String(link.properties['href']) : undefined;
}

/** The file a same-origin absolute URL is served from. */
function fileFor(url: string): string {
	const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
	return join(distDir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
}

const xml = new XMLParser({ ignoreAttributes: false });

describe('sharing metadata in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const pages = listPages().filter((page) => page.file !== '404.html');
	const share = pages.find((page) => /^c\/c-[0-9a-f]{10}\/index\.html$/.test(page.file))!;
	const reading = pages.find((page) => /^commentaries\/[^/]+\/index\.html$/.test(page.file))!;
	const samples = [
		'index.html',
		'commentaries/index.html',
		reading.file,
		'articles/index.html',
		pages.find((page) => /^articles\/\d+\/index\.html$/.test(page.file))!.file,
		'actors/index.html',
		pages.find((page) => /^actors\/[^/]+\/index\.html$/.test(page.file))!.file,
		'timeline/index.html',
		'about/index.html',
		share.file,
	];

	it.each(samples)('should give %s an unfurl card that open-graph-scraper reads whole', async (file) => {
		const { result, error } = await ogs({ html: readDistFile(file) });
		expect(error).toBe(false);
		expect(result.ogTitle).toBeTruthy();
		expect(result.ogTitle).not.toBe('Home');
		expect(result.ogDescription).toBeTruthy();
		expect(result.ogSiteName).toBe('Treaty Reader');
		expect(result.ogUrl?.startsWith(`${origin}/`)).toBe(true);
		expect(result.twitterCard).toBe('summary_large_image');
		// X falls back to the og: tags for the title, description and image: no twitter: copy of them.
		expect(result.twitterTitle).toBeUndefined();
		expect(result.twitterDescription).toBeUndefined();
		const image = result.ogImage?.[0];
		expect(image?.url.startsWith(`${origin}/`), image?.url).toBe(true);
		expect(existsSync(fileFor(image!.url)), image?.url).toBe(true);
		expect(result.twitterImage).toBeUndefined();
		expect(image?.width).toBe(String(CARD_SIZE.width));
		expect(image?.height).toBe(String(CARD_SIZE.height));
	});

	it('should title the home page with the site, and a share page with the piece', async () => {
		const home = (await ogs({ html: readDistFile('index.html') })).result;
		expect(home.ogTitle).toMatch(/^Treaty Reader: /);
		const tree = parsePage(share.file);
		const pieceTitle = toString(elements(tree, (node) => node.tagName === 'cite')[0]!);
		expect(meta(tree, 'og:title')[0]).toContain(pieceTitle);
		expect(meta(tree, 'og:image')[0]).toBe(`${origin}/${share.file.replace(/\/index\.html$/, '.png')}`);
		// Pages without a card of their own share the site card.
		expect(meta(parsePage('about/index.html'), 'og:image')[0]).toBe(`${origin}/site-card.png`);
	});

	it('should make og:url the canonical address on every page', () => {
		const disagree = pages
			.map((page) => ({ path: page.path, tree: parsePage(page.file) }))
			.filter(({ tree }) => meta(tree, 'og:url')[0] !== canonical(tree) || !canonical(tree)?.startsWith(`${origin}/`))
			.map(({ path }) => path);
		expect(disagree).toEqual([]);
	});

	/** What each reference vocabulary calls a piece, by its frontmatter: an interview is one whatever its outlet. */
	const ZOTERO_TYPE: Record<string, string> = {
		'article-newspaper': 'newspaperArticle',
		'article-magazine': 'magazineArticle',
		'post-weblog': 'blogPost',
		report: 'report',
		webpage: 'webpage',
	};
	const SCHEMA_TYPES: Record<string, string[]> = {
		'article-newspaper': ['NewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle'],
		'article-magazine': ['Article'],
		'post-weblog': ['BlogPosting'],
		report: ['Report'],
		webpage: ['Article'],
	};
	const dataset = JSON.parse(readDistFile('data/corpus.json')) as {
		commentaries: { slug: string; url: string; metadata: { title: string; kind: string; citationType: string; outlet: string; authors: { name: string; role: string }[] }; claims: { id: string; share: string }[] }[];
	};

	/** Width and height of a PNG, from its IHDR chunk. */
	function pngSize(url: string): { width: number; height: number } {
		const bytes = readFileSync(fileFor(url));
		expect(bytes.subarray(12, 16).toString('latin1'), url).toBe('IHDR');
		return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
	}

	describe.each(dataset.commentaries.map((commentary) => [commentary.slug, commentary] as const))('%s', (slug, commentary) => {
		const { metadata } = commentary;
		const interview = metadata.kind === 'interview';
		const authors = metadata.authors.filter((author) => author.role !== 'interviewer').map((author) => author.name);
		const interviewers = metadata.authors.filter((author) => author.role === 'interviewer').map((author) => author.name);
		const files = [`commentaries/${slug}/index.html`, `c/${commentary.claims[0]!.id}/index.html`];

		it.each(files)('should give Zotero and Google Scholar its type, its authors only as authors, and no journal on %s', (file) => {
			const tree = parsePage(file);
			expect(meta(tree, 'citation_title')[0]).toBe(metadata.title);
			expect(meta(tree, 'citation_author')).toEqual(authors);
			for (const name of interviewers) expect(meta(tree, 'citation_author')).not.toContain(name);
			expect(meta(tree, 'citation_journal_title')).toEqual([]);
			expect(meta(tree, 'DC.type')).toEqual([interview ? 'interview' : ZOTERO_TYPE[metadata.citationType]]);
			const issuer = metadata.citationType === 'report' && !interview ? 'citation_technical_report_institution' : 'citation_publisher';
			expect(meta(tree, issuer)).toEqual([metadata.outlet]);
			// Zotero names the publication from PRISM before og:site_name (this edition): the outlet, unless it issued a report.
			expect(meta(tree, 'prism.publicationName')).toEqual(issuer === 'citation_publisher' ? [metadata.outlet] : []);
			expect(meta(tree, 'citation_publication_date')[0]).toMatch(/^\d{4}(\/\d{2}){0,2}$/);
			expect(meta(tree, 'citation_public_url')[0]).toBe(commentary.url);
			// Zotero's RDF step ranks og:type "website" above DC.type: the piece's pages must say "article".
			expect(meta(tree, 'og:type')).toEqual(['article']);
		});

		it('should describe it in JSON-LD on its reading page only: a share page describes no commentary to search engines', () => {
			expect(elements(parsePage(files[1]!), (node) => node.tagName === 'script' && node.properties['type'] === 'application/ld+json')).toEqual([]);
		});

		it('should describe it in JSON-LD as its type, with what Google’s Article rich result wants, on its reading page', () => {
			const tree = parsePage(files[0]!);
			const scripts = elements(tree, (node) => node.tagName === 'script' && node.properties['type'] === 'application/ld+json');
			expect(scripts).toHaveLength(1);
			const data = JSON.parse(toString(scripts[0]!)) as {
				'@type': string;
				headline: string;
				author: { '@type': string; name: string }[];
				contributor?: { '@type': string; roleName: string; contributor: { name: string } }[];
				datePublished: string;
				image: { url: string; width: number; height: number }[];
				publisher: { '@type': string; name: string; logo: { url: string; width: number; height: number } };
				isBasedOn: { publisher: { name: string } };
			};
			expect(interview ? ['Article'] : SCHEMA_TYPES[metadata.citationType]).toContain(data['@type']);
			expect(data.headline).toBe(metadata.title);
			expect(data.author).toEqual(authors.map((name) => ({ '@type': 'Person', name })));
			expect((data.contributor ?? []).map((role) => [role['@type'], role.roleName, role.contributor.name])).toEqual(interviewers.map((name) => ['Role', 'interviewer', name]));
			expect(data.datePublished).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
			expect(data.isBasedOn.publisher.name).toBe(metadata.outlet);
			expect(data.publisher).toMatchObject({ '@type': 'Organization', name: 'Treaty Reader' });
			// The image and the logo exist with the sizes the description gives.
			for (const image of [...data.image, data.publisher.logo]) {
				expect(image.url.startsWith(`${origin}/`), image.url).toBe(true);
				expect(pngSize(image.url)).toEqual({ width: image.width, height: image.height });
			}
		});

		it('should type its CSL records and credit an interviewer in their own role', () => {
			const [first] = decodeCitationsFile(readDistFile(`data/citations/${slug}.json`)).values();
			const [record] = JSON.parse(first!.csl) as { type: string; author: unknown[]; interviewer?: unknown[] }[];
			expect(record!.type).toBe(interview ? 'interview' : metadata.citationType);
			expect(record!.author).toHaveLength(authors.length);
			expect(record!.interviewer ?? []).toHaveLength(interviewers.length);
			const ris = new Cite(first!.ris).data[0] as { type: string };
			// RIS has no interview type: an interview is read back as the web page it was published on.
			expect(ris.type, 'RIS read back by citation-js').toBe(interview ? 'webpage' : record!.type);
		});
	});

	it('should list every reading page and no share page in the sitemap, linked from robots.txt', () => {
		const robots = readDistFile('robots.txt');
		const sitemapUrl = /^Sitemap: (.+)$/m.exec(robots)?.[1];
		expect(sitemapUrl).toBe(`${origin}/sitemap-index.xml`);
		const index = xml.parse(readFileSync(fileFor(sitemapUrl!), 'utf8'));
		const parts = [index.sitemapindex.sitemap].flat().map((entry: { loc: string }) => entry.loc);
		const urls = parts.flatMap((part: string) => [xml.parse(readFileSync(fileFor(part), 'utf8')).urlset.url].flat().map((entry: { loc: string }) => entry.loc));
		const readingPages = pages.filter((page) => /^commentaries\/[^/]+\/index\.html$/.test(page.file)).map((page) => `${origin}${page.path}`);
		expect(urls).toEqual(expect.arrayContaining([`${origin}/`, ...readingPages]));
		expect(urls.filter((url: string) => /\/c\/c-/.test(url))).toEqual([]);
		for (const url of urls) expect(existsSync(fileFor(url)), url).toBe(true);
	});

	it('should publish a feed of the commentaries with its own address and each item’s authors, linked from every page', () => {
		const feed = xml.parse(readDistFile('feed.xml'));
		const items = [feed.rss.channel.item].flat() as { link: string; title: string; pubDate: string; 'dc:creator': string | string[]; 'dc:contributor'?: string | string[] }[];
		const readingPages = pages.filter((page) => /^commentaries\/[^/]+\/index\.html$/.test(page.file)).map((page) => `${origin}${page.path}`);
		expect(items.map((item) => item.link).sort()).toEqual(readingPages.sort());
		for (const item of items) expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
		// Atom's rel="self" (feed validators ask for it), in a declared namespace.
		expect(feed.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
		const self = [feed.rss.channel['atom:link']].flat() as Record<string, string>[];
		expect(self).toEqual([{ '@_href': `${origin}/feed.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' }]);
		for (const commentary of dataset.commentaries) {
			const item = items.find((candidate) => candidate.link === commentary.url)!;
			const people = commentary.metadata.authors;
			expect([item['dc:creator']].flat(), commentary.slug).toEqual(people.filter((p) => p.role !== 'interviewer').map((p) => p.name));
			expect([item['dc:contributor'] ?? []].flat(), commentary.slug).toEqual(people.filter((p) => p.role === 'interviewer').map((p) => p.name));
		}
		const head = parsePage('timeline/index.html');
		const alternate = elements(head, (node) => node.tagName === 'link' && String(node.properties['rel']) === 'alternate')[0];
		expect(alternate?.properties['type']).toBe('application/rss+xml');
		expect(alternate?.properties['href']).toBe('/feed.xml');
	});

	it('should precompute every sentence’s citations for the reading page’s cite panel, on the site address', () => {
		const tree = parsePage(reading.file);
		const article = elements(tree, (node) => node.properties['dataCitations'] !== undefined)[0]!;
		const file = String(article.properties['dataCitations']);
		const citations = decodeCitationsFile(readDistFile(file.replace(/^\//, '')));
		const ids = elements(tree, (node) => node.properties['dataClaim'] !== undefined).map((node) => String(node.properties['id']));
		expect([...citations.keys()].sort()).toEqual([...ids].sort());
		const permalink = String(article.properties['dataPermalink']);
		expect(permalink).toBe(`${origin}${reading.path}`);
		for (const id of ids) {
			const cited = citations.get(id)!;
			expect(cited.url).toBe(`${permalink}#${id}`);
			for (const format of ['apa', 'chicago', 'mla', 'bibtex', 'ris', 'csl'] as const) expect(cited[format]).toBeTruthy();
			expect(cited.ris).toContain(id);
		}
	});

	it('should keep the reading page’s JavaScript within 10 KB gzipped', () => {
		const tree = parsePage(reading.file);
		const scripts = elements(tree, (node) => node.tagName === 'script' && typeof node.properties['src'] === 'string').map((node) => String(node.properties['src']));
		const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(distDir, src.replace(/^\//, '')))).length, 0);
		console.info(`reading page JavaScript: ${scripts.length} file(s), ${bytes} bytes gzipped`);
		expect(bytes).toBeLessThanOrEqual(10 * 1024);
	});
});
