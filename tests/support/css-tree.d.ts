/**
 * The slice of css-tree's API the dist checks use (the package ships no
 * types). css-tree arrives with svgo, a dependency of Astro.
 */
declare module 'css-tree' {
	export interface CssLocation {
		start: { line: number; column: number };
	}
	export interface CssNode {
		type: string;
		/** `Url`: the URL; `String`: the text without quotes. */
		value?: string;
		/** `Atrule`: its name (`import`, `font-face`, …). */
		name?: string;
		prelude?: CssNode | null;
		/** `Atrule`, `Rule`: the braces' content. */
		block?: CssNode | null;
		/** `Declaration`: the property's name (`color`, `--bg`). */
		property?: string;
		loc?: CssLocation | null;
	}
	export function parse(css: string, options?: { positions?: boolean; filename?: string; onParseError?: (error: Error) => void }): CssNode;
	export function walk(ast: CssNode, visit: (node: CssNode) => void): void;
	/** The CSS text of a node. */
	export function generate(ast: CssNode): string;
}
