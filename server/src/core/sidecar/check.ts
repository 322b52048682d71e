import { z } from 'zod';
import { CodePointIndex } from '../base/offsets';
import { describeIssues } from '../base/zodIssues';
import { describeConflict, quote } from './conflict';
import { SidecarError } from './errors';
import { parseSidecar } from './parse';
import { labelProblem, type RelationType } from '../project/relationTypes';
import type { Relation, Tag } from './schema';
import { sharedSidecarProblem } from './sharedSidecars';

/** shared-sidecar: two articles' names map to this sidecar (here, or on a case-insensitive file system). */
export type ProblemKind =
  | 'invalid-sidecar'
  | 'missing-article'
  | 'shared-sidecar'
  | 'out-of-range'
  | 'text-mismatch'
  | 'orphan'
  | 'conflict'
  /** A relation whose tag at one end is not in the sidecar; of a type the project does not declare; whose labels the type does not allow. */
  | 'relation-end-missing'
  | 'relation-type'
  | 'relation-labels';

export interface SidecarProblem {
  kind: ProblemKind;
  /** 1-based line in the sidecar, when the problem has one. */
  line?: number;
  tagId?: string;
  relationId?: string;
  /** For people, without the sidecar's path. */
  message: string;
}

export interface SidecarCheck {
  /** Tags in the sidecar (as far as it could be read). */
  tags: number;
  problems: SidecarProblem[];
}

/** One sidecar's check as `marginalia check` reports it and the editor marks it. */
export interface FileReport {
  sidecar: string;
  article: string | null;
  tags: number;
  problems: SidecarProblem[];
}

/** A sidecar as found on disk: where it is, the article beside it, and the articles that would share it. */
export interface SidecarOnDisk {
  path: string;
  articlePath?: string;
  /** The file name of its article, or of the article expected beside it. */
  articleName: string;
  sharedBy?: readonly string[];
}

/** The report on a sidecar whose bytes could not be read as text (`problem` says why). */
export function unreadableSidecarReport(sidecar: SidecarOnDisk, problem: string): FileReport {
  return { sidecar: sidecar.path, article: sidecar.articlePath ?? null, tags: 0, problems: [{ kind: 'invalid-sidecar', message: problem }] };
}

/**
 * The report on a sidecar read as `sidecarText`, against its article's text (undefined when it is
 * missing or could not be read). Checked against either of the articles sharing it, its tags would be
 * judged against text that may not be theirs: then only the collision is reported.
 */
export function checkSidecarFile(sidecar: SidecarOnDisk, sidecarText: string, articleText: string | undefined, relationTypes?: readonly RelationType[]): FileReport {
  const article = sidecar.articlePath ?? null;
  if (sidecar.sharedBy) return { sidecar: sidecar.path, article, tags: countTags(sidecarText), problems: [{ kind: 'shared-sidecar', message: sharedSidecarProblem(sidecar.sharedBy) }] };
  const { tags, problems } = checkSidecar(sidecarText, sidecar.path, { name: sidecar.articleName, text: articleText }, relationTypes);
  return { sidecar: sidecar.path, article, tags, problems };
}

/**
 * Checks a sidecar against its article: the schema, the article's presence, and for each tag that
 * its offsets lie in the article and that its stored text is what the article has there (in code
 * points). A tag whose text is nowhere in the article is an orphan; tags in conflict state are problems too.
 */
export function checkSidecar(sidecarText: string, sidecarPath: string, article: { name: string; text: string | undefined }, relationTypes?: readonly RelationType[]): SidecarCheck {
  const problems: SidecarProblem[] = [];
  if (article.text === undefined) problems.push({ kind: 'missing-article', message: `article ${article.name} is missing (expected beside the sidecar)` });
  let tags: Tag[];
  let relations: readonly Relation[];
  try {
    const sidecar = parseSidecar(sidecarText, sidecarPath);
    tags = sidecar.annotations;
    relations = sidecar.relations ?? [];
  } catch (error) {
    if (!(error instanceof SidecarError)) throw error;
    return { tags: countTags(sidecarText), problems: [...problems, ...schemaProblems(error, sidecarText)] };
  }
  const index = article.text === undefined ? undefined : new CodePointIndex(article.text);
  // Found in one pass over the sidecar, and only once a tag has a problem: looking each tag's line up
  // by itself rescanned the file for every tag, which made a check of 100,000 tags take minutes.
  let lines: Map<string, number> | undefined;
  const lineOf = (id: string) => (lines ??= tagLines(sidecarText)).get(id);
  const absent = new Set<string>();
  for (const tag of tags) {
    const where = () => ({ line: lineOf(tag.id), tagId: tag.id });
    const prefix = `tag ${tag.id} ${tag.label} ${quote(tag.text)} at ${tag.start}-${tag.end}`;
    if (tag.conflict) problems.push({ kind: 'conflict', ...where(), message: `${prefix}: in conflict between two branches: ${describeConflict(tag.conflict)}` });
    if (article.text === undefined || index === undefined) continue;
    if (tag.anchor === 'orphaned') {
      problems.push({ kind: 'orphan', ...where, message: `${prefix}: marked orphaned: its text was not found in the article when last looked for; re-attach it in the editor, or remove it` });
      continue;
    }
    if (tag.end > index.length) {
      problems.push({ kind: 'out-of-range', ...where(), message: `${prefix}: past the end of the article (${index.length} characters)` });
      continue;
    }
    const actual = article.text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end));
    if (actual === tag.text) continue;
    // A text found nowhere once is not searched for again: an article rewritten under many tags of one name.
    const nearest = absent.has(tag.text) ? undefined : nearestOccurrence(article.text, tag.text, index.toUtf16(tag.start));
    if (nearest === undefined) {
      absent.add(tag.text);
      problems.push({ kind: 'orphan', ...where(), message: `${prefix}: text is ${quote(actual)} in the article; orphaned: ${quote(tag.text)} is nowhere in it` });
    } else {
      const start = index.toCodePoint(nearest);
      problems.push({ kind: 'text-mismatch', ...where(), message: `${prefix}: text is ${quote(actual)} in the article; ${quote(tag.text)} is at ${start}-${start + tag.end - tag.start}` });
    }
  }
  problems.push(...relationProblems(tags, relations, relationTypes, (id) => lineOf(id)));
  return { tags: tags.length, problems };
}

