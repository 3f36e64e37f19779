/**
 * What each card shows: a share page's card (the sentence, or a notice for a
 * withdrawn one) and the site card of pages without a card of their own.
 */
import type { SharePage } from '../sharing/data.ts';
import { creditLine } from '../../utils/credit.ts';
import { formatPublished } from '../../utils/format-date.ts';
import type { ShareCard } from './share-card.ts';
import { SITE_NAME, SITE_TAGLINE } from '../../utils/site.ts';

/** The card of a share page. */
export function shareCardOf(page: SharePage): ShareCard {
	const { data } = page.entry;
	const credit = creditLine(data.authors).replace(/^By /, '');
	const source = `${data.outlet}, ${formatPublished(data.published)}`;
	if (page.kind === 'live') return { quote: page.claim.text, credit, source, site: SITE_NAME };
	if (page.kind === 'moved') return { quote: page.oldText, credit, source: `${source} (since edited)`, site: SITE_NAME };
	return { quote: `A sentence withdrawn from “${data.title}”`, notice: true, credit, source, site: SITE_NAME };
}

/** The site card. */
export function siteCard(): ShareCard {
	return { quote: SITE_TAGLINE, notice: true, credit: 'Read side by side, every sentence citable', source: 'Russia–DPRK Treaty on Comprehensive Strategic Partnership, 19 June 2024', site: SITE_NAME };
}
