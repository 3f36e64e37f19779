import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { compileActors, createActorScanner, type ActorSource } from '../../annotate/actor-matcher.ts';
import { annotateTree } from './mentions/annotate-tree.ts';
import { presentActor } from './mentions/present.ts';
import { sourceOf } from './mentions/positions.ts';
import { recordMentions } from './mentions/record.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/** Options of `remarkActorMentions`. */
export interface Options extends ScopeOptions {
	/** Actor records with ids (from `loadRegistry(root).actors`) (default: `[]`, nothing linked). */
	actors?: ReadonlyArray<ActorSource> | null | undefined;
	/**
	 * Lines of the file before the Markdown the plugin is given (its frontmatter, which Astro cuts off), so that
	 * positions name the line an editor opens (default: none; the pipeline passes the loaders' `lineOffset`).
	 */
	lineOffset?: ((file: VFile) => number) | null | undefined;
}

/**
 * Link every surface form of a registry actor to the actor's page.
 *
 * ```md
 * Jack Sullivan said Russia’s ties with the DPRK grew.
 * ```
 *
 * becomes
 *
 * ```html
 * <a href="/actors/jake-sullivan/" class="mention mention-actor" data-mention="actor" data-ref="jake-sullivan"
 *   data-form="misspelling" data-correct="Jake Sullivan">Jack Sullivan</a> said
 * <a href="/actors/russia/" class="mention mention-actor" data-mention="actor" data-ref="russia" data-form="name">Russia’s</a> ties …
 * ```
 *
 * Short forms ("Kim") are linked only when the document names exactly one
 * actor with that short form in full. Mentions are appended to
 * `file.data.mentions`.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function remarkActorMentions(options?: Readonly<Options> | null) {
	const include = fileScope(options);
	const lineOffset = options?.lineOffset ?? (() => 0);
	// Which actors the whole document names decides what a bare short form means: the scanner reads every
	// text of the document first, and scans each text once where no context precedes it.
	const scanActors = createActorScanner(compileActors(options?.actors ?? []));

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const { mentions } = annotateTree(tree, scanActors, presentActor, sourceOf(file), lineOffset(file));
		recordMentions(file, mentions);
		return undefined;
	};
}
