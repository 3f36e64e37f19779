/**
 * The citation styles and export formats the site offers, with the names
 * readers see: read by the build (which formats them, ./cite.ts) and by the
 * pages' scripts (which show them), so it imports nothing. Pure.
 */

/** Formatted styles: label shown to readers and the CSL file in `content/csl/`. */
export const CITATION_STYLES = {
	apa: { label: 'APA', file: 'apa.csl' },
	chicago: { label: 'Chicago', file: 'chicago-author-date.csl' },
	mla: { label: 'MLA', file: 'modern-language-association.csl' },
} as const;

export type CitationStyle = keyof typeof CITATION_STYLES;

/** The styles, in the order `CITATION_STYLES` lists them. */
export const CITATION_STYLE_ORDER: readonly CitationStyle[] = Object.keys(CITATION_STYLES).filter((style): style is CitationStyle => style in CITATION_STYLES);

/** The style a share page prints; the others are filled in by its script. */
export const PRINTED_STYLE: CitationStyle = 'apa';

/**
 * What a citation's copy button says to screen readers after “Copy”: the page
 * prints it for its style and the script writes it for each style it adds.
 *
 * @param style
 *   The style.
 * @returns
 *   The words, with their leading space.
 */
export function copyCitationWords(style: CitationStyle): string {
	return ` the ${CITATION_STYLES[style].label} citation`;
}

/** The formats a reference manager imports, with their names, in the order pages show them. */
export const EXPORT_FORMATS = [
	['bibtex', 'BibTeX'],
	['ris', 'RIS'],
	['csl', 'CSL-JSON'],
] as const;
