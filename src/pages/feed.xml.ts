/** The feed of the commentaries (RSS 2.0, with its Atom self link and each item's authors), linked from every page's head. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCommentaries } from '../corpus/commentaries.ts';
import { FEED_NAMESPACES, feedChannelData, feedItems } from '../features/dataset/crawlers.ts';
import { routes } from '../utils/routes.ts';
import { SITE_NAME, SITE_TAGLINE } from '../utils/site.ts';

export const GET: APIRoute = async () =>
	rss({
		title: SITE_NAME,
		description: SITE_TAGLINE,
		site: routes.absolute(routes.home()),
		items: feedItems(await getCommentaries(), (slug) => routes.absolute(routes.commentary(slug))),
		xmlns: FEED_NAMESPACES,
		customData: feedChannelData(routes.absolute(routes.feed())),
		trailingSlash: true,
	});
