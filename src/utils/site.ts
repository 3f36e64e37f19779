/** Site-wide constants: names and navigation shown on every page. */
import { routes } from './routes.ts';
export const SITE_NAME = 'Treaty Reader';
export const SITE_TAGLINE = 'Five commentaries on the 2024 Russia–DPRK treaty, annotated';
export const TREATY_NAME = 'Treaty on Comprehensive Strategic Partnership';

export interface NavItem {
	href: string;
	label: string;
}

export const NAV: readonly NavItem[] = [
	{ href: routes.commentaries(), label: 'Commentaries' },
	{ href: routes.compare(), label: 'Compare' },
	{ href: routes.articles(), label: 'Articles' },
	{ href: routes.actors(), label: 'Actors' },
	{ href: routes.timeline(), label: 'Timeline' },
];
