/**
 * Whether a page draws characters or the box of a missing glyph: each
 * character of an element is drawn on a canvas in the element's own font,
 * after the page's fonts have loaded, and compared with the drawing of a
 * character no font has (U+10FFFD, private use).
 */
import type { Page } from 'playwright-core';

/**
 * The characters of the elements matching a selector (past Latin-1, not
 * spaces or marks) that the page can only draw as the missing-glyph box.
 *
 * @param page
 *   A loaded page.
 * @param selector
 *   CSS selector of the elements whose text is checked.
 * @returns
 *   Characters drawn as boxes, and those checked.
 */
export async function boxedCharacters(page: Page, selector: string): Promise<{ boxed: string[]; checked: string[] }> {
	return page.evaluate(async (selector) => {
		await document.fonts.ready;
		const elements = [...document.querySelectorAll<HTMLElement>(selector)];
		const canvas = document.createElement('canvas');
		canvas.width = 64;
		canvas.height = 64;
		const context = canvas.getContext('2d', { willReadFrequently: true })!;
		const draw = (char: string, font: string) => {
			context.clearRect(0, 0, 64, 64);
			context.font = font;
			context.fillText(char, 8, 44);
			return context.getImageData(0, 0, 64, 64).data.join(',');
		};
		const boxed: string[] = [];
		const checked: string[] = [];
		for (const element of elements) {
			const style = getComputedStyle(element);
			const font = `${style.fontStyle} ${style.fontWeight} 32px ${style.fontFamily}`;
			// Make sure the faces the element's characters select are loaded before drawing (the canvas does not wait).
			// It rejects when a face of the stack is a local font this system lacks (Times New Roman): those are skipped in drawing anyway.
			await document.fonts.load(font, element.textContent ?? '').catch(() => undefined);
			const box = draw('\u{10FFFD}', font);
			for (const char of new Set(element.textContent ?? '')) {
				if (char.codePointAt(0)! <= 0xff || /\s|\p{M}|\p{Cf}/u.test(char)) continue;
				checked.push(char);
				if (draw(char, font) === box) boxed.push(char);
			}
		}
		return { boxed, checked };
	}, selector);
}
