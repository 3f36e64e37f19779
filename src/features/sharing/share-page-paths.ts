/**
 * The share pages' routes (`/c/<id>/`, src/pages/c/[id].astro). In a build,
 * the route renders one page only, the frame (`SHARE_FRAME_ID`, ./page-frame.ts), and hands the
 * integration every share page to fill into it (src/build/channel.ts,
 * ./share-page-files.ts): its address, its cache key and a function that
 * makes its parts. Where no build takes them (`astro dev`), every share page
 * is a path of the route, rendered from the same parts through the same frame.
 */
import { sendFilledPages, type FrameParts } from '../../build/channel.ts';
import { getActorNames } from '../../corpus/actors.ts';
import { routes } from '../../utils/routes.ts';
import { ACCESSED, citableCommentary, citationsOf, claimPermalink, getRelatedGroups, sharePageId, type SharePage } from './data.ts';
import { sharePageCacheKeys } from './page-cache-keys.ts';
import { frameMarker, SHARE_FRAME_ID } from './page-frame.ts';
import { sharePageModel, sharePageRelated } from './share-page-model.ts';
import { sharePageParts } from './share-page-html.ts';

/** The frame's parts: a marker where each page's own HTML goes. */
export const FRAME_PARTS = { head: frameMarker('head'), main: frameMarker('main') } as const satisfies FrameParts;

/** What the route renders for a path: the frame, or (under `astro dev`) one share page. */
export type SharePageProps = { frame: true } | { frame: false; page: SharePage };

/** A path of the route. */
export interface SharePagePath {
	params: { id: string };
	props: SharePageProps;
}

/**
 * A page's address relative to the site's root, as Astro names built pages (`c/<id>/`).
 *
 * @param id
 *   The route's parameter.
 * @returns
 *   The address, without the base.
 */
function pathnameOf(id: string): string {
	return routes.share(id).slice(routes.base.length);
}

/**
 * The parts of every share page, from the build's data.
 *
 * @returns
 *   The parts of one page.
 */
export async function sharePagePartsMaker(): Promise<(page: SharePage) => FrameParts> {
	const context = {
		routes,
		actorNames: await getActorNames(),
		work: citableCommentary,
		citations: citationsOf,
		permalink: claimPermalink,
		related: await getRelatedGroups(),
	};
	return (page) => {
		const model = sharePageModel(page, context);
		return sharePageParts(model, routes.share(model.id), routes);
	};
}

/**
 * The route's paths. In a build: the frame only, once the share pages are
 * handed to the integration with their cache keys
 * (src/features/sharing/page-cache-keys.ts). Where no build takes them
 * (`astro dev`): every share page, rendered by the route.
 *
 * @param pages
 *   Every share page of the build.
 * @returns
 *   The paths.
 */
export async function sharePagePaths(pages: readonly SharePage[]): Promise<SharePagePath[]> {
	// A rebuild fills again only the pages whose printed data changed.
	const cacheKey = sharePageCacheKeys({
		actorNames: [...(await getActorNames())],
		accessed: ACCESSED,
	});
	const relatedTo = await getRelatedGroups();
	const parts = await sharePagePartsMaker();
	const taken = sendFilledPages({
		frame: pathnameOf(SHARE_FRAME_ID),
		marks: Object.keys(FRAME_PARTS),
		pages: pages.map((page) => ({
			pathname: pathnameOf(sharePageId(page)),
			cacheKey: cacheKey(page, sharePageRelated(page, relatedTo)),
			parts: () => parts(page),
		})),
	});
	if (!taken) return pages.map((page) => ({ params: { id: sharePageId(page) }, props: { frame: false, page } }));
	return [{ params: { id: SHARE_FRAME_ID }, props: { frame: true } }];
}
