/**
 * A real VS Code for end-to-end tests: code-server, installed by scripts/setup-test-deps.sh, serving
 * the workbench over HTTP with one extension linked in and a throwaway profile.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code that code-server release is built on. */
export const VSCODE_VERSION = '1.100.3';
export const CODE_SERVER_BIN = path.join(
  __dirname, '..', '..', '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server',
);

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LINES_KEPT = 40;

/** Settings that keep the workbench quiet and predictable; a test's own settings win. */
const TEST_DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
};

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Extension folders (each with its package.json) to link into the extensions dir. */
  extensionPaths: string[];
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so its extension host. */
  env?: Record<string, string>;
  /** A folder kept between runs for code-server's state (window layout, settings); default: a temp folder removed on stop. */
  stateDir?: string;
}

export interface RunningCodeServer {
  /** Base URL of the workbench, without a trailing slash. */
  url: string;
  userDataDir: string;
  /** Kills code-server and everything it started, then removes its temp dirs. */
  stop(): Promise<void>;
}

export function assertCodeServerInstalled(): void {
  if (!existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed at ${CODE_SERVER_BIN}: run scripts/setup-test-deps.sh`);
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  assertCodeServerInstalled();
  const root = options.stateDir ?? (await mkdtemp(path.join(tmpdir(), 'marginalia-code-server-')));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  for (const extensionPath of options.extensionPaths) {
    const link = path.join(extensionsDir, await extensionFolderName(extensionPath));
    await rm(link, { force: true });
    await symlink(path.resolve(extensionPath), link, 'dir');
  }
  await writeFile(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...TEST_DEFAULT_SETTINGS, ...options.settings }, null, 2),
  );

  const child = spawn(process.execPath, [
    CODE_SERVER_BIN,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    options.workspace,
  ], {
    // Its own process group, so stop() reaches the extension host and other helpers at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Keeps code-server's config.yaml and state out of the real home directory.
    env: { ...process.env, ...options.env, XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data') },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const tree = [child.pid, ...descendantsOf(child.pid)];
      signalAll(-child.pid, tree, 'SIGTERM');
      const stoppedInTime = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
      // Helpers can outlive a cleanly exiting parent; make sure none is left holding the temp dirs.
      signalAll(-child.pid, tree, 'SIGKILL');
      if (!stoppedInTime) await exited;
    }
    if (!options.stateDir) await rm(root, { recursive: true, force: true });
  };

  try {
    const url = await waitForListeningUrl(child, exited);
    return { url, userDataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function extensionFolderName(extensionPath: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(extensionPath, 'package.json'), 'utf8')) as Record<string, unknown>;
  const { publisher, name, version } = manifest;
  if (typeof publisher !== 'string' || typeof name !== 'string' || typeof version !== 'string') {
    throw new Error(`${extensionPath}/package.json needs string "publisher", "name" and "version" fields`);
  }
  // The folder name code-server's extension scanner expects for an installed extension.
  return `${publisher}.${name}-${version}`;
}

/** Resolves with the URL from code-server's "HTTP server listening on <url>" line. */
function waitForListeningUrl(child: ReturnType<typeof spawn>, exited: Promise<void>): Promise<string> {
  const recentLines: string[] = [];
  const recentOutput = () => recentLines.join('\n') || '(no output)';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`code-server did not start listening within ${STARTUP_TIMEOUT_MS} ms. Last output:\n${recentOutput()}`));
    }, STARTUP_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        recentLines.push(line);
        if (recentLines.length > OUTPUT_LINES_KEPT) recentLines.shift();
        const listening = /HTTP server listening on (https?:\/\/\S+)/.exec(line);
        if (listening) {
          clearTimeout(timer);
          resolve(listening[1].replace(/\/$/, ''));
        }
      }
    };
    // Both streams are always read, so a chatty code-server never blocks on a full pipe.
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with code ${child.exitCode ?? child.signalCode} before listening. Last output:\n${recentOutput()}`));
    });
  });
}

/**
 * Every process below `pid`, from /proc, including helpers that start their own process group
 * (VS Code's login-shell probe for the environment does).
 */
function descendantsOf(pid: number): number[] {
  const childrenByParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we were looking
    }
    // The parent pid is the second field after the ")" that closes the command name.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    childrenByParent.set(parent, [...(childrenByParent.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    for (const child of childrenByParent.get(pending.pop()!) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

function signalAll(processGroup: number, pids: number[], signal: NodeJS.Signals): void {
  for (const target of [processGroup, ...pids]) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
