/**
 * `npm run ledger`: bring content/claims-ledger.json up to date with the
 * claims of content/commentaries/*.md, without building the site, and
 * content/published-pages.json with the actor and article pages. Both are
 * append-only: a missing or cut-short ledger, or a published page whose file
 * is gone without a recorded move or retirement, is refused.
 *
 *   npm run ledger                                   add new ids, record redirects
 *   npm run ledger -- --check                        exit 1 if the ledger is stale or an id is lost
 *   npm run ledger -- --retire c-0123456789 --reason "Sentence removed at the author's request"
 *
 * Options for tests: --root <dir> (project root; default: this script's parent folder).
 * Runs on Node 24 type stripping: `npx node scripts/update-ledger.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LEDGER_PATH, checkLedger, emptyLedger, parseLedgerFile, serializeLedger, updateLedger } from '../src/claims/ledger.ts';
import { claimsOfDirectory } from '../src/markdown/render.ts';
import { createCommentaryProcessor, loadPipelineInputs } from '../src/markdown/pipeline.ts';
import { loadRenames, readRenames } from '../src/loaders/renames.ts';
import { goneCommentaryProblems, PUBLISHED_PAGES_PATH, publishedPagesProblems, readPublishedPages, serializePublishedPages, updatePublishedPages } from '../src/loaders/published-pages.ts';
import { listPublished } from '../src/loaders/published.ts';
import { pairId, prerenderedPairs } from '../src/features/compare/model.ts';

const USAGE = 'usage: npm run ledger [-- --check] [-- --retire <id> --reason "…" [--retire <id> --reason "…"]…] [--root <dir>]';

/** Where the command reports: its lines and its refusals (the console, or a test's buffer). */
export interface LedgerOutput {
	log(line: string): void;
	error(line: string): void;
}

/**
 * The command itself: what `npm run ledger` runs with its arguments, and
 * what the tests run in their own process (starting Node and the Markdown
 * pipeline once per call cost about 1.2 s of CPU, two dozen times a test run).
 *
 * @param args
 *   The arguments after `npm run ledger --`.
 * @param output
 *   Where it reports (default: the console).
 * @returns
 *   The exit code: 0 done or up to date, 1 refused or stale, 2 a usage error.
 */
export async function runLedger(args: readonly string[], output: LedgerOutput = console): Promise<number> {
	try {
		return await ledgerCommand(args, output);
	} catch (error) {
		output.error(`✗ ${(error as Error).message}`);
		return 1;
	}
}

