/** `robots.txt`: everything may be crawled; the sitemap says what is worth it. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../features/dataset/crawlers.ts';
import { routes } from '../utils/routes.ts';

export const GET: APIRoute = () =>
	new Response(robotsTxt(routes.absolute(routes.sitemap())), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
