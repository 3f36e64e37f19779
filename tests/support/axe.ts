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

/** Which rules {@link runAxe} runs, and how it runs `color-contrast`. */
export interface AxeRunOptions {
	/**
	 * `'all'` (default): every rule of the tags; `'colour'`: only those that
	 * read colours (axe's category `cat.color`: `color-contrast`,
	 * `link-in-text-block`), the only ones a colour scheme can change on this
	 * site (see {@link axeBothSchemes}).
	 */
	rules?: 'all' | 'colour';
	/**
	 * `'sample'` (default): on one element per distinct colour context
	 * ({@link contrastSample}); `'every'`: on every element, as axe does by itself.
	 */
	contrast?: 'sample' | 'every';
}

/** What {@link runAxe} checked: the violations, and how many text elements `color-contrast` ran on. */
export interface AxeOutcome {
	violations: Result[];
	/** Elements with text (or form controls) on the page, and how many of them `color-contrast` checked (`null`: not run). */
	contrast: { candidates: number; checked: number } | null;
}

/**
 * Run axe on the page as it is now and return its violations.
 *
 * @param page A loaded page.
 * @param tags Rule tags to run (default: {@link axeTags}).
 * @param options `rules`: all of the tags' rules (default) or only the colour ones; `contrast`: how
 *   `color-contrast` runs (default: on a sample, {@link contrastSample}).
 */
export async function runAxe(page: Page, tags: readonly string[] = axeTags, options: AxeRunOptions = {}): Promise<Result[]> {
	return (await runAxeWithStats(page, tags, options)).violations;
}

/**
 * {@link runAxe}, with how many elements `color-contrast` checked.
 *
 * `color-contrast` is most of axe's time on a long page (on a compare page
 * 6.8 of 7.2 s, for 1,943 text elements), yet its verdict on an element
 * depends only on the element's colour context: its own colour, size,
 * weight and text shadow, and the backgrounds, opacities and filters of the
 * elements it is drawn over. Those are the same for every claim in a column,
 * every row of a table, every item of a list. So, by default, axe runs every
 * other rule on the whole page, and `color-contrast` on one element of each
 * distinct colour context ({@link contrastSample}; on the compare page 62 of
 * 1,943, 1.2 s with the sampling) and on every element that something
 * positioned, floated or transformed overlaps, whose background cannot be
 * told from its ancestors.
 */
export async function runAxeWithStats(page: Page, tags: readonly string[] = axeTags, { contrast = 'sample', rules = 'all' }: AxeRunOptions = {}): Promise<AxeOutcome> {
	const injected = await page.evaluate(() => 'axe' in window);
	if (!injected) await page.evaluate(axe.source);
	// Of the tags' rules: those a colour scheme cannot change (left out when only colours are checked), and
	// whether color-contrast is one of them.
	const { notColour, runsContrast } = await page.evaluate((values) => {
		const all = (window as unknown as { axe: typeof axe }).axe.getRules(values);
		return {
			notColour: all.filter((rule) => !rule.tags.includes('cat.color')).map((rule) => rule.ruleId),
			runsContrast: all.some((rule) => rule.ruleId === 'color-contrast'),
		};
	}, [...tags]);
	/** axe's violations on the whole page for the tags, without the rules named. */
	const run = async (without: readonly string[]) =>
		(
			await page.evaluate(
				(runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions),
				{
					runOnly: { type: 'tag', values: [...tags] },
					rules: Object.fromEntries(without.map((id) => [id, { enabled: false }])),
					resultTypes: ['violations'],
				} satisfies RunOptions,
			)
		).violations;
	const leftOut = rules === 'colour' ? notColour : [];
	if (contrast === 'every' || !runsContrast) return { violations: await run(leftOut), contrast: null };
	const rest = await run([...leftOut, 'color-contrast']);
	// Playwright sends the function to the page as source text; its elements stay there, behind a handle.
	const sample = await page.evaluateHandle(contrastSample);
	try {
		const sampled = await page.evaluate(
			async ([{ elements, candidates }, runOptions]) => {
				if (elements.length === 0) return { violations: [], candidates, checked: 0 };
				const results = await (window as unknown as { axe: typeof axe }).axe.run(elements, runOptions);
				return { violations: results.violations, candidates, checked: elements.length };
			},
			[sample, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] } satisfies RunOptions] as const,
		);
		return {
			violations: [...rest, ...sampled.violations],
			contrast: { candidates: sampled.candidates, checked: sampled.checked },
		};
	} finally {
		await sample.dispose();
	}
}