/** {@link runLedger}, whose errors it reports. */
async function ledgerCommand(args: readonly string[], output: LedgerOutput): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...args],
			options: {
				check: { type: 'boolean', default: false },
				retire: { type: 'string', multiple: true, default: [] },
				reason: { type: 'string', multiple: true, default: [] },
				root: { type: 'string' },
				help: { type: 'boolean', default: false },
			},
			strict: true,
		});
	} catch (error) {
		output.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const { values } = parsed;
	if (values.help) {
		output.log(USAGE);
		return 0;
	}
	if (values.retire.length !== values.reason.length) {
		output.error(`every --retire <id> needs its own --reason "…" (got ${values.retire.length} ids and ${values.reason.length} reasons)\n${USAGE}`);
		return 2;
	}
	if (values.check && values.retire.length > 0) {
		output.error(`--check does not change the ledger; drop --retire or --check\n${USAGE}`);
		return 2;
	}

	const root = resolve(values.root ?? fileURLToPath(new URL('..', import.meta.url)));
	const ledgerFile = join(root, LEDGER_PATH);
	const commentaries = join(root, 'content', 'commentaries');

	// The ledger is append-only: a missing or cut-short ledger is refused, never rewritten from the text
	// (that would drop every retired and redirected id). content/published-pages.json says how many were published.
	const pagesFile = join(root, PUBLISHED_PAGES_PATH);
	const pages = existsSync(pagesFile) ? readPublishedPages(root) : { record: undefined, problems: [], locate: () => undefined };
	if (pages.problems.length > 0) {
		for (const problem of pages.problems) output.error(`✗ ${problem}`);
		output.error(`${LEDGER_PATH} was not changed.`);
		return 1;
	}
	const published = pages.record?.claims ?? 0;
	if (!existsSync(ledgerFile) && published > 0) {
		output.error(
			`✗ ${LEDGER_PATH} is missing, but ${published} sentence ids were published (${PUBLISHED_PAGES_PATH}); restore it from version control (git checkout -- ${LEDGER_PATH}): a new ledger would drop every retired and redirected id`,
		);
		return 1;
	}
	const ledger = existsSync(ledgerFile) ? parseLedgerFile(await readFile(ledgerFile, 'utf8'), LEDGER_PATH) : emptyLedger();
	const current = {
		actors: new Set(existsSync(join(root, 'content', 'actors')) ? listPublished(join(root, 'content', 'actors'), '.yaml').map((name) => name.slice(0, -'.yaml'.length)) : []),
		articles: new Set(
			existsSync(join(root, 'content', 'articles'))
				? listPublished(join(root, 'content', 'articles'), '.yaml').filter((name) => /^\d+\.yaml$/.test(name)).map((name) => Number(name.slice(0, -'.yaml'.length)))
				: [],
		),
	};
	// Pages whose file is gone need a decision (moved or retired) that only an editor can record.
	const pageProblems = pages.record ? publishedPagesProblems(pages, current, Object.keys(ledger.claims).length).filter((line) => !line.includes('run `npm run ledger`')) : [];
	if (pageProblems.length > 0) {
		for (const problem of pageProblems) output.error(`✗ ${problem}`);
		output.error(`${LEDGER_PATH} was not changed.`);
		return 1;
	}
	// The site's own pipeline, without the ledger check (this command is what updates the ledger).
	const claims = existsSync(commentaries) ? await claimsOfDirectory(commentaries, createCommentaryProcessor(loadPipelineInputs(root, { ledger: false }))) : new Map();
	// The compare pair pages the build writes now: the record keeps every one ever published.
	const currentPages = { ...current, pairs: new Set(prerenderedPairs([...claims.keys()]).map(([a, b]) => pairId(a, b))) };
	// Ids published under a renamed commentary's old slug land on the renamed one (content/renames.yaml).
	const renames = loadRenames(root);
	const total = [...claims.values()].reduce((sum, list) => sum + list.length, 0);
	// A commentary gone without a recorded rename is restored or renamed, never withdrawn by retiring its ids.
	const gone = goneCommentaryProblems(ledger, new Set(claims.keys()), renames, readRenames(root).lineOf);
	if (gone.length > 0) {
		for (const problem of gone) output.error(`✗ ${problem}`);
		output.error(`${LEDGER_PATH} was not changed.`);
		return 1;
	}

	if (values.check) {
		const check = checkLedger(ledger, claims, { renames });
		for (const error of check.errors) output.error(`✗ ${error}`);
		if (check.missing.length > 0) {
			output.error(`✗ ${LEDGER_PATH} lacks ${check.missing.length} current claim id(s): ${check.missing.slice(0, 10).join(', ')}${check.missing.length > 10 ? ', …' : ''}`);
		}
		if (check.stale) output.error(`✗ ${LEDGER_PATH} is stale: run \`npm run ledger\` and commit the result.`);
		const pagesStale = !pages.record || serializePublishedPages(updatePublishedPages(pages.record, currentPages, Object.keys(ledger.claims).length)) !== serializePublishedPages(pages.record);
		if (pagesStale) output.error(`✗ ${PUBLISHED_PAGES_PATH} is stale: run \`npm run ledger\` and commit the result.`);
		if (check.errors.length > 0 || check.stale || pagesStale) return 1;
		output.log(`✓ ${LEDGER_PATH} is up to date (${total} claims in ${claims.size} commentaries, ${check.redirects.length} redirects).`);
		return 0;
	}

	const retire = new Map(values.retire.map((id, index) => [id, values.reason[index]!]));
	const result = updateLedger(ledger, claims, { retire, renames });
	if (result.errors.length > 0) {
		for (const error of result.errors) output.error(`✗ ${error}`);
		output.error(`${LEDGER_PATH} was not changed.`);
		return 1;
	}
	const before = existsSync(ledgerFile) ? await readFile(ledgerFile, 'utf8') : '';
	const after = serializeLedger(result.ledger);
	if (before !== after) await writeFile(ledgerFile, after);
	const pagesAfter = serializePublishedPages(updatePublishedPages(pages.record, currentPages, Object.keys(result.ledger.claims).length));
	const pagesBefore = existsSync(pagesFile) ? await readFile(pagesFile, 'utf8') : '';
	if (pagesBefore !== pagesAfter) await writeFile(pagesFile, pagesAfter);
	output.log(
		`${before === after ? '✓ unchanged' : '✓ wrote'} ${LEDGER_PATH}: ${total} claims in ${claims.size} commentaries; ` +
			`${result.added.length} added, ${result.redirected.length} redirected, ${result.retired.length} retired.`,
	);
	for (const redirect of result.redirected) output.log(`  ${redirect.oldId} → ${redirect.newId}  (“${redirect.oldText.slice(0, 60)}”)`);
	return 0;
}

if (import.meta.main) process.exit(await runLedger(process.argv.slice(2)));
