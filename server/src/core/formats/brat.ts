/**
 * brat standoff (https://brat.nlplab.org/standoff.html): an article's `.txt` beside a `.ann` of
 *
 *   T1<TAB>LABEL START END<TAB>TEXT                    a tag (discontinuous: START END;START END)
 *   A1<TAB>Status T1 accepted                          its status, a multi-valued brat attribute
 *   #1<TAB>AnnotatorNotes T1<TAB>COMMENT               a comment from its review history
 *   R1<TAB>PRODUCES Arg1:T1 Arg2:T3                    a relation from T1 to T3 (its status and
 *                                                      comments as A and # lines on R1, as a tag's)
 *
 * and one `annotation.conf` for the collection, written from the label set and the relation types
 * (each with the labels it allows at each end; a type without direction marked `<REL-TYPE>:symmetric`,
 * still written with Arg1 and Arg2 roles: brat's `*` equivalence lines have no roles and no id to
 * carry a status).
 *
 * Offsets: brat's server is Python and slices the decoded `.txt` string with them
 * (nlplab/brat server/src/annotation.py, TextAnnotations._parse_textbound_annotation:
 * `self._document_text[start:end]`, the text read by `codecs.open(..., encoding='utf8')`), so they
 * count code points, as sidecars do: an emoji is one, a combining mark is one. codecs.open reads the
 * file in binary mode and decodes it, so a CRLF is two characters for Python 3's brat and for the
 * standoff specification; brat 1.3 on Python 2 read with universal newlines and counted it as one,
 * which brat's tracker files as a bug (nlplab/brat#853). We write the article unchanged and count both.
 *
 * A `.ann` line cannot hold a line break, so a tag whose text crosses one is written as a
 * discontinuous span: its fragments between line breaks, their texts joined by a space as brat joins
 * them (DISCONT_SEP). Reading, fragments separated by nothing but line breaks become one tag again;
 * any other discontinuous span becomes one tag per fragment, with a warning.
 */
import { TAG_STATUSES } from '../sidecar/schema';
import type { RelationType } from '../project/relationTypes';
import { relationsWithWrittenEnds } from './relations';
import { ArticleText, codePointLength, describeTag, isStatus, labelKinds, quote, soundTags, spanTag, type SpanImportOptions } from './spanFormats';
import type { ExportDocument, FormatNotice, FormatTag, ImportedRelation, ImportResult } from './types';

/** One file of a brat collection: its path relative to the export folder ('/'-separated) and its content. */
export interface BratFile {
  path: string;
  content: string;
}

export interface BratExport {
  files: BratFile[];
  notices: FormatNotice[];
}

export const BRAT_CONFIG_NAME = 'annotation.conf';

/** The attribute that carries a tag's status, and the note type that carries its comments. */
const STATUS_ATTRIBUTE = 'Status';
const NOTE_TYPE = 'AnnotatorNotes';

/** What brat puts between the texts of a discontinuous span's fragments (annotation.py, DISCONT_SEP). */
const FRAGMENT_SEPARATOR = ' ';

/** Characters Python's str.splitlines() breaks at: brat reads `.ann` lines with it (codecs' readline), so none may stand inside a line. */
const LINE_BREAK = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;
const LINE_BREAKS = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]+/g;

/** `a.txt` → `a.txt` and `a.ann`; a name without `.txt` gets it added. */
export function bratFileNames(articleName: string): { txt: string; ann: string } {
  const stem = articleName.endsWith('.txt') ? articleName.slice(0, -'.txt'.length) : articleName;
  return { txt: `${stem}.txt`, ann: `${stem}.ann` };
}

