/**
 * What a share card weighs: every live sentence of the permalink ledger,
 * drawn with its commentary's credit and outlet as its share page asks for
 * it. Cards are most of `dist/` per sentence, so the median is held to a
 * budget, and no card passes the cap the built site is checked against.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, drawShareCard } from '../../src/features/cards/share-card-image.ts';
import type { ShareCard } from '../../src/features/cards/share-card.ts';
import { parseFrontmatter } from '../../src/loaders/frontmatter.ts';
import { creditLine, type Contributor } from '../../src/utils/credit.ts';
import { formatPublished } from '../../src/utils/format-date.ts';

const root = new URL('../../', import.meta.url);
/** The median card's budget, bytes (the site's median card is about 9.5 KB at 1000 × 525). */
const MEDIAN_BUDGET = 10 * 1024;

/** A commentary's card frame: credit and outlet line, as its share pages set them (`By ` left off). */
function frameOf(slug: string): Omit<ShareCard, 'quote'> {
	const file = `content/commentaries/${slug}.md`;
	const { value } = parseFrontmatter(readFileSync(new URL(file, root), 'utf8'), file);
	const data = value as { authors: (Omit<Contributor, 'role'> & Partial<Pick<Contributor, 'role'>>)[]; outlet: string; published: Parameters<typeof formatPublished>[0] };
	return {
		credit: creditLine(data.authors.map((author): Contributor => ({ role: 'author', ...author }))).replace(/^By /, ''),
		source: `${data.outlet}, ${formatPublished(data.published)}`,
		site: 'Treaty Reader',
	};
}

describe('share card size', { timeout: 60_000 }, () => {
	const ledger = JSON.parse(readFileSync(new URL('content/claims-ledger.json', root), 'utf8')) as { claims: Record<string, { status: string; text?: string; commentary?: string }> };
	const frames = new Map<string, Omit<ShareCard, 'quote'>>();
	const cards = Object.values(ledger.claims)
		.filter((claim) => claim.status === 'live' && claim.text && claim.commentary)
		.map((claim) => {
			const slug = claim.commentary!;
			if (!frames.has(slug)) frames.set(slug, frameOf(slug));
			return { quote: claim.text!, ...frames.get(slug)! };
		});
	const sizes = cards.map((card) => drawShareCard(card).length).sort((a, b) => a - b);

	it('should draw the cards of the site’s sentences', () => {
		expect(cards.length).toBeGreaterThan(100);
	});

	it(`should keep the median card within ${MEDIAN_BUDGET / 1024} KB`, () => {
		expect(sizes[sizes.length >> 1]).toBeLessThanOrEqual(MEDIAN_BUDGET);
	});

	it('should keep every card under the cap', () => {
		expect(sizes.at(-1)).toBeLessThanOrEqual(CARD_MAX_BYTES);
	});

});
