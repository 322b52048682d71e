import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readRegularFile } from '../node/regularFile';
import { writeFileAtomically } from '../node/atomicWrite';

/** A .gitattributes is a few lines; a bigger one (or a FIFO, a device) is refused rather than read forever. */
const MAX_GITATTRIBUTES_BYTES = 1024 * 1024;

export interface GitSetupRequest {
  /** Any folder inside the corpus's repository. */
  cwd: string;
  /** Absolute paths of node and of the marginalia script: git runs the driver with no npx, PATH or network. */
  nodePath: string;
  cliScript: string;
}

/** The files the driver merges: every sidecar, and the project lexicon wherever it is. */
export const GITATTRIBUTES_LINES = ['*.annotations.json merge=marginalia', 'marginalia.lexicon.json merge=marginalia'];

/**
 * Registers `marginalia merge-driver` for sidecars and lexicons in the repository around `cwd`: the driver in
 * .git/config (through `git config`, which git does not share between clones) and the attribute
 * in .gitattributes (which can be committed). Running it again changes nothing. Returns the exit code.
 */
export async function runGitSetup(request: GitSetupRequest, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const topLevel = git(request.cwd, ['rev-parse', '--show-toplevel']);
  if (topLevel.error) {
    err(`marginalia git-setup: cannot run git (${topLevel.error}); install git and try again.`);
    return 2;
  }
  if (topLevel.status !== 0) {
    err(`marginalia git-setup: ${request.cwd} is not inside a git repository. Run it from a folder of your corpus's repository (or 'git init' one first).`);
    return 2;
  }
  const root = topLevel.stdout.trim();
  const driver = `${shellQuote(request.nodePath)} ${shellQuote(request.cliScript)} merge-driver %O %A %B %P`;
  for (const [key, value] of [
    ['merge.marginalia.name', 'Marginalia: merges annotation sidecars tag by tag, and the lexicon rule by rule'],
    ['merge.marginalia.driver', driver],
  ]) {
    const set = git(root, ['config', key, value]);
    if (set.status !== 0) {
      err(`marginalia git-setup: git config ${key} failed: ${set.stderr.trim() || set.error}`);
      return 2;
    }
  }
  out(`Merge driver registered in the repository's git config: ${driver}`);

  const attributesPath = join(root, '.gitattributes');
  const attributes = await readRegularFile(attributesPath, MAX_GITATTRIBUTES_BYTES).then((bytes) => bytes.toString('utf8')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const present = new Set(attributes.split('\n').map((line) => line.trim()));
  const missing = GITATTRIBUTES_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) {
    out(`${attributesPath} already routes sidecars and the lexicon to it.`);
  } else {
    const separator = attributes === '' || attributes.endsWith('\n') ? '' : '\n';
    await writeFileAtomically(attributesPath, `${attributes}${separator}${missing.map((line) => `${line}\n`).join('')}`);
    out(`Added ${missing.map((line) => `'${line}'`).join(' and ')} to ${attributesPath}; commit it so that every clone routes sidecars and the lexicon to the driver.`);
  }
  out("Every clone runs 'marginalia git-setup' once, since git does not copy .git/config.");
  return 0;
}

interface GitRun {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

function git(cwd: string, args: string[]): GitRun {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '', error: run.error?.message };
}

/** For the shell git runs the driver with: bare when safe, else in single quotes (also fine for Windows paths under Git for Windows' sh). */
function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:@+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
