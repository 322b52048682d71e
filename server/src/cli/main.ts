import { realpathSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version } from '../../../package.json';
import { runAgreement, type AgreementFormat } from './agreementCommand';
import { runAnnotate, withCancellableProgressBar, type AnnotateFormat } from './annotateCommand';
import { parseShard } from '../core/annotate/shard';
import { isCalendarDate } from '../core/base/calendarDate';
import { runCheck, type CheckFormat } from './checkCommand';
import { runDetect, type DetectFormat } from './detectCommand';
import { runGitSetup } from './gitSetupCommand';
import { runMergeDriver } from './mergeDriverCommand';
import { withProgressBar } from './progressBar';
import { runExport, runImport } from './transferCommands';
import { defaultWorkerCount, maxWorkerCount } from '../node/annotatePool';
import { runReport, type ReportFormat } from './reportCommand';

const USAGE = `marginalia ${version}: find entities, numbers and dates in news articles

Usage:
  marginalia detect [--format jsonl|table] [--reference-date YYYY-MM-DD] FILE...
      Print what the detector finds. jsonl: one JSON object a line with file, start, end (Unicode
      code points, end exclusive), text, kind, label, confidence and value. table: for people.
      --reference-date resolves relative dates ("Monday") in articles that state no date; without
      it, the "referenceDate" of the marginalia.json governing the file, if any.
  marginalia check [--format text|json] [--fix] [PATH]
      Check every sidecar (*.annotations.json) below PATH (default: this folder; node_modules and
      dot-folders skipped) against its article: schema, missing article, offsets in range, stored
      text equal to the article's, orphaned tags, tags in conflict, and every marginalia.json. One
      line a problem, as path:line: message; json: for tools. --fix first re-anchors the tags of
      articles changed on disk (moved tags follow their text; lost ones are marked "anchor":
      "orphaned" in the sidecar). Exit codes: 0 all well, 1 problems found, 2 bad usage.
  marginalia agreement [--annotators A,B] [--format table|json] [PATH]
      How far two annotators agree in the sidecars below PATH (default: this folder): per label and
      overall, span F1 on exact match (same start, end and label) and on overlap match (same label,
      sharing a character), and token-level Cohen's kappa (tokens: runs of letters and digits; per
      label, that label against the rest), per document and for the corpus. An annotator's tags are
      those they accepted; an article counts once both have left a tag in it. Without --annotators,
      the only two annotators found. table: for people; json: for tools. Exit codes: 0 figures
      printed (files left out are named on stderr), 2 bad usage or nothing to compare.
  marginalia report [--annotators A,B] [--format json|csv] [PATH]
      The corpus report the editor's "Show Agreement and Report" shows, on the sidecars below PATH
      (default: this folder): tags per label by review state (proposed, accepted, approved,
      rejected, orphaned, conflict), review progress per article and overall, and the figures of
      'marginalia agreement'. json: one object; csv: one table, one figure a row, with the columns
      section, article, label, measure, value (empty article: the whole corpus; empty label: all
      labels). Exit codes: 0 printed (without agreement when there are not exactly two annotators:
      name them with --annotators), 2 bad usage or annotators that cannot be compared.
  marginalia export --format conll|brat|jsonl|doccano|labelstudio|webannotation [--scheme iob1|iob2|bioes] [--strict] [--status accepted,approved] [--annotator A] --out PATH CORPUS
      Write the corpus's tags in an interchange format (README, "Interchange formats"): --out is one
      file (conll, jsonl, doccano, labelstudio, webannotation) or a new or empty folder (brat: .txt +
      .ann pairs and annotation.conf),
      articles in the order of their paths. --status: which tags (default accepted,approved);
      --annotator: one annotator's only. Orphaned tags and tags in conflict never go out as sound:
      they are left out and named on stderr, like anything the format cannot say (CoNLL: nested or
      overlapping tags beyond the outer one; CoNLL, doccano, jsonl: relations between tags;
      --strict refuses such an article; --scheme iob1, iob2 (default) or bioes). Relations go out
      with their ends (brat R lines, Label Studio relation results, Web Annotation linking
      annotations), filtered as tags. Exit codes: 0
      done, 2 bad usage or something left out (named).
  marginalia import --format conll|brat|jsonl|doccano|labelstudio|webannotation [--as proposed|accepted] [--annotator A] --into CORPUS FILE|DIR
      Bring tags from another tool into CORPUS: articles made from the file's texts (<file
      stem>-0001.txt, … in file order; brat keeps its .txt names), reusing an article with the
      same text and never overwriting one with other text. Tags are proposed (source "import",
      annotator from the file, else --annotator, else "import") unless --as accepted; a second
      identical import adds nothing; a tag contradicting one already on its span is left out and
      named. Bad input (a malformed line, offsets past the end, text that does not match, an
      unknown label) is named with its file and line, and nothing is written. Exit codes: 0 done,
      2 bad usage, bad input or something skipped (named).
  marginalia annotate [--workers N] [--shard K/N] [--dry-run] [--format summary|json] [--reference-date YYYY-MM-DD] PATH...
      Pre-annotate: write what the detector finds in the articles below each PATH (a folder or a
      .txt file; below a marginalia.json, the articles it selects; elsewhere every .txt file) into
      their sidecars as proposed tags (source "import", annotator "marginalia") for people to accept
      or reject. With a marginalia.lexicon.json beside marginalia.json (else in PATH), text
      annotators tagged before is proposed too, and suggestions they rejected are not; the
      recognisers marginalia.json names propose theirs (source "model:NAME"). Never
      touches a tag a person made or decided, never proposes on a span already tagged or rejected
      or across a person's tag; running it again replaces only its own proposals no longer found,
      so a second run writes nothing. --workers: threads (default: one per core; at most 16 or
      twice the cores, whichever is more). --shard K/N: only shard K (1 to N) of the articles, by
      a hash of each one's path in its corpus, so that N jobs on N machines share a corpus, each
      writing only its own articles' sidecars. --reference-date: what relative dates ("on Tuesday")
      are resolved against in articles that state no date, in place of marginalia.json's
      "referenceDate". --dry-run: count, write nothing. Ctrl+C finishes the
      articles under way and stops. Exit codes: 0 done, 2 bad usage, articles skipped
      (unreadable, binary, broken sidecar or lexicon: named on stderr and left untouched) or a
      recogniser that failed (named on stderr; the detector's proposals are written), 130 cancelled.
  marginalia git-setup
      Make git merge sidecars tag by tag, and the project lexicon rule by rule, in the repository
      around this folder: registers the merge driver in .git/config (run once per clone) and adds
      '*.annotations.json merge=marginalia' and 'marginalia.lexicon.json merge=marginalia' to
      .gitattributes (commit it). Running it again changes nothing.
  marginalia merge-driver BASE OURS THEIRS [NAME]
      What git runs (as %O %A %B %P) to merge a sidecar: tags added on either side are kept, a tag
      deleted on one side and unchanged on the other is deleted, a tag changed differently on both
      sides gets status "conflict" with both versions. A lexicon (NAME marginalia.lexicon.json)
      merges rule by rule: counts add up what each side taught, a rejection either side lifted is
      lifted. Writes the result into OURS. Exit codes: 0 merged, 1 merged with conflicts to
      resolve, 2 not merged (an input is not valid; OURS is left as it was).
  marginalia lsp --stdio|--node-ipc|--socket=PORT|--pipe=NAME
      Start the language server for any LSP editor (highlights, quick-fix tags, sidecars), talking
      over stdin and stdout (what editors usually run), Node IPC, a TCP port or a named pipe.
  marginalia --help       This help.
  marginalia --version    The version.

check, agreement, report and annotate draw a progress bar on stderr while they read the files, when stderr is
a terminal (not when piped or in CI); --no-progress turns it off. Their output on stdout is untouched.

Exit codes, unless stated above: 0 done, 1 internal error, 2 bad usage or a file that could not be
read (others are still processed).`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(version + '\n');
    return 0;
  }
  if (command === 'detect') return detectCommand(rest);
  if (command === 'check') return checkCommand(rest);
  if (command === 'agreement') return agreementCommand(rest);
  if (command === 'report') return reportCommand(rest);
  if (command === 'annotate') return annotateCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === 'import') return importCommand(rest);
  if (command === 'git-setup') return gitSetupCommand(rest);
  if (command === 'merge-driver') return mergeDriverCommand(rest);
  if (command === 'lsp') return lspCommand(rest);
  return usageError(`unknown command '${command}'`);
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** For the commands that walk a folder: their progress bar on stderr (drawn only on a terminal) can be turned off. */
const PROGRESS_OPTION = { 'no-progress': { type: 'boolean' } } as const;

