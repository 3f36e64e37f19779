/**
 * The spellings table (`content/spellings.yaml`): a variant spelling → the
 * spelling it is folded to (`defense: defence`). Article subject phrases and
 * matters' phrases are both matched with it, so it has one schema.
 */
import { z } from 'astro/zod';

/** A single word of a spelling variant (lowercase letters). */
const spellingWordSchema = z.string().regex(/^[a-z]+$/, 'expected one lowercase word');

/** The whole table. */
export const spellingsSchema = z.record(spellingWordSchema, spellingWordSchema);

export type Spellings = z.infer<typeof spellingsSchema>;
