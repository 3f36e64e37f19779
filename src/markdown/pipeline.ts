/**
 * The Markdown pipeline, defined once: which files it transforms, the plugins
 * in their order, and the inputs they read (registries, editors' notes, the
 * permalink ledger). The site (through the `treaty-reader` integration), the
 * ledger command and the tests all build their processors from here, so a
 * test of "the real pipeline" is the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { unified } from 'unified';
import { loadRegistry, type Registry } from '../loaders/registry.ts';
import { LEDGER_PATH, parseLedger } from '../claims/ledger.ts';
import { ledgerOption } from '../loaders/ledger-digests.ts';
import type { Ledger, LedgerCheck } from '../claims/types.ts';
import { firstBodyLine, lineOffsetFor } from '../loaders/frontmatter.ts';
import { siteAddressCheck, type SiteAddressCheck } from '../loaders/site-addresses.ts';
import { listCommentarySlugs, loadEditorNotes, type LoadedNote } from '../loaders/notes.ts';
import { listPublished } from '../loaders/published.ts';
import { readContentText } from '../loaders/read-text.ts';
import { loadRenames } from '../loaders/renames.ts';
import rehypeClaimRedirects from './plugins/rehype-claim-redirects.ts';
import rehypeClaims from './plugins/rehype-claims.ts';
import rehypeEditorNotes from './plugins/rehype-editor-notes.ts';
import rehypeHeadingIds from './plugins/rehype-heading-ids.ts';
import rehypeMentionPreviews from './plugins/rehype-mention-previews.ts';
import rehypeQuietMentions from './plugins/rehype-quiet-mentions.ts';
import rehypeSiteBase from './plugins/rehype-site-base.ts';
import { mentionHandlers } from './plugins/mention-handlers.ts';
import remarkActorMentions from './plugins/remark-actor-mentions.ts';
import remarkArticleMentions from './plugins/remark-article-mentions.ts';
import remarkCommentaryBlocks from './plugins/remark-commentary-blocks.ts';
import remarkContentSafety from './plugins/remark-content-safety.ts';
import remarkDateMentions from './plugins/remark-date-mentions.ts';
import remarkNativeParse from './plugins/remark-native-parse.ts';
import remarkEditorNoteAnchors from './plugins/remark-editor-note-anchors.ts';

/** What the plugins read, loaded and validated once per build. */
export interface PipelineInputs {
	/** Article and actor registries. */
	registry: Registry;
	/** Editors' notes. */
	notes: readonly LoadedNote[];
	/** The permalink ledger; without it, published ids are not checked (the ledger command updates it). */
	ledger?: Ledger | undefined;
	/** Lines before the Markdown a plugin is handed, per commentary file, so messages name the line on disk. */
	lineOffset: (file: VFile) => number;
	/** Recorded renames of commentaries, old slug → new slug (`content/renames.yaml`). */
	renames?: ReadonlyMap<string, string> | undefined;
	/** Told each commentary's ledger check as it is rendered (default: nobody), so the build checks the ledger once. */
	ledgerChecked?: ((slug: string, check: LedgerCheck) => void) | undefined;
	/** Whether a site-relative link of a commentary names a page or file the site publishes (default: not checked). */
	sitePath?: SiteAddressCheck | undefined;
}

/** What the plugins read, already read and validated (by the build's context or the loaders). */
export type PipelineFacts = Omit<PipelineInputs, 'lineOffset' | 'sitePath'>;

/** Options of the pipeline beyond its inputs. */
export interface PipelineOptions {
	/** Astro's `base`: every root-relative link in a commentary is prefixed with it (default: `/`). */
	base?: string | undefined;
}

/**
 * The options Astro's `unified()` processor and the standalone processor
 * share: GFM on, SmartyPants off (it would rewrite the authors' quotes and
 * dashes), raw HTML dropped (our Markdown holds none), and our mention nodes
 * turned into hast by our own handlers (the same elements, without a
 * `structuredClone` of each one's properties).
 */
export const processorSettings = {
	smartypants: false,
	gfm: true,
	remarkRehype: { allowDangerousHtml: false, handlers: mentionHandlers },
} as const;

/**
 * Load and validate everything the plugins read. A bad registry entry, note
 * or ledger stops here, naming its file, line and field.
 *
 * @param root
 *   Project root.
 * @param options
 *   `ledger: false` to leave the ledger out (default: read it).
 * @returns
 *   The inputs.
 */
export function loadPipelineInputs(root: string, options?: Readonly<{ ledger?: boolean }> | null): PipelineInputs {
	return pipelineInputs(root, {
		registry: loadRegistry(root),
		notes: loadEditorNotes(root, listCommentarySlugs(root)),
		ledger: options?.ledger === false ? undefined : parseLedger(readFileSync(join(root, LEDGER_PATH), 'utf8')),
		renames: loadRenames(root),
	});
}

/**
 * The plugins' inputs from facts already read: adds where each commentary's
 * text starts in its file.
 *
 * @param root
 *   Project root.
 * @param facts
 *   Registries, notes, ledger and renames.
 * @returns
 *   The inputs.
 */
