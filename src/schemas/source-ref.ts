import { z } from 'astro/zod';
import { visibleText } from './text.ts';
import { contentUrlSchema } from './safe-url.ts';

/** A public source backing an editorial statement. */
export const sourceRefSchema = z.strictObject({
	/** What the source is, e.g. "KCNA English text (kcnawatch mirror)". */
	label: visibleText(),
	/** Public address; omitted when only a citation is known. */
	url: contentUrlSchema.optional(),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
