import { CONLL_SCHEMES, type ConllScheme } from '../core/formats/conll';
import { FORMATS, formatNamed, noticeLine, type Format } from '../core/formats/registry';
import type { FormatNotice } from '../core/formats/types';
import { TAG_STATUSES, type TagStatus } from '../core/sidecar/schema';
import { exportCorpus } from '../node/corpusExport';
import { importIntoCorpus } from '../node/corpusImport';
import type { ProgressBar } from './progressBar';

export interface ExportArguments {
  format: string | undefined;
  scheme?: string | undefined;
  strict?: boolean;
  status: string | undefined;
  annotator: string | undefined;
  out: string | undefined;
  corpus: string | undefined;
}

export interface ImportArguments {
  format: string | undefined;
  as: string | undefined;
  annotator: string | undefined;
  into: string | undefined;
  input: string | undefined;
}

type Print = (line: string) => void;

/**
 * `marginalia export`: exit 0 when every chosen tag went out, 2 on bad usage or when something was
 * left out (each named on stderr: orphans, conflicts, what the format cannot say).
 */
export async function runExport(args: ExportArguments, out: Print, err: Print, bar?: ProgressBar): Promise<number> {
  const format = formatOf(args.format, err);
  if (!format) return 2;
  if (!args.out) return usage(err, 'export needs --out PATH (a file, or a folder for brat)');
  if (!args.corpus) return usage(err, 'export needs the CORPUS folder to export');
  const statuses = statusesOf(args.status, err);
  if (!statuses) return 2;
  if (args.scheme !== undefined && format.name !== 'conll') return usage(err, '--scheme is for --format conll');
  if (args.scheme !== undefined && !(CONLL_SCHEMES as readonly string[]).includes(args.scheme)) return usage(err, `--scheme must be ${CONLL_SCHEMES.join(', ')}, not '${args.scheme}'`);
  try {
    const outcome = await exportCorpus(
      { format, corpus: args.corpus, out: args.out, statuses, ...(args.annotator !== undefined ? { annotator: args.annotator } : {}), ...(args.scheme !== undefined ? { scheme: args.scheme as ConllScheme } : {}), ...(args.strict ? { strict: true } : {}) },
      bar,
    );
    report(outcome.notices, err);
    out(`Exported ${outcome.tags} tag${outcome.tags === 1 ? '' : 's'} of ${outcome.documents} article${outcome.documents === 1 ? '' : 's'} as ${format.title} to ${args.out}${outcome.notices.length > 0 ? `; ${outcome.notices.length} left out or not carried (listed above)` : ''}`);
    return outcome.notices.length > 0 ? 2 : 0;
  } catch (error) {
    err(`marginalia export: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/** `marginalia import`: exit 0 done, 2 on bad usage, bad input (nothing written) or something skipped (named on stderr). */
export async function runImport(args: ImportArguments, out: Print, err: Print, bar?: ProgressBar): Promise<number> {
  const format = formatOf(args.format, err);
  if (!format) return 2;
  if (!args.into) return usage(err, 'import needs --into CORPUS (the folder the articles and tags go into)');
  if (!args.input) return usage(err, 'import needs the FILE (or brat FOLDER) to import');
  const as = args.as ?? 'proposed';
  if (as !== 'proposed' && as !== 'accepted') return usage(err, `--as must be proposed or accepted, not '${as}'`);
  try {
    const outcome = await importIntoCorpus({ format, into: args.into, input: args.input, as, ...(args.annotator !== undefined ? { annotator: args.annotator } : {}) }, bar);
    if (outcome.errors.length > 0) {
      report(outcome.errors, err);
      err(`marginalia import: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} in ${args.input}; nothing was imported`);
      return 2;
    }
    report(outcome.warnings, err);
    const relations = outcome.relationsAdded + outcome.relationsKept === 0 ? '' : ` and ${outcome.relationsAdded} relation${outcome.relationsAdded === 1 ? '' : 's'}${outcome.relationsKept > 0 ? ` (${outcome.relationsKept} already there)` : ''}`;
    out(`Imported ${outcome.tagsAdded} tag${outcome.tagsAdded === 1 ? '' : 's'}${relations} as ${as} into ${outcome.articlesTouched} article${outcome.articlesTouched === 1 ? '' : 's'} (${outcome.articlesCreated} new)${outcome.tagsKept > 0 ? `; ${outcome.tagsKept} already there` : ''}${outcome.warnings.length > 0 ? `; ${outcome.warnings.length} not carried or skipped (listed above)` : ''}`);
    return outcome.warnings.length > 0 ? 2 : 0;
  } catch (error) {
    err(`marginalia import: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function formatOf(name: string | undefined, err: Print): Format | undefined {
  const names = FORMATS.map((format) => format.name).join(', ');
  if (!name) {
    usage(err, `--format is needed: one of ${names}`);
    return undefined;
  }
  const format = formatNamed(name);
  if (!format) usage(err, `--format ${name} is not one Marginalia knows (${names})`);
  return format;
}

function statusesOf(text: string | undefined, err: Print): Set<TagStatus> | undefined {
  const statuses = (text ?? 'accepted,approved').split(',').map((status) => status.trim()).filter(Boolean);
  const unknown = statuses.filter((status) => !(TAG_STATUSES as readonly string[]).includes(status) || status === 'conflict');
  if (unknown.length > 0 || statuses.length === 0) {
    usage(err, `--status takes statuses among accepted, approved, proposed, rejected (comma-separated), not '${text}'`);
    return undefined;
  }
  return new Set(statuses as TagStatus[]);
}

/** One line each: `document:line: message`. */
function report(notices: readonly FormatNotice[], err: Print): void {
  for (const notice of notices) err(noticeLine(notice));
}

function usage(err: Print, message: string): number {
  err(`marginalia: ${message}\nRun 'marginalia --help' for usage.`);
  return 2;
}
