/**
 * Every built page is valid HTML by html-validate's recommended rules (see
 * html-validate.config.ts for the few relaxations), with unique ids.
 * Astro 7 no longer repairs invalid markup, so this is the net.
 */
import { describe, expect, it } from 'vitest';
import { HtmlValidate, type Message } from 'html-validate';
import { htmlValidateConfig } from './html-validate.config';
import { distDir, hasBuild, listPages, parsePage, readDistFile } from '../support/dist';
import { indexPage } from '../support/dist-index';

const built = hasBuild();

function describeMessage(file: string, message: Message): string {
	return `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ''}`;
}

describe('HTML validity of dist/', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const validator = new HtmlValidate(htmlValidateConfig);
	const pages = listPages();

	it.each(pages.map((page) => [page.path, page] as const))('should validate %s', async (_path, page) => {
		const report = await validator.validateString(readDistFile(page.file), page.file);
		const messages = report.results.flatMap((result) => result.messages).filter((message) => message.severity >= 2);
		expect(messages.map((message) => describeMessage(page.file, message))).toEqual([]);
	});

	it.each(pages.map((page) => [page.path, page] as const))('should use each id once on %s', (_path, page) => {
		expect(indexPage(page.file, parsePage(page.file)).duplicateIds).toEqual([]);
	});
});