/**
 * Relations that point at a tag not in the sidecar, are of a type the project does not declare
 * (unless `types` is not known), or join labels their type does not (or no longer) allow.
 */
function relationProblems(tags: readonly Tag[], relations: readonly Relation[], types: readonly RelationType[] | undefined, lineOf: (id: string) => number | undefined): SidecarProblem[] {
  if (relations.length === 0) return [];
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const problems: SidecarProblem[] = [];
  for (const relation of relations) {
    const where = { line: lineOf(relation.id), relationId: relation.id };
    const prefix = `relation ${relation.id} ${relation.type} from ${relation.from} to ${relation.to}`;
    const missing = (['from', 'to'] as const).filter((end) => !byId.has(relation[end]));
    for (const end of missing) problems.push({ kind: 'relation-end-missing', ...where, message: `${prefix}: its "${end}" tag ${relation[end]} is not in the sidecar; remove the relation, or restore the tag` });
    if (!types) continue;
    const type = types.find((candidate) => candidate.name === relation.type);
    if (!type) {
      problems.push({ kind: 'relation-type', ...where, message: `${prefix}: ${relation.type} is not a relation type of this project (types: ${types.map((t) => t.name).join(', ') || 'none'})` });
      continue;
    }
    const [from, to] = [byId.get(relation.from), byId.get(relation.to)];
    const problem = from && to ? labelProblem(type, from.label, to.label) : undefined;
    if (problem) problems.push({ kind: 'relation-labels', ...where, message: `${prefix}: ${problem}` });
  }
  return problems;
}

/** One problem per schema issue (not just the first few), on the line of the tag it concerns when there is one. */
function schemaProblems(error: SidecarError, sidecarText: string): SidecarProblem[] {
  if (!(error.cause instanceof z.ZodError)) {
    const position = /at position (\d+)/.exec(error.problem);
    // One line a problem: V8 quotes the bad JSON, line breaks included, in some of its messages.
    return [{ kind: 'invalid-sidecar', line: position ? lineAt(sidecarText, Number(position[1])) : undefined, message: error.problem.replace(/\s*\n\s*/g, ' ') }];
  }
  const json = JSON.parse(sidecarText) as { annotations?: unknown };
  let lines: Map<string, number> | undefined;
  return error.cause.issues.map((issue): SidecarProblem => {
    const [field, index] = issue.path;
    const tag: unknown = field === 'annotations' && typeof index === 'number' && Array.isArray(json.annotations) ? json.annotations[index] : undefined;
    const id = typeof tag === 'object' && tag !== null && 'id' in tag && typeof tag.id === 'string' ? tag.id : undefined;
    return { kind: 'invalid-sidecar', line: id === undefined ? undefined : (lines ??= tagLines(sidecarText)).get(id), tagId: id, message: describeIssues([issue]) };
  });
}

/**
 * The UTF-16 offset of the occurrence of `needle` nearest to `near`, the earlier one on a tie, if any.
 * Searched outwards from `near`, so that the cost is the distance to it, not the article's length.
 */
function nearestOccurrence(haystack: string, needle: string, near: number): number | undefined {
  const after = haystack.indexOf(needle, near);
  // lastIndexOf takes a negative start for 0, so nothing before the start is searched for by hand.
  const before = near === 0 ? -1 : haystack.lastIndexOf(needle, near - 1);
  if (before === -1) return after === -1 ? undefined : after;
  return after === -1 || near - before <= after - near ? before : after;
}

/** An `"id": "…"` field; the value is a JSON string literal, decoded to compare it. */
const ID_FIELD = /"id"\s*:\s*("(?:[^"\\\n]|\\.)*")/g;

/**
 * The line of each tag id in the sidecar (its first `"id"` field), in one pass. Serialised sidecars hold
 * a tag a line, so the line of its id is the line of the tag; in a sidecar laid out by hand it is the
 * id's line.
 */
function tagLines(sidecarText: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let counted = 0;
  for (const match of sidecarText.matchAll(ID_FIELD)) {
    for (let i = sidecarText.indexOf('\n', counted); i !== -1 && i < match.index; i = sidecarText.indexOf('\n', i + 1)) line++;
    counted = match.index;
    const id = decodeJsonString(match[1]);
    if (id !== undefined && !lines.has(id)) lines.set(id, line);
  }
  return lines;
}

function decodeJsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Tags in a sidecar's text as far as it is JSON, whatever their validity. */
export function countTags(sidecarText: string): number {
  try {
    const json = JSON.parse(sidecarText) as { annotations?: unknown };
    return Array.isArray(json.annotations) ? json.annotations.length : 0;
  } catch {
    return 0;
  }
}
