import { z } from 'zod';

/**
 * A recogniser the project plugs in (marginalia.json → "recognisers"): a model of the team's own,
 * spoken to as a process (one JSON object a line) or over HTTP in Label Studio's ML-backend shape.
 * Offline-first: a URL must be this machine unless the project says `"allowRemote": true`, since
 * articles may be confidential. That check is made when the recogniser is used, not here: a remote
 * URL is one recogniser refused (and reported), never the whole project file broken.
 */

/** How a label's suggestions are merged: the model's only, the detector's only, or both (the default). */
export const MERGE_RULES = ['model', 'detector', 'both'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];
export const DEFAULT_MERGE_RULE: MergeRule = 'both';

/** Seconds a recogniser may take over one article before it is given up on (and a process restarted). */
export const DEFAULT_TIMEOUT_SECONDS = 30;

const labelName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a label name in capitals, such as PERSON or WEAPON');

export const RecogniserSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a name of letters, digits, ".", "_" or "-" (at most 64), such as spacy-lg')
      .describe('Shown in hovers ("from spacy-lg") and in the source of proposals ("model:spacy-lg").'),
    command: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('A program and its arguments, run in the folder of marginalia.json: reads {"id","text"} a line on stdin, writes {"id","spans":[{"start","end","label","score"}]} a line on stdout (code points).'),
    url: z
      .url({ protocol: /^https?$/, message: 'an http:// or https:// URL' })
      .optional()
      .describe("A Label Studio ML backend: Marginalia POSTs to its /predict. Must be this machine (127.0.0.1, localhost, [::1]) unless allowRemote is true."),
    allowRemote: z.boolean().optional().describe('true lets a url name another machine: the articles are sent there.'),
    labels: z.record(z.string().min(1), labelName).optional().describe('The model\'s labels mapped to the project\'s: {"PER": "PERSON", "ORG": "ORG"}. Unmapped labels are taken as they are.'),
    merge: z
      .record(z.union([labelName, z.literal('*')]), z.enum(MERGE_RULES))
      .optional()
      .describe('Per label (or "*" for the others): "model" (its suggestions replace the detector\'s), "detector" (the model\'s are ignored) or "both" (default).'),
    timeoutSeconds: z.number().positive().max(600).optional().describe(`Seconds one article may take (default ${DEFAULT_TIMEOUT_SECONDS}).`),
  })
  .superRefine((recogniser, context) => {
    if ((recogniser.command === undefined) === (recogniser.url === undefined)) context.addIssue({ code: 'custom', message: 'a recogniser needs either "command" or "url" (one of them)' });
    if (recogniser.allowRemote !== undefined && recogniser.url === undefined) context.addIssue({ code: 'custom', path: ['allowRemote'], message: '"allowRemote" applies to a "url" only' });
  });

export type RecogniserConfig = z.infer<typeof RecogniserSchema>;

export const RecognisersSchema = z
  .array(RecogniserSchema)
  .superRefine((recognisers, context) => {
    const seen = new Set<string>();
    recognisers.forEach((recogniser, i) => {
      if (seen.has(recogniser.name)) context.addIssue({ code: 'custom', path: [i, 'name'], message: `two recognisers are named "${recogniser.name}"` });
      seen.add(recogniser.name);
    });
  })
  .describe('Your own recognisers (models), whose spans are suggested beside the detector\'s.');

/** The rule for a label: its own, else the recogniser's "*", else both. */
export function mergeRuleFor(recogniser: Pick<RecogniserConfig, 'merge'>, label: string): MergeRule {
  return recogniser.merge?.[label] ?? recogniser.merge?.['*'] ?? DEFAULT_MERGE_RULE;
}

/** Hosts that are this machine: the only ones a recogniser's URL may name without allowRemote. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
