import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { runDetect, type DetectFormat } from './detectCommand';

const USAGE = `marginalia ${version}: find entities, numbers and dates in news articles

Usage:
  marginalia detect [--format jsonl|table] [--reference-date YYYY-MM-DD] FILE...
      Print what the detector finds. jsonl: one JSON object a line with file, start, end (Unicode
      code points, end exclusive), text, kind, label, confidence and value. table: for people.
      --reference-date resolves relative dates ("Monday") in articles that state no date.
  marginalia lsp --stdio
      Start the language server for any LSP editor (highlights, quick-fix tags, sidecars).
  marginalia --help       This help.
  marginalia --version    The version.

Exit codes: 0 done, 1 internal error, 2 bad usage or a file that could not be read (others are still processed).`;

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
  if (command === 'lsp') return lspCommand(rest);
  return usageError(`unknown command '${command}'`);
}

async function detectCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        'reference-date': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
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

/** Serves LSP until the editor disconnects; the returned promise never settles, so the process stays up. */
async function lspCommand(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => !['--stdio', '--node-ipc'].includes(arg) && !arg.startsWith('--socket') && !arg.startsWith('--pipe') && !arg.startsWith('--clientProcessId'));
  if (unknown.length > 0) return usageError(`lsp: unknown option ${unknown[0]} (use --stdio)`);
  const { startServer } = await import('../server');
  startServer();
  return new Promise<number>(() => {});
}

function isCalendarDate(text: string): boolean {
  const date = new Date(text + 'T00:00:00Z');
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function usageError(message: string): number {
  process.stderr.write(`marginalia: ${message}\nRun 'marginalia --help' for usage.\n`);
  return 2;
}
