/**
 * The architecture, checked: every import in `src/` points down the layers
 * (or within its own module), no two modules import each other through any
 * path, and the pure layers read no content store, file system or Astro module.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, moduleCycles, moduleOf, typeCasts } from '../support/import-graph';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Each module's layer, lowest first. A module may import its own layer's
 * modules (without a cycle) and any lower layer, never a higher one.
 */
const LAYERS: readonly (readonly string[])[] = [
	['src/schemas', 'src/types'],
	['src/utils'],
	['src/annotate', 'src/claims'],
	['src/loaders'],
	['src/markdown'],
	['src/corpus', 'src/build'],
	['src/layouts'],
	['src/features/*'],
	['src/integrations'],
	['src/pages', 'src/content.config.ts'],
];

/** Modules whose code must run anywhere: no `astro:*` module, no file system. */
const PURE = ['src/schemas', 'src/utils', 'src/annotate', 'src/claims'];

/** The layer of a module, or -1 for one the table does not place. */
function layerOf(module: string): number {
	return LAYERS.findIndex((layer) => layer.some((name) => name === module || (name.endsWith('/*') && module.startsWith(name.slice(0, -1)))));
}

const edges = importGraph(ROOT);
const local = edges.filter((edge) => edge.to?.startsWith('src/'));

describe('architecture', () => {
	it('should place every module of src/ in a layer', () => {
		const modules = new Set(edges.map((edge) => moduleOf(edge.from)));
		expect([...modules].filter((module) => layerOf(module) < 0)).toEqual([]);
	});

	it('should import nothing from a higher layer', () => {
		const upward = local
			.filter((edge) => layerOf(moduleOf(edge.to!)) > layerOf(moduleOf(edge.from)))
			.map((edge) => `${edge.from} → ${edge.to}`);
		expect(upward).toEqual([]);
	});

	it('should have no import cycle between modules', () => {
		const graph = new Map<string, Set<string>>();
		for (const edge of local) {
			const from = moduleOf(edge.from);
			const to = moduleOf(edge.to!);
			if (from === to) continue;
			if (!graph.has(from)) graph.set(from, new Set());
			graph.get(from)!.add(to);
		}
		expect(moduleCycles(graph)).toEqual([]);
	});

	it('should keep the pure layers free of Astro modules and the file system', () => {
		const impure = edges
			.filter((edge) => PURE.includes(moduleOf(edge.from)))
			.filter((edge) => /^astro:|^node:fs|^fs$/.test(edge.specifier))
			.map((edge) => `${edge.from} imports ${edge.specifier}`);
		expect(impure).toEqual([]);
	});

	it('should cast types only where a library forces it, saying why, fewer than 30 times', () => {
		const casts = typeCasts(ROOT);
		expect(casts.filter((cast) => !cast.explained).map((cast) => `${cast.file}:${cast.line}: ${cast.text}`)).toEqual([]);
		expect(casts.length).toBeLessThan(30);
	});

	it('should find cycles and upward imports when there are some', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])],
		]);
		expect(moduleCycles(graph)).toEqual([['a', 'b', 'c']]);
		expect(layerOf('src/features/compare')).toBeGreaterThan(layerOf('src/corpus'));
		expect(layerOf('src/nowhere')).toBe(-1);
	});

	it('should find every cast, in code and in Astro files, and whether it is explained', () => {
		const root = mkdtempSync(join(tmpdir(), 'casts-'));
		try {
			mkdirSync(join(root, 'src'));
			writeFileSync(join(root, 'src/a.ts'), 'const a = b as string;\n// cast: the library returns any\nconst c = <number>d;\nconst e = [1] as const;\n');
			writeFileSync(
				join(root, 'src/B.astro'),
				'---\nconst x = y as Element;\n---\n<script type="application/ld+json" set:html={z} />\n<p>as if</p>\n<script>\nconst q = r as HTMLElement; // cast: DOM\n</script>\n',
			);
			expect(typeCasts(root).map(({ file, line, explained }) => `${file}:${line}:${explained}`)).toEqual([
				'src/B.astro:2:false',
				'src/B.astro:7:true',
				'src/a.ts:1:false',
				'src/a.ts:3:true',
			]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
