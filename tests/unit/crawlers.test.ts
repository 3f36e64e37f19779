import { describe, expect, it } from 'vitest';
import { earliestDay, robotsTxt } from '../../src/features/dataset/crawlers';
import { inSitemap } from '../../src/features/dataset/sitemap-rule';
import { articleJsonLd, highwireMeta } from '../../src/features/sharing/scholarly-meta';
import { jsonLdText } from '../../src/utils/head-meta';
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
	it('should give Highwire tags, one citation_author per person', () => {
		const tags = highwireMeta(work, 'https://x.example/commentaries/lankov/');
		expect(tags.filter((tag) => tag.name === 'citation_author').map((tag) => tag.content)).toEqual(['Andrei Lankov', 'Andrew Pruden']);
		expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2024/06' });
		expect(tags).toContainEqual({ name: 'citation_public_url', content: 'https://x.example/commentaries/lankov/' });
		expect(tags).toContainEqual({ name: 'citation_publisher', content: 'NBR' });
	});

	it('should write JSON-LD that parses back and cannot close its element', () => {
		const value = articleJsonLd(work, 'https://x.example/commentaries/lankov/', { quote: 'A sentence.' });
		const text = jsonLdText(value);
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text)).toEqual(value);
		expect(value).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Article',
			author: [{ '@type': 'Person', name: 'Andrei Lankov' }],
			contributor: [{ '@type': 'Person', name: 'Andrew Pruden' }],
			datePublished: '2024-06',
			publisher: { '@type': 'Organization', name: 'NBR' },
			hasPart: { '@type': 'Quotation', text: 'A sentence.' },
		});
	});
});
