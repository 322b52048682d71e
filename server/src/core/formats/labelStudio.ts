/**
 * Label Studio JSON (https://labelstud.io/guide/task_format, /guide/predictions): a JSON array of
 * tasks, one a line. A task carries the article (`data.text`, and its name in `data.article`), the
 * people's tags as `annotations` (one a person, with `completed_by`) and the tools' proposals as
 * `predictions` (one a tool, named by `model_version`, each region with its `score`). Every region is
 * a `labels` result on the `<Labels name="label" toName="text">` of labelStudioConfig().
 *
 * Offsets: Label Studio's regions count code points, as ours do: its frontend stores code points,
 * not JavaScript's UTF-16 length (label-studio#1008, fixed in its frontend before 1.4.0), and
 * test/labelStudioFrontend.e2e.ts proves it in Chromium: the frontend (1.4.0) highlights and
 * serialises each of our regions at its tag's text after emoji, a flag, combining marks and CRLF.
 * A '\r' counts as one, as Label Studio keeps the text as given.
 *
 * Relations between tags are `relation` results ({"from_id", "to_id", "type": "relation",
 * "direction": "right" (ours from → to) or "bi" (a type without direction), "labels": [TYPE]}) in the
 * annotation or prediction that holds both their regions, declared in the config's `<Relations>`.
 * A relation whose ends are in two annotations (two annotators' tags) has no place and is reported;
 * one by another annotator than its ends' reads back as theirs (reported).
 *
 * Not carried (reported): review states beyond "a person's tag" (approved comes back accepted,
 * rejected tags are not exported), review history and comments, the tag kind; on import, results of
 * other types (choices, text areas), cancelled annotations and drafts.
 */
import { exportWhole } from './streamWriter';
import { CodePointIndex } from '../base/offsets';
import { JsonArrayLines, isObject, objectLinesAtDepth, parseJsonInput, shown } from './jsonRecords';
import { describeTag, locateTag } from './exportChecks';
import type { RelationType } from '../project/relationTypes';
import { describeRelation, relationsWithWrittenEnds, symmetricTypeNames, tagTexts } from './relations';
import type { ExportDocument, FormatNotice, FormatTag, ImportedRelation, ImportResult, ImportedDocument, Piece } from './types';

/** The names the labelling config gives its control and object tags; every result refers to them. */
export const LABEL_STUDIO_FROM_NAME = 'label';
export const LABEL_STUDIO_TO_NAME = 'text';

/** The `completed_by` annotator name given to a Label Studio user known only by number. */
export const labelStudioUser = (id: number) => `labelstudio-user-${id}`;
const NUMBERED_USER = /^labelstudio-user-(\d+)$/;