/** A document's `.txt` (the article unchanged) and `.ann`, and what brat could not say of its tags. */
export function exportBratDocument(document: ExportDocument, relationTypes?: readonly RelationType[]): BratExport {
  const article = new ArticleText(document.text);
  const { tags, notices } = soundTags(document, article);
  const lines: string[] = [];
  let noteNumber = 0;
  let historyLost = 0;
  let annotatorLost = 0;
  // The T id of each tag written, by its id: relations point at them (kept only when there are any).
  const written = document.relations ? new Map<string, string>() : undefined;
  tags.forEach((tag, index) => {
    const id = `T${index + 1}`;
    const fragments = lineFragments(tag);
    if (fragments.length === 0) {
      notices.push({ document: document.name, message: `${describeTag(tag)} not exported: it holds only line breaks, which a brat span cannot show` });
      return;
    }
    const first = fragments[0].start;
    const last = fragments[fragments.length - 1].end;
    if (first !== tag.start || last !== tag.end) {
      notices.push({ document: document.name, message: `${describeTag(tag)} starts or ends with a line break, which a .ann line cannot hold: written as ${first}..${last}` });
    }
    const offsets = fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
    const text = fragments.map((fragment) => article.slice(fragment.start, fragment.end)).join(FRAGMENT_SEPARATOR);
    lines.push(`${id}\t${tag.label} ${offsets}\t${text}`);
    if (written && tag.id !== undefined) written.set(tag.id, id);
    if (tag.status !== undefined) lines.push(`A${index + 1}\t${STATUS_ATTRIBUTE} ${id} ${tag.status}`);
    if (tag.annotator !== undefined) annotatorLost++;
    if (tag.history) {
      const notes = writeNotes(id, tag.history, noteNumber, lines, () => describeTag(tag), document.name, notices);
      noteNumber = notes.noteNumber;
      if (notes.otherHistory) historyLost++;
    }
  });
  if (document.relations) {
    // Attribute ids after the tags' (A<n> is the status of T<n>), so that tags keep the numbers they had.
    let attribute = tags.length;
    const ends = relationsWithWrittenEnds(document, written!, 'brat');
    notices.push(...ends.notices);
    const symmetric = new Set((relationTypes ?? []).filter((type) => type.symmetric).map((type) => type.name));
    ends.relations.forEach(({ relation, from, to }, index) => {
      const id = `R${index + 1}`;
      lines.push(`${id}\t${relation.type} Arg1:${from} Arg2:${to}`);
      if (relation.status !== undefined) lines.push(`A${++attribute}\t${STATUS_ATTRIBUTE} ${id} ${relation.status}`);
      if (relation.annotator !== undefined) annotatorLost++;
      if (relation.history) {
        const notes = writeNotes(id, relation.history, noteNumber, lines, () => `relation ${relation.type} ${from} ${symmetric.has(relation.type) ? '↔' : '→'} ${to}`, document.name, notices);
        noteNumber = notes.noteNumber;
        if (notes.otherHistory) historyLost++;
      }
    });
  }
  if (annotatorLost > 0 || historyLost > 0) {
    const what = document.relations ? 'tag(s) and relation(s)' : 'tag(s)';
    const lost = [annotatorLost > 0 ? `the annotator of ${annotatorLost} ${what}` : '', historyLost > 0 ? `the review history of ${historyLost} ${what} (its comments are kept as notes)` : '']
      .filter(Boolean)
      .join(' and ');
    notices.push({ document: document.name, message: `brat has no place for ${lost}: not written` });
  }
  const names = bratFileNames(document.name);
  return {
    files: [
      { path: names.txt, content: document.text },
      { path: names.ann, content: lines.map((line) => `${line}\n`).join('') },
    ],
    notices,
  };
}

/**
 * The `#` AnnotatorNotes lines of a tag's or relation's comments (numbered on from `noteNumber`), and
 * whether its history holds more than comments (lost). `what` names it, only for a comment with a
 * line break: naming costs more than writing.
 */
function writeNotes(id: string, history: NonNullable<FormatTag['history']>, noteNumber: number, lines: string[], what: () => string, document: string, notices: FormatNotice[]): { noteNumber: number; otherHistory: boolean } {
  let otherHistory = false;
  for (const entry of history) {
    if (entry.comment === undefined) {
      otherHistory = true;
      continue;
    }
    const comment = entry.comment.replace(LINE_BREAKS, ' ');
    if (comment !== entry.comment) notices.push({ document, message: `a comment on ${what()} is written on one line: brat notes cannot hold line breaks` });
    lines.push(`#${++noteNumber}\t${NOTE_TYPE} ${id}\t${comment}`);
    if (entry.action !== 'commented') otherHistory = true;
  }
  return { noteNumber, otherHistory };
}

/**
 * annotation.conf for a label set: every label an entity type, the status a multi-valued attribute
 * of any entity. brat reads tabs or spaces between a type and its arguments; sections with nothing
 * in them are still written, as brat expects all four.
 */
export function exportBratConfig(labels: ReadonlyArray<{ name: string }>, relationTypes: readonly RelationType[] = []): BratFile {
  const content = [
    '# Written by Marginalia from the project\'s label set and relation types.',
    '[entities]',
    ...labels.map((label) => label.name),
    '[relations]',
    ...(relationTypes.length === 0 ? ['# The project declares no relation types.'] : relationTypes.map((type) => bratRelationLine(type, labels))),
    '[events]',
    '# Marginalia tags have no events.',
    '[attributes]',
    `${STATUS_ATTRIBUTE}\tArg:<ENTITY>${relationTypes.length === 0 ? '' : '|<RELATION>'}, Value:${TAG_STATUSES.join('|')}`,
    '',
  ].join('\n');
  return { path: BRAT_CONFIG_NAME, content };
}

