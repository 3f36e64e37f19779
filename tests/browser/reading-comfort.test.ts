/**
 * The reading page as a reader of long texts meets it: the sentence
 * permalink (¶) is a 24 × 24 px target that covers no letter, margin notes
 * never push paragraphs apart, mention links stay sparse by default (a
 * remembered preference shows every mention as a link), and printing expands
 * the provenance and leaves out the target outline.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, widthsInTurn } from '../support/browser';
import { distDir, hasBuild, listPages } from '../support/dist';

const built = hasBuild();
const readingPages = built ? listPages().filter((page) => /^\/commentaries\/[a-z0-9-]+\/$/.test(page.path)).map((page) => page.path) : [];
const bhadrakumar = '/commentaries/bhadrakumar-rustle-up-an-alliance/';

/** Mention links a keyboard reaches, words of the text, and the page's Tab stops. */
async function linkDensity(page: Page) {
	return page.evaluate(() => {
		const prose = document.querySelector<HTMLElement>('.prose')!;
		// What the Tab key reaches: an <a> without href is no link and no Tab stop, whatever its tabIndex says.
		const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const isTabStop = (element: HTMLElement) => {
			if (!element.matches(focusable) || element.tabIndex < 0) return false;
			if (element.closest('[inert], [hidden], [popover]:not(:popover-open)')) return false;
			const style = getComputedStyle(element);
			return style.visibility !== 'hidden' && style.display !== 'none' && element.getClientRects().length > 0;
		};
		const copy = prose.cloneNode(true) as HTMLElement;
		for (const extra of copy.querySelectorAll('.editor-note, .block-label, .claim-link')) extra.remove();
		const words = [...new Intl.Segmenter('en', { granularity: 'word' }).segment(copy.textContent ?? '')].filter((s) => s.isWordLike).length;
		const mentionLinks = [...prose.querySelectorAll<HTMLElement>('[data-mention]')].filter(isTabStop).length;
		// Every mention that can be a link (an article inside a range is a span around two links).
		const mentions = prose.querySelectorAll('a[data-mention][data-ref]').length;
		const tabStops = [...document.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, summary, [tabindex]')].filter(isTabStop).length;
		return { words, mentionLinks, mentions, tabStops, per100: (mentionLinks / words) * 100 };
	});
}

describe('reading comfort', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	it('should give the ¶ control a 24 × 24 px target that covers no text, idle or active', async () => {
		await site.open(bhadrakumar, async (page) => {
			const claims = page.locator('.prose p [data-claim]');
			const count = await claims.count();
			expect(count).toBeGreaterThan(20);
			for (const index of [0, 1, 2, 5, 9, 14, 20]) {
				const claim = claims.nth(index);
				const control = claim.locator('a.claim-link');
				await claim.hover();
				await control.focus();
				const found = await control.evaluate((link) => {
					const box = link.getBoundingClientRect();
					const paragraph = link.closest('p')!;
					// Every piece of text of the paragraph except the control's own glyph.
					const overlaps: string[] = [];
					const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						if (link.contains(node) || !node.textContent?.trim()) continue;
						const range = document.createRange();
						for (let at = 0; at < node.textContent.length; at++) {
							if (/\s/.test(node.textContent[at]!)) continue;
							range.setStart(node, at);
							range.setEnd(node, at + 1);
							for (const rect of range.getClientRects()) {
								const dx = Math.min(box.right, rect.right) - Math.max(box.left, rect.left);
								const dy = Math.min(box.bottom, rect.bottom) - Math.max(box.top, rect.top);
								if (dx > 0.5 && dy > 0.5) overlaps.push(node.textContent[at]!);
							}
						}
					}
					// What is painted at the control's centre must be the control (nothing covers it, it covers nothing).
					const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
					return { width: box.width, height: box.height, overlaps, hitIsControl: hit === link || link.contains(hit) };
				});
				expect(found.width, `claim ${index}: target width`).toBeGreaterThanOrEqual(24);
				expect(found.height, `claim ${index}: target height`).toBeGreaterThanOrEqual(24);
				expect(found.overlaps, `claim ${index}: letters under the ¶ control`).toEqual([]);
				expect(found.hitIsControl, `claim ${index}: the control is what a click at its centre reaches`).toBe(true);
			}
		});
	});

	it('should keep paragraphs as close together beside a margin note as without one (1280 px)', async () => {
		await site.open(bhadrakumar, async (page) => {
			const found = await page.evaluate(() => {
				const prose = document.querySelector('.prose')!;
				// Visible paragraphs only: the notices for withdrawn or unknown sentences stay hidden until targeted.
				const paragraphs = [...prose.querySelectorAll(':scope > p, :scope > .with-note > p')].filter((p) => p.getClientRects().length > 0);
				const gaps = paragraphs.slice(0, -1).map((paragraph, index) => {
					const next = paragraphs[index + 1]!;
					const noted = paragraph.parentElement!.classList.contains('with-note');
					const between = noted ? paragraph.parentElement!.nextElementSibling : paragraph.nextElementSibling;
					// Only paragraphs that follow each other directly (a heading or list in between has its own margins).
					const direct = between === next || between === next.parentElement;
					return {
						noted,
						direct,
						gap: next.getBoundingClientRect().top - paragraph.getBoundingClientRect().bottom,
					};
				});
				const notes = [...prose.querySelectorAll('.editor-note')].map((note) => note.getBoundingClientRect());
				const overlapping = notes.slice(0, -1).filter((box, index) => notes[index + 1]!.top < box.bottom - 0.5).length;
				return { gaps: gaps.filter((gap) => gap.direct), overlapping, noteCount: notes.length, inMargin: notes.every((box) => box.left > prose.getBoundingClientRect().right) };
			});
			expect(found.noteCount).toBeGreaterThan(0);
			expect(found.inMargin, 'notes sit in the margin at 1280 px').toBe(true);
			const plain = found.gaps.filter((gap) => !gap.noted).map((gap) => gap.gap);
			const noted = found.gaps.filter((gap) => gap.noted).map((gap) => gap.gap);
			expect(noted.length).toBeGreaterThan(0);
			const usual = plain[0]!;
			for (const gap of [...plain, ...noted]) expect(gap).toBeCloseTo(usual, 0);
			expect(found.overlapping, 'margin notes overlapping one another').toBe(0);
		}, { viewport: { width: 1280, height: 900 } });
	});

	it.for(readingPages)('should offer at most 4 mention links per 100 words by default: %s', async (path, { expect }) => {
		await site.open(path, async (page) => {
			const density = await linkDensity(page);
			expect(density.per100, JSON.stringify(density)).toBeLessThanOrEqual(4);
			// Every mention is still in the page, marked, whether it is a link or not.
			expect(density.mentions).toBeGreaterThan(density.mentionLinks);
		});
	});

	it('should remember the preference to show every mention as a link', async () => {
		await site.open(
			bhadrakumar,
			async (page) => {
				const before = await linkDensity(page);
				const toggle = page.getByRole('checkbox', { name: /every mention/i });
				await expect.poll(() => toggle.isChecked()).toBe(false);
				await toggle.check();
				const after = await linkDensity(page);
				expect(after.mentionLinks).toBe(after.mentions);
				expect(after.mentionLinks).toBeGreaterThan(before.mentionLinks);
				expect(await page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(0);
				// A later visit applies it before anything is shown.
				await page.reload();
				await expect.poll(() => toggle.isChecked()).toBe(true);
				const again = await linkDensity(page);
				expect(again.mentionLinks).toBe(again.mentions);
				await toggle.uncheck();
				expect((await linkDensity(page)).mentionLinks).toBe(before.mentionLinks);
			},
			{ fresh: true },
		);
	});

	it('should print the provenance expanded and without the target outline', async () => {
		const claim = await site.open(bhadrakumar, (page) => page.locator('.prose [data-claim]').nth(4).getAttribute('id'));
		await site.open(`${bhadrakumar}#${claim}`, async (page) => {
			await page.emulateMedia({ media: 'print' });
			const printed = () =>
				page.evaluate((id) => {
					const inside = document.querySelector('details.provenance dl')!;
					const style = getComputedStyle(document.getElementById(id!)!);
					return { provenanceShown: inside.getClientRects().length > 0, outline: style.outlineStyle, background: style.backgroundColor };
				}, claim);
			// The highlight fades (a transition): wait for where it settles.
			await expect.poll(printed).toEqual({ provenanceShown: true, outline: 'none', background: 'rgba(0, 0, 0, 0)' });
		});
	});
});

