import { describe, expect, it } from 'vitest';
import { createRoutes, normaliseBase, sitePaths, timelineAnchor } from '../../src/utils/routes.ts';

describe('routes', () => {
	it.each([
		[undefined, '/'],
		['/', '/'],
		['/reader', '/reader/'],
		['reader/', '/reader/'],
	])('should normalise the base %s to %s', (base, expected) => {
		expect(normaliseBase(base)).toBe(expected);
	});

	it('should prefix every route with the base', () => {
		const routes = createRoutes('/reader');
		expect(routes.home()).toBe('/reader/');
		expect(routes.commentary('a b')).toBe('/reader/commentaries/a%20b/');
		expect(routes.claim('x', 'c-0123456789')).toBe('/reader/commentaries/x/#c-0123456789');
		expect(routes.share('c-0123456789')).toBe('/reader/c/c-0123456789/');
		expect(routes.shareCard('c-0123456789')).toBe('/reader/c/c-0123456789.png');
		expect(routes.article(4)).toBe('/reader/articles/4/');
		expect(routes.actor('russia')).toBe('/reader/actors/russia/');
		expect(routes.timelineDate('2023-09/..')).toBe('/reader/timeline/#d-2023-09_open');
		expect(routes.search({ q: 'Article 4', article: '4' })).toBe('/reader/search/?q=Article+4&article=4');
		expect(routes.search()).toBe('/reader/search/');
		expect(routes.withBase('/favicon.svg')).toBe('/reader/favicon.svg');
		expect(routes.dataFile('corpus.json')).toBe('/reader/data/corpus.json');
	});

	it('should map a mention to the page of what it refers to', () => {
		expect(sitePaths.entity('article', '4')).toBe('/articles/4/');
		expect(sitePaths.entity('actor', 'kim-jong-un')).toBe('/actors/kim-jong-un/');
		expect(sitePaths.entity('date', '1960/1988')).toBe('/timeline/#d-1960_1988');
	});

	it('should refuse to prefix what is not a root-relative path', () => {
		expect(() => sitePaths.withBase('https://example.org/')).toThrow(/not a root-relative path/);
		expect(() => sitePaths.withBase('//example.org/')).toThrow(/not a root-relative path/);
	});

	it('should name timeline anchors after the ISO value', () => {
		expect(timelineAnchor('2024-06-19')).toBe('d-2024-06-19');
		expect(timelineAnchor('2023-09/..')).toBe('d-2023-09_open');
	});
});
