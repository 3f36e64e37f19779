/**
 * Content collections. Every file under `content/` is validated by the zod
 * schema of its collection (in `src/schemas/`), the single source of truth that
 * pages, plugins and tests all read.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { actorSchema } from './schemas/actor';
import { articleSchema } from './schemas/article';
import { commentarySchema } from './schemas/commentary';
import { eventSchema } from './schemas/event';
import { noteSchema } from './schemas/note';

/** Files whose name starts with `_` are drafts and never published. */
const PUBLISHED = '[!_]*';

export const collections = {
	commentaries: defineCollection({
		loader: glob({ base: './content/commentaries', pattern: `${PUBLISHED}.md` }),
		schema: commentarySchema,
	}),
	articles: defineCollection({
		loader: glob({ base: './content/articles', pattern: `${PUBLISHED}.yaml` }),
		schema: articleSchema,
	}),
	actors: defineCollection({
		loader: glob({ base: './content/actors', pattern: `${PUBLISHED}.yaml` }),
		schema: actorSchema,
	}),
	events: defineCollection({
		loader: file('./content/events/events.yaml'),
		schema: eventSchema,
	}),
	notes: defineCollection({
		loader: glob({ base: './content/notes', pattern: `${PUBLISHED}.md` }),
		schema: noteSchema,
	}),
};