/** Widths every layout check runs at: three desktop widths and a phone. */
const WIDTHS = [1280, 1440, 1920, 360] as const;

describe('margin notes at every width', () => {
	if (!built) return;
	const site = useSite();

	for (const { width, colorScheme } of widthsInTurn(WIDTHS)) {
		it.for(readingPages)(`should never overlap or clip an editor's note at ${width} px (${colorScheme}): %s`, async (path, { expect }) => {
			const found = await site.open(
				path,
				(page) =>
					page.evaluate(() => {
						const boxOf = (element: Element) => element.getBoundingClientRect();
						const intersects = (a: DOMRect, b: DOMRect) =>
							Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
						const notes = [...document.querySelectorAll<HTMLElement>('.prose .editor-note')];
						const problems: string[] = [];
						const name = (element: Element) => element.id || element.textContent!.trim().slice(0, 40);
						// Every pair of notes, not only neighbours.
						for (const [index, note] of notes.entries()) {
							for (const other of notes.slice(index + 1)) {
								if (intersects(boxOf(note), boxOf(other))) problems.push(`${name(note)} overlaps ${name(other)}`);
							}
						}
						// No note over the words of the text, the source box or the footer.
						const text = [...document.querySelectorAll('.prose p, .prose li, .prose h2, .prose h3, .prose blockquote, .source-box, .site-footer')].filter(
							(block) => !block.closest('.editor-note') && !block.querySelector('.editor-note'),
						);
						for (const note of notes) {
							const box = boxOf(note);
							for (const block of text) if (intersects(box, boxOf(block))) problems.push(`${name(note)} covers ${block.tagName} “${name(block)}”`);
							// Inside the page horizontally, and not cut by a clipping ancestor.
							if (box.left < 0 || box.right > document.documentElement.clientWidth + 0.5) problems.push(`${name(note)} runs out of the viewport`);
							for (let up = note.parentElement; up; up = up.parentElement) {
								const style = getComputedStyle(up);
								if (style.overflow === 'visible' && style.overflowY === 'visible') continue;
								const clip = boxOf(up);
								if (box.bottom > clip.bottom + 0.5 || box.top < clip.top - 0.5) problems.push(`${name(note)} is clipped by ${up.tagName}.${up.className}`);
							}
							// What is painted at the note's last line is the note.
							const last = note.lastElementChild ?? note;
							const lastBox = boxOf(last);
							window.scrollTo({ top: lastBox.top + window.scrollY - 100, behavior: 'instant' });
							const after = boxOf(last);
							const hit = document.elementFromPoint(after.left + 4, after.top + after.height / 2);
							if (!hit || !note.contains(hit)) problems.push(`${name(note)}: its last line is hidden under ${hit?.tagName ?? 'nothing'}`);
						}
						return { count: notes.length, problems };
					}),
				{ viewport: { width, height: 900 }, colorScheme },
			);
			expect(found.problems).toEqual([]);
		});
	}
});

