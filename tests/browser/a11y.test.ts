/**
 * Each page template on a fixed sample of its pages (tests/support/sample.ts:
 * the largest and the smallest page of a template, and pages until every
 * markup feature of the template is on one), opened once for all of this:
 *
 * - axe-core (WCAG 2.0/2.1/2.2 A and AA plus axe's best practices, zero
 *   violations allowed) at 1280 px, in the light and the dark colour scheme
 *   (`page.emulateMedia`; in the dark one only the rules that read colours
 *   run, the only ones the scheme can change: tests/support/axe.ts);
 * - then, at 360 px, what a reader gets on every page whatever its content:
 *   it loaded cleanly (status 200, no console errors, no failed requests,
 *   nothing fetched from other origins), it fits the phone without sideways
 *   scrolling, and the keyboard's first Tab lands on a visible skip link that
 *   moves focus to the main content (the 404 page, reached by its own
 *   address, aside: tests/browser/pages.test.ts opens it at an unknown one).
 *
 * One load serves both (they were two files opening the same pages): the
 * page is resized, not reloaded, between them; the site's layout follows the
 * width by CSS alone (no script reads the window's size or a media query
 * when the page loads). The static checks in tests/dist/ read every page,
 * skip link and `main#main` included.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type PageReport } from '../support/browser';
import { axeBothSchemes } from '../support/axe';
import { distDir, hasBuild, listPages, readDistFile } from '../support/dist';
import { browserSample } from '../support/sample';

const built = hasBuild();
const pages = built ? browserSample(listPages(), (page) => readDistFile(page.file)) : [];
const phone = { width: 360, height: 740 };

/**
 * The checks every readable page gets at 360 px: a clean load, no sideways scrolling, the skip link first.
 *
 * @param page The page, loaded, at 360 px.
 * @param report What happened since it was loaded.
 * @param expect The test's `expect` (concurrent tests need their own).
 */
async function checkReaderBasics(page: Page, report: PageReport, expect: typeof import('vitest').expect): Promise<void> {
	expect.soft(report.status, 'HTTP status').toBe(200);

	const overflow = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const describe = (element: Element) =>
			`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
		return {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: width,
			// The outermost elements that stick out, to say what overflows.
			culprits: (() => {
				const wide = new Set(
					[...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 0.5),
				);
				return [...wide]
					.filter((element) => !element.parentElement || !wide.has(element.parentElement))
					.slice(0, 5)
					.map(describe);
			})(),
		};
	});
	expect
		.soft(overflow.scrollWidth, `horizontal scrolling at 360 px; sticking out: ${overflow.culprits.join(', ')}`)
		.toBeLessThanOrEqual(overflow.clientWidth);

	await page.keyboard.press('Tab');
	const focused = await page.evaluate(() => {
		const element = document.activeElement;
		if (!(element instanceof HTMLAnchorElement)) return { href: null, visible: false, text: '' };
		const box = element.getBoundingClientRect();
		const style = getComputedStyle(element);
		const visible =
			box.width >= 1 &&
			box.height >= 1 &&
			box.bottom > 0 &&
			box.right > 0 &&
			box.top < innerHeight &&
			box.left < innerWidth &&
			style.visibility !== 'hidden' &&
			Number(style.opacity) > 0 &&
			style.clipPath === 'none' &&
			style.getPropertyValue('clip') !== 'rect(0px, 0px, 0px, 0px)';
		return { href: element.getAttribute('href'), visible, text: element.textContent?.trim() ?? '' };
	});
	// A reading page skips first to its text (inside <main>); every other page to <main>.
	const target = focused.href?.startsWith('#') ? focused.href.slice(1) : '';
	const inMain = await page.evaluate((id) => id !== '' && document.querySelector('main')?.querySelector(`#${CSS.escape(id)}`) !== null, target);
	expect.soft(target === 'main' || inMain, `the first Tab should focus a skip link to <main> or into it, found ${focused.href}`).toBe(true);
	expect.soft(focused.visible, 'the focused skip link should be on screen').toBe(true);
	expect.soft(focused.text, 'the skip link should have text').not.toBe('');
	if (target === 'main' || inMain) {
		await page.keyboard.press('Enter');
		const active = await page.evaluate(() => document.activeElement?.id ?? '');
		expect.soft(active, 'Enter on the skip link should move focus to its target').toBe(target);
	}

	// Last, so requests made by the interactions above are included.
	expect.soft(report.consoleErrors, 'console errors').toEqual([]);
	expect.soft(report.failedRequests, 'failed requests').toEqual([]);
	expect.soft(report.foreignRequests, 'requests to other origins').toEqual([]);
}

describe('accessibility (axe) and the basics of every page template', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	it.concurrent.for(pages.map((page) => page.path))('should have no axe violations in light and dark, then load cleanly, fit 360 px and lead the first Tab to a skip link: %s', async (path, { expect }) => {
		await site.open(path, async (page, report) => {
			// Soft, so that a page with an axe violation still has its other checks run and reported.
			expect.soft(await axeBothSchemes(page, path)).toEqual([]);
			if (path === '/404.html') return;
			await page.emulateMedia({ colorScheme: 'light' });
			await page.setViewportSize(phone);
			expect(await page.evaluate(() => [innerWidth, matchMedia('(max-width: 360px)').matches]), 'the page laid out at 360 px').toEqual([phone.width, true]);
			await checkReaderBasics(page, report, expect);
		});
	});
});
