import type { Detection } from '../core/detect/shared/detection';
import { detect } from '../core/detect';
import { looksBinary } from '../core/detect/binary';
import { describeValue } from '../core/detect/describeValue';
import { readArticleFile, UnreadableFileError } from '../node/regularFile';
import { resolve } from 'node:path';
import { articleSelectorFor } from '../node/projectFiles';
import { referenceDateOf } from '../core/project/referenceDate';

export type DetectFormat = 'jsonl' | 'table';

export interface DetectRequest {
  files: string[];
  format: DetectFormat;
  referenceDate?: string;
}

/** Prints the detections of each file; returns the exit code: 2 when any file could not be read. */
export async function runDetect(request: DetectRequest, out: (chunk: string) => void, err: (line: string) => void): Promise<number> {
  let exitCode = 0;
  const selector = articleSelectorFor([]);
  const said = new Set<string>();
  for (const file of request.files) {
    const text = await readArticle(file).catch((error: unknown) => {
      err(`marginalia: cannot read ${file}: ${reasonOf(error)}`);
      return undefined;
    });
    if (text === undefined) {
      exitCode = 2;
      continue;
    }
    if (looksBinary(text)) {
      err(`marginalia: skipped ${file}: it looks like a binary file, not an article`);
      exitCode = 2;
      continue;
    }
    // The flag, else the rule of the marginalia.json governing the file (a broken one is `check`'s to report).
    const lookup = selector.projectOf(resolve(file));
    if (lookup.problem && request.referenceDate === undefined && !said.has(lookup.problem)) {
      said.add(lookup.problem);
      err(`marginalia: ${lookup.problem} (its "referenceDate" is not used until it is fixed)`);
    }
    const { reference, problem } = referenceDateOf(lookup.project, resolve(file), request.referenceDate);
    if (problem) err(`marginalia: ${file}: ${problem}`);
    const detections = detect(text, { referenceDate: reference?.date });
    out(request.format === 'jsonl' ? asJsonLines(file, detections) : asTable(file, text, detections));
  }
  return exitCode;
}

async function readArticle(file: string): Promise<string> {
  return readArticleFile(file);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder (give the .txt files inside it)';
  if (code === 'EACCES') return 'permission denied';
  if (error instanceof UnreadableFileError) return error.problem;
  return error instanceof Error ? error.message : String(error);
}

function asJsonLines(file: string, detections: readonly Detection[]): string {
  return detections.map((detection) => JSON.stringify({ file, ...detection }) + '\n').join('');
}

/** One line a detection with its line:column (1-based, in characters), for people reading a terminal. */
function asTable(file: string, text: string, detections: readonly Detection[]): string {
  const places = linesAndColumns(text, detections.map((detection) => detection.start));
  const rows = detections.map((detection, row) => {
    return [
      places[row],
      detection.kind,
      detection.label,
      detection.confidence.toFixed(2),
      oneLine(detection.text),
      detection.value ? describeValue(detection.value) : '',
    ];
  });
  const header = ['where', 'kind', 'label', 'conf', 'text', 'value'];
  const widths = header.map((title, column) => Math.min(40, Math.max(title.length, ...rows.map((row) => row[column].length))));
  const format = (row: string[]) => '  ' + row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const body = rows.length > 0 ? [format(header), ...rows.map(format)] : ['  (nothing detected)'];
  return [`${file}: ${detections.length} detections`, ...body, ''].join('\n') + '\n';
}

/** "line:column" (1-based, in characters) of each code point offset, ascending, in one walk over the text. */
function linesAndColumns(text: string, ascendingOffsets: readonly number[]): string[] {
  const places: string[] = [];
  let line = 1;
  let column = 1;
  let offset = 0;
  let next = 0;
  for (const char of text) {
    while (next < ascendingOffsets.length && ascendingOffsets[next] === offset) {
      places.push(`${line}:${column}`);
      next++;
    }
    if (next === ascendingOffsets.length) break;
    offset++;
    if (char === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  while (places.length < ascendingOffsets.length) places.push(`${line}:${column}`);
  return places;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? flat.slice(0, 39) + '…' : flat;
}
