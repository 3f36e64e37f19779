/** The site's logo (publisher metadata), drawn once at build time from the favicon. */
import type { APIRoute } from 'astro';
import favicon from '../../public/favicon.svg?raw';
import { drawSiteLogo } from '../features/sharing/site-logo.ts';

export const GET: APIRoute = () => new Response(drawSiteLogo(favicon), { headers: { 'Content-Type': 'image/png' } });