/** A command's options with --help built in: the parsed values, or the exit code when help was shown or the usage is wrong. */
function parseCommand<T extends OptionsConfig>(args: string[], options: T) {
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } as T });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    return parsed;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
}

async function detectCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { format: { type: 'string', default: 'jsonl' }, 'reference-date': { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'jsonl' && values.format !== 'table') return usageError(`--format must be jsonl or table, not '${values.format}'`);
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !isCalendarDate(referenceDate)) return usageError(`--reference-date must be a date as YYYY-MM-DD, not '${referenceDate}'`);
  if (positionals.length === 0) return usageError('detect needs at least one FILE');
  return runDetect(
    { files: positionals, format: values.format as DetectFormat, referenceDate },
    (chunk) => process.stdout.write(chunk),
    (line) => process.stderr.write(line + '\n'),
  );
}

async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') return usageError(`--format must be text or json, not '${values.format}'`);
  if (positionals.length > 1) return usageError('check takes one PATH (a folder or a sidecar)');
  return withProgressBar('checking', values['no-progress'] === true, (bar) =>
    runCheck(
      { path: positionals[0] ?? '.', format: values.format as CheckFormat, fix: values.fix === true },
      bar.clearedBefore((chunk: string) => process.stdout.write(chunk)),
      bar.clearedBefore((line: string) => process.stderr.write(line + '\n')),
      bar,
    ),
  );
}

