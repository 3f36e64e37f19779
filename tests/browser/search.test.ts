/**
 * Search as a reader uses it, in Chromium with the site's Content-Security-
 * Policy enforced (any violation is a console error and fails the test):
 * every treaty article by number in the ways people write it, every actor by
 * its name and aliases (looped over the registry), a phrase, a stemmed word,
 * filters alone and combined, the address as the search's state, keyboard
 * use, the way from a result to its highlighted sentence, the header control
 * and shortcuts, and no request for the index before search is opened.
 *
 * One search page is reused for the many queries: each is typed into the
 * field and the test waits until the page says it shows that address.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reportPolicyViolations, useSite } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();
const actorsDir = join(process.cwd(), 'content/actors');

/** Every actor of the registry: id, name and its forms. */
const registry = readdirSync(actorsDir)
	.filter((file) => file.endsWith('.yaml'))
	.map((file) => {
		const data = parse(readFileSync(join(actorsDir, file), 'utf8')) as { name: string; forms: (string | { text: string })[] };
		return { id: file.replace(/\.yaml$/, ''), name: data.name, forms: data.forms.map((form) => (typeof form === 'string' ? form : form.text)) };
	});
/** How many actors each form names (a bare “Kim” names three: search leaves it a word). */
const owners = new Map<string, number>();
for (const actor of registry) for (const form of actor.forms) owners.set(form, (owners.get(form) ?? 0) + 1);
/** Each actor with two of its aliases (forms other than its name that name it alone). */
const actors = registry.map((actor) => ({
	...actor,
	aliases: actor.forms.filter((form) => form !== actor.name && owners.get(form) === 1).slice(0, 2),
}));

/**
 * Claim ids an editor's note re-attributes to an article, read from the
 * reading page: the sentence holding a misattribution note's words, when the
 * note names articles the sentence does not cite.
 */
function reattributedTo(article: number): Set<string> {
	const notesDir = join(process.cwd(), 'content/notes');
	const ids = new Set<string>();
	for (const file of readdirSync(notesDir).filter((name) => name.endsWith('.md'))) {
		const text = readFileSync(join(notesDir, file), 'utf8');
		const front = parse(text.split('---')[1] ?? '') as { commentary: string; kind: string; articles?: number[]; quote: string };
		if (front.kind !== 'misattribution' || !front.articles?.includes(article)) continue;
		const html = readFileSync(join(distDir, 'commentaries', front.commentary, 'index.html'), 'utf8');
		const note = file.replace(/\.md$/, '');
		// The sentence whose element holds the note's marked words, unless it cites the article itself.
		const at = html.indexOf(`data-note="${note}"`);
		const start = html.lastIndexOf('data-claim="" id="', at);
		const claim = /^data-claim="" id="(c-[0-9a-f]{10})"/.exec(html.slice(start))?.[1];
		const end = html.indexOf('class="claim-link"', at);
		const cites = new RegExp(`data-mention="article"[^>]*data-ref="${article}"`).test(html.slice(start, end));
		if (claim && !cites) ids.add(claim);
	}
	return ids;
}

/** Claim ids a built article or actor page lists as its passages. */
function passagesOn(path: string): Set<string> {
	const html = readFileSync(join(distDir, path, 'index.html'), 'utf8');
	return new Set([...html.matchAll(/data-claim-ref="(c-[0-9a-f]{10})"/g)].map((match) => match[1]!));
}

/** What the results show. */
interface Shown {
	status: string;
	links: string[];
	claims: string[];
	groups: string[];
}

/** Type a query (and keep the filters as they are), press Enter, wait for its results. */
async function search(page: Page, query: string): Promise<Shown> {
	await page.fill('#search-input', query);
	await page.press('#search-input', 'Enter');
	return shown(page);
}

/** Wait until the results are those of the current address, then read them. */
async function shown(page: Page): Promise<Shown> {
	await page.waitForFunction(
		() => document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchShown'] === location.pathname + location.search,
	);
	return page.evaluate(() => {
		const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] a.search-hit-link')];
		return {
			status: document.querySelector('[data-search-status]')?.textContent ?? '',
			links: links.map((link) => new URL(link.href).pathname + new URL(link.href).hash),
			claims: links.map((link) => new URL(link.href).hash.slice(1)).filter(Boolean),
			groups: [...document.querySelectorAll('[data-search-results] .search-group h2')].map((heading) => heading.textContent ?? ''),
		};
	});
}

