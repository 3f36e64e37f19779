/**
 * Share pages filled from a frame: the parts a page prints
 * (src/features/sharing/share-page-html.ts), the frame split at its markers
 * (page-frame.ts), and the pages written after the build with the previous
 * build's copies reused only where nothing they print changed
 * (share-page-files.ts). That a filled page is byte for byte what Astro
 * printed is checked over the whole built site (docs/performance.md: the
 * site's `dist/c/` compared file by file), and by the dist and browser suites.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilledPages } from '../../src/build/channel.ts';
import type { CitableWork, ClaimCitations } from '../../src/features/sharing/cite.ts';
import { fillFrame, frameMarker, splitFrame } from '../../src/features/sharing/page-frame.ts';
import { codeDigest, fillCpuSummary, writeFilledPages } from '../../src/features/sharing/share-page-files.ts';
import { sharePageParts } from '../../src/features/sharing/share-page-html.ts';
import { relatedBecause, relatedOpening } from '../../src/features/sharing/related-claims.ts';
import { sharePageModel, type ShareCommentary, type ShareContext } from '../../src/features/sharing/share-page-model.ts';
import type { SharePage } from '../../src/features/sharing/share-pages.ts';
import type { Claim } from '../../src/schemas/corpus.ts';
import { createRoutes } from '../../src/utils/routes.ts';

/** Words a parser must get back exactly: every character Astro escapes, and markup that must stay text. */
const AWKWARD = `Kim's "treaty" <b>& 'Article 4'</b> > 3 & <!-- -->`;

const entry: ShareCommentary = {
	id: 'a-piece',
	data: {
		title: `A piece on ${AWKWARD}`,
		titleSupplied: true,
		authors: [{ name: 'Ann O\'Writer & "Co"', affiliation: 'Somewhere', role: 'author' }],
		outlet: 'An <Outlet>',
		published: { date: '2024-07-11', circa: false },
	},
};
const claim = (id: string, text: string): Claim => ({ id, text, block: 'p', blockIndex: 0, index: 0, mentions: [] });
const routes = createRoutes('/reader/', 'https://example.org');
const context: ShareContext<ShareCommentary> = {
	routes,
	actorNames: new Map(),
	work: (): CitableWork => ({
		slug: 'a-piece',
		title: entry.data.title,
		titleSupplied: true,
		authors: entry.data.authors,
		outlet: entry.data.outlet,
		published: entry.data.published,
		kind: 'analysis',
		citationType: 'webpage',
		originalUrl: null,
	}),
	citations: (cited): ClaimCitations => ({ url: cited.id, apa: `APA ${AWKWARD}`, chicago: 'Chicago', mla: 'MLA', bibtex: `@misc{x,\n\tnote = {${AWKWARD}},\n}`, ris: 'TY  - RPRT', csl: '[{"id": "x"}]' }),
	permalink: (slug, id) => `https://example.org/reader/commentaries/${slug}/#${id}`,
	related: () => [],
};

const live: SharePage<ShareCommentary> = {
	kind: 'live',
	claim: claim('c-0000000001', `The sentence: ${AWKWARD}`),
	pinpoint: { block: 'para.', number: 2, sentence: 1 },
	previous: claim('c-0000000000', 'Before.'),
	next: undefined,
	entry,
};

/** The page a frame filled with these parts gives, parsed. */
function pageOf(page: SharePage<ShareCommentary>): Root {
	const model = sharePageModel(page, context);
	const parts = sharePageParts(model, routes.share(model.id), routes);
	const frame = splitFrame(`<!doctype html><html><head>${frameMarker('head')}</head><body><main>${frameMarker('main')}</main></body></html>`, ['head', 'main'], 'frame.html');
	return fromHtml(fillFrame(frame, parts));
}