async function agreementCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { annotators: { type: 'string' }, format: { type: 'string', default: 'table' }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'table' && values.format !== 'json') return usageError(`--format must be table or json, not '${values.format}'`);
  const annotators = values.annotators?.split(',').map((name) => name.trim());
  if (annotators !== undefined && (annotators.length !== 2 || annotators.includes('') || annotators[0] === annotators[1])) {
    return usageError(`--annotators takes two different names separated by a comma, such as 'ann,bob', not '${values.annotators}'`);
  }
  if (positionals.length > 1) return usageError('agreement takes one PATH (a folder or a sidecar)');
  return withProgressBar('loading', values['no-progress'] === true, (bar) =>
    runAgreement(
      { path: positionals[0] ?? '.', annotators: annotators && [annotators[0], annotators[1]], format: values.format as AgreementFormat },
      bar.clearedBefore((chunk: string) => process.stdout.write(chunk)),
      bar.clearedBefore((line: string) => process.stderr.write(line + '\n')),
      bar,
    ),
  );
}

async function reportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { annotators: { type: 'string' }, format: { type: 'string', default: 'json' }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'json' && values.format !== 'csv') return usageError(`--format must be json or csv, not '${values.format}'`);
  const annotators = values.annotators?.split(',').map((name) => name.trim());
  if (annotators !== undefined && (annotators.length !== 2 || annotators.includes('') || annotators[0] === annotators[1])) {
    return usageError(`--annotators takes two different names separated by a comma, such as 'ann,bob', not '${values.annotators}'`);
  }
  if (positionals.length > 1) return usageError('report takes one PATH (a folder or a sidecar)');
  return withProgressBar('loading', values['no-progress'] === true, (bar) =>
    runReport(
      { path: positionals[0] ?? '.', annotators: annotators && [annotators[0], annotators[1]], format: values.format as ReportFormat },
      bar.clearedBefore((chunk: string) => process.stdout.write(chunk)),
      bar.clearedBefore((line: string) => process.stderr.write(line + '\n')),
      bar,
    ),
  );
}