/**
 * A relation type as brat declares it: `TYPE<TAB>Arg1:GPE|ORG, Arg2:PRODUCT`, "*" as <ENTITY>, a
 * type without direction marked `<REL-TYPE>:symmetric`. Only labels of the label set are named
 * (brat refuses an argument of an undeclared type); a type none of whose labels is declared allows none.
 */
function bratRelationLine(type: RelationType, labels: ReadonlyArray<{ name: string }>): string {
  const declared = new Set(labels.map((label) => label.name));
  const end = (allowed: readonly string[]) => (allowed.includes('*') ? '<ENTITY>' : allowed.filter((label) => declared.has(label)).join('|'));
  const [from, to] = [end(type.from), end(type.to)];
  if (from === '' || to === '') return `# ${type.name}: none of the labels it links (${type.from.join('|')} to ${type.to.join('|')}) is in the label set`;
  return `${type.name}\tArg1:${from}, Arg2:${to}${type.symmetric ? ', <REL-TYPE>:symmetric' : ''}`;
}

/** A whole collection: each document's pair, then annotation.conf. For a large corpus, call exportBratDocument per article. */
export function exportBrat(documents: readonly ExportDocument[], options: { labels: ReadonlyArray<{ name: string }>; relationTypes?: readonly RelationType[] }): BratExport {
  const files: BratFile[] = [];
  const notices: FormatNotice[] = [];
  for (const document of documents) {
    const exported = exportBratDocument(document, options.relationTypes);
    files.push(...exported.files);
    notices.push(...exported.notices);
  }
  files.push(exportBratConfig(options.labels, options.relationTypes));
  return { files, notices };
}

/** A tag's runs of text between line breaks, in code point offsets of the article. */
function lineFragments(tag: FormatTag): Array<{ start: number; end: number }> {
  const fragments: Array<{ start: number; end: number }> = [];
  let offset = tag.start;
  let fragmentStart = -1;
  for (const character of tag.text) {
    if (LINE_BREAK.test(character)) {
      if (fragmentStart >= 0) fragments.push({ start: fragmentStart, end: offset });
      fragmentStart = -1;
    } else if (fragmentStart < 0) fragmentStart = offset;
    offset++;
  }
  if (fragmentStart >= 0) fragments.push({ start: fragmentStart, end: offset });
  return fragments;
}

export interface BratImportOptions extends SpanImportOptions {
  /** Who and when, for the review history entries made from AnnotatorNotes (brat records neither). */
  annotator?: string;
  importedAt?: string;
}

interface TextBound {
  id: string;
  line: number;
  label: string;
  fragments: FormatTag[];
}

/**
 * Reads one brat document: the `.txt` (its text) and the `.ann` (its tags). `annFileName` names the
 * `.ann` in messages; the document is named after its `.txt`.
 */
