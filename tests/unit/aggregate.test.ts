import { describe, expect, it } from 'vitest';
import {
	coMentionedActors,
	coMentions,
	articleCitations,
	citationsByArticle,
	claimSections,
	countClaims,
	datesMentioned,
	mentionedEntities,
	overviewOf,
	passagesByRef,
	passagesFor,
	totalClaims,
	type CommentaryClaims,
} from '../../src/corpus/aggregate';
import type { Claim, Mention } from '../../src/schemas/corpus';

/** A claim in a paragraph, its mentions located in its text in order (offsets as the pipeline records them). */
function claim(fields: { id: string; text: string; mentions: Array<Omit<Mention, 'start' | 'end'>> }): Claim {
	let from = 0;
	const mentions = fields.mentions.map((mention) => {
		const start = fields.text.indexOf(mention.text, from);
		from = start + mention.text.length;
		return { ...mention, start, end: from };
	});
	return { ...fields, block: 'p', blockIndex: 0, index: 0, mentions };
}

const corpus: CommentaryClaims[] = [
	{
		slug: 'a',
		claims: [
			claim({
				id: 'c-1',
				text: 'Russia and North Korea signed Article 4 on June 19.',
				mentions: [
					{ kind: 'actor', ref: 'russia', text: 'Russia' },
					{ kind: 'actor', ref: 'north-korea', text: 'North Korea' },
					{ kind: 'article', ref: '4', text: 'Article 4' },
					{ kind: 'date', ref: '2024-06-19', text: 'June 19', inferred: true },
				],
			}),
			claim({
				id: 'c-2',
				text: 'A mutual defence pact binds Russia; Russia agrees.',
				mentions: [
					{ kind: 'article', ref: '4', text: 'mutual defence pact', implicit: true },
					{ kind: 'actor', ref: 'russia', text: 'Russia' },
					{ kind: 'actor', ref: 'russia', text: 'Russia' },
				],
			}),
		],
	},
	{
		slug: 'b',
		claims: [
			claim({
				id: 'c-3',
				text: 'In 1961 China and Russia …; on 19 June 2024 …',
				mentions: [
					{ kind: 'date', ref: '1961', text: '1961' },
					{ kind: 'actor', ref: 'china', text: 'China' },
					{ kind: 'actor', ref: 'russia', text: 'Russia' },
					{ kind: 'date', ref: '2024-06-19', text: '19 June 2024' },
				],
			}),
		],
	},
];

describe('aggregate', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/corpus/aggregate')).sort()).toEqual([
			'articleCitations',
			'citationsByArticle',
			'claimSections',
			'coMentionedActors',
			'coMentions',
			'countClaims',
			'datesMentioned',
			'mentionedEntities',
			'overviewOf',
			'passagesByRef',
			'passagesFor',
			'totalClaims',
		]);
	});

	it('should list passages per commentary, keeping commentaries with none', () => {
		const result = passagesFor(corpus, 'article', '4');
		expect(result.map((r) => [r.slug, r.passages.map((p) => p.claim.id)])).toEqual([
			['a', ['c-1', 'c-2']],
			['b', []],
		]);
	});

	it('should list a claim once even when it mentions the ref twice', () => {
		const [a] = passagesFor(corpus, 'actor', 'russia');
		expect(a?.passages.map((p) => [p.claim.id, p.mentions.length])).toEqual([
			['c-1', 1],
			['c-2', 2],
		]);
	});

	it('should count sentences citing by number and only by subject separately', () => {
		const counts = countClaims(corpus, 'article');
		expect(counts.get('4')?.get('a')).toEqual({ explicit: 1, implicit: 1 });
		expect(counts.get('4')?.get('b')).toBeUndefined();
		expect(totalClaims(counts.get('4'))).toBe(2);
		expect(totalClaims(counts.get('5'))).toBe(0);
	});

	it('should count a sentence once however often it names the ref, as every page does', () => {
		// c-2 names Russia twice: one sentence, as on the actor's page.
		const counts = countClaims(corpus, 'actor');
		expect(counts.get('russia')?.get('a')).toEqual({ explicit: 2, implicit: 0 });
		expect(totalClaims(counts.get('russia'))).toBe(passagesFor(corpus, 'actor', 'russia').reduce((sum, group) => sum + group.passages.length, 0));
		// A sentence citing an article by number and by subject is one citation by number, on the index and the article page alike.
		const twice = [{ slug: 'x', claims: [{ ...corpus[0]!.claims[0]!, mentions: [{ kind: 'article', ref: '7', text: 'Article 7', start: 0, end: 9 }, { kind: 'article', ref: '7', text: 'pact', start: 10, end: 14, implicit: true }] }] }] as typeof corpus;
		expect(countClaims(twice, 'article').get('7')?.get('x')).toEqual({ explicit: 1, implicit: 0 });
		expect(articleCitations(twice, 7).total).toBe(1);
	});

	it('should rank co-mentioned actors by shared sentences, ties by id', () => {
		expect(coMentionedActors(corpus, 'russia')).toEqual([
			{ id: 'china', claims: 1 },
			{ id: 'north-korea', claims: 1 },
		]);
		expect(coMentionedActors(corpus, 'nobody')).toEqual([]);
	});

	it('should order dates and mark a date inferred only when every mention is inferred', () => {
		const dates = datesMentioned(corpus);
		expect(dates.map((d) => [d.ref, d.inferred, d.passages.length])).toEqual([
			['1961', false, 1],
			['2024-06-19', false, 2],
		]);
		const onlyInferred = datesMentioned([{ slug: 'a', claims: corpus[0]!.claims }]);
		expect(onlyInferred.find((d) => d.ref === '2024-06-19')?.inferred).toBe(true);
	});

	it('should summarise what one commentary discusses', () => {
		const overview = overviewOf(corpus[0]!, 1);
		expect(overview.articles).toEqual([{ ref: '4', byNumber: 1, bySubject: 1 }]);
		// Russia is named in two sentences (three times); North Korea in one.
		expect(overview.actors).toEqual([{ ref: 'russia', sentences: 2 }]);
		expect(overview.claims).toBe(2);
		expect(overviewOf(corpus[1]!).articles).toEqual([]);
	});

	it('should split an article’s citations by number and by subject, leaving out commentaries without any', () => {
		const citations = articleCitations(corpus, 4);
		expect(citations.byNumber.map((group) => [group.slug, group.passages.map((p) => p.claim.id)])).toEqual([['a', ['c-1']]]);
		expect(citations.bySubject.map((group) => [group.slug, group.passages.map((p) => p.claim.id)])).toEqual([['a', ['c-2']]]);
		expect(citations.total).toBe(2);
		expect(citations.commentaries).toBe(1);
		expect(articleCitations(corpus, 9)).toEqual({ byNumber: [], bySubject: [], total: 0, commentaries: 0 });
	});

	it('should group claims into runs under one heading, the bio apart', () => {
		const base = corpus[0]!.claims[0]!;
		const claims = [
			{ ...base, id: 'c-a' },
			{ ...base, id: 'c-b', section: 'Limits' },
			{ ...base, id: 'c-c', section: 'Limits' },
			{ ...base, id: 'c-d', section: 'Limits', container: 'bio' },
		];
		expect(claimSections(claims).map((section) => [section.title, section.claims.map((claim) => claim.id)])).toEqual([
			[undefined, ['c-a']],
			['Limits', ['c-b', 'c-c']],
			['About the author', ['c-d']],
		]);
	});

	it('should name a claim’s entities by the registry, once each, without dates', () => {
		const mentions: Mention[] = [
			{ kind: 'actor', ref: 'japan', text: 'Japan’s', start: 0, end: 7 },
			{ kind: 'article', ref: '4', text: 'mutual defence pact', start: 10, end: 29, implicit: true },
			{ kind: 'actor', ref: 'china', text: 'Beijing’s', start: 30, end: 39, form: 'metonym' },
			{ kind: 'date', ref: '2024-06-19', text: 'June 19', start: 40, end: 47 },
			{ kind: 'actor', ref: 'japan', text: 'Tokyo', start: 50, end: 55 },
		];
		expect(mentionedEntities(mentions, new Map([['japan', 'Japan'], ['china', 'China']]))).toEqual([
			{ kind: 'actor', ref: 'japan', name: 'Japan' },
			{ kind: 'article', ref: '4', name: 'Article 4' },
			{ kind: 'actor', ref: 'china', name: 'China' },
		]);
	});
});

