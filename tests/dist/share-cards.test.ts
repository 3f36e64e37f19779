/**
 * Every share page's card is in the built site: the page's `og:image` names a
 * file in `dist/` that is a PNG of the card size under the size cap, and no card is
 * left without its page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH } from '../../src/features/cards/share-card-image.ts';
import { distDir, hasBuild, listFiles, listPages, readDistFile, siteOrigin } from '../support/dist';

const built = hasBuild();
const origin = built ? await siteOrigin() : '';

/** The `og:image` of a page, as a path on the site. */
function ogImagePath(html: string): string | undefined {
	const content = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
	if (!content) return undefined;
	const url = new URL(content);
	return url.origin === origin ? decodeURIComponent(url.pathname) : content;
}

describe('share cards in dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const sharePages = listPages().filter((page) => /^\/c\/[^/]+\/$/.test(page.path));

	it('should have share pages', () => {
		expect(sharePages.length).toBeGreaterThan(0);
	});

	it('should have the card of every share page: a PNG of the card size under the size cap', () => {
		const problems: string[] = [];
		for (const page of sharePages) {
			const path = ogImagePath(readDistFile(page.file));
			const expected = `${page.path.slice(0, -1)}.png`;
			if (path !== expected) {
				problems.push(`${page.path}: og:image is ${path}, expected ${expected}`);
				continue;
			}
			const file = join(distDir, path.slice(1));
			if (!existsSync(file)) {
				problems.push(`${page.path}: ${path} is missing`);
				continue;
			}
			const bytes = readFileSync(file);
			const png = decode(bytes);
			if (png.width !== CARD_WIDTH || png.height !== CARD_HEIGHT) problems.push(`${path}: ${png.width}×${png.height}`);
			if (bytes.length > CARD_MAX_BYTES) problems.push(`${path}: ${bytes.length} bytes, more than ${CARD_MAX_BYTES}`);
		}
		expect(problems).toEqual([]);
	});

	it('should have no card without its share page', () => {
		const pages = new Set(sharePages.map((page) => page.path));
		const orphans = listFiles()
			.filter((file) => /^c\/[^/]+\.png$/.test(file))
			.filter((file) => !pages.has(`/${file.slice(0, -'.png'.length)}/`));
		expect(orphans).toEqual([]);
	});
});
