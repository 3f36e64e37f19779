import { describe, expect, it } from 'vitest';
import { earliestDay, robotsTxt } from '../../src/features/dataset/crawlers';
import { inSitemap } from '../../src/features/dataset/sitemap-rule';
import { articleJsonLd, cardImage, editionPublisher, highwireMeta } from '../../src/features/sharing/scholarly-meta';
import { createRoutes } from '../../src/utils/routes';
import { CARD_SIZE, jsonLdText } from '../../src/utils/head-meta';
import type { CitableWork } from '../../src/features/sharing/cite';

const work: CitableWork = {
	slug: 'lankov',
	title: 'Russia–North Korea Rapprochement </script>',
	titleSupplied: false,
	authors: [
		{ name: 'Andrei Lankov', affiliation: 'Kookmin University', role: 'interviewee' },
		{ name: 'Andrew Pruden', affiliation: 'NBR', role: 'interviewer' },
	],
	outlet: 'NBR',
	published: { date: '2024-06', circa: true },
	kind: 'interview',
	citationType: 'webpage',
	originalUrl: null,
};

describe('sitemap rule', () => {
	it('should leave out share pages and the not-found page, under any base', () => {
		expect(inSitemap('https://x.example/c/c-0123456789/')).toBe(false);
		expect(inSitemap('https://x.example/reader/c/c-0123456789/')).toBe(false);
		expect(inSitemap('https://x.example/404/')).toBe(false);
		expect(inSitemap('https://x.example/commentaries/lankov/')).toBe(true);
	});

	it('should leave out the share pages’ frame, which the build fills and removes', () => {
		expect(inSitemap('https://x.example/c/frame/')).toBe(false);
		expect(inSitemap('https://x.example/reader/c/frame/')).toBe(false);
		expect(inSitemap('https://x.example/actors/frame/')).toBe(true);
		expect(inSitemap('https://x.example/')).toBe(true);
	});
});

describe('robots and feed', () => {
	it('should point robots.txt at the sitemap', () => {
		expect(robotsTxt('https://x.example/sitemap-index.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\n');
	});

	it('should date a partial date at its first day', () => {
		expect(earliestDay('2024-06').toISOString()).toBe('2024-06-01T00:00:00.000Z');
		expect(earliestDay('2024').toISOString()).toBe('2024-01-01T00:00:00.000Z');
		expect(earliestDay('2024-07-11').toISOString()).toBe('2024-07-11T00:00:00.000Z');
	});
});

describe('scholarly metadata', () => {
	it('should give Highwire tags with the authors only, no journal, and the item type for Zotero', () => {
		const tags = highwireMeta(work, 'https://x.example/commentaries/lankov/');
		// The interviewer is no author: Zotero would list every citation_author as one.
		expect(tags.filter((tag) => tag.name === 'citation_author').map((tag) => tag.content)).toEqual(['Andrei Lankov']);
		expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2024/06' });
		expect(tags).toContainEqual({ name: 'citation_public_url', content: 'https://x.example/commentaries/lankov/' });
		expect(tags).toContainEqual({ name: 'citation_publisher', content: 'NBR' });
		expect(tags).toContainEqual({ name: 'DC.type', content: 'interview' });
		expect(tags).toContainEqual({ name: 'prism.publicationName', content: 'NBR' });
		// citation_journal_title makes Zotero save any page as a journal article.
		expect(tags.map((tag) => tag.name)).not.toContain('citation_journal_title');
		const report = highwireMeta({ ...work, kind: 'commentary', citationType: 'report', authors: [work.authors[0]!] }, 'https://x.example/r/');
		expect(report).toContainEqual({ name: 'citation_technical_report_institution', content: 'NBR' });
		expect(report).toContainEqual({ name: 'DC.type', content: 'report' });
		expect(highwireMeta({ ...work, kind: 'op-ed', citationType: 'post-weblog' }, 'https://x.example/b/')).toContainEqual({ name: 'DC.type', content: 'blogPost' });
	});

	it('should write JSON-LD that parses back, cannot close its element, and has what Google’s Article wants', () => {
		const routes = createRoutes('/reader/', 'https://x.example');
		const value = articleJsonLd(work, 'https://x.example/reader/commentaries/lankov/', {
			quote: 'A sentence.',
			image: cardImage('https://x.example/reader/site-card.png'),
			publisher: editionPublisher(routes),
		});
		const text = jsonLdText(value);
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text)).toEqual(value);
		expect(value).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Article',
			genre: 'interview',
			author: [{ '@type': 'Person', name: 'Andrei Lankov' }],
			// The interviewer in their own role (schema.org's Role qualifies the contributor).
			contributor: [{ '@type': 'Role', roleName: 'interviewer', contributor: { '@type': 'Person', name: 'Andrew Pruden' } }],
			datePublished: '2024-06',
			image: [{ '@type': 'ImageObject', url: 'https://x.example/reader/site-card.png', ...CARD_SIZE }],
			publisher: {
				'@type': 'Organization',
				name: 'Treaty Reader',
				url: 'https://x.example/reader/',
				logo: { '@type': 'ImageObject', url: 'https://x.example/reader/logo.png', width: 512, height: 512 },
			},
			isBasedOn: { '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: 'NBR' } },
			hasPart: { '@type': 'Quotation', text: 'A sentence.' },
		});
		const blog = articleJsonLd({ ...work, kind: 'op-ed', citationType: 'post-weblog' }, 'https://x.example/b/', { image: cardImage('https://x.example/c.png'), publisher: editionPublisher(routes) });
		expect(blog['@type']).toBe('BlogPosting');
		expect(blog['contributor']).toBeDefined();
	});
});
