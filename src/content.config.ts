/**
 * Content collections. Every file under `content/` is validated by the zod
 * schema of its collection (in `src/schemas/`), the single source of truth that
 * pages, plugins and tests all read.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { actorSchema } from './schemas/actor.ts';
import { articleSchema } from './schemas/article.ts';
import { commentarySchema } from './schemas/commentary.ts';
import { eventSchema } from './schemas/event.ts';
import { noteSchema } from './schemas/note.ts';
import { PUBLISHED_GLOB } from './loaders/published.ts';
import { strictGlob } from './loaders/strict-glob.ts';
import { ledgerDigests } from './loaders/ledger-digests.ts';
import { buildContext } from './build/context.ts';

/** Each commentary's part of the ledger the build read (src/build/context.ts), as a digest. */
function ledgerDigestsOf(root: string): (file: string) => string {
	const { ledger, renames } = buildContext(root);
	return ledgerDigests(ledger, renames);
}

export const collections = {
	commentaries: defineCollection({
		// Each commentary's part of the claims ledger is an input of its rendering (src/loaders/ledger-digests.ts).
		// The Markdown source is not kept in Astro's data store: pages read the rendered body and the recorded claims,
		// and the store (loaded whole by every build) would carry each commentary's text once more.
		loader: strictGlob({ base: './content/commentaries', pattern: `${PUBLISHED_GLOB}.md`, renderInputs: ledgerDigestsOf, retainBody: false }),
		schema: commentarySchema,
	}),
	articles: defineCollection({
		loader: strictGlob({ base: './content/articles', pattern: `${PUBLISHED_GLOB}.yaml` }),
		schema: articleSchema,
	}),
	actors: defineCollection({
		loader: strictGlob({ base: './content/actors', pattern: `${PUBLISHED_GLOB}.yaml` }),
		schema: actorSchema,
	}),
	events: defineCollection({
		loader: file('./content/events/events.yaml'),
		schema: eventSchema,
	}),
	notes: defineCollection({
		loader: strictGlob({ base: './content/notes', pattern: `${PUBLISHED_GLOB}.md` }),
		schema: noteSchema,
	}),
};
