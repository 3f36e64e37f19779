/**
 * Fixture tests: each `tests/fixtures/annotate/<case>/input.md` goes through
 * the real plugins (see `render.ts`) and must give `output.html` and
 * `data.json` (mentions and messages). `config.json` holds the case's inline
 * registry and reference date. `UPDATE=1` rewrites the expected files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type RenderOptions } from './render';

const root = join(import.meta.dirname, '../../fixtures/annotate');
const update = Boolean(process.env['UPDATE']);
// A case is a folder with an `input.md`; `commentaries/` holds whole commentaries scored elsewhere.
const cases = readdirSync(root, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'input.md')))
	.map((entry) => entry.name)
	.sort();

describe('annotation fixtures', () => {
	it('should have cases', () => {
		expect(cases).toEqual(expect.arrayContaining(['generalisation', 'traps']));
	});

	it.each(cases)('should render the %s fixture as expected', async (name) => {
		const dir = join(root, name);
		const configPath = join(dir, 'config.json');
		const config = (existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {}) as RenderOptions;
		const { html, file } = await render(readFileSync(join(dir, 'input.md'), 'utf8'), config);
		const data = `${JSON.stringify({ mentions: file.data.mentions ?? [], messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`) }, null, '\t')}\n`;
		const outputPath = join(dir, 'output.html');
		const dataPath = join(dir, 'data.json');
		if (update || !existsSync(outputPath) || !existsSync(dataPath)) {
			writeFileSync(outputPath, `${html}\n`);
			writeFileSync(dataPath, data);
		}
		expect(`${html}\n`).toBe(readFileSync(outputPath, 'utf8'));
		expect(data).toBe(readFileSync(dataPath, 'utf8'));
	});
});
