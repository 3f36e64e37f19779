/** Site-wide constants: names and navigation shown on every page. */
export const SITE_NAME = 'Treaty Reader';
export const SITE_TAGLINE = 'Five commentaries on the 2024 Russia–DPRK treaty, annotated';
export const TREATY_NAME = 'Treaty on Comprehensive Strategic Partnership';

export interface NavItem {
	href: string;
	label: string;
}

export const NAV: readonly NavItem[] = [
	{ href: '/commentaries/', label: 'Commentaries' },
	{ href: '/articles/', label: 'Articles' },
	{ href: '/actors/', label: 'Actors' },
	{ href: '/timeline/', label: 'Timeline' },
];