function elements(tree: Root | Element, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

function meta(tree: Root, key: string): string | undefined {
	const [node] = elements(tree, (node) => node.tagName === 'meta' && (node.properties['name'] === key || node.properties['property'] === key));
	return node ? String(node.properties['content']) : undefined;
}

describe('sharePageParts', () => {
	it('should print the authors’ words and every name exactly, as text, wherever they appear', () => {
		const tree = pageOf(live);
		// Nothing in the words became markup.
		expect(elements(tree, (node) => node.tagName === 'b')).toEqual([]);
		expect(toString(elements(tree, (node) => node.tagName === 'blockquote')[0]!)).toBe(live.kind === 'live' ? live.claim.text : '');
		expect(toString(elements(tree, (node) => node.tagName === 'cite')[0]!)).toBe(entry.data.title);
		expect(toString(elements(tree, (node) => node.tagName === 'figcaption')[0]!)).toContain(`By Ann O'Writer & "Co", ${entry.data.title} [title supplied], An <Outlet>, 11 July 2024, para. 2, sentence 1.`);
		expect(meta(tree, 'description')).toBe(`The sentence: ${AWKWARD}`);
		expect(meta(tree, 'og:image:alt')).toContain(AWKWARD);
		expect(toString(elements(tree, (node) => node.tagName === 'dd')[0]!)).toContain(`APA ${AWKWARD}`);
		// No JSON-LD: it describes the commentary, on the commentary's own page.
		expect(elements(tree, (node) => node.tagName === 'script')).toEqual([]);
	});

	it('should escape in text only what could become markup, and attributes as hast-util-to-html prints them', () => {
		const { head, main } = sharePageParts(sharePageModel(live, context), routes.share('c-0000000001'), routes);
		expect(main).toContain(`<p class="share-current" aria-current="true">The sentence: Kim's "treaty" &lt;b&gt;&amp; 'Article 4'&lt;/b&gt; &gt; 3 &amp; &lt;!-- --&gt;</p>`);
		expect(head).toContain(`<meta name="description" content="The sentence: Kim's &quot;treaty&quot; <b>&amp; 'Article 4'</b> > 3 &amp; <!-- -->">`);
		// Attributes without a value, as Astro prints them.
		expect(main).toContain('<span class="share-copy" data-needs-script><button type="button" data-copy-link="https://example.org/reader/commentaries/a-piece/#c-0000000001">Copy link</button>');
	});

	it('should print every address under the base and the head’s absolute ones on the site', () => {
		const tree = pageOf(live);
		const links = elements(tree, (node) => node.tagName === 'a').map((node) => String(node.properties['href']));
		expect(links).toContain('/reader/commentaries/a-piece/#c-0000000001');
		expect(links).toContain('/reader/c/c-0000000000/');
		expect(elements(tree, (node) => node.tagName === 'link')[0]?.properties['href']).toBe('https://example.org/reader/c/c-0000000001/');
		expect(meta(tree, 'og:image')).toBe('https://example.org/reader/c/c-0000000001.png');
	});

	it('should print one citation style and say where the others and the exports are, leaving them to the page’s script', () => {
		const tree = pageOf(live);
		expect(elements(tree, (node) => node.tagName === 'dt').map((node) => toString(node))).toEqual(['APA']);
		expect(elements(tree, (node) => node.properties['dataFormat'] !== undefined)).toEqual([]);
		expect(toString(tree)).not.toContain('@misc');
		const [more] = elements(tree, (node) => node.properties['dataCitationsMore'] !== undefined);
		expect(toString(more!)).toMatch(/^Chicago, MLA, and BibTeX, RIS and CSL-JSON/);
		const links = elements(more!, (node) => node.tagName === 'a').map((node) => String(node.properties['href']));
		expect(links).toEqual(['/reader/data/citations/a-piece.json', '/reader/data/']);
		// The script finds the commentary's files where the reading page names them.
		const [article] = elements(tree, (node) => node.tagName === 'article');
		expect(article!.properties).toMatchObject({ dataCitations: '/reader/data/citations/a-piece.json', dataRelated: '/reader/data/related/a-piece.json', dataClaim: 'c-0000000001' });
	});

	it('should print each related claim as its opening words, a link to its share page, with its credit, under what links it, leaving its words and other links to the page’s script', () => {
		const matter = { id: 'm', title: 'M' };
		const related = [
			{
				commentary: 'other-piece',
				credit: `Bo & "Co"`,
				title: 'Other',
				claims: [
					{ id: 'c-00000000aa', text: `Also ${AWKWARD}`, matters: [matter], confirmed: true },
					{ id: 'c-00000000ab', text: 'Second of that piece, on the same matter.', matters: [matter], confirmed: false },
				],
			},
			{ commentary: 'third-piece', credit: 'Di', title: 'Third', claims: [{ id: 'c-00000000ba', text: 'A third piece on it.', matters: [matter], confirmed: false }, { id: 'c-00000000bb', text: 'Linked by hand.', matters: [], confirmed: true }] },
		];
		const model = sharePageModel(live, { ...context, related: () => related });
		const tree = fromHtml(sharePageParts(model, routes.share(model.id), routes).main, { fragment: true });
		expect(elements(tree, (node) => node.tagName === 'blockquote' && String(node.properties['className']).includes('related-quote'))).toEqual([]);
		const [printed] = elements(tree, (node) => String(node.properties['className']) === 'related-printed');
		// One list under each thing that links claims, in the order of its best-ranked claim; the claims in rank order in it.
		const headings = elements(printed!, (node) => node.tagName === 'h3').map((node) => toString(node));
		const [confirmed, onM, byHand] = [related[0]!.claims[0]!, related[0]!.claims[1]!, related[1]!.claims[1]!];
		expect(headings).toEqual([relatedBecause(confirmed), relatedBecause(onM), relatedBecause(byHand)]);
		const lists = elements(printed!, (node) => node.tagName === 'ul').map((list) => elements(list, (node) => node.tagName === 'li').map((item) => toString(item)));
		expect(lists).toEqual([
			[`${relatedOpening(confirmed)} (Bo & "Co")`],
			[`${relatedOpening(onM)} (Bo & "Co")`, `${relatedOpening(related[1]!.claims[0]!)} (Di)`],
			[`${relatedOpening(byHand)} (Di)`],
		]);
		const links = elements(printed!, (node) => node.tagName === 'a').map((node) => [String(node.properties['href']), toString(node)]);
		expect(links).toEqual(['c-00000000aa', 'c-00000000ab', 'c-00000000ba', 'c-00000000bb'].map((id) => [`/reader/c/${id}/`, relatedOpening(related.flatMap((group) => group.claims).find((claim) => claim.id === id)!)]));
	});

	it('should lead an edited sentence’s page to the current wording and say why a withdrawn one is gone', () => {
		const moved = pageOf({ kind: 'moved', id: 'c-0000000009', oldText: `Old: ${AWKWARD}`, successor: claim('c-0000000010', 'New wording.'), entry });
		expect(toString(moved)).toContain('This sentence was edited');
		expect(elements(moved, (node) => node.tagName === 'link')[0]?.properties['href']).toBe('https://example.org/reader/c/c-0000000010/');
		expect(toString(elements(moved, (node) => node.tagName === 'blockquote')[0]!)).toBe(`Old: ${AWKWARD}`);
		expect(elements(moved, (node) => node.tagName === 'a').map((node) => node.properties['href'])).toContain('/reader/c/c-0000000010/');
		const retired = pageOf({ kind: 'retired', id: 'c-0000000008', oldText: 'Gone.', reason: `Because ${AWKWARD}`, entry });
		expect(toString(elements(retired, (node) => (node.properties['className'] as string[] | undefined)?.includes('share-reason') ?? false)[0]!)).toBe(`Because ${AWKWARD}`);
		expect(elements(retired, (node) => node.tagName === 'blockquote')).toEqual([]);
	});
});

describe('splitFrame and fillFrame', () => {
	const html = `<head>${frameMarker('head')}</head><main>${frameMarker('main')}<script src="/a.js"></script></main>`;

	it('should put each part where its marker was, once', () => {
		const frame = splitFrame(html, ['head', 'main'], 'frame.html');
		expect(fillFrame(frame, { head: '<title>T</title>', main: '<p>M</p>' })).toBe('<head><title>T</title></head><main><p>M</p><script src="/a.js"></script></main>');
	});

	it('should refuse a frame whose markers are missing, repeated or unknown, naming the file', () => {
		expect(() => splitFrame(`<head></head><main>${frameMarker('main')}</main>`, ['head', 'main'], 'dist/c/frame/index.html')).toThrow(/dist\/c\/frame\/index\.html: .*\[main\].*\[head, main\]/);
		expect(() => splitFrame(`${html}${frameMarker('main')}`, ['head', 'main'], 'f')).toThrow(/\[head, main, main\]/);
		expect(() => splitFrame(`${html}${frameMarker('foot')}`, ['head', 'main'], 'f')).toThrow(/foot/);
	});

	it('should refuse a page without a part its frame needs', () => {
		expect(() => fillFrame(splitFrame(html, ['head', 'main'], 'f'), { head: '' })).toThrow(/"main"/);
	});
});

describe('writeFilledPages', () => {
	let temp: string | undefined;
	afterEach(() => {
		if (temp) rmSync(temp, { recursive: true, force: true });
		temp = undefined;
	});

	/** A build's output folder holding the frame, and the run the route would send. */
	function build(out: string, frame: string, pages: Record<string, string>, filledLog: string[]): FilledPages {
		rmSync(out, { recursive: true, force: true });
		mkdirSync(join(out, 'c', 'frame'), { recursive: true });
		writeFileSync(join(out, 'c', 'frame', 'index.html'), frame);
		return {
			frame: 'c/frame/',
			marks: ['main'],
			pages: Object.entries(pages).map(([id, text]) => ({
				pathname: `c/${id}/`,
				cacheKey: text,
				parts: () => {
					filledLog.push(id);
					return { main: text };
				},
			})),
		};
	}

	/** A fresh folder for one test (removed after it): its output folder, its cache folder, and a one-marker frame. */
	function workspace(): { out: string; cacheDir: string; frame: string } {
		temp = mkdtempSync(join(tmpdir(), 'share-fill-'));
		return { out: join(temp, 'dist'), cacheDir: join(temp, 'cache'), frame: `<p>${frameMarker('main')}</p>` };
	}

	it('should write every page, remove the frame, and reuse only pages whose key, frame and code are unchanged', () => {
		const { out, cacheDir, frame } = workspace();
		const filled: string[] = [];
		const first = writeFilledPages(out, build(out, frame, { a: 'A', b: 'B', c: 'C' }, filled), { code: '1', cacheDir, reuse: true });
		expect(first).toMatchObject({ pages: 3, filled: 3, restored: 0 });
		expect(readFileSync(join(out, 'c', 'b', 'index.html'), 'utf8')).toBe('<p>B</p>');
		expect(existsSync(join(out, 'c', 'frame'))).toBe(false);
		expect(first.lines).toContainEqual(expect.stringMatching(/^ {2}├─ \/c\/a\/index\.html \(\+[\d.]+ms\)$/));

		// One page's data changed, one page is gone, one is new.
		filled.length = 0;
		const second = writeFilledPages(out, build(out, frame, { a: 'A', b: 'B2', d: 'D' }, filled), { code: '1', cacheDir, reuse: true });
		expect(filled.sort()).toEqual(['b', 'd']);
		expect(second).toMatchObject({ pages: 3, filled: 2, restored: 1 });
		expect(second.lines).toContain('  ├─ /c/a/index.html (restored)');
		expect(readFileSync(join(out, 'c', 'a', 'index.html'), 'utf8')).toBe('<p>A</p>');
		expect(readFileSync(join(out, 'c', 'b', 'index.html'), 'utf8')).toBe('<p>B2</p>');
		expect(existsSync(join(out, 'c', 'c'))).toBe(false);

		// A new frame (a stylesheet's hashed address), new code, or a clean build: every page is filled again.
		for (const [next, code, reuse] of [[`<div>${frameMarker('main')}</div>`, '1', true], [`<div>${frameMarker('main')}</div>`, '2', true], [`<div>${frameMarker('main')}</div>`, '2', false]] as const) {
			filled.length = 0;
			writeFilledPages(out, build(out, next, { a: 'A', b: 'B2', d: 'D' }, filled), { code, cacheDir, reuse });
			expect(filled.sort()).toEqual(['a', 'b', 'd']);
			expect(readFileSync(join(out, 'c', 'a', 'index.html'), 'utf8')).toBe('<div>A</div>');
		}
	});

	it('should count the CPU time of the filled pages only, and say it per page', () => {
		const { out, cacheDir, frame } = workspace();
		const busy = (ms: number) => {
			const until = process.threadCpuUsage().user + ms * 1000;
			while (process.threadCpuUsage().user < until);
		};
		const slow = () => {
			const run = build(out, frame, { a: 'A', b: 'B' }, []);
			return { ...run, pages: run.pages.map((page) => ({ ...page, parts: () => (busy(20), page.parts()) })) };
		};
		const first = writeFilledPages(out, slow(), { code: '1', cacheDir, reuse: true });
		expect(first.cpuMs).toBeGreaterThanOrEqual(40);
		expect(fillCpuSummary(first)).toMatch(/^; \d+\.\d\d ms of CPU per filled page$/);
		expect(Number(/([\d.]+) ms/.exec(fillCpuSummary(first))?.[1])).toBeGreaterThanOrEqual(20);
		// Restored pages cost no fill.
		const second = writeFilledPages(out, slow(), { code: '1', cacheDir, reuse: true });
		expect(second).toMatchObject({ filled: 0, restored: 2 });
		expect(fillCpuSummary(second)).toBe('');
	});

	it("should place restored pages without copying their bytes, and never change an earlier build's pages", () => {
		const { cacheDir, frame } = workspace();
		const filled: string[] = [];
		const outs = ['dist-1', 'dist-2', 'dist-3'].map((name) => join(temp!, name));
		const [first, second, third] = outs as [string, string, string];
		writeFilledPages(first, build(first, frame, { a: 'A', b: 'B' }, filled), { code: '1', cacheDir, reuse: true });
		writeFilledPages(second, build(second, frame, { a: 'A', b: 'B' }, filled), { code: '1', cacheDir, reuse: true });
		// A restored page is the cache's file itself (one inode), not a second copy of its bytes.
		expect(statSync(join(second, 'c', 'a', 'index.html')).ino).toBe(statSync(join(cacheDir, 'c~a.html')).ino);
		// The next build fills `a` again: the builds before keep what they published.
		writeFilledPages(third, build(third, frame, { a: 'A2', b: 'B' }, filled), { code: '1', cacheDir, reuse: true });
		expect(readFileSync(join(third, 'c', 'a', 'index.html'), 'utf8')).toBe('<p>A2</p>');
		expect(readFileSync(join(second, 'c', 'a', 'index.html'), 'utf8')).toBe('<p>A</p>');
		expect(readFileSync(join(first, 'c', 'a', 'index.html'), 'utf8')).toBe('<p>A</p>');
		expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('should fill every page again after a build that was cut off', () => {
		const { out, cacheDir, frame } = workspace();
		const filled: string[] = [];
		writeFilledPages(out, build(out, frame, { a: 'A', b: 'B' }, filled), { code: '1', cacheDir, reuse: true });
		// The next build dies while writing `b` after it rewrote its copy: its key is back to the first build's.
		const dying = build(out, frame, { a: 'A', b: 'B2' }, filled);
		const pages = dying.pages.map((page) =>
			page.pathname === 'c/b/'
				? {
						...page,
						parts: () => {
							throw new Error('cut off');
						},
					}
				: page,
		);
		writeFileSync(join(cacheDir, 'c~b.html'), '<p>B2</p>');
		expect(() => writeFilledPages(out, { ...dying, pages }, { code: '1', cacheDir, reuse: true })).toThrow('cut off');
		filled.length = 0;
		writeFilledPages(out, build(out, frame, { a: 'A', b: 'B' }, filled), { code: '1', cacheDir, reuse: true });
		expect(filled.sort()).toEqual(['a', 'b']);
		expect(readFileSync(join(out, 'c', 'b', 'index.html'), 'utf8')).toBe('<p>B</p>');
	});

	it('should refuse a build whose frame is missing', () => {
		temp = mkdtempSync(join(tmpdir(), 'share-fill-'));
		expect(() => writeFilledPages(join(temp!, 'dist'), { frame: 'c/frame/', marks: ['main'], pages: [] }, { code: '1', cacheDir: join(temp!, 'cache'), reuse: true })).toThrow(
			/c\/frame\/index\.html: the share pages' frame was not built/,
		);
	});
});

describe('codeDigest', () => {
	it('should change when a source file changes, and only then', () => {
		const root = mkdtempSync(join(tmpdir(), 'share-code-'));
		try {
			mkdirSync(join(root, 'src', 'features'), { recursive: true });
			writeFileSync(join(root, 'src', 'features', 'a.ts'), 'export const a = 1;');
			writeFileSync(join(root, 'package-lock.json'), '{}');
			const before = codeDigest(root);
			expect(codeDigest(root)).toBe(before);
			writeFileSync(join(root, 'src', 'features', 'a.ts'), 'export const a = 2;');
			expect(codeDigest(root)).not.toBe(before);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
