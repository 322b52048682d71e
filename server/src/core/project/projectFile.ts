import { z } from 'zod';
import { describeJsonSyntaxError } from '../jsonSyntax';
import { KINDS } from '../labels';
import { globProblem } from './glob';
import { describeIssues } from '../zodIssues';

/** File name of a project file: a folder holding one is a corpus, and its .txt files are articles. */
export const PROJECT_FILE_NAME = 'marginalia.json';

export const LabelSettingsSchema = z.strictObject({
  kind: z.enum(KINDS).optional().describe('entity, number or date. Required for a label that is not an OntoNotes one.'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .optional()
    .describe('Highlight colour, as #rrggbb.'),
  guideline: z.string().optional().describe('How to apply this label; shown when hovering a tag.'),
  enabled: z.boolean().optional().describe('false hides an OntoNotes label this project does not use.'),
});

export const LabelNameSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a label name in capitals, such as PERSON or WEAPON');

/** A glob, checked when the file is read: a malformed one is reported naming the file, not met mid-run. */
export const GlobSchema = z.string().min(1).superRefine((glob, context) => {
  const problem = globProblem(glob);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const ProjectFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    articles: z
      .array(GlobSchema)
      .optional()
      .describe('Globs of the articles, relative to this file. Default: ["**/*.txt"].'),
    exclude: z.array(GlobSchema).optional().describe('Globs of .txt files that are not articles.'),
    labels: z.record(LabelNameSchema, LabelSettingsSchema).optional().describe('Labels to add, recolour, explain or disable.'),
  })
  .describe('A Marginalia annotation project.');

export type ProjectFile = z.infer<typeof ProjectFileSchema>;
export type LabelSettings = z.infer<typeof LabelSettingsSchema>;

export type ParsedProjectFile = { ok: true; project: ProjectFile } | { ok: false; message: string };

/** Parses a project file's text; a problem comes back as one readable message naming the file. */
export function parseProjectFile(text: string, fileName: string): ParsedProjectFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${fileName}: not valid JSON (${describeJsonSyntaxError(error, text)})` };
  }
  // JSON.parse keeps a "__proto__" key as an own property, but a zod record drops it without an issue:
  // the label would vanish silently. It is not a label name, so it is refused like any other.
  const labels = (json as { labels?: unknown } | null)?.labels;
  if (typeof labels === 'object' && labels !== null && Object.hasOwn(labels, '__proto__')) {
    return { ok: false, message: `${fileName}: labels.__proto__: not a label name (a label name in capitals, such as PERSON or WEAPON)` };
  }
  const parsed = ProjectFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, project: parsed.data };
  return { ok: false, message: `${fileName}: ${describeIssues(parsed.error.issues)}` };
}