async function annotateCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { workers: { type: 'string' }, shard: { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string', default: 'summary' }, 'reference-date': { type: 'string' }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'summary' && values.format !== 'json') return usageError(`--format must be summary or json, not '${values.format}'`);
  const workers = values.workers === undefined ? defaultWorkerCount() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) return usageError(`--workers must be a whole number of threads, 1 or more, not '${values.workers}'`);
  if (workers > maxWorkerCount()) {
    const cores = defaultWorkerCount();
    return usageError(`--workers: at most ${maxWorkerCount()} threads on this machine (${cores} ${cores === 1 ? 'core' : 'cores'}), not ${workers}: more threads than cores only take memory`);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && shard === undefined) return usageError(`--shard must be K/N with whole numbers 1 ≤ K ≤ N (this job's shard of N), not '${values.shard}'`);
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !isCalendarDate(referenceDate)) return usageError(`--reference-date must be a date as YYYY-MM-DD, not '${referenceDate}'`);
  if (positionals.length === 0) return usageError('annotate needs at least one PATH (a folder or an article)');
  return withCancellableProgressBar('annotating', values['no-progress'] === true, (bar, cancellation) =>
    runAnnotate(
      { paths: positionals, workers, dryRun: values['dry-run'] === true, format: values.format as AnnotateFormat, shard, referenceDate },
      bar.clearedBefore((chunk: string) => process.stdout.write(chunk)),
      bar.clearedBefore((line: string) => process.stderr.write(line + '\n')),
      bar,
      cancellation,
    ),
  );
}

async function gitSetupCommand(args: string[]): Promise<number> {
  if (args.length > 0) return usageError(`git-setup takes no arguments (run it inside the repository), got '${args[0]}'`);
  // The script as run (npx and npm link reach it through a symlink), so that git needs neither npx nor PATH.
  const cliScript = realpathSync(process.argv[1]);
  return runGitSetup(
    { cwd: process.cwd(), nodePath: process.execPath, cliScript },
    (line) => process.stdout.write(line + '\n'),
    (line) => process.stderr.write(line + '\n'),
  );
}

async function mergeDriverCommand(args: string[]): Promise<number> {
  if (args.length < 3 || args.length > 4) return usageError('merge-driver needs BASE OURS THEIRS [NAME], as git passes them (%O %A %B %P)');
  const [base, ours, theirs, name] = args;
  return runMergeDriver({ base, ours, theirs, name }, (line) => process.stderr.write(line + '\n'));
}

const LSP_TRANSPORTS = '--stdio, --node-ipc, --socket=PORT or --pipe=NAME';

/** Serves LSP until the editor disconnects; the returned promise never settles, so the process stays up. */
async function lspCommand(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => !['--stdio', '--node-ipc'].includes(arg) && !arg.startsWith('--socket') && !arg.startsWith('--pipe') && !arg.startsWith('--clientProcessId'));
  if (unknown.length > 0) return usageError(`lsp: unknown option ${unknown[0]} (use --stdio)`);
  // Without one, the server library fails on its own, and the process exited 1 saying nothing.
  if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
    return usageError(`lsp needs a transport: ${LSP_TRANSPORTS} (editors usually run 'marginalia lsp --stdio')`);
  }
  const { startServer } = await import('../lsp/server');
  startServer();
  return new Promise<number>(() => {});
}

async function exportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { format: { type: 'string' }, scheme: { type: 'string' }, strict: { type: 'boolean' }, status: { type: 'string' }, annotator: { type: 'string' }, out: { type: 'string' }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return usageError('export takes one CORPUS folder');
  return withProgressBar('exporting', values['no-progress'] === true, (bar) =>
    runExport({ format: values.format, scheme: values.scheme, strict: values.strict === true, status: values.status, annotator: values.annotator, out: values.out, corpus: positionals[0] }, bar.clearedBefore(printLine(process.stdout)), bar.clearedBefore(printLine(process.stderr)), bar),
  );
}

async function importCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { format: { type: 'string' }, as: { type: 'string' }, annotator: { type: 'string' }, into: { type: 'string' }, ...PROGRESS_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return usageError('import takes one FILE (or brat FOLDER)');
  return withProgressBar('importing', values['no-progress'] === true, (bar) =>
    runImport({ format: values.format, as: values.as, annotator: values.annotator, into: values.into, input: positionals[0] }, bar.clearedBefore(printLine(process.stdout)), bar.clearedBefore(printLine(process.stderr)), bar),
  );
}

const printLine = (stream: NodeJS.WriteStream) => (line: string) => void stream.write(line + '\n');

function usageError(message: string): number {
  process.stderr.write(`marginalia: ${message}\nRun 'marginalia --help' for usage.\n`);
  return 2;
}
