/**
 * One run of the built CLI (bin/marginalia.js, as a user runs it) in a child process, timed, with the
 * peak RSS and CPU time of that process alone, read from process.resourceUsage() as it exits (a
 * preload that only writes them to a file): a figure measured inside the bench's own process would
 * count what the bench and earlier figures hold. RSS covers the worker threads, which share the process.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../test/support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const PRELOAD = `process.on('exit', () => { const usage = process.resourceUsage(); require('node:fs').writeFileSync(process.env.MARGINALIA_BENCH_RSS, JSON.stringify({ rss: usage.maxRSS * 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })); });\n`;

export interface CliRun {
  seconds: number;
  peakRssBytes: number;
  /** User and system CPU of the process, all its threads: steadier than seconds on a shared machine. */
  cpuSeconds: number;
  status: number | null;
  /** The end of standard output (its last 1 MB). */
  stdout: string;
  stderr: string;
}

/** `marginalia ARGS`; `scratch` is a folder for the preload and its figures. */
export function runCli(args: readonly string[], scratch: string): CliRun {
  const preload = path.join(scratch, 'rss-preload.cjs');
  const figures = path.join(scratch, 'rss');
  writeFileSync(preload, PRELOAD);
  // Standard output goes to a file: a report over 100,000 articles prints more than a pipe's buffer holds
  // (spawnSync killed `agreement --format json` there at its 64 MB maxBuffer), and a user redirects it too.
  const output = path.join(scratch, 'stdout');
  const outputFd = openSync(output, 'w');
  const start = performance.now();
  let run;
  try {
    run = spawnSync(process.execPath, ['--require', preload, BIN, ...args], { env: { ...process.env, MARGINALIA_BENCH_RSS: figures }, stdio: ['ignore', outputFd, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } finally {
    closeSync(outputFd);
  }
  const seconds = (performance.now() - start) / 1000;
  const measured = JSON.parse(readFileSync(figures, 'utf8')) as { rss: number; cpu: number };
  return { seconds, peakRssBytes: measured.rss, cpuSeconds: measured.cpu, status: run.status, stdout: tailOf(output), stderr: run.stderr.toString() };
}

/** The last 1 MB of a file: the JSON of `agreement` over 100,000 articles is longer than a string can be (512 MB). */
function tailOf(file: string): string {
  const size = statSync(file).size;
  const length = Math.min(size, 1024 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