/**
 * The elements `color-contrast` needs to see (runs in the page): of the
 * elements with text of their own and the form controls, one per colour
 * context, and each one that a positioned, floated or transformed element
 * other than its ancestors or descendants overlaps.
 *
 * A colour context is the element's computed `color`, `font-size`,
 * `font-weight`, `text-shadow`, text fill and stroke, and, for it and each
 * ancestor up to the root, the background colour and image, opacity, filter,
 * blend mode and backdrop filter, with those of their `::before` and
 * `::after` boxes: everything axe's contrast reads that comes from CSS. What
 * it reads from the layout, the boxes painted under the text, is the
 * ancestors' unless a box that leaves the normal flow overlaps the element:
 * those elements are all checked. Elements axe would skip are kept apart, so
 * that one is never the only representative of a context visible elsewhere:
 * those without a box or smaller than 2 px (visually hidden text), and those
 * whose text has no letter or digit (axe ignores punctuation-only text),
 * and disabled or inert ones (or in a disabled control or its label).
 * Ties go to the first element in document order.
 *
 * Self-contained: it is sent to the page as source text.
 */
export function contrastSample(): { elements: Element[]; candidates: number } {
	const backgroundProperties = ['background-color', 'background-image', 'opacity', 'filter', 'mix-blend-mode', 'backdrop-filter'];
	const textProperties = ['color', 'font-size', 'font-weight', 'text-shadow', '-webkit-text-fill-color', '-webkit-text-stroke-color', '-webkit-text-stroke-width'];
	const all = [...document.querySelectorAll('body *')];
	// Boxes out of the normal flow, which may paint under (or over) text that is not theirs.
	const layered: [Element, DOMRect][] = [];
	for (const element of all) {
		const style = getComputedStyle(element);
		if (style.position !== 'static' || style.float !== 'none' || style.transform !== 'none') layered.push([element, element.getBoundingClientRect()]);
	}
	const contexts = new Map<Element, string>();
	/** The backgrounds an element is drawn over, from itself to the root (memoised). */
	const backgrounds = (element: Element | null): string => {
		if (element === null) return '';
		const known = contexts.get(element);
		if (known !== undefined) return known;
		const own = [getComputedStyle(element), getComputedStyle(element, '::before'), getComputedStyle(element, '::after')]
			.map((style) => backgroundProperties.map((property) => style.getPropertyValue(property)).join(' '))
			.join(' / ');
		const context = `${own} < ${backgrounds(element.parentElement)}`;
		contexts.set(element, context);
		return context;
	};
	const chosen = new Map<string, Element>();
	let candidates = 0;
	for (const element of all) {
		const control = element.matches('input, select, textarea');
		const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('');
		if (!control && text.trim() === '') continue;
		candidates++;
		const box = element.getBoundingClientRect();
		const overlapped = layered.some(
			([other, rect]) =>
				rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top && other !== element && !other.contains(element) && !element.contains(other),
		);
		if (overlapped) {
			chosen.set(`overlapped ${chosen.size}`, element);
			continue;
		}
		const style = getComputedStyle(element);
		const kind = [
			control ? `control ${element.tagName}` : 'text',
			box.width < 2 || box.height < 2 || element.getClientRects().length === 0 ? 'no box' : 'box',
			/[\p{L}\p{N}]/u.test(text) ? 'words' : 'symbols',
			element.closest(':disabled, [aria-disabled="true"], [inert], label:has(:disabled)') ? 'disabled' : 'enabled',
		].join(' ');
		const key = `${kind}: ${textProperties.map((property) => style.getPropertyValue(property)).join(' ')} @ ${backgrounds(element)}`;
		if (!chosen.has(key)) chosen.set(key, element);
	}
	return { elements: [...chosen.values()], candidates };
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
 * axe on the page as it is now, in the light and then the dark colour scheme:
 * every rule in the light one, the rules that read colours in the dark one.
 * The dark scheme changes colours and nothing else (one block of colour
 * values in the stylesheet, and no script reads the scheme:
 * tests/dist/colour-scheme.test.ts holds the build to that), so the page's
 * elements, names, roles and boxes are the light scheme's, and every rule but
 * the colour ones would give the light scheme's verdict again.
 *
 * @param page A loaded page.
 * @param where What to call the page in the lines.
 * @returns One line per violation ({@link describeViolations}); empty when clean.
 */
export async function axeBothSchemes(page: Page, where: string): Promise<string[]> {
	const lines: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		lines.push(...describeViolations(`${where} [${colorScheme}]`, await runAxe(page, axeTags, { rules: colorScheme === 'light' ? 'all' : 'colour' })));
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