/** `completed_by` for an annotator: a user number read from Label Studio goes back as that number, anyone else by email. */
function completedBy(annotator: string): number | { email: string } {
  const numbered = NUMBERED_USER.exec(annotator);
  return numbered ? Number(numbered[1]) : { email: annotator };
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/**
 * The labelling config for a label set: Label Studio's named-entity template with our labels and
 * colours, and the relation types (with theirs) as its `<Relations>`, so that relations show and can be drawn.
 */
export function labelStudioConfig(labels: ReadonlyArray<{ name: string; color?: string }>, relationTypes: ReadonlyArray<{ name: string; color?: string }> = []): string {
  const lines = labels.map(
    (label) => `    <Label value="${escapeXml(label.name)}"${label.color === undefined ? '' : ` background="${escapeXml(label.color)}"`}/>`,
  );
  const relations =
    relationTypes.length === 0
      ? []
      : ['  <Relations>', ...relationTypes.map((type) => `    <Relation value="${escapeXml(type.name)}"${type.color === undefined ? '' : ` background="${escapeXml(type.color)}"`}/>`), '  </Relations>'];
  return [
    '<View>',
    ...relations,
    `  <Labels name="${LABEL_STUDIO_FROM_NAME}" toName="${LABEL_STUDIO_TO_NAME}">`,
    ...lines,
    '  </Labels>',
    `  <Text name="${LABEL_STUDIO_TO_NAME}" value="$text"/>`,
    '</View>',
    '',
  ].join('\n');
}

interface Group {
  kind: 'annotation' | 'prediction';
  annotator: string | undefined;
  results: Record<string, unknown>[];
  scores: number[];
  created?: string;
  modified?: string;
}

/**
 * A task converted apart from the others, on any thread (an export's worker threads do it): all of it
 * but what numbers tasks across the export and the notice said once an export. LabelStudioWriter.place
 * puts the pieces together, in order; converting and placing is the one way a task is written.
 */
export interface LabelStudioPiece extends Piece {
  /** The article's name, for the notices said when placing. */
  name: string;
  /** JSON of the task's `data`. */
  data: string;
  /** JSON of each annotation and each prediction without its `id` (`{}` never: each has a result). */
  annotations: string[];
  predictions: string[];
  /** Annotators of its annotations (in order) whose name is not an email address nor a Label Studio user number. */
  notEmails: string[];
  notices: FormatNotice[];
}

/** Converts one document into its task's piece (see LabelStudioPiece); `symmetric`: the relation types without direction. */
export function labelStudioPiece(document: ExportDocument, symmetric: ReadonlySet<string>): LabelStudioPiece {
  const notices: FormatNotice[] = [];
  const index = new CodePointIndex(document.text);
  const people = new Map<string | undefined, Group>();
  const tools = new Map<string | undefined, Group>();
  let approved = 0;
  let withHistory = 0;
  // Each written tag's region id and group, by its id: a relation goes into the group of its ends.
  const written = document.relations ? new Map<string, { id: string; group: Group }>() : undefined;
  document.tags.forEach((tag, position) => {
    if (tag.status === 'rejected' || tag.status === 'conflict') {
      notices.push({ document: document.name, message: `tag ${describeTag(tag)}: Label Studio has no place for a ${tag.status} tag: not exported` });
      return;
    }
    const span = locateTag(document, index, tag);
    if ('notice' in span) {
      notices.push(span.notice);
      return;
    }
    const proposed = tag.status === 'proposed';
    const groups = proposed ? tools : people;
    let group = groups.get(tag.annotator);
    if (group === undefined) {
      group = { kind: proposed ? 'prediction' : 'annotation', annotator: tag.annotator, results: [], scores: [] };
      groups.set(tag.annotator, group);
    }
    const regionId = tag.id ?? `r${position}`;
    if (written && tag.id !== undefined) written.set(tag.id, { id: regionId, group });
    const result: Record<string, unknown> = {
      id: regionId,
      from_name: LABEL_STUDIO_FROM_NAME,
      to_name: LABEL_STUDIO_TO_NAME,
      type: 'labels',
      value: { start: tag.start, end: tag.end, text: tag.text, labels: [tag.label] },
    };
    if (proposed && tag.score !== undefined) {
      result.score = tag.score;
      group.scores.push(tag.score);
    }
    group.results.push(result);
    if (tag.created !== undefined && (group.created === undefined || tag.created < group.created)) group.created = tag.created;
    if (tag.modified !== undefined && (group.modified === undefined || tag.modified > group.modified)) group.modified = tag.modified;
    if (tag.status === 'approved') approved++;
    if (tag.history && tag.history.length > 0) withHistory++;
  });
  if (written) relationResults(document, written, symmetric, notices);
  if (approved > 0) notices.push({ document: document.name, message: `${approved} approved tag(s) exported as annotations: Label Studio's JSON has no review state, so they read back as accepted` });
  if (withHistory > 0) notices.push({ document: document.name, message: `the review history and comments of ${withHistory} tag(s) are not carried` });
  const notEmails = [...people.keys()].filter((annotator): annotator is string => annotator !== undefined && !annotator.includes('@') && !NUMBERED_USER.test(annotator));
  return {
    name: document.name,
    data: JSON.stringify({ text: document.text, article: document.name }),
    annotations: [...people.values()].map((group) =>
      JSON.stringify({
        ...(group.annotator === undefined ? {} : { completed_by: completedBy(group.annotator) }),
        result: group.results,
        was_cancelled: false,
        ground_truth: false,
        ...(group.created === undefined ? {} : { created_at: group.created }),
        ...(group.modified === undefined ? {} : { updated_at: group.modified }),
      }),
    ),
    predictions: [...tools.values()].map((group) =>
      JSON.stringify({
        ...(group.annotator === undefined ? {} : { model_version: group.annotator }),
        // The prediction's overall score (Label Studio sorts tasks by it): the mean of its regions'.
        ...(group.scores.length === 0 ? {} : { score: group.scores.reduce((sum, score) => sum + score, 0) / group.scores.length }),
        result: group.results,
      }),
    ),
    notEmails,
    notices,
  };
}

/** Writes tasks a document at a time (header, document() or place() per article, footer), so a corpus streams through. */
export class LabelStudioWriter {
  private readonly lines = new JsonArrayLines();
  private tasks = 0;
  private annotations = 0;
  private readonly namedAnnotators = new Set<string>();
  private readonly symmetric: ReadonlySet<string>;

  constructor(relationTypes?: readonly RelationType[]) {
    this.symmetric = symmetricTypeNames(relationTypes);
  }

  header(): string {
    return '[\n';
  }

  document(document: ExportDocument): { text: string; notices: FormatNotice[] } {
    return this.place(labelStudioPiece(document, this.symmetric));
  }

  /** A task converted apart (labelStudioPiece), numbered and written after the ones placed before it. */
  place(piece: LabelStudioPiece): { text: string; notices: FormatNotice[] } {
    const notices = [...piece.notices];
    for (const annotator of piece.notEmails) {
      // Label Studio gives an annotation to the user whose email is completed_by.email: name it once an export.
      if (this.namedAnnotators.has(annotator)) continue;
      this.namedAnnotators.add(annotator);
      notices.push({ document: piece.name, message: `annotator ${shown(annotator)} is not an email address: Label Studio assigns an annotation only to a user whose email is its completed_by.email` });
    }
    // What JSON.stringify gives for {id, ...rest}: the id first, as Label Studio's own exports have it.
    const numbered = (rest: string) => `{"id":${++this.annotations}${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
    const annotations = piece.annotations.map(numbered).join(',');
    const predictions = piece.predictions.map(numbered).join(',');
    const task = `{"id":${++this.tasks},"data":${piece.data},"annotations":[${annotations}],"predictions":[${predictions}]}`;
    return { text: this.lines.add(task), notices };
  }

  footer(): string {
    return `${this.lines.finish()}]\n`;
  }
}

/** The document's relations as `relation` results in the group (annotation or prediction) of their ends; those that cannot go there named. */
function relationResults(document: ExportDocument, written: ReadonlyMap<string, { id: string; group: Group }>, symmetricTypes: ReadonlySet<string>, notices: FormatNotice[]): void {
  const ends = relationsWithWrittenEnds(document, written, 'Label Studio');
  notices.push(...ends.notices);
  const textOf = tagTexts(document.tags);
  for (const { relation, from, to } of ends.relations) {
    const symmetric = symmetricTypes.has(relation.type);
    const what = `relation ${describeRelation(relation, textOf, symmetric)}`;
    if (from.group !== to.group) {
      notices.push({ document: document.name, message: `${what} not exported: its ends are in two annotations (${from.group.annotator ?? 'no annotator'}'s and ${to.group.annotator ?? 'no annotator'}'s), and a Label Studio relation links regions of one` });
      continue;
    }
    const group = from.group;
    const proposed = relation.status === 'proposed';
    if (relation.annotator !== group.annotator || (relation.status !== undefined && (proposed !== (group.kind === 'prediction')))) {
      notices.push({ document: document.name, message: `${what} (${relation.status ?? 'no status'}, by ${relation.annotator ?? 'no one'}) is written in the ${group.kind} of its ends, by ${group.annotator ?? 'no one'}: it reads back as theirs` });
    }
    group.results.push({ from_id: from.id, to_id: to.id, type: 'relation', direction: symmetric ? 'bi' : 'right', labels: [relation.type] });
    if (relation.history && relation.history.length > 0) notices.push({ document: document.name, message: `the review history of ${what} is not carried` });
  }
}

/** The whole export at once (small corpora, tests); the CLI streams with LabelStudioWriter. */
export function exportLabelStudio(documents: readonly ExportDocument[], relationTypes?: readonly RelationType[]): { text: string; notices: FormatNotice[] } {
  return exportWhole(new LabelStudioWriter(relationTypes), documents);
}

/** A problem with one task: thrown inside the reader, reported with the file and line. */
class BadTask extends Error {}

/**
 * Reads a Label Studio JSON export (an array of tasks, or one task): each task becomes an article
 * with its text; annotations become accepted tags by their `completed_by`, predictions proposed tags
 * by their `model_version`, with the region's score (else the prediction's).
 */
export function importLabelStudio(text: string, fileName: string): ImportResult {
  const errors: FormatNotice[] = [];
  const warnings: FormatNotice[] = [];
  const parsed = parseJsonInput(text, fileName);
  if ('failed' in parsed) return parsed.failed;
  const { root } = parsed;
  const tasks = Array.isArray(root) ? root : isObject(root) && root.data !== undefined ? [root] : undefined;
  if (tasks === undefined) return { documents: [], errors: [{ document: fileName, message: 'expected a Label Studio export: an array of tasks, each with "data"' }], warnings };
  const lines = objectLinesAtDepth(text, Array.isArray(root) ? 1 : 0);
  const documents: ImportedDocument[] = [];
  tasks.forEach((task, position) => {
    const where = { document: fileName, ...(lines.length === tasks.length ? { line: lines[position] } : {}) };
    try {
      const { document, unread } = readTask(task);
      documents.push({ ...document, ...(where.line === undefined ? {} : { line: where.line }) });
      for (const message of unread) warnings.push({ ...where, message: `task ${position + 1}: ${message}` });
    } catch (error) {
      if (!(error instanceof BadTask)) throw error;
      errors.push({ ...where, message: `task ${position + 1}: ${error.message}` });
    }
  });
  return { documents, errors, warnings };
}

function readTask(task: unknown): { document: ImportedDocument; unread: string[] } {
  if (!isObject(task) || !isObject(task.data)) throw new BadTask(`expected an object with "data", found ${shown(task)}`);
  const strings = Object.values(task.data).filter((value): value is string => typeof value === 'string');
  // A project whose config reads another field ($my_text) has one text field under another name.
  const text = typeof task.data.text === 'string' ? task.data.text : strings.length === 1 ? strings[0] : undefined;
  if (text === undefined) throw new BadTask('expected the article in data.text');
  const unread: string[] = [];
  const index = new CodePointIndex(text);
  const tags: FormatTag[] = [];
  const relations: ImportedRelation[] = [];
  const skipped = new Map<string, number>();
  // Label Studio before 1.0 called annotations "completions".
  const annotations = list(task.annotations ?? task.completions, 'annotations');
  annotations.forEach((annotation, number) => {
    if (!isObject(annotation)) throw new BadTask(`annotation ${number + 1}: expected an object, found ${shown(annotation)}`);
    if (annotation.was_cancelled === true) {
      unread.push(`annotation ${number + 1} was cancelled (skipped) in Label Studio: not imported`);
      return;
    }
    const annotator = userName(annotation.completed_by);
    const dates = { created: annotation.created_at, modified: annotation.updated_at };
    const read = readResults(annotation.result, `annotation ${number + 1}`, text, index, skipped, unread);
    relations.push(...groupRelations(read, tags.length, 'accepted', annotator));
    for (const tag of read.tags) {
      tags.push(withDefined({ ...tag, status: 'accepted', annotator, created: stringOr(dates.created), modified: stringOr(dates.modified) }));
    }
  });
  list(task.predictions, 'predictions').forEach((prediction, number) => {
    if (!isObject(prediction)) throw new BadTask(`prediction ${number + 1}: expected an object, found ${shown(prediction)}`);
    const annotator = typeof prediction.model_version === 'string' && prediction.model_version !== '' ? prediction.model_version : undefined;
    const read = readResults(prediction.result, `prediction ${number + 1}`, text, index, skipped, unread);
    relations.push(...groupRelations(read, tags.length, 'proposed', annotator));
    const regions = read.tags;
    // The prediction's overall score stands for its regions' only when none has its own (as we write
    // it, the mean of those that do: an unscored proposal beside scored ones stays unscored).
    const overall = regions.some((tag) => tag.score !== undefined) ? undefined : prediction.score;
    for (const tag of regions) {
      const score = tag.score ?? overall;
      const scored = { ...tag, status: 'proposed' as const, annotator };
      if (score === undefined) delete scored.score;
      else if (typeof score === 'number' && score >= 0 && score <= 1) scored.score = score;
      else {
        delete scored.score;
        unread.push(`prediction ${number + 1}: score ${shown(score)} is not between 0 and 1: not kept`);
      }
      tags.push(withDefined(scored));
    }
  });
  for (const [type, count] of skipped) unread.push(`${count} result(s) of type ${shown(type)} not carried (Marginalia keeps labelled spans only)`);
  if (Array.isArray(task.drafts) && task.drafts.length > 0) unread.push(`${task.drafts.length} draft(s) not imported`);
  const document: ImportedDocument = relations.length > 0 ? { text, tags, relations } : { text, tags };
  if (typeof task.data.article === 'string' && task.data.article !== '') document.name = task.data.article;
  return { document, unread };
}

/** A `relation` result as read: its ends by region id, its direction and types, and where it is (for messages). */
interface RelationResult {
  at: string;
  from: string;
  to: string;
  direction: 'right' | 'left' | 'bi';
  labels: string[];
}

/** What an annotation's or prediction's results give: its tags, the region id of each, and its relations. */
interface ReadResults {
  tags: FormatTag[];
  regionIds: Array<string | undefined>;
  relations: RelationResult[];
}

/**
 * The relations of one annotation or prediction, with ends as positions in the task's tags (its tags
 * start at `base` there): one relation a type; "left" points from to_id to from_id; an end that is no
 * region of the same annotation is an error.
 */
function groupRelations(read: ReadResults, base: number, status: 'accepted' | 'proposed', annotator: string | undefined): ImportedRelation[] {
  return read.relations.flatMap((relation) => {
    const end = (id: string, role: string) => {
      const at = read.regionIds.indexOf(id);
      if (at < 0) throw new BadTask(`${relation.at}: the relation's ${role} ${shown(id)} is no labelled region of the same annotation or prediction`);
      return base + at;
    };
    const [from, to] = relation.direction === 'left' ? [end(relation.to, 'to_id'), end(relation.from, 'from_id')] : [end(relation.from, 'from_id'), end(relation.to, 'to_id')];
    return relation.labels.map((type): ImportedRelation => ({ type, from, to, status, ...(annotator !== undefined ? { annotator } : {}) }));
  });
}

