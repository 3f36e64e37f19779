import { describe, expect, it } from 'vitest';
import { isColourValue, readsScheme, schemeDeclarations, schemeProblems } from '../support/colour-scheme';

describe('what a colour scheme may change (tests/support/colour-scheme.ts)', () => {
	it('should accept a dark block of colour values that are colours wherever they are set', () => {
		const css = `:root{--bg:#fff;--text:rgb(0 0 0);--gap:1rem}
			@media (prefers-color-scheme: dark){:root{--bg:#151412;--text:oklch(90% 0 0)}a{color:var(--link);border-bottom-color:transparent}}
			body{background:var(--bg);color:var(--text);margin:var(--gap)}`;
		expect(schemeProblems(css, 'a.css')).toEqual([]);
		expect(schemeDeclarations(css).map((declaration) => declaration.property)).toEqual(['--bg', '--text', 'color', 'border-bottom-color']);
	});

	it('should name a property that changes more than a colour in a dark block', () => {
		const css = `:root{--gap:1rem}@media (prefers-color-scheme: dark){:root{--gap:2rem}.nav{display:none;color:#fff}}`;
		expect(schemeProblems(css, 'a.css')).toEqual([
			'a.css: --gap: “2rem” in a colour-scheme block is not a colour',
			'a.css: display: a colour-scheme block may set colours only, not display',
			'a.css: --gap: set to “1rem” here, but a colour-scheme block sets it to a colour',
		]);
	});

	it('should find a colour-scheme block inside another at-rule, and the light scheme too', () => {
		const css = `@supports (color: red){@media screen and (prefers-color-scheme: light){p{font-size:2em}}}`;
		expect(schemeProblems(css, 'b.css')).toEqual(['b.css: font-size: a colour-scheme block may set colours only, not font-size']);
	});

	it.each([
		['#1d1b18', true],
		['#1d1b18ff', true],
		['rgb(0 0 0 / 50%)', true],
		['color-mix(in srgb, red, blue)', true],
		['var(--link)', true],
		['transparent', true],
		['1px solid #000', false],
		['none', false],
		['2rem', false],
	])('should tell %s is a colour: %s', (value, colour) => {
		expect(isColourValue(value)).toBe(colour);
	});

	it('should tell a script that reads the colour scheme', () => {
		expect(readsScheme(`matchMedia("(prefers-color-scheme: dark)").addEventListener("change",f)`)).toBe(true);
		expect(readsScheme(`document.documentElement.dataset.x="1"`)).toBe(false);
	});
});
