/**
 * Metric-matched fallback fonts for the reading face (Source Serif 4, served
 * from @fontsource with `font-display: swap`). Until the web font arrives the
 * text is set in a local serif whose size and vertical metrics are adjusted
 * (`size-adjust`, `ascent-override`, `descent-override`, `line-gap-override`)
 * to take the same room, so the swap moves nothing (no layout shift). The
 * formula is Capsize's (also used by Astro's font support): scale the
 * fallback so its average lowercase width matches, then set its ascent,
 * descent and line gap to the web font's in the scaled em.
 *
 * The faces themselves are in `src/styles/fonts.css`; a unit test checks
 * them against this module and this module's web-font metrics against the
 * font files.
 */

/** The font metrics the adjustment needs, in font units. */
export interface FontMetrics {
	ascent: number;
	/** Negative, below the baseline. */
	descent: number;
	lineGap: number;
	unitsPerEm: number;
	/** Average width of lowercase letters, weighted by English letter frequency (Capsize's `xWidthAvg`). */
	xWidthAvg: number;
}

/** Source Serif 4 (latin subset), as read from @fontsource's files by @capsizecss/unpack. */
export const SOURCE_SERIF_4: Readonly<Record<FaceStyle, FontMetrics>> = {
	regular: { ascent: 1036, descent: -335, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 479 },
	italic: { ascent: 1036, descent: -335, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 441 },
	semibold: { ascent: 1036, descent: -335, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 486 },
};

/** The three faces the site loads: 400, 400 italic and 600. */
export type FaceStyle = 'regular' | 'italic' | 'semibold';

/**
 * Local serif faces to stand in, with their metrics: Times New Roman (macOS,
 * Windows; Liberation Serif and Tinos share its metrics on Linux and Android)
 * as published by Capsize, and DejaVu Serif (most Linux systems) as read
 * from its files. Their italics have the upright faces' metrics.
 */
export const LOCAL_SERIFS = {
	'Times New Roman': {
		local: ['Times New Roman', 'Liberation Serif', 'Tinos'],
		regular: { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 832 },
		italic: { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 832 },
		semibold: { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 886 },
	},
	'DejaVu Serif': {
		local: ['DejaVu Serif'],
		regular: { ascent: 1901, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1058 },
		italic: { ascent: 1901, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1058 },
		semibold: { ascent: 1923, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1168 },
	},
} as const satisfies Record<string, { local: readonly string[] } & Record<FaceStyle, FontMetrics>>;

/** The four `@font-face` descriptors that make a fallback take the web font's room, as CSS percentages. */
export interface FallbackOverrides {
	sizeAdjust: string;
	ascentOverride: string;
	descentOverride: string;
	lineGapOverride: string;
}

/**
 * The descriptors that make `fallback` occupy the room of `preferred`.
 *
 * @param preferred
 *   Metrics of the web font.
 * @param fallback
 *   Metrics of the local font standing in for it.
 * @returns
 *   `size-adjust`, `ascent-override`, `descent-override` and `line-gap-override`, rounded to 0.01 %.
 */
export function fallbackOverrides(preferred: FontMetrics, fallback: FontMetrics): FallbackOverrides {
	const sizeAdjust = preferred.xWidthAvg / preferred.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
	const em = preferred.unitsPerEm * sizeAdjust;
	return {
		sizeAdjust: percent(sizeAdjust),
		ascentOverride: percent(preferred.ascent / em),
		descentOverride: percent(Math.abs(preferred.descent) / em),
		lineGapOverride: percent(preferred.lineGap / em),
	};
}

/** A ratio as a CSS percentage rounded to two decimals (`1.0312` → `103.12%`). */
function percent(ratio: number): string {
	return `${Math.round(ratio * 10000) / 100}%`;
}
