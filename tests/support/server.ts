/**
 * A small static file server over the build, for the browser tests: it
 * behaves like a plain static host (directory `index.html`, `/dir` → `/dir/`
 * redirect, the 404 page with status 404) and listens on 127.0.0.1 on a free
 * port, so several test files can each run their own.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { distDir } from './dist';

/** Content types by file extension; anything else is served as bytes. */
export const contentTypes: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.wasm': 'application/wasm',
	// Pagefind's index chunks and gzipped WASM: opaque bytes its script fetches and decodes.
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pdf': 'application/pdf',
};

/** A running static server. */
export interface StaticServer {
	/** `http://127.0.0.1:<port>`. */
	origin: string;
	/** Absolute URL of a site path (`url('/actors/')`). */
	url(path: string): string;
	/** Stop listening and drop open connections. */
	close(): Promise<void>;
}

/** Options of {@link serveDist}. */
export interface ServeOptions {
	/** Directory to serve (default: the build, `dist/`). */
	root?: string;
}

/**
 * Serve a built site over HTTP on 127.0.0.1 and a free port.
 *
 * @example
 *   const server = await serveDist();
 *   await page.goto(server.url('/actors/'));
 *   await server.close();
 */
export async function serveDist(options: ServeOptions = {}): Promise<StaticServer> {
	const root = normalize(options.root ?? distDir);
	const server = createServer((request, response) => {
		handle(root, request, response).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(`Server error: ${String(error)}`);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: (path) => new URL(path, origin).href,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		response.writeHead(405, { allow: 'GET, HEAD' }).end();
		return;
	}
	const url = new URL(request.url ?? '/', 'http://127.0.0.1');
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		await sendNotFound(root, request, response);
		return;
	}
	const file = normalize(join(root, pathname));
	// Refuse anything that escapes the served directory (`/../`, encoded or not).
	if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
		await sendNotFound(root, request, response);
		return;
	}

	const info = await stat(file).catch(() => undefined);
	if (info?.isFile()) {
		send(file, info.size, 200, request, response);
		return;
	}
	if (info?.isDirectory()) {
		if (!pathname.endsWith('/')) {
			// What static hosts do for a directory without its slash.
			response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		const index = join(file, 'index.html');
		const indexInfo = await stat(index).catch(() => undefined);
		if (indexInfo?.isFile()) {
			send(index, indexInfo.size, 200, request, response);
			return;
		}
	}
	await sendNotFound(root, request, response);
}

async function sendNotFound(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
	const page = join(root, '404.html');
	const info = await stat(page).catch(() => undefined);
	if (info?.isFile()) send(page, info.size, 404, request, response);
	else response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

function send(file: string, size: number, status: number, request: IncomingMessage, response: ServerResponse): void {
	response.writeHead(status, {
		'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
		'content-length': size,
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
	});
	if (request.method === 'HEAD') {
		response.end();
		return;
	}
	createReadStream(file).pipe(response);
}
