/**
 * axe-core over every page template (the 404 page included), on a fixed
 * sample of each (tests/support/sample.ts: the largest and the smallest page
 * of a template, and pages until every markup feature of the template is on
 * one), in the light and the dark colour scheme: WCAG 2.0/2.1/2.2 A and AA plus axe's best practices, zero
 * violations allowed. Each page is loaded once and checked in both schemes
 * (`page.emulateMedia`), which halves the cost of the suite; in the dark one
 * only the rules that read colours run, the only ones the scheme can change
 * (tests/support/axe.ts).
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, listPages, readDistFile } from '../support/dist';
import { browserSample } from '../support/sample';

const built = hasBuild();
const pages = built ? browserSample(listPages(), (page) => readDistFile(page.file)) : [];

describe('accessibility (axe) of every page template', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	it.concurrent.for(pages.map((page) => page.path))('should have no axe violations on %s in light and dark', async (path, { expect }) => {
		const found = await site.open(path, (page) => axeBothSchemes(page, path));
		expect(found).toEqual([]);
	});
});