/**
 * Run many queries in the page itself (one round trip for all): for each,
 * set the field, submit, wait until the results are those of the new
 * address, show every batch, and read them as {@link shown} does.
 */
async function searchAll(page: Page, queries: readonly string[]): Promise<Shown[]> {
	return page.evaluate(async (list) => {
		const input = document.querySelector<HTMLInputElement>('#search-input')!;
		const form = input.form!;
		const box = document.querySelector<HTMLElement>('[data-search-results]')!;
		const read = () => {
			const links = [...box.querySelectorAll<HTMLAnchorElement>('a.search-hit-link')];
			return {
				status: document.querySelector('[data-search-status]')?.textContent ?? '',
				links: links.map((link) => new URL(link.href).pathname + new URL(link.href).hash),
				claims: links.map((link) => new URL(link.href).hash.slice(1)).filter(Boolean),
				groups: [...box.querySelectorAll('.search-group h2')].map((heading) => heading.textContent ?? ''),
			};
		};
		const out = [];
		for (const query of list) {
			input.value = query;
			form.requestSubmit();
			await new Promise<void>((resolve) => {
				const check = () => (box.dataset['searchShown'] === location.pathname + location.search ? resolve() : requestAnimationFrame(check));
				check();
			});
			// Every commentary found, batch after batch.
			for (let more = box.querySelector<HTMLButtonElement>('.search-more'); more; more = box.querySelector<HTMLButtonElement>('.search-more')) {
				const before = box.querySelectorAll('.search-group').length;
				more.click();
				await new Promise<void>((resolve) => {
					const check = () => (box.querySelectorAll('.search-group').length > before || !more?.isConnected ? resolve() : requestAnimationFrame(check));
					check();
				});
			}
			out.push(read());
		}
		return out;
	}, queries);
}

/** Number of sentences the status announces. */
function sentenceCount(status: string): number {
	return Number(/^(\d+) sentences?/.exec(status)?.[1] ?? Number.NaN);
}

/** Load every sentence of the current results (press "Show more" until it is gone). */
async function showAll(page: Page): Promise<Shown> {
	while ((await page.locator('.search-more').count()) > 0) {
		const before = await page.locator('.search-groups .search-group').count();
		await page.click('.search-more');
		await page.waitForFunction((count) => document.querySelectorAll('.search-groups .search-group').length > count || !document.querySelector('.search-more'), before);
	}
	return shown(page);
}

