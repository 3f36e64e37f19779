/**
 * What the colour schemes may change. The browser suites run every axe rule
 * in the light scheme and, in the dark one, only the rules that read colours
 * (tests/support/axe.ts): sound as long as the dark scheme changes colours and
 * nothing else. These checks hold the build to that: inside a
 * `prefers-color-scheme` media block, only colour properties and custom
 * properties set to colours; a custom property set there holds a colour
 * wherever it is set; and no script reads the scheme.
 */
import { generate, parse as parseCss, walk as walkCss, type CssNode } from 'css-tree';

/** Properties whose every value is a colour. */
const colourProperties = new Set([
	'color',
	'background-color',
	'border-color',
	'border-top-color',
	'border-right-color',
	'border-bottom-color',
	'border-left-color',
	'border-block-color',
	'border-inline-color',
	'outline-color',
	'text-decoration-color',
	'text-emphasis-color',
	'caret-color',
	'accent-color',
	'column-rule-color',
	'fill',
	'stroke',
	'stop-color',
	'flood-color',
	'lighting-color',
	'scrollbar-color',
]);

/** A colour value: hex, a colour function, `transparent` or `currentcolor`, or another custom property. */
export function isColourValue(value: string): boolean {
	return /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark|var)\(.*\)|transparent|currentcolor)$/i.test(value.trim());
}

/** A declaration's property and value, as written. */
function declarationOf(node: CssNode): { property: string; value: string } {
	const property = node.property ?? '';
	return { property, value: generate(node).slice(property.length + 1).replace(/!important$/i, '').trim() };
}

/** The declarations inside a stylesheet's colour-scheme blocks (`@media (prefers-color-scheme: …)`), in order. */
export function schemeDeclarations(css: string): { property: string; value: string }[] {
	const found: { property: string; value: string }[] = [];
	walkCss(parseCss(css), (node) => {
		if (node.type !== 'Atrule' || node.name !== 'media' || !node.prelude || !node.block) return;
		if (!generate(node.prelude).includes('prefers-color-scheme')) return;
		walkCss(node.block, (inner) => {
			if (inner.type === 'Declaration') found.push(declarationOf(inner));
		});
	});
	return found;
}

/**
 * Problems with what a stylesheet's colour-scheme blocks change: one line per
 * declaration that is not a colour, naming the file and property.
 *
 * @param css A stylesheet's text.
 * @param file Its name, for the lines.
 */
export function schemeProblems(css: string, file: string): string[] {
	const ast = parseCss(css);
	const problems: string[] = [];
	/** Custom properties set in a colour-scheme block. */
	const swapped = new Set<string>();
	/** Declarations inside a colour-scheme block (checked there), so that the walk below can skip them. */
	const inScheme = new Set<CssNode>();
	walkCss(ast, (node) => {
		if (node.type !== 'Atrule' || node.name !== 'media' || !node.prelude || !node.block) return;
		if (!generate(node.prelude).includes('prefers-color-scheme')) return;
		walkCss(node.block, (inner) => {
			if (inner.type !== 'Declaration') return;
			inScheme.add(inner);
			const { property, value } = declarationOf(inner);
			if (property.startsWith('--')) {
				swapped.add(property);
				if (!isColourValue(value)) problems.push(`${file}: ${property}: “${value}” in a colour-scheme block is not a colour`);
			} else if (!colourProperties.has(property.toLowerCase())) {
				problems.push(`${file}: ${property}: a colour-scheme block may set colours only, not ${property}`);
			}
		});
	});
	walkCss(ast, (node) => {
		if (node.type !== 'Declaration' || inScheme.has(node)) return;
		const { property, value } = declarationOf(node);
		if (swapped.has(property) && !isColourValue(value)) {
			problems.push(`${file}: ${property}: set to “${value}” here, but a colour-scheme block sets it to a colour`);
		}
	});
	return problems;
}

/**
 * Whether a script reads the colour scheme (`matchMedia('(prefers-color-scheme: …)')`):
 * a page whose script did could change more than colours with it.
 */
export function readsScheme(script: string): boolean {
	return script.includes('prefers-color-scheme');
}
