import { z } from 'zod';
import { KINDS } from '../base/labels';

/**
 * The project lexicon file, `marginalia.lexicon.json` beside `marginalia.json`: what the annotators'
 * tags taught (this text is a PERSON) and what their rejections ruled out (not GPE on "Western"
 * between these words). Strict like the sidecar: an unknown key is refused, never dropped.
 */
export const LEXICON_VERSION = 1;
export const LEXICON_FILE_NAME = 'marginalia.lexicon.json';

const utcTimestamp = z.iso.datetime({ message: 'expected an ISO 8601 UTC timestamp such as "2024-05-01T12:00:00.000Z"' });
const label = z.string().regex(/^[A-Z0-9_]+$/, 'expected a label of A-Z, 0-9 and "_" such as "PERSON"');
/** A name as written: one line, no surrounding space, short enough to be a name. */
const phrase = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => text === text.trim() && !/[\r\n]/.test(text), 'expected text on one line without surrounding white space');
const word = z.string().max(100);
const article = z.string().min(1);

/** Where a rule came from: the first tag that taught it (shown in hovers) and how many tags agree. */
const provenance = {
  /** Who taught it, in which article (path relative to the lexicon's folder) and when. */
  by: z.string().min(1),
  article,
  at: utcTimestamp,
};

export const LexiconEntrySchema = z.strictObject({
  text: phrase,
  label,
  kind: z.enum(KINDS),
  /** How many tags taught it; the entry goes when the last of them is removed or relabelled. */
  count: z.number().int().positive(),
  ...provenance,
});

export const SuppressionSchema = z.strictObject({
  text: phrase,
  label,
  /** The words either side of the rejected suggestion, lower-cased ("" at a line's edge): its context. */
  before: word,
  after: word,
  ...provenance,
});

export const LexiconFileSchema = z.strictObject({
  version: z.literal(LEXICON_VERSION),
  entries: z.array(LexiconEntrySchema),
  suppressions: z.array(SuppressionSchema),
});

export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;
export type Suppression = z.infer<typeof SuppressionSchema>;
export type LexiconFile = z.infer<typeof LexiconFileSchema>;
