import { z } from 'zod';
import { describeJsonSyntaxError, syntaxErrorOffset } from '../base/jsonSyntax';
import { KINDS } from '../base/labels';
import { globProblem } from './glob';
import { describeIssues } from '../base/zodIssues';
import { locateJsonPath } from './jsonLocation';
import { RecogniserSchema, RecognisersSchema } from '../recognisers/config';
import { ReferenceDateSchema } from './referenceDate';

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

/** A relation type's name, like a label's: PRODUCES, QUANTITY_OF. */
export const RelationTypeNameSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a relation type in capitals, such as PRODUCES or TIME_OF');

/** The labels that may stand at one end of a relation: label names, or "*" for any label. */
const RelationEndSchema = z.array(z.union([z.literal('*'), LabelNameSchema])).min(1, 'at least one label, or "*" for any');

export const RelationTypeSettingsSchema = z.strictObject({
  from: RelationEndSchema.describe('Labels of the tag the relation starts from ("*": any label).'),
  to: RelationEndSchema.describe('Labels of the tag the relation points to ("*": any label).'),
  symmetric: z.boolean().optional().describe('true: the relation has no direction (A ALLY_OF B is B ALLY_OF A).'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .optional()
    .describe('Colour of the relation in charts, as #rrggbb.'),
  guideline: z.string().optional().describe('When to use this relation; shown when hovering it.'),
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
    recognisers: RecognisersSchema.optional(),
    referenceDate: ReferenceDateSchema.optional(),
    relations: z
      .record(RelationTypeNameSchema, RelationTypeSettingsSchema)
      .optional()
      .describe('Relation types between tags, with the labels allowed at each end. Absent: the built-in set for news; {}: none.'),
  })
  .describe('A Marginalia annotation project.');

export type ProjectFile = z.infer<typeof ProjectFileSchema>;
export type LabelSettings = z.infer<typeof LabelSettingsSchema>;
export type RelationTypeSettings = z.infer<typeof RelationTypeSettingsSchema>;

/** One problem of a project file, at its place in the file's text (UTF-16 offsets, end exclusive). */
export interface ProjectFileIssue {
  /** "labels.ORG.color: a colour as #rrggbb", or what JSON.parse said. */
  message: string;
  start: number;
  end: number;
}

export type ParsedProjectFile = { ok: true; project: ProjectFile } | { ok: false; message: string; issues: ProjectFileIssue[] };

/**
 * Parses a project file's text; a problem comes back as one readable message naming the file, and
 * as issues placed on the key or value at fault, for an editor to underline.
 */
export function parseProjectFile(text: string, fileName: string): ParsedProjectFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = describeJsonSyntaxError(error, text);
    const at = Math.min(syntaxErrorOffset(text), text.length);
    return { ok: false, message: `${fileName}: not valid JSON (${reason})`, issues: [{ message: `not valid JSON: ${reason}`, start: at, end: Math.min(at + 1, text.length) }] };
  }
  // JSON.parse keeps a "__proto__" key as an own property, but a zod record drops it without an issue:
  // the label would vanish silently. It is not a label name, so it is refused like any other.
  const labels = (json as { labels?: unknown } | null)?.labels;
  if (typeof labels === 'object' && labels !== null && Object.hasOwn(labels, '__proto__')) {
    const message = 'labels.__proto__: not a label name (a label name in capitals, such as PERSON or WEAPON)';
    const location = locateJsonPath(text, ['labels', '__proto__']);
    const range = location?.key ?? { start: 0, end: Math.min(1, text.length) };
    return { ok: false, message: `${fileName}: ${message}`, issues: [{ message, ...range }] };
  }
  const parsed = ProjectFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, project: parsed.data };
  const issues = parsed.error.issues.flatMap(unwrapUnion);
  return { ok: false, message: `${fileName}: ${describeIssues(issues)}`, issues: issues.flatMap((issue) => placedIssues(text, issue)) };
}

/**
 * A value that fits none of a union's forms ("referenceDate": a date, or { "fromPath" }) is reported
 * by the form it was meant as — the one not refused for its type alone — instead of zod's "Invalid input".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return [issue];
  const meant = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (meant.length !== 1) return [{ ...issue, message: issue.path[0] === 'referenceDate' ? 'a date as YYYY-MM-DD, or { "fromPath": "a regular expression" }' : issue.message }];
  return meant[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })).flatMap(unwrapUnion);
}

/** A zod issue placed in the text: an unknown key on that key (one issue per key), any other on its value. */
function placedIssues(text: string, issue: z.core.$ZodIssue): ProjectFileIssue[] {
  const where = (path: readonly PropertyKey[], onKey: boolean, message: string): ProjectFileIssue => {
    // A key that is missing is a problem of the object that should hold it: the nearest one there.
    let found = path.length;
    let location = locateJsonPath(text, path);
    while (!location && found > 0) location = locateJsonPath(text, path.slice(0, --found));
    const range = (onKey && found === path.length ? location?.key : undefined) ?? location?.value ?? { start: 0, end: Math.min(1, text.length) };
    const name = describeIssues([{ ...issue, path: [...path], message }]);
    return { message: name, ...range };
  };
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => where([...issue.path, key], true, `unknown key "${key}" (known: ${knownKeysAt(issue.path).join(', ')})`));
  // A bad label name is a problem of the key that names it.
  const onKey = issue.code === 'invalid_key' || (issue.path.length === 2 && (issue.path[0] === 'labels' || issue.path[0] === 'relations') && issue.code === 'invalid_format');
  return [where(issue.path, onKey, issue.message)];
}

/** The keys the schema knows where an unknown key was found: the top level, a label's or a relation type's settings. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(ProjectFileSchema.shape);
  if (path[0] === 'recognisers') return Object.keys(RecogniserSchema.shape);
  if (path[0] === 'referenceDate') return ['fromPath'];
  return Object.keys(path[0] === 'relations' ? RelationTypeSettingsSchema.shape : LabelSettingsSchema.shape);
}
