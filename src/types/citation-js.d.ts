/**
 * The slice of citation-js's API the site uses (the packages ship no types).
 * The plugins register themselves with the core when imported.
 */
declare module '@citation-js/core' {
	export class Cite {
		constructor(data: unknown, options?: Record<string, unknown>);
		/** The items, normalised to CSL-JSON. */
		data: Record<string, unknown>[];
		format(format: string, options?: Record<string, unknown>): unknown;
		static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
	}
	export const plugins: {
		config: { get(plugin: string): unknown };
		input: { chain(data: unknown, options?: Record<string, unknown>): unknown };
		/** Run one registered output format (`bibtex`, `ris`, …) over CSL-JSON items. */
		output: { format(name: string, data: readonly Record<string, unknown>[], options?: Record<string, unknown>): unknown };
	};
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
