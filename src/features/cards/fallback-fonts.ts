/**
 * The faces a share card falls back to for characters the reading face
 * (Source Serif 4: Latin, Cyrillic, Greek, Vietnamese) lacks: Hangul and the
 * Hanja a Korean text uses (Noto Sans KR), Chinese and Japanese (Noto Sans
 * SC, which has the kana too), symbols and arrows (Noto Sans Symbols 2),
 * emoji (Noto Emoji, in outline, as the card's inks need) and, last, Noto
 * Serif for polytonic Greek, its combining accents and the mathematical
 * alphanumerics (its greek-ext and math files), then Arabic (Noto Sans
 * Arabic) and Hebrew (Noto Sans Hebrew), quoted in this field; asked last,
 * these change no character the others draw. All OFL-licensed @fontsource
 * packages.
 *
 * Fontsource cuts each face into files by Unicode range, as the web does, and
 * says which file holds which range in its CSS (`400.css`: one `@font-face`
 * per file with its `unicode-range`). A card opens only the files that hold
 * the characters it draws: the subsetting is done by the package, and a
 * build that quotes no Korean never reads a Korean file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The fallback packages, in the order they are asked. */
export const FALLBACK_PACKAGES = ['@fontsource/noto-sans-kr', '@fontsource/noto-sans-sc', '@fontsource/noto-sans-symbols-2', '@fontsource/noto-emoji', '@fontsource/noto-serif', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-hebrew'] as const;

/** One file of a fallback face and the code points it holds. */
export interface FallbackFile {
	/** Absolute path of its WOFF file. */
	path: string;
	/** Inclusive code-point ranges, from its `unicode-range`. */
	ranges: readonly (readonly [number, number])[];
}

/** Files per package and weight, read once. */
const filesRead = new Map<string, FallbackFile[]>();

/**
 * The files of a fallback package at a weight (its nearest: a face with
 * only 400 gives 400), from the package's CSS.
 *
 * @param name
 *   Package name.
 * @param weight
 *   CSS weight wanted.
 * @returns
 *   Its files, in the CSS's order.
 */
export function fallbackFiles(name: string, weight: number): FallbackFile[] {
	const key = `${name}@${weight}`;
	let files = filesRead.get(key);
	if (files) return files;
	const folder = dirname(require.resolve(`${name}/package.json`));
	let css: string;
	try {
		css = readFileSync(join(folder, `${weight}.css`), 'utf8');
	} catch {
		css = readFileSync(join(folder, '400.css'), 'utf8');
	}
	files = [];
	for (const block of css.split('@font-face').slice(1)) {
		const woff = /url\(\.\/(files\/[^)]+\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
		const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
		if (!woff || !range) continue;
		files.push({ path: join(folder, woff), ranges: parseUnicodeRange(range) });
	}
	filesRead.set(key, files);
	return files;
}

/**
 * A CSS `unicode-range` value as inclusive ranges (`U+0-FF`, `U+4??`, `U+20AC`).
 *
 * @param value
 *   The descriptor's value.
 * @returns
 *   Ranges.
 */
export function parseUnicodeRange(value: string): [number, number][] {
	return value
		.split(',')
		.map((part) => part.trim().replace(/^U\+/i, ''))
		.filter(Boolean)
		.map((part) => {
			if (part.includes('?')) return [Number.parseInt(part.replaceAll('?', '0'), 16), Number.parseInt(part.replaceAll('?', 'F'), 16)];
			const [start = '', end = start] = part.split('-');
			return [Number.parseInt(start, 16), Number.parseInt(end, 16)];
		});
}

/**
 * The fallback files whose range holds a code point, in the order to try them.
 *
 * @param codePoint
 *   The character.
 * @param weight
 *   CSS weight wanted.
 * @returns
 *   Absolute paths.
 */
export function fallbackFilesFor(codePoint: number, weight: number): string[] {
	return FALLBACK_PACKAGES.flatMap((name) =>
		fallbackFiles(name, weight)
			.filter((file) => file.ranges.some(([start, end]) => codePoint >= start && codePoint <= end))
			.map((file) => file.path),
	);
}

/**
 * What identifies the fallback faces for the card cache: each package's
 * `package.json` (its version), not its hundreds of font files.
 *
 * @returns
 *   Absolute paths.
 */
export function fallbackTemplateFiles(): string[] {
	return FALLBACK_PACKAGES.map((name) => require.resolve(`${name}/package.json`));
}
