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
		loc?: CssLocation | null;
	}
	export function parse(css: string, options?: { positions?: boolean; filename?: string; onParseError?: (error: Error) => void }): CssNode;
	export function walk(ast: CssNode, visit: (node: CssNode) => void): void;
}