describe('the text before the chrome, and the ¶ controls out of its way', () => {
	if (!built) return;
	const site = useSite();
	const sharma = '/commentaries/sharma-jayaprakash-east-asian-security-order/';

	for (const { width, colorScheme } of widthsInTurn(WIDTHS, 'dark')) {
		it(`should reach the text in three Tab stops by its skip link at ${width} px (${colorScheme})`, async () => {
			await site.open(
				sharma,
				async (page) => {
					await page.keyboard.press('Tab');
					await page.keyboard.press('Tab');
					const skip = await page.evaluate(() => ({ name: document.activeElement?.textContent?.trim(), visible: document.activeElement!.getBoundingClientRect().top >= 0 }));
					expect(skip).toEqual({ name: 'Skip to the text', visible: true });
					await page.keyboard.press('Enter');
					// The text's first line is on screen after the skip.
					await expect.poll(() => page.locator('.prose').evaluate((prose) => Math.round(prose.getBoundingClientRect().top))).toBeLessThan(100);
					await page.keyboard.press('Tab');
					const inText = await page.evaluate(() => Boolean(document.activeElement?.closest('.prose')));
					expect(inText, 'the Tab after the skip link lands in the text').toBe(true);
				},
				{ fresh: true, viewport: { width, height: width === 360 ? 740 : 900 }, colorScheme },
			);
		});

		it(`should leave no gap between sentences and keep each ¶ off the letters at ${width} px (${colorScheme})`, async () => {
			await site.open(
				sharma,
				async (page) => {
					const found = await page.evaluate(() => {
						const gaps: number[] = [];
						const spaces: number[] = [];
						for (const paragraph of document.querySelectorAll('.prose p')) {
							const claims = [...paragraph.querySelectorAll(':scope > .claim')];
							for (const [index, claim] of claims.slice(0, -1).entries()) {
								const next = claims[index + 1]!;
								const endText = [...claim.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()).at(-1);
								const startText = [...next.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
								if (!endText || !startText) continue;
								const end = document.createRange();
								end.setStart(endText, endText.textContent!.trimEnd().length - 1);
								end.setEnd(endText, endText.textContent!.trimEnd().length);
								const start = document.createRange();
								const first = startText.textContent!.search(/\S/);
								start.setStart(startText, first);
								start.setEnd(startText, first + 1);
								const a = end.getBoundingClientRect();
								const b = start.getBoundingClientRect();
								if (Math.abs(a.top - b.top) > 2) continue; // a line break between them
								gaps.push(b.left - a.right);
								spaces.push(parseFloat(getComputedStyle(paragraph).fontSize) / 2);
							}
						}
						return { gaps, space: spaces[0] ?? 0 };
					});
					expect(found.gaps.length).toBeGreaterThan(3);
					// At most about a word space (half an em) between one sentence's full stop and the next one's first letter.
					for (const gap of found.gaps) expect(gap).toBeLessThanOrEqual(found.space);
				},
				{ viewport: { width, height: 900 }, colorScheme },
			);
		});
	}

	it('should show the ¶ controls in the gutter of a touch layout, where a tap reaches them (360 px)', async () => {
		const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		try {
			const page = await context.newPage();
			await page.goto(site.url(sharma));
			const claim = page.locator('.prose p [data-claim]').nth(2);
			await claim.scrollIntoViewIfNeeded();
			// Tap the sentence's first letter: a touch screen's stand-in for hovering it.
			const letter = await claim.evaluate((span) => {
				const text = [...span.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
				const range = document.createRange();
				const at = text.textContent!.search(/\S/);
				range.setStart(text, at);
				range.setEnd(text, at + 1);
				const box = range.getBoundingClientRect();
				return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
			});
			await page.touchscreen.tap(letter.x, letter.y);
			const control = claim.locator('a.claim-link');
			const found = await control.evaluate((link) => {
				const box = link.getBoundingClientRect();
				const text = link.closest('.prose')!.getBoundingClientRect();
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				return { opacity: Number(getComputedStyle(link).opacity), width: box.width, inPage: box.left >= 0 && box.right <= document.documentElement.clientWidth, inGutter: box.left >= text.right - 30 - 0.5, hitIsControl: hit === link };
			});
			expect(found).toEqual({ opacity: 1, width: 24, inPage: true, inGutter: true, hitIsControl: true });
			const id = await claim.getAttribute('id');
			await control.tap();
			await expect.poll(() => page.locator('#claim-panel').evaluate((el) => el.matches(':popover-open'))).toBe(true);
			expect(await page.inputValue('#claim-panel-link')).toContain(`#${id}`);
		} finally {
			await context.close();
		}
	});
});
