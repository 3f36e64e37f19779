import { z } from 'astro/zod';
import { visibleText } from './text.ts';
import { isoDateOrRange } from './iso-date.ts';
import { sourceRefSchema } from './source-ref.ts';

/** A dated event for the timeline (treaty-facts §1b and §6). */
export const eventSchema = z.strictObject({
	/** Stable id, kebab-case. */
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id'),
	/** ISO date, month, year, or a range `start/end`. */
	date: isoDateOrRange,
	/** What happened, in the editors' words. */
	label: visibleText(),
	/** A few words naming it, written beside a key event's mark on the timeline drawing (default: none). */
	short: visibleText(40).optional(),
	/** True when the date is approximate or implicit. (default: `false`) */
	approximate: z.boolean().default(false),
	/** A turning point: highlighted and labelled (with `short`) on the timeline drawing. (default: `false`) */
	key: z.boolean().default(false),
	/** A document the 2024 treaty replaced, listed on the home page. (default: `false`) */
	replacedByTreaty: z.boolean().default(false),
	sources: z.array(sourceRefSchema).min(1),
	/** Actor ids involved. */
	actors: z.array(visibleText()).default([]),
});

export type TimelineEvent = z.infer<typeof eventSchema>;