/** The `labels` results of an annotation or prediction as tags (label, span, text, region score) and its `relation` results; other types counted in `skipped`. */
function readResults(value: unknown, where: string, text: string, index: CodePointIndex, skipped: Map<string, number>, unread: string[]): ReadResults {
  const tags: FormatTag[] = [];
  const regionIds: Array<string | undefined> = [];
  const relations: RelationResult[] = [];
  list(value, `${where} result`).forEach((result, number) => {
    const at = `${where}, result ${number + 1}`;
    if (!isObject(result)) throw new BadTask(`${at}: expected an object, found ${shown(result)}`);
    if (result.type === 'relation') {
      const { from_id: from, to_id: to, direction = 'right', labels = [] } = result;
      if (typeof from !== 'string' || typeof to !== 'string') throw new BadTask(`${at}: expected a relation's "from_id" and "to_id", the ids of two regions`);
      if (direction !== 'right' && direction !== 'left' && direction !== 'bi') throw new BadTask(`${at}: expected "direction" right, left or bi, found ${shown(direction)}`);
      if (!Array.isArray(labels) || !labels.every((label) => typeof label === 'string' && label !== '')) throw new BadTask(`${at}: expected the relation's "labels" as a list of types, found ${shown(labels)}`);
      if (labels.length === 0) unread.push(`${at}: a relation without a label (type) is not imported: Marginalia relations are typed`);
      else relations.push({ at, from, to, direction, labels: labels as string[] });
      return;
    }
    if (result.type !== 'labels') {
      const type = typeof result.type === 'string' ? result.type : shown(result.type);
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      return;
    }
    const region = result.value;
    if (!isObject(region)) throw new BadTask(`${at}: expected a "value" with start, end and labels`);
    const { start, end, labels } = region;
    if (!isUnit(start) || !isUnit(end) || end <= start) throw new BadTask(`${at}: expected offsets 0 <= start < end, found start ${shown(start)}, end ${shown(end)}`);
    if (end > text.length) throw new BadTask(`${at}: end ${end} is past the end of the text (${index.length} characters)`);
    let [first, last] = [start, end];
    let covered = end > index.length ? undefined : text.slice(index.toUtf16(start), index.toUtf16(end));
    if (covered === undefined || (region.text !== undefined && region.text !== covered)) {
      const found = typeof region.text === 'string' ? overcountedRegion(text, index, start, end, region.text) : undefined;
      if (found === undefined) {
        if (covered === undefined) throw new BadTask(`${at}: end ${end} is past the end of the text (${index.length} characters)`);
        throw new BadTask(`${at}: value.text ${shown(region.text)} does not match the task's text at ${start}..${end}, ${shown(covered)}`);
      }
      unread.push(`${where}, result ${number + 1}: value.text ${shown(region.text)} is not at ${start}..${end} but ${start - found} characters before, as Label Studio's frontend writes a region after emoji (it counts some of them twice): read at ${found}..${found + end - start}`);
      [first, last, covered] = [found, found + end - start, region.text as string];
    }
    if (!Array.isArray(labels) || labels.length === 0 || !labels.every((label) => typeof label === 'string' && label !== '')) {
      throw new BadTask(`${at}: expected value.labels to list one label or more, found ${shown(labels)}`);
    }
    const score = typeof result.score === 'number' ? result.score : typeof region.score === 'number' ? region.score : undefined;
    for (const label of labels as string[]) {
      const tag: FormatTag = { start: first, end: last, text: covered, label };
      // A region with several labels becomes several tags: only one of them can keep the region's id.
      if (typeof result.id === 'string' && ID.test(result.id) && labels.length === 1) tag.id = result.id;
      if (score !== undefined) tag.score = score;
      tags.push(tag);
      regionIds.push(typeof result.id === 'string' ? result.id : undefined);
    }
  });
  return { tags, regionIds, relations };
}

