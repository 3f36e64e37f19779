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
	/**
	 * `'sample'` (default): `link-in-text-block` on one link per distinct link
	 * context ({@link linkSample}); `'every'`: on every link, as axe does by itself.
	 */
	links?: 'sample' | 'every';
}

/** What {@link runAxe} checked: the violations, and how many text elements `color-contrast` ran on. */
export interface AxeOutcome {
	violations: Result[];
	/** Elements with text (or form controls) on the page, and how many of them `color-contrast` checked (`null`: not run or not sampled). */
	contrast: { candidates: number; checked: number } | null;
	/** Links on the page, and how many of them `link-in-text-block` checked (`null`: not run or not sampled). */
	links: { candidates: number; checked: number } | null;
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
export async function runAxeWithStats(
	page: Page,
	tags: readonly string[] = axeTags,
	{ contrast = 'sample', links = 'sample', rules = 'all' }: AxeRunOptions = {},
): Promise<AxeOutcome> {
	const injected = await page.evaluate(() => 'axe' in window);
	if (!injected) await page.evaluate(axe.source);
	// Of the tags' rules: those a colour scheme cannot change (left out when only colours are checked), and
	// which of the sampled rules are among them.
	const { ids, notColour, present } = await page.evaluate((values) => {
		const all = (window as unknown as { axe: typeof axe }).axe.getRules(values);
		return {
			ids: all.map((rule) => rule.ruleId),
			notColour: all.filter((rule) => !rule.tags.includes('cat.color')).map((rule) => rule.ruleId),
			present: all.map((rule) => rule.ruleId).filter((id) => id === 'color-contrast' || id === 'link-in-text-block'),
		};
	}, [...tags]);
	/**
	 * axe's violations on the whole page for the tags, without the rules named; none when no rule is left (in the
	 * dark scheme both colour rules run on samples), since even a run of no rule reads the whole page.
	 */
	const run = async (without: readonly string[]): Promise<Result[]> => {
		if (ids.every((id) => without.includes(id))) return [];
		const results = await page.evaluate((runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions), {
			runOnly: { type: 'tag', values: [...tags] },
			rules: Object.fromEntries(without.map((id) => [id, { enabled: false }])),
			resultTypes: ['violations'],
		} satisfies RunOptions);
		return results.violations;
	};
	const sampled = [
		{ id: 'color-contrast' as const, sample: contrastSample, wanted: contrast === 'sample' },
		{ id: 'link-in-text-block' as const, sample: linkSample, wanted: links === 'sample' },
	].filter((rule) => rule.wanted && present.includes(rule.id));
	const leftOut = rules === 'colour' ? notColour : [];
	const violations = await run([...leftOut, ...sampled.map((rule) => rule.id)]);
	const outcome: AxeOutcome = { violations, contrast: null, links: null };
	for (const { id, sample } of sampled) {
		const { violations: found, candidates, checked } = await runOnSample(page, id, sample);
		violations.push(...found);
		if (id === 'color-contrast') outcome.contrast = { candidates, checked };
		else outcome.links = { candidates, checked };
	}
	return outcome;
}

/**
 * Run one axe rule on the elements a sampling function picks in the page.
 *
 * @param page A loaded page with axe injected.
 * @param rule The rule's id.
 * @param sample A self-contained function run in the page ({@link contrastSample}, {@link linkSample}).
 */
async function runOnSample(page: Page, rule: string, sample: () => { elements: Element[]; candidates: number }): Promise<{ violations: Result[]; candidates: number; checked: number }> {
	// Playwright sends the function to the page as source text; its elements stay there, behind a handle.
	const picked = await page.evaluateHandle(sample);
	try {
		return await page.evaluate(
			async ([{ elements, candidates }, runOptions]) => {
				if (elements.length === 0) return { violations: [], candidates, checked: 0 };
				const results = await (window as unknown as { axe: typeof axe }).axe.run(elements, runOptions);
				return { violations: results.violations, candidates, checked: elements.length };
			},
			[picked, { runOnly: { type: 'rule', values: [rule] }, resultTypes: ['violations'] } satisfies RunOptions] as const,
		);
	} finally {
		await picked.dispose();
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
 * The links `link-in-text-block` needs to see (runs in the page, axe
 * injected): one per distinct link context among the links axe's own matcher
 * takes (visible, with text, inside a block of text), and each one that a
 * positioned, floated or transformed element other than its ancestors or
 * descendants overlaps.
 *
 * The rule asks whether a link in running text stands out from it: by a
 * style of its own (a border, an outline, a background image, a font,
 * weight, style, size or text decoration that its block has not) or by 3:1
 * contrast with the block's text or background. Everything it reads comes
 * from CSS: the link's own computed style and its `::before`/`::after`
 * content, that of its nearest block ancestor (the block it is compared
 * with), and the backgrounds both are drawn over, which are the link's
 * ancestors' unless a box out of the normal flow overlaps it or its block
 * (those are all checked). On this site that context is the same for every
 * mention in a column, every link of a list: on a compare page about 1,000
 * links with a few contexts. Whether the rule applies to a link at all
 * depends on the text around it (a link alone on its line is not in a text
 * block), so each context's representative is the first link, in document
 * order, that axe's own `link-in-text-block` matcher accepts.
 *
 * Self-contained: it is sent to the page as source text.
 */
export function linkSample(): { elements: Element[]; candidates: number } {
	type AxeInPage = {
		setup(node: Node): unknown;
		teardown(): void;
		utils: { getNodeFromTree(node: Node): unknown };
		_audit: { rules: { id: string; selector: string; matches(node: Element, virtualNode: unknown, context?: unknown): boolean }[] };
	};
	const axeInPage = (window as unknown as { axe: AxeInPage }).axe;
	const rule = axeInPage._audit.rules.find((candidate) => candidate.id === 'link-in-text-block');
	if (rule === undefined) throw new Error('linkSample: axe has no link-in-text-block rule to sample for');
	const linkProperties = [
		'display', 'color', 'opacity', 'background-image', 'font-family', 'font-size', 'font-weight', 'font-style',
		'text-decoration', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color',
		'border-top-style', 'border-top-width', 'border-top-color', 'border-bottom-style', 'border-bottom-width', 'border-bottom-color',
		'outline-style', 'outline-width', 'outline-color',
	];
	const backgroundProperties = ['background-color', 'background-image', 'opacity', 'filter', 'mix-blend-mode', 'backdrop-filter'];
	// The rule's evaluation compares a link with its nearest ancestor of one of these displays.
	const blockDisplays = ['block', 'list-item', 'table', 'flex', 'grid', 'inline-block'];
	const isBlock = (element: Element) => {
		const display = getComputedStyle(element).display;
		return blockDisplays.includes(display) || display.startsWith('table-');
	};
	const layered: DOMRect[] = [];
	const layeredElements: Element[] = [];
	for (const element of document.querySelectorAll('body *')) {
		const style = getComputedStyle(element);
		if (style.position !== 'static' || style.float !== 'none' || style.transform !== 'none') {
			layered.push(element.getBoundingClientRect());
			layeredElements.push(element);
		}
	}
	/** Whether a box out of the normal flow, not the element's ancestor or descendant, overlaps it. */
	const overlapped = (element: Element) => {
		const box = element.getBoundingClientRect();
		return layered.some(
			(rect, index) =>
				rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top &&
				layeredElements[index] !== element && !layeredElements[index]!.contains(element) && !element.contains(layeredElements[index]!),
		);
	};
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
	/** What the rule reads of an element's own style, its pseudo-elements' content included. */
	const styleOf = (element: Element) =>
		[
			linkProperties.map((property) => getComputedStyle(element).getPropertyValue(property)).join(' '),
			getComputedStyle(element, '::before').content,
			getComputedStyle(element, '::after').content,
		].join(' | ');
	const chosen = new Map<string, Element>();
	const links = [...document.querySelectorAll(rule.selector)];
	axeInPage.setup(document);
	try {
		for (const link of links) {
			let block = link.parentElement;
			while (block !== null && !isBlock(block)) block = block.parentElement;
			const alone = overlapped(link) || (block !== null && overlapped(block));
			const key = alone ? `overlapped ${chosen.size}` : `${styleOf(link)} in ${block === null ? 'no block' : styleOf(block)} @ ${backgrounds(link)}`;
			if (chosen.has(key)) continue;
			if (rule.matches(link, axeInPage.utils.getNodeFromTree(link))) chosen.set(key, link);
		}
	} finally {
		axeInPage.teardown();
	}
	return { elements: [...chosen.values()], candidates: links.length };
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
