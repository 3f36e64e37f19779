/**
 * The build's context: every input of the site that is not a page's own file
 * (registries, editors' notes, the claims ledger, the renames, the matters
 * and the editors' decisions on related claims) read and
 * validated once, with the Markdown pipeline's inputs made from them. The
 * `treaty-reader` integration reads it at `astro:config:setup` (a problem in
 * any file stops the build there, every problem listed), makes the Markdown
 * pipeline's inputs from it, and installs it on the build's handle
 * (`handle.ts`); `content.config.ts` and the pages, loaded as other module
 * instances, take that same object from `buildContext()`. Outside a build
 * (unit tests, `astro check` without the integration) it is read from disk
 * instead. It does not import the pipeline itself, so that the pages' bundle
 * stays free of it.
 */
import { resolve } from 'node:path';
import type { Ledger, LedgerCheck } from '../claims/types.ts';
import { checkContent } from '../loaders/content-checks.ts';
import type { LoadedMatters } from '../loaders/matters.ts';
import type { LoadedNote } from '../loaders/notes.ts';
import type { Registry } from '../loaders/registry.ts';
import type { PublishedPages } from '../schemas/published-pages.ts';
import { buildHandle } from './handle.ts';

/** What a build reads besides the pages' own files, read once. */
export interface BuildContext {
	/** Project root (absolute, no trailing separator). */
	readonly root: string;
	/** Article and actor registries. */
	readonly registry: Registry;
	/** Editors' notes, sorted by id, their Markdown parsed. */
	readonly notes: readonly LoadedNote[];
	/** The permalink ledger (`content/claims-ledger.json`). */
	readonly ledger: Ledger;
	/** Recorded renames of commentaries, old slug → new slug. */
	readonly renames: ReadonlyMap<string, string>;
	/** The matters the commentaries discuss, their spellings table and the editors' decisions on related claims. */
	readonly matters: LoadedMatters;
	/** The record of published actor and article pages (`content/published-pages.json`). */
	readonly publishedPages: PublishedPages;
	/**
	 * Each commentary's ledger check, by slug, as the pipeline made it while
	 * rendering the commentary (a commentary the content cache did not
	 * re-render has none).
	 */
	readonly ledgerChecks: ReadonlyMap<string, LedgerCheck>;
	/** Records a commentary's ledger check (the pipeline's `ledgerChecked`). */
	readonly ledgerChecked: (slug: string, check: LedgerCheck) => void;
}

/**
 * Read and check every input of a build.
 *
 * @param root
 *   Project root.
 * @returns
 *   The context.
 * @throws {ContentProblems}
 *   Every problem of every file in `content/`, one line each.
 */
export function readBuildContext(root: string): BuildContext {
	const content = checkContent(root);
	const ledgerChecks = new Map<string, LedgerCheck>();
	return {
		root: resolve(root),
		...content,
		ledgerChecks,
		ledgerChecked: (slug, check) => {
			ledgerChecks.set(slug, check);
		},
	};
}

/**
 * Make a context the build's own, for every module instance of this process
 * (the integration, while it sets the build up), or withdraw it (`undefined`,
 * once the build is done).
 *
 * @param context
 *   The context, or `undefined`.
 */
export function installBuildContext(context: BuildContext | undefined): void {
	buildHandle().context = context;
}

/**
 * The context of the build under way, or, outside a build, one read from
 * disk now.
 *
 * @param root
 *   Project root the caller builds (default: the build's, or the working
 *   directory outside a build).
 * @returns
 *   The context.
 */
export function buildContext(root?: string): BuildContext {
	const installed = buildHandle().context;
	if (installed && (root === undefined || resolve(root) === installed.root)) return installed;
	return readBuildContext(root ?? process.cwd());
}