describe('search', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	/** Open the search page and wait for the index. */
	async function openSearch<T>(path: string, fn: (page: Page) => Promise<T>, options = {}): Promise<T> {
		return site.open(
			path,
			async (page, report) => {
				await page.waitForSelector('html[data-search-ready]');
				const result = await fn(page);
				expect(report.consoleErrors).toEqual([]);
				expect(report.failedRequests).toEqual([]);
				expect(report.foreignRequests).toEqual([]);
				return result;
			},
			options,
		);
	}

	it('should put the article first for "Article N", N = 1–23, and find every sentence citing it or re-attributed to it', async () => {
		await openSearch('/search/', async (page) => {
			const numbers = Array.from({ length: 23 }, (_, index) => index + 1);
			const first = await searchAll(page, numbers.map((number) => `Article ${number}`));
			for (const number of numbers) {
				const results = first[number - 1]!;
				expect(results.links[0], `Article ${number}`).toBe(`/articles/${number}/`);
				const about = new Set([...passagesOn(`articles/${number}`), ...reattributedTo(number)]);
				expect(sentenceCount(results.status), `Article ${number}: ${results.status}`).toBe(about.size);
				// Every commentary of the site is within the first batch: every sentence is shown, none twice.
				expect(results.claims.length, `Article ${number}`).toBe(new Set(results.claims).size);
				expect(new Set(results.claims), `Article ${number}`).toEqual(about);
			}
		});
	});

	it('should count the commentaries its sentences come from', async () => {
		await openSearch('/search/', async (page) => {
			const few = await search(page, 'Article 4');
			const groups = new Set(few.links.flatMap((link) => /^\/commentaries\/([\w-]+)\//.exec(link)?.[1] ?? [])).size;
			expect(groups).toBeGreaterThan(1);
			expect(few.status).toContain(`in ${groups} commentaries`);
			expect(few.groups.filter((heading) => heading !== 'Pages').length).toBe(groups);
		});
	});

	it('should read "article 4", "Art. 4", "Art.4", "art 4" as Article 4', async () => {
		await openSearch('/search/', async (page) => {
			const reference = sentenceCount((await searchAll(page, ['Article 4']))[0]!.status);
			expect(reference).toBeGreaterThan(0);
			const variants = ['article 4', 'Art. 4', 'Art.4', 'art 4', 'ARTICLE 4'];
			const found = await searchAll(page, variants);
			for (const [index, variant] of variants.entries()) {
				const results = found[index]!;
				expect(results.links[0], variant).toBe('/articles/4/');
				expect(sentenceCount(results.status), variant).toBe(reference);
			}
			// A sentence citing it by subject only ("a mutual defence pact") is found too.
			const bySubject = await page.locator('.search-sentence', { hasText: 'mutual defense pact' }).count();
			expect(bySubject).toBeGreaterThan(0);
		});
	});

	// Two halves of the registry, searched side by side.
	const halves = [actors.slice(0, Math.ceil(actors.length / 2)), actors.slice(Math.ceil(actors.length / 2))];
	it.for(halves.map((half, index) => [index + 1, half] as const))(
		'should bring each actor’s page into the top three by its name and two aliases, with the sentences naming it (part %i)',
		async ([, half]) => {
			await openSearch('/search/', async (page) => {
				const queries = half.flatMap((actor) => [actor.name, ...actor.aliases].map((query) => ({ actor, query })));
				const results = await searchAll(page, queries.map(({ query }) => query));
				queries.forEach(({ actor, query }, index) => {
					const result = results[index]!;
					expect(result.links.slice(0, 3), `${query} → ${actor.id}`).toContain(`/actors/${actor.id}/`);
					if (query === actor.name) expect(sentenceCount(result.status), `${query}: ${result.status}`).toBe(passagesOn(`actors/${actor.id}`).size);
				});
			});
		},
	);

	it('should read the forms the issue names: a hyphenated name, an acronym, a metonym, a misspelling', async () => {
		await openSearch('/search/', async (page) => {
			const named = [
				['Kim Jong-un', 'kim-jong-un'],
				['Kim Jong Un', 'kim-jong-un'],
				['DPRK', 'north-korea'],
				['the Kremlin', 'russia'],
				['Jack Sullivan', 'jake-sullivan'],
			] as const;
			const found = await searchAll(page, named.map(([query]) => query));
			for (const [index, [query, id]] of named.entries()) {
				const results = found[index]!;
				expect(results.links.slice(0, 3), query).toContain(`/actors/${id}/`);
				expect(sentenceCount(results.status), query).toBe(passagesOn(`actors/${id}`).size);
			}
		});
	});

	it('should find a phrase and a stemmed word, marking only the hits (nothing but text and <mark>)', async () => {
		await openSearch('/search/', async (page) => {
			const phrase = await search(page, 'scared struggle');
			expect(sentenceCount(phrase.status)).toBeGreaterThan(0);
			const first = page.locator('.search-sentence').first();
			expect(await first.textContent()).toContain('scared struggle');
			// Whole words are marked, the quotation marks around them left out.
			const words = await first.locator('mark').allTextContents();
			expect(words).toEqual(['scared', 'struggle']);

			const stemmed = await search(page, 'sanction');
			expect(sentenceCount(stemmed.status)).toBeGreaterThan(0);
			const marks = await page.locator('.search-sentence mark').allTextContents();
			expect(marks.map((mark) => mark.toLowerCase())).toContain('sanctions');
			// A sentence is text and <mark> only.
			const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('.search-sentence *')].map((element) => element.tagName))]);
			expect(tags).toEqual(['MARK']);
		});
	});

	it('should read an article’s subject in any registered phrase, spelling or number, and find every sentence about it', async () => {
		await openSearch('/search/', async (page) => {
			const about4 = new Set([...passagesOn('articles/4'), ...reattributedTo(4)]);
			// Lankov's sentences saying "mutual defense" (US spelling), whatever they are about.
			const lankov = readFileSync(join(distDir, 'commentaries', 'lankov-nbr-interview', 'index.html'), 'utf8');
			const mutualDefense = new Set(
				lankov
					.split('data-claim="" id="')
					.slice(1)
					.map((part) => ({ id: part.slice(0, 12), text: part.slice(0, part.indexOf('class="claim-link"')).replace(/<[^>]+>/g, '') }))
					.filter((claim) => /mutual defense/i.test(claim.text))
					.map((claim) => claim.id),
			);
			expect(mutualDefense.size).toBe(4);
			const queries = ['mutual defence', 'mutual defense', 'Mutual Defence Pacts', 'the mutual assistance clause', 'Article IV', 'art. iv'];
			const found = await searchAll(page, queries);
			for (const [index, query] of queries.entries()) {
				const results = found[index]!;
				expect(results.links[0], query).toBe('/articles/4/');
				for (const claim of about4) expect(results.claims, `${query}: ${claim}`).toContain(claim);
			}
			for (const claim of mutualDefense) {
				expect(found[0]!.claims, `mutual defence: ${claim}`).toContain(claim);
				expect(found[1]!.claims, `mutual defense: ${claim}`).toContain(claim);
			}
			expect(sentenceCount(found[4]!.status)).toBe(about4.size);
		});
	});

	it('should list a sentence an editor’s note re-attributes under the right article, marked as such', async () => {
		const moved = reattributedTo(4);
		expect(moved.size).toBeGreaterThan(0);
		await openSearch('/search/?q=Article+4', async (page) => {
			await shown(page);
			const results = await showAll(page);
			for (const claim of moved) {
				expect(results.claims).toContain(claim);
				const item = await page.evaluate((id) => {
					const hit = document.querySelector(`.search-groups a[href$="#${id}"]`)?.closest('.search-hit');
					return {
						html: hit?.outerHTML.slice(0, 300),
						reattributed: hit?.getAttribute('data-reattributed'),
						sentence: hit?.querySelector('.search-sentence')?.textContent,
						note: hit?.querySelector('.search-hit-note')?.textContent,
					};
				}, claim);
				expect(item.reattributed, item.html).toBe('4');
				expect(item.sentence).toContain('Article 8');
				expect(item.note).toMatch(/Re-attributed.*editor’s note.*Article 4/);
			}
			// Under Article 8, which it cites, it is listed without the mark.
			const [eight] = await searchAll(page, ['Article 8']);
			for (const claim of moved) expect(eight!.claims).toContain(claim);
			expect(await page.locator('.search-hit[data-reattributed]').count()).toBe(0);
		});
	});

	it('should offer “Did you mean” for a misspelt name or word, and search it when chosen', async () => {
		await openSearch('/search/', async (page) => {
			const wrong = await search(page, 'Pyongang');
			expect(wrong.status).toBe('No results. Did you mean Pyongyang?');
			const offer = page.locator('.search-suggestion a');
			expect(await offer.textContent()).toBe('Pyongyang');
			await offer.click();
			const right = await shown(page);
			expect(new URL(page.url()).searchParams.get('q')).toBe('Pyongyang');
			expect(sentenceCount(right.status)).toBeGreaterThan(0);
			const misspelt = await search(page, 'mutual defnce');
			expect(misspelt.status).toMatch(/^No results\./);
			expect(await page.locator('.search-suggestion a').textContent()).toBe('mutual defence');
		});
	});

	it('should keep page snippets clean: table cells, items and headings never run together', async () => {
		await openSearch('/search/', async (page) => {
			const queries = ['Roy', 'Bhadrakumar', 'Lankov', 'commentary', 'subject', 'Sharma', 'mutual', 'labour', 'summit'];
			for (const query of queries) {
				await search(page, query);
				const pages = await page.evaluate(() =>
					[...document.querySelectorAll('.search-hit-page')].map((item) => ({
						href: item.querySelector('a')?.getAttribute('href') ?? '',
						snippet: item.querySelector('.search-hit-detail')?.textContent ?? '',
					})),
				);
				for (const { href, snippet } of pages) {
					if (!snippet) continue;
					const html = readFileSync(join(distDir, href, 'index.html'), 'utf8');
					// Each pair of neighbouring cells, items or blocks of the page, as text joined without a space.
					const texts = [...html.matchAll(/<(td|th|li|h[1-6]|p)\b[^>]*>(.*?)<\/\1>/gs)].map((match) => match[2]!.replace(/<[^>]+>/g, '').trim());
					for (let at = 1; at < texts.length; at++) {
						const [a, b] = [texts[at - 1]!, texts[at]!];
						if (!a || !b || /\s$/.test(a)) continue;
						const joined = `${a.split(/\s+/).at(-1)}${b.split(/\s+/)[0]}`;
						expect(snippet, `${query} → ${href}`).not.toContain(joined);
					}
				}
			}
		});
	});

	it('should make results easy to scan: the sentence marked, a short link label, context on request, no empty filter options', async () => {
		await openSearch('/search/', async (page) => {
			await search(page, 'sanctions');
			const hits = await page.evaluate(() =>
				[...document.querySelectorAll('.search-groups .search-hit')].map((item) => ({
					label: item.querySelector('a.search-hit-link')?.textContent ?? '',
					sentenceInLink: item.querySelector('a .search-sentence, .search-sentence a') !== null,
					marks: item.querySelectorAll('.search-sentence mark').length,
					context: item.querySelector('details.search-context summary')?.textContent ?? null,
				})),
			);
			expect(hits.length).toBeGreaterThan(3);
			for (const hit of hits) {
				expect(hit.label).toMatch(/^.+, (?:para\.|heading) \d+, sentence \d+$/);
				expect(hit.label.length).toBeLessThan(70);
				expect(hit.sentenceInLink).toBe(false);
				expect(hit.marks).toBeGreaterThan(0);
			}
			expect(hits.some((hit) => hit.context === 'Context')).toBe(true);
			const context = page.locator('details.search-context').first();
			expect(await context.locator('p').isVisible()).toBe(false);
			await context.locator('summary').click();
			expect(await context.locator('p').isVisible()).toBe(true);
			expect(await context.locator('p strong').count()).toBe(1);

			await page.click('.search-narrow summary');
			await page.waitForFunction(() => document.querySelectorAll('#search-filter-actor option').length > 1);
			await shown(page);
			const options = await page.locator('.search-filters option').allTextContents();
			const counted = options.filter((option) => option !== 'Any');
			expect(counted.length).toBeGreaterThan(0);
			for (const option of counted) expect(Number(/\((\d+)\)$/.exec(option)?.[1]), option).toBeGreaterThan(0);
		});
	});

	it('should give each search its own history entry while typing: Back returns to the previous search, not off the page', async () => {
		await site.open('/timeline/', async (page) => {
			await page.goto(site.url('/search/'));
			await page.waitForSelector('html[data-search-ready]');
			await page.focus('#search-input');
			await page.keyboard.type('sanctions', { delay: 20 });
			await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'sanctions');
			const first = await shown(page);
			// A new search typed over the old one (select all, type).
			await page.keyboard.press('Control+a');
			await page.keyboard.type('labour', { delay: 20 });
			await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'labour');
			await shown(page);
			await page.goBack();
			await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'sanctions');
			const back = await shown(page);
			expect(back.status).toBe(first.status);
			expect(await page.inputValue('#search-input')).toBe('sanctions');
			await page.goBack();
			await page.waitForURL((url) => url.pathname === '/search/' && url.search === '');
			await page.goBack();
			await page.waitForURL((url) => url.pathname === '/timeline/');
		});
	});

	it('should search by filters alone and combined, with counts, the address holding them and Back restoring them', async () => {
		await openSearch('/search/?article=16', async (page) => {
			const only = await showAll(page);
			const cited = passagesOn('articles/16');
			expect(cited.size).toBeGreaterThan(0);
			expect(new Set(only.claims)).toEqual(cited);
			expect(await page.inputValue('#search-filter-article')).toBe('16');
			// Counts are of commentaries (the index's records).
			const option = await page.locator('#search-filter-article option:checked').textContent();
			expect(option).toBe(`Article 16 (${only.groups.length})`);
		});
		await openSearch('/search/', async (page) => {
			const all = await search(page, 'sanctions');
			// The filters are folded away until asked for (or until the address names one).
			expect(await page.isVisible('#search-filter-commentary')).toBe(false);
			await page.click('.search-narrow summary');
			await page.selectOption('#search-filter-commentary', 'roy-kim-putin-vostochny-summit');
			expect(new URL(page.url()).searchParams.get('commentary')).toBe('roy-kim-putin-vostochny-summit');
			const one = await shown(page);
			expect(one.groups).toEqual(['Kim Jong Un’s Visit to Russia and the Vostochny Summit']);
			expect(sentenceCount(one.status)).toBeLessThan(sentenceCount(all.status));
			await page.selectOption('#search-filter-actor', 'united-states');
			const both = await shown(page);
			expect(new URL(page.url()).searchParams.get('actor')).toBe('united-states');
			expect(sentenceCount(both.status)).toBeLessThanOrEqual(sentenceCount(one.status));
			const named = passagesOn('actors/united-states');
			for (const claim of both.claims) expect(named.has(claim), claim).toBe(true);
			await page.goBack();
			const back = await shown(page);
			expect(new URL(page.url()).searchParams.get('actor')).toBeNull();
			expect(await page.inputValue('#search-filter-actor')).toBe('');
			expect(back.status).toBe(one.status);
		});
	});

	it('should list the sentences of a search by filters alone in reading order', async () => {
		await openSearch('/search/?actor=russia', async (page) => {
			await shown(page);
			const all = await showAll(page);
			expect(all.links.length).toBe(passagesOn('actors/russia').size);
			// Batches that find a commentary again each give it a group: every heading still has an id of its own.
			const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
			expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
			const groups = await page.locator('.search-group').evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-labelledby')));
			expect(new Set(groups).size).toBe(groups.length);
			// Every commentary's claim ids in the order its reading page has them, commentaries in corpus order.
			const corpus = [...readFileSync(join(distDir, 'commentaries', 'index.html'), 'utf8').matchAll(/href="\/commentaries\/([a-z0-9-]+)\/"/g)].map((match) => match[1]!);
			const order = [...new Set(corpus)].flatMap((slug) =>
				[...readFileSync(join(distDir, 'commentaries', slug, 'index.html'), 'utf8').matchAll(/data-claim="" id="(c-[0-9a-f]{10})"/g)].map((match) => match[1]!),
			);
			const positions = all.claims.map((claim) => order.indexOf(claim));
			expect(all.links.length).toBeGreaterThan(0);
			expect(positions.every((position) => position >= 0)).toBe(true);
			expect(positions).toEqual([...positions].sort((a, b) => a - b));
		});
	});

	it('should move through results with the arrow keys, leave them with Escape and announce the count politely', async () => {
		await openSearch('/search/?q=sanctions', async (page) => {
			await shown(page);
			expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
			expect(await page.locator('label[for="search-input"]').textContent()).toBe('Search the commentaries');
			await page.focus('#search-input');
			await page.keyboard.press('ArrowDown');
			const firstHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
			await page.keyboard.press('ArrowDown');
			const secondHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
			expect(secondHref).not.toBe(firstHref);
			await page.keyboard.press('ArrowUp');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstHref);
			await page.keyboard.press('Escape');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.pathname + url.search + url.hash === firstHref);
		});
	});

	it('should follow a result to its sentence, highlighted, focused, with the searched word marked', async () => {
		await openSearch('/search/?q=sanction', async (page) => {
			await shown(page);
			const link = page.locator('.search-groups a.search-hit-link').first();
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^\/commentaries\/[\w-]+\/\?mark=[^#]+#c-[0-9a-f]{10}$/);
			await link.click();
			await page.waitForURL((url) => url.pathname.startsWith('/commentaries/'));
			const id = new URL(page.url()).hash.slice(1);
			const state = await page.evaluate((claimId) => {
				const claim = document.getElementById(claimId)!;
				return {
					targeted: claim.matches(':target'),
					focused: document.activeElement === claim,
					marks: [...claim.querySelectorAll('mark.search-hit')].map((mark) => mark.textContent),
				};
			}, id);
			expect(state.targeted).toBe(true);
			expect(state.focused).toBe(true);
			expect(state.marks.map((mark) => mark?.toLowerCase())).toContain('sanctions');
		});
	});

	it('should request nothing under /pagefind/ on a reading page until search is opened, by "/" or Ctrl-K or the header', async () => {
		await site.open('/commentaries/lankov-nbr-interview/', async (page, report) => {
			const requests: string[] = [];
			page.on('request', (request) => requests.push(new URL(request.url()).pathname));
			await page.waitForLoadState('networkidle');
			await page.mouse.move(200, 300);
			await page.keyboard.press('Tab');
			expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
			expect(await page.locator('.site-search').getAttribute('href')).toBe('/search/');
			// The shortcut opens a search field in the page at once: every key typed after it lands there.
			await page.keyboard.press('/');
			await page.keyboard.type('sanctions');
			expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
			expect(await page.inputValue('dialog.search-dialog input')).toBe('sanctions');
			expect(await axeBothSchemes(page, 'search dialog')).toEqual([]);
			await page.keyboard.press('Enter');
			await page.waitForURL('**/search/?q=sanctions');
			await page.waitForSelector('html[data-search-ready]');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
			expect(await page.inputValue('#search-input')).toBe('sanctions');
			expect(sentenceCount((await shown(page)).status)).toBeGreaterThan(0);
			expect(requests).toContain('/pagefind/pagefind.js');
			expect(report.consoleErrors).toEqual([]);
		});
		await site.open('/articles/', async (page) => {
			await page.keyboard.press('Control+k');
			await page.keyboard.type('Article 4');
			await page.keyboard.press('Enter');
			await page.waitForURL('**/search/?q=Article+4');
			await page.waitForSelector('html[data-search-ready]');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
			expect((await shown(page)).links[0]).toBe('/articles/4/');
			// On the search page the shortcut returns to the field.
			await page.fill('#search-input', 'Putin');
			await page.locator('h1').click();
			await page.keyboard.press('/');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
		});
		await site.open('/timeline/', async (page) => {
			await page.click('.site-search');
			await page.waitForURL('**/search/');
			await page.waitForSelector('html[data-search-ready]');
		});
	});

	it('should say so, and link the indexes, without JavaScript; and say so when the index cannot load', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(site.url('/search/'));
			expect(await page.isVisible('[data-search-nojs]')).toBe(true);
			expect(await page.isVisible('#search-input')).toBe(false);
			expect(await page.locator('[data-search-nojs] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
				'/articles/',
				'/actors/',
			]);
		} finally {
			await context.close();
		}
		const broken = await site.browser.newContext();
		try {
			const page = await broken.newPage();
			await page.addInitScript(reportPolicyViolations);
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error' && message.text().includes('Content-Security-Policy')) errors.push(message.text());
			});
			await page.route('**/pagefind/**', (route) => route.abort());
			await page.goto(site.url('/search/?q=sanctions'));
			await page.waitForSelector('[data-search-error]:not([hidden])');
			expect(await page.textContent('[data-search-error]')).toContain('could not be loaded');
			expect(errors).toEqual([]);
		} finally {
			await broken.close();
		}
	});

	it('should have no axe violations with results and filters shown, light and dark, 1280 and 360 px', async () => {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 360, height: 740 },
		]) {
			const found = await openSearch(
				'/search/?q=sanctions&year=2024',
				async (page) => {
					await shown(page);
					expect(await page.locator('.search-sentence').count()).toBeGreaterThan(0);
					const lines = await axeBothSchemes(page, `search ${viewport.width}px`);
					const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
					expect(overflow, `horizontal scroll at ${viewport.width}px`).toBe(false);
					return lines;
				},
				{ viewport },
			);
			expect(found).toEqual([]);
		}
	});
});
