/**
 * Compare pair pages published once keep resolving when the build stops
 * writing them: a renamed commentary's pairs lead to its new pairs, and past
 * the pair-page threshold every published pair leads to the script-built
 * view of the same two commentaries.
 */
import { describe, expect, it } from 'vitest';
import { PAIR_PAGE_LIMIT, pairId } from '../../src/features/compare/model.ts';
import { publishedPairRedirects } from '../../src/integrations/rename-redirects.ts';

const slugs = (count: number) => Array.from({ length: count }, (_, index) => `piece-${String(index + 1).padStart(2, '0')}`);

describe('publishedPairRedirects', () => {
	it('should write nothing for the pairs the build writes', () => {
		const five = slugs(5);
		expect(publishedPairRedirects([pairId(five[0]!, five[1]!), pairId(five[3]!, five[4]!)], five, new Map())).toEqual({});
	});

	it('should lead the pairs of a renamed commentary, through a chain of renames, to its new pairs', () => {
		const now = ['piece-a', 'piece-c', 'piece-x'];
		const renames = new Map([
			['piece-old', 'piece-b'],
			['piece-b', 'piece-c'],
		]);
		expect(publishedPairRedirects([pairId('piece-a', 'piece-old'), pairId('piece-b', 'piece-x'), pairId('piece-a', 'piece-x')], now, renames)).toEqual({
			'/compare/piece-a--piece-old/': '/compare/piece-a--piece-c/',
			'/compare/piece-b--piece-x/': '/compare/piece-c--piece-x/',
		});
	});

	it('should lead every published pair to the script-built view once the corpus outgrows the pair pages', () => {
		const grown = slugs(PAIR_PAGE_LIMIT + 1);
		const published = [pairId(grown[0]!, grown[1]!), pairId(grown[2]!, grown[5]!)];
		expect(publishedPairRedirects(published, grown, new Map())).toEqual({
			'/compare/piece-01--piece-02/': '/compare/?c=piece-01,piece-02',
			'/compare/piece-03--piece-06/': '/compare/?c=piece-03,piece-06',
		});
	});

	it('should lead a pair of two commentaries renamed into one to that commentary', () => {
		expect(publishedPairRedirects([pairId('piece-a', 'piece-b')], ['piece-b', 'piece-x'], new Map([['piece-a', 'piece-b']]))).toEqual({
			'/compare/piece-a--piece-b/': '/commentaries/piece-b/',
		});
	});
});
