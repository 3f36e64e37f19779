/**
 * axe-core in a playwright-core page. @axe-core/playwright's `AxeBuilder`
 * works with playwright-core pages too, but it injects axe again on every
 * `analyze()` and, outside legacy mode, opens an extra blank page to merge
 * frame results: twice the work for a site without iframes. Here axe is
 * injected once per page load and can then run any number of times, e.g. once
 * per colour scheme after `page.emulateMedia()`.
 */
import axe, { type Result, type RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';

/** The rule sets the site promises to meet: WCAG 2.0, 2.1, 2.2 A and AA, and axe's best practices. */
export const axeTags: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Run axe on the page as it is now and return its violations.
 *
 * @param page A loaded page.
 * @param tags Rule tags to run (default: {@link axeTags}).
 */
export async function runAxe(page: Page, tags: readonly string[] = axeTags): Promise<Result[]> {
	const injected = await page.evaluate(() => 'axe' in window);
	if (!injected) await page.evaluate(axe.source);
	const options: RunOptions = { runOnly: { type: 'tag', values: [...tags] }, resultTypes: ['violations'] };
	const results = await page.evaluate(
		(runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions),
		options,
	);
	return results.violations;
}

/**
 * One line per violation and element: page, scheme, rule id, impact, what
 * to fix, and the element's selector.
 */
export function describeViolations(where: string, violations: readonly Result[]): string[] {
	return violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${where} ${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}; target ${node.target.join(' ')}` +
				(node.failureSummary ? `; ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}` : ''),
		),
	);
}

/**
 * axe on the page as it is now, in the light and then the dark colour scheme.
 *
 * @param page A loaded page.
 * @param where What to call the page in the lines.
 * @returns One line per violation ({@link describeViolations}); empty when clean.
 */
export async function axeBothSchemes(page: Page, where: string): Promise<string[]> {
	const lines: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		lines.push(...describeViolations(`${where} [${colorScheme}]`, await runAxe(page)));
	}
	return lines;
}

/**
 * axe in both colour schemes on a page as a reader without JavaScript sees
 * it. axe itself runs as a script, so instead of turning JavaScript off the
 * site's own modules (`/_astro/*.js`) are not served.
 *
 * @param browser The browser.
 * @param url The page's address.
 * @param viewport The window's size.
 * @param where What to call the page in the lines.
 * @param inspect Further checks on the loaded page before axe runs (optional).
 * @returns One line per violation ({@link describeViolations}); empty when clean.
 */
export async function axeWithoutSiteScripts(
	browser: Browser,
	url: string,
	viewport: { width: number; height: number },
	where: string,
	inspect?: (page: Page) => Promise<void>,
): Promise<string[]> {
	const context = await browser.newContext({ viewport });
	try {
		const page = await context.newPage();
		await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
		await page.goto(url);
		await inspect?.(page);
		return await axeBothSchemes(page, where);
	} finally {
		await context.close();
	}
}