export function pipelineInputs(root: string, facts: Readonly<PipelineFacts>): PipelineInputs {
	// Read each commentary once here, so that no plugin goes back to the disk for it.
	const folder = join(root, 'content', 'commentaries');
	const bodyLines = new Map(
		listPublished(folder, '.md').map((name) => [
			join(folder, name),
			firstBodyLine(readContentText(join(folder, name), `content/commentaries/${name}`), `content/commentaries/${name}`),
		]),
	);
	const lineOffset = (file: VFile): number => {
		const bodyLine = file.path ? bodyLines.get(resolve(file.path)) : undefined;
		return bodyLine === undefined ? 0 : lineOffsetFor(String(file.value), bodyLine);
	};
	const { registry, notes, ledger, renames, ledgerChecked } = facts;
	const sitePath = siteAddressCheck({
		articleCount: registry.articles.length,
		actorIds: registry.actors.map((actor) => actor.id),
		// A renamed commentary's old address is a redirect page: still a page of the site.
		commentarySlugs: [...listCommentarySlugs(root), ...(renames?.keys() ?? [])],
		claims: ledger ? new Map(Object.entries(ledger.claims).map(([id, entry]) => [id, renames?.get(entry.commentary) ?? entry.commentary])) : undefined,
		root,
	});
	return { registry, notes, ledger, renames, ledgerChecked, lineOffset, sitePath };
}

/**
 * The plugins in their order. Each transforms only the files of the one rule
 * in `scope.ts` (`isCommentary`, every plugin's default), so none is told here.
 *
 * @param inputs
 *   Registries, notes and (optionally) the ledger.
 * @param options
 *   Base path.
 * @returns
 *   Remark plugins (after parsing, GFM and directives) and rehype plugins.
 */
export function markdownPlugins(
	inputs: Readonly<PipelineInputs>,
	options?: Readonly<PipelineOptions> | null,
): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
	const { registry, notes, ledger, lineOffset, renames, ledgerChecked, sitePath } = inputs;
	// The number of articles comes from the registry.
	const articleCount = registry.articles.length;
	return {
		remarkPlugins: [
			remarkDirective,
			// Sätteri's native parser for every text it reads as micromark does (the same mdast), micromark for the rest.
			remarkNativeParse,
			remarkCommentaryBlocks,
			// Before anything adds links: raw HTML and unsafe URLs are the author's, and errors.
			[remarkContentSafety, { sitePath }],
			// First, while paragraphs are plain text: notes quote the authors' words as written.
			[remarkEditorNoteAnchors, { notes }],
			[remarkArticleMentions, { articles: registry.articles, articleCount, instruments: registry.instruments, spellings: registry.spellings, lineOffset }],
			[remarkActorMentions, { actors: registry.actors, lineOffset }],
			[remarkDateMentions, { lineOffset }],
		],
		rehypePlugins: [
			// Claims first: the editors' notes placed afterwards never become claims.
			// With the ledger check after it, an empty commentary is reported there, with any lost ids.
			[rehypeClaims, { allowEmpty: Boolean(ledger) }],
			...(ledger ? ([[rehypeClaimRedirects, { ledger: ledgerOption(ledger), renames, checked: ledgerChecked }]] satisfies RehypePlugins) : []),
			[rehypeMentionPreviews, registry],
			[rehypeEditorNotes, { notes }],
			// Content headings get `h-` ids, apart from the page's own ids and globals.
			rehypeHeadingIds,
			// Every link the plugins made is root-relative until here.
			[rehypeSiteBase, { base: options?.base ?? '/' }],
			// After the base is applied, so a quiet mention keeps its full address for the reader's preference.
			rehypeQuietMentions,
		],
	};
}

/**
 * The plugins of an Astro plugin list as unified takes them. Astro's lists
 * also allow plugin names as strings, which ours never use: such an entry is
 * left out.
 *
 * @param list
 *   Remark or rehype plugins, with their options.
 * @returns
 *   The same plugins.
 */
function ownPlugins<Entry>(list: readonly Entry[]): Exclude<Entry, NamedPlugin>[] {
	return list.filter((plugin): plugin is Exclude<Entry, NamedPlugin> => typeof plugin !== 'string' && !(Array.isArray(plugin) && typeof plugin[0] === 'string'));
}

/** A plugin given by name in an Astro plugin list, with or without options. */
type NamedPlugin = string | [string, ...unknown[]];

/**
 * A standalone processor with exactly the site's pipeline: remark-parse and
 * GFM, the plugins of `markdownPlugins`, remark-rehype, rehype-stringify.
 *
 * @param inputs
 *   Registries, notes and (optionally) the ledger.
 * @param options
 *   Base path.
 * @returns
 *   A unified processor; its files carry `data.claims` after processing.
 */
export function createCommentaryProcessor(inputs: Readonly<PipelineInputs>, options?: Readonly<PipelineOptions> | null) {
	const { remarkPlugins, rehypePlugins } = markdownPlugins(inputs, options);
	return unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(ownPlugins(remarkPlugins))
		.use(remarkRehype, processorSettings.remarkRehype)
		.use(ownPlugins(rehypePlugins))
		.use(rehypeStringify);
}