export function importBrat(txt: string, ann: string, annFileName: string, options: BratImportOptions = {}): ImportResult {
  const errors: FormatNotice[] = [];
  const warnings: FormatNotice[] = [];
  const error = (line: number, message: string) => errors.push({ document: annFileName, line, message });
  const warn = (line: number, message: string) => warnings.push({ document: annFileName, line, message });
  // brat counts a byte-order mark as the text's first character; sidecar offsets do not.
  const bom = txt.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? txt.slice(1) : txt;
  const withBom = new ArticleText(txt);
  const labels = labelKinds(options);
  const textBounds = new Map<string, TextBound>();
  const statuses = new Map<string, { line: number; value: string }>();
  const comments: Array<{ line: number; target: string; comment: string }> = [];
  const relations = new Map<string, { id: string; line: number; type: string; from: string; to: string }>();
  const seen = new Set<string>();
  // T lines that could not be read: their error is reported once, not again for each A or # line on them.
  const unreadable = new Set<string>();

  ann.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    const tab = content.indexOf('\t');
    const id = tab < 0 ? '' : content.slice(0, tab);
    if (!/^(?:[A-Za-z]+|#[A-Za-z]*)[0-9]+\S*$|^\*$/.test(id)) {
      error(line, 'expected an annotation id (T1, A1, #1, ...), a tab and the annotation');
      return;
    }
    if (id !== '*' && seen.has(id)) {
      error(line, `the id ${id} is used twice`);
      return;
    }
    seen.add(id);
    const rest = content.slice(tab + 1);
    switch (id[0]) {
      case 'T': {
        const parsed = readTextBound(id, rest, withBom, bom, labels);
        if (typeof parsed === 'string') {
          error(line, parsed);
          unreadable.add(id);
        }
        else {
          if (parsed.warning) warn(line, parsed.warning);
          textBounds.set(id, { id, line, label: parsed.label, fragments: parsed.fragments });
        }
        return;
      }
      case 'A':
      case 'M': {
        const [name, target, value, extra] = rest.trim().split(/\s+/);
        if (name !== STATUS_ATTRIBUTE) warn(line, `attribute ${quote(name)} not imported: Marginalia keeps only the ${STATUS_ATTRIBUTE} attribute`);
        else if (!isStatus(value) || extra !== undefined) error(line, `expected "${STATUS_ATTRIBUTE} T<n> <status>" with a status of ${TAG_STATUSES.join(', ')}`);
        else if (statuses.has(target)) error(line, `a second status for ${target}`);
        else statuses.set(target, { line, value });
        return;
      }
      case '#': {
        const noteTab = rest.indexOf('\t');
        const [type, target] = (noteTab < 0 ? rest : rest.slice(0, noteTab)).trim().split(/\s+/);
        const comment = noteTab < 0 ? '' : rest.slice(noteTab + 1).trim();
        if (type !== NOTE_TYPE) warn(line, `note type ${quote(type)} not imported: Marginalia keeps ${NOTE_TYPE} as comments`);
        else if (comment === '') warn(line, `empty note on ${target} not imported`);
        else comments.push({ line, target, comment });
        return;
      }
      case 'R': {
        // brat writes Arg1 then Arg2 (any role names in its config; Arg1/Arg2 are the usual ones and ours).
        const match = /^(\S+)\s+Arg1:(\S+)\s+Arg2:(\S+)\s*$/.exec(rest.split('\t')[0]);
        if (!match) error(line, `expected "${id}<TAB>TYPE Arg1:T<n> Arg2:T<n>"`);
        else relations.set(id, { id, line, type: match[1], from: match[2], to: match[3] });
        return;
      }
      case 'E':
      case 'N':
      case '*':
        warn(line, `${id[0] === 'E' ? 'event' : id[0] === 'N' ? 'normalization' : 'equivalence'} ${id} not imported: Marginalia keeps spans with a label and the relations between them (R lines)`);
        return;
      default:
        error(line, `unknown annotation type ${quote(id)}: expected T, A, M, #, R, E, N or *`);
    }
  });

  const attached = (target: string, line: number, what: string): TextBound | { relation: string } | undefined => {
    const textBound = textBounds.get(target);
    if (textBound || unreadable.has(target)) return textBound;
    if (relations.has(target)) return { relation: target };
    // brat lets notes and attributes sit on relations and events, which are reported as not imported already.
    if (seen.has(target) && !target.startsWith('T')) warn(line, `${what} on ${target} not imported: ${target} is not a tag`);
    else error(line, `${what} refers to ${quote(target)}, which is no text-bound annotation (T line) of this file`);
    return undefined;
  };
  const statusOf = new Map<string, string>();
  for (const [target, status] of statuses) if (attached(target, status.line, 'the status')) statusOf.set(target, status.value);
  const commentsOf = new Map<string, string[]>();
  for (const note of comments) if (attached(note.target, note.line, 'the note')) commentsOf.set(note.target, [...(commentsOf.get(note.target) ?? []), note.comment]);

  const article = new ArticleText(text);
  const at = options.importedAt ?? new Date().toISOString();
  const by = options.annotator ?? 'brat';
  const tags: FormatTag[] = [];
  // The first tag each T line became: a relation's end.
  const tagOf = new Map<string, number>();
  const joinedParts = new Map<string, number>();
  for (const textBound of textBounds.values()) {
    tagOf.set(textBound.id, tags.length);
    const spans = joinLineBrokenFragments(textBound.fragments, article);
    joinedParts.set(textBound.id, spans.length);
    if (spans.length > 1) {
      warn(textBound.line, `${textBound.id} is discontinuous (${spans.length} parts): imported as ${spans.length} tags, one a part`);
    }
    const status = statusOf.get(textBound.id);
    const notes = commentsOf.get(textBound.id);
    for (const span of spans) {
      const tag: FormatTag = { ...span };
      if (status !== undefined) tag.status = status as FormatTag['status'];
      if (notes) tag.history = notes.map((comment) => ({ at, by, action: 'commented', comment }));
      tags.push(tag);
    }
  }
  const imported: ImportedRelation[] = [];
  for (const relation of relations.values()) {
    const ends = [relation.from, relation.to].map((target) => {
      if (tagOf.has(target) || unreadable.has(target)) return tagOf.get(target);
      error(relation.line, `${relation.id}'s ${target === relation.from ? 'Arg1' : 'Arg2'} ${quote(target)} is no text-bound annotation (T line) of this file: Marginalia relates tags only`);
      return undefined;
    });
    if (ends[0] === undefined || ends[1] === undefined) continue;
    if (ends[0] === ends[1]) {
      error(relation.line, `${relation.id} relates ${relation.from} with itself`);
      continue;
    }
    for (const target of [relation.from, relation.to]) {
      const parts = joinedParts.get(target);
      if (parts !== undefined && parts > 1) warn(relation.line, `${relation.id}: ${target} was imported as ${parts} tags; the relation is to its first part`);
    }
    const status = statusOf.get(relation.id);
    const notes = commentsOf.get(relation.id);
    imported.push({
      type: relation.type,
      from: ends[0],
      to: ends[1],
      line: relation.line,
      ...(status !== undefined ? { status: status as FormatTag['status'] } : {}),
      ...(notes ? { history: notes.map((comment) => ({ at, by, action: 'commented', comment })) } : {}),
    });
  }
  const name = annFileName.endsWith('.ann') ? `${annFileName.slice(0, -'.ann'.length)}.txt` : bratFileNames(annFileName).txt;
  return { documents: errors.length > 0 ? [] : [{ name, text, tags, ...(imported.length > 0 ? { relations: imported } : {}), line: 1 }], errors, warnings };
}

