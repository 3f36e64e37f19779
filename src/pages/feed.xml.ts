/** The feed of the commentaries (RSS 2.0), linked from every page's head. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCommentaries } from '../lib/commentaries.ts';
import { feedItems } from '../lib/crawlers.ts';
import { routes } from '../lib/routes.ts';
import { SITE_NAME, SITE_TAGLINE } from '../site.ts';

export const GET: APIRoute = async () =>
	rss({
		title: SITE_NAME,
		description: SITE_TAGLINE,
		site: routes.absolute(routes.home()),
		items: feedItems(await getCommentaries(), (slug) => routes.absolute(routes.commentary(slug))),
		customData: '<language>en</language>',
		trailingSlash: true,
	});