/**
 * Where a region's text is when its offsets count characters outside the Basic Multilingual Plane
 * (emoji) twice, as UTF-16 does: Label Studio's frontends did so before they counted code points, and
 * 1.4.0 still does for the emoji before an earlier region when a region is drawn
 * (test/labelStudioFrontend.e2e.ts). Such offsets overshoot by at most the emoji before the text,
 * so the text is looked for that far back: its one place there, else undefined (an error then).
 */
function overcountedRegion(text: string, index: CodePointIndex, start: number, end: number, regionText: string): number | undefined {
  const length = end - start;
  if (Array.from(regionText).length !== length) return undefined;
  // Emoji before the latest place the text could start: the most the offsets can overshoot by.
  const latest = Math.min(start - 1, index.length - length);
  if (latest < 0) return undefined;
  const slack = index.toUtf16(latest) - latest;
  const places: number[] = [];
  for (let place = latest; place >= Math.max(0, start - slack); place--) {
    if (text.slice(index.toUtf16(place), index.toUtf16(place + length)) === regionText) places.push(place);
  }
  return places.length === 1 ? places[0] : undefined;
}

function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadTask(`expected "${what}" to be a list, found ${shown(value)}`);
  return value;
}

/** The annotator a `completed_by` names: an email or name, or a user number (older exports). */
function userName(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return labelStudioUser(value);
  if (!isObject(value)) return undefined;
  for (const key of ['email', 'username']) if (typeof value[key] === 'string' && value[key] !== '') return value[key] as string;
  return typeof value.id === 'number' ? labelStudioUser(value.id) : undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isUnit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The tag without the fields left undefined, so that tags compare by what they carry. */
function withDefined(tag: FormatTag): FormatTag {
  return Object.fromEntries(Object.entries(tag).filter(([, value]) => value !== undefined)) as unknown as FormatTag;
}
