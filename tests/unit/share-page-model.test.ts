/**
 * What a share page says for each kind of id: a current sentence, an edited
 * sentence's old wording, a withdrawn sentence (src/features/sharing/share-page-model.ts).
 */
import { describe, expect, it } from 'vitest';
import { sharePageModel, sharePageRelated, type ShareCommentary, type ShareContext } from '../../src/features/sharing/share-page-model.ts';
import type { RelatedGroup } from '../../src/features/sharing/related-claims.ts';
import type { SharePage } from '../../src/features/sharing/share-pages.ts';
import type { Claim } from '../../src/schemas/corpus.ts';
import type { CitableWork, ClaimCitations } from '../../src/features/sharing/cite.ts';
import { createRoutes } from '../../src/utils/routes.ts';

const entry: ShareCommentary = {
	id: 'a-piece',
	data: {
		title: 'A piece',
		titleSupplied: true,
		authors: [{ name: 'Ann Writer', affiliation: 'Somewhere', role: 'author' }],
		outlet: 'An Outlet',
		published: { date: '2024-07-11', circa: false },
	},
};
const claim = (id: string, text: string, mentions: Claim['mentions'] = []): Claim => ({ id, text, block: 'p', blockIndex: 0, index: 0, mentions });
const sentence = claim('c-0000000001', 'Japan’s view of Article 4 matters to Japan and Moscow in 2024.', [
	{ kind: 'actor', ref: 'japan', text: 'Japan’s', start: 0, end: 7, form: 'name' },
	{ kind: 'article', ref: '4', text: 'Article 4', start: 16, end: 25 },
	{ kind: 'actor', ref: 'japan', text: 'Japan', start: 37, end: 42, form: 'name' },
	{ kind: 'actor', ref: 'russia', text: 'Moscow', start: 47, end: 53, form: 'metonym' },
	{ kind: 'date', ref: '2024', text: '2024', start: 57, end: 61 },
]);
const work: CitableWork = {
	slug: 'a-piece',
	title: 'A piece',
	titleSupplied: true,
	authors: entry.data.authors,
	outlet: 'An Outlet',
	published: entry.data.published,
	kind: 'analysis',
	citationType: 'webpage',
	originalUrl: null,
};
/** Another commentary's sentence on the same matter, for the sentence `c-0000000001` only. */
const otherView: RelatedGroup = {
	commentary: 'another-piece',
	credit: 'Bea Author',
	title: 'Another piece',
	claims: [{ id: 'c-0000000100', text: 'Article 4 binds both sides.', matters: [{ id: 'mutual-assistance', title: 'Mutual assistance' }], confirmed: false }],
};
const relatedTo = (id: string): RelatedGroup[] => (id === 'c-0000000001' ? [otherView] : []);
const context: ShareContext<ShareCommentary> = {
	routes: createRoutes('/', 'https://example.org'),
	actorNames: new Map([['japan', 'Japan'], ['russia', 'Russia']]),
	work: () => work,
	citations: (cited): ClaimCitations => ({ url: cited.id, apa: 'APA', chicago: 'Chicago', mla: 'MLA', bibtex: '', ris: '', csl: '' }),
	permalink: (slug, id) => `https://example.org/commentaries/${slug}/#${id}`,
	related: relatedTo,
};

describe('sharePageModel', () => {
	it('should quote a current sentence, link what it mentions once each by registry name, and cite it', () => {
		const page: SharePage<ShareCommentary> = { kind: 'live', claim: sentence, pinpoint: { block: 'para.', number: 1, sentence: 1 }, previous: undefined, next: undefined, entry };
		const model = sharePageModel(page, context);
		expect(model.id).toBe('c-0000000001');
		expect(model.head.title).toBe('Writer: “Japan’s view of Article 4 matters to Japan and Moscow in …”');
		expect(model.head.ogTitle).toBe('Ann Writer: [A piece]');
		expect(model.head.description).toBe(sentence.text);
		expect(model.head.canonical).toBe('/c/c-0000000001/');
		expect(model.head.image).toBe('/c/c-0000000001.png');
		expect(model.head).not.toHaveProperty('jsonLd');
		expect(model.crumb).toBe('One sentence');
		expect(model.quoteSource).toBe('https://example.org/commentaries/a-piece/#c-0000000001');
		expect(model.mentions).toEqual([
			{ href: '/actors/japan/', text: 'Japan', kind: 'actor' },
			{ href: '/articles/4/', text: 'Article 4', kind: 'article' },
			{ href: '/actors/russia/', text: 'Russia', kind: 'actor' },
		]);
		expect(model.citations?.url).toBe('c-0000000001');
		expect(model.related).toEqual([otherView]);
	});

	it('should show an edited sentence’s old wording and point its canonical at the new', () => {
		const successor = claim('c-0000000002', 'The new wording.');
		const model = sharePageModel({ kind: 'moved', id: 'c-0000000009', oldText: 'The old wording.', successor, entry }, context);
		expect(model.head.description).toBe('Edited since this link was made. It read: “The old wording.”');
		expect(model.head.canonical).toBe('/c/c-0000000002/');
		expect(model.shown).toBe('The old wording.');
		expect(model.crumb).toBe('An edited sentence');
		expect(model.quoteSource).toBe('https://example.org/commentaries/a-piece/#c-0000000009');
		expect(model.successorPermalink).toBe('https://example.org/commentaries/a-piece/#c-0000000002');
		expect(model.mentions).toEqual([]);
		expect(model.citations).toBeUndefined();
	});

	it('should print related claims on a current sentence’s page only (an old id’s page leads to the new wording’s)', () => {
		const live = { kind: 'live' as const, claim: sentence, pinpoint: { block: 'para.' as const, number: 1, sentence: 1 }, previous: undefined, next: undefined, entry };
		expect(sharePageRelated(live, relatedTo)).toEqual([otherView]);
		expect(sharePageRelated({ ...live, claim: claim('c-0000000003', 'Alone.') }, relatedTo)).toEqual([]);
		const moved = sharePageModel({ kind: 'moved', id: 'c-0000000001', oldText: 'The old wording.', successor: sentence, entry }, context);
		expect(moved.related).toEqual([]);
		expect(sharePageRelated({ kind: 'retired', id: 'c-0000000001', oldText: 'Gone.', reason: 'Withdrawn.', entry }, relatedTo)).toEqual([]);
	});

	it('should give a withdrawn sentence its reason and no quotation', () => {
		const model = sharePageModel({ kind: 'retired', id: 'c-0000000008', oldText: 'Gone.', reason: 'Not the author’s words.', entry }, context);
		expect(model.shown).toBeUndefined();
		expect(model.head.title).toBe('A withdrawn sentence from Writer');
		expect(model.head.description).toBe('A sentence withdrawn from “A piece”: Not the author’s words.');
		expect(model.head.imageAlt).toBe('Card: a sentence withdrawn from “A piece”, Ann Writer, An Outlet');
		expect(model.crumb).toBe('A withdrawn sentence');
	});
});