describe('every topic at once', () => {
	it('should give every ref’s passages, co-mentions and citations as the one-ref functions give them', () => {
		for (const kind of ['article', 'actor', 'date'] as const) {
			const byRef = passagesByRef(corpus, kind);
			const refs = [...new Set(corpus.flatMap(({ claims }) => claims.flatMap((c) => c.mentions.filter((m) => m.kind === kind).map((m) => m.ref))))];
			expect([...byRef.keys()].sort()).toEqual(refs.sort());
			for (const ref of refs) expect(byRef.get(ref), ref).toEqual(passagesFor(corpus, kind, ref));
		}
		expect(passagesFor(corpus, 'actor', 'nobody')).toEqual([
			{ slug: 'a', passages: [] },
			{ slug: 'b', passages: [] },
		]);
		expect(coMentions(corpus).get('russia')).toEqual(coMentionedActors(corpus, 'russia'));
		expect(coMentionedActors(corpus, 'russia')).toEqual([
			{ id: 'china', claims: 1 },
			{ id: 'north-korea', claims: 1 },
		]);
		expect(citationsByArticle(corpus).get('4')).toEqual(articleCitations(corpus, 4));
		expect(articleCitations(corpus, 4).byNumber.map((group) => group.passages.map((p) => p.claim.id))).toEqual([['c-1']]);
		expect(articleCitations(corpus, 99)).toEqual({ byNumber: [], bySubject: [], total: 0, commentaries: 0 });
	});

	it('should read each sentence’s mentions a fixed number of times for all the actors and articles, not once per actor or article', () => {
		let reads = 0;
		/** One long commentary: 2,000 sentences naming 60 actors and 23 articles between them. */
		const long: CommentaryClaims = {
			slug: 'long',
			claims: Array.from({ length: 2_000 }, (_, index) => {
				const mentions: Mention[] = [
					{ kind: 'actor', ref: `actor-${index % 60}`, text: 'Russia', start: 0, end: 6 },
					{ kind: 'actor', ref: `actor-${(index + 1) % 60}`, text: 'China', start: 11, end: 16 },
					{ kind: 'article', ref: String(1 + (index % 23)), text: 'Article 4', start: 24, end: 33 },
				];
				return {
					id: `c-${index}`,
					text: 'Russia and China under Article 4.',
					block: 'p',
					blockIndex: index,
					index,
					get mentions() {
						reads++;
						return mentions;
					},
				};
			}),
		};
		const actors = passagesByRef([long], 'actor');
		const together = coMentions([long]);
		const articles = citationsByArticle([long]);
		expect([actors.size, together.size, articles.size]).toEqual([60, 60, 23]);
		// Once per pass; a pass per actor and per article reads them about 250,000 times.
		expect(reads).toBeLessThanOrEqual(2_000 * 4);
	});
});