/** A T line's type, fragments (in offsets without the byte-order mark) and text, checked as brat checks them. */
function readTextBound(
  id: string,
  rest: string,
  article: ArticleText,
  bom: number,
  labels: ReturnType<typeof labelKinds>,
): { label: string; fragments: FormatTag[]; warning?: string } | string {
  const dataEnd = rest.indexOf('\t');
  const data = dataEnd < 0 ? rest : rest.slice(0, dataEnd);
  const tail = dataEnd < 0 ? '' : rest.slice(dataEnd + 1);
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*$/.exec(data);
  if (!match) return `expected "${id}<TAB>LABEL START END<TAB>TEXT" (discontinuous: START END;START END)`;
  const label = match[1];
  const fragments: FormatTag[] = [];
  for (const pair of match[2].split(';')) {
    const [start, end] = pair.split(' ').map(Number);
    const tag = spanTag(article, start, end, label, labels);
    if (typeof tag === 'string') return tag;
    if (start < bom) return `the span ${start}..${end} covers the byte-order mark at the start of the .txt`;
    if (fragments.some((other) => start < other.end + bom && other.start + bom < end)) return `the parts of ${id} overlap`;
    fragments.push({ ...tag, start: start - bom, end: end - bom });
  }
  const expected = fragments.map((fragment) => fragment.text).join(FRAGMENT_SEPARATOR);
  // brat takes the text as the next characters after the tab, as many as the span holds: it may contain tabs.
  const written = [...tail];
  const length = codePointLength(expected);
  const text = written.slice(0, length).join('');
  let warning: string | undefined;
  if (dataEnd < 0 || tail === '') warning = `${id} has no text after its offsets: taken from the .txt`;
  else if (text !== expected) return `${id}'s text ${quote(text)} does not match the .txt at its offsets, which holds ${quote(expected)}`;
  else if (written.length > length) {
    const after = written.slice(length).join('');
    if (!/^\s/.test(after)) return `${id}'s text ${quote(written.join(''))} does not match the .txt at its offsets, which holds ${quote(expected)}`;
    warning = `${id}: the remark after its text (${quote(after.trim())}) is not imported`;
  }
  fragments.sort((a, b) => a.start - b.start);
  return warning ? { label, fragments, warning } : { label, fragments };
}

/** Fragments separated by nothing but line breaks are one tag (how a tag crossing a line is written); others stay apart. */
function joinLineBrokenFragments(fragments: FormatTag[], article: ArticleText): FormatTag[] {
  const joined: FormatTag[] = [];
  for (const fragment of fragments) {
    const previous = joined[joined.length - 1];
    const gap = previous ? article.slice(previous.end, fragment.start) : '';
    if (previous && gap !== '' && gap.replace(LINE_BREAKS, '') === '') {
      previous.end = fragment.end;
      previous.text = article.slice(previous.start, previous.end);
    } else joined.push({ ...fragment });
  }
  return joined;
}
