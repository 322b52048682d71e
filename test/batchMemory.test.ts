/**
 * The batch commands read a corpus one article at a time: their memory does not grow with the
 * corpus. Proven on a corpus of long articles (100 of about 290 KB, tagged by two annotators): a
 * command that held them all, with their tags and tokens, peaked at about 1 GB (agreement and report
 * before they streamed); one that reads them in turn stays at what a few articles take.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTaggedCorpus } from '../scripts/bench/taggedCorpus';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const ARTICLES = 100;
/** Peak RSS allowed: the Node process and a few articles with their tokens; holding all of them took 600 MB and more. */
const PEAK_MB = 400;

describe('batch commands in bounded memory', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-memory-'));
    writeTaggedCorpus(path.join(folder, 'corpus'), ARTICLES, { repeat: 60, pool: 5 });
    // The CLI's own peak, as the process ends.
    writeFileSync(path.join(folder, 'peak.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(folder, 'peak'))}, String(process.resourceUsage().maxRSS)));\n`);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--require', path.join(folder, 'peak.cjs'), BIN, ...args, '--no-progress', path.join(folder, 'corpus')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { ...result, peakMb: Number(readFileSync(path.join(folder, 'peak'), 'utf8')) / 1024 };
  };

  for (const command of ['agreement', 'report', 'check']) {
    it(`${command} reads ${ARTICLES} long tagged articles one at a time (peak RSS under ${PEAK_MB} MB)`, () => {
      const result = run(command, '--format', 'json');
      assert.equal(result.status, 0, result.stderr.slice(0, 2000));
      const printed = JSON.parse(result.stdout);
      if (command === 'agreement') assert.equal(printed.documents.length, ARTICLES);
      if (command === 'report') assert.equal(printed.progress.articles.length, ARTICLES);
      if (command === 'check') assert.equal(printed.sidecars.length, ARTICLES);
      assert.ok(result.peakMb < PEAK_MB, `${command} peaked at ${Math.round(result.peakMb)} MB`);
    });
  }
});
