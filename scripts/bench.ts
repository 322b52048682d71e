// `npm run bench`: how fast Marginalia is, one JSON object a line, then a table. Throughputs come
// with a ratio to a baseline measured in the same run, because machines are noisy.
// `--short` (CI) runs each measure a few times only, to prove the bench works, not to time it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { detect } from '../server/src/core/detect';
import { startSession } from '../test/lsp/lspClient';
import { PROJECT_ROOT } from '../test/projectRoot';

const short = process.argv.includes('--short');
const seedText = readdirSync(path.join(PROJECT_ROOT, 'seeds'))
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(path.join(PROJECT_ROOT, 'seeds', file), 'utf8'))
  .join('\n');
const corpusOf = (bytes: number) => seedText.repeat(Math.ceil(bytes / seedText.length)).slice(0, bytes);

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  [extra: string]: unknown;
}
const figures: Figure[] = [];
const report = (figure: Figure) => {
  figures.push(figure);
  console.log(JSON.stringify(figure));
};

function timeRuns(runs: number, run: () => void): number[] {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}
const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
const p95 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];

function benchDetect(): void {
  const corpus = corpusOf(2_000_000);
  const megabytes = Buffer.byteLength(corpus) / 1e6;
  const runs = short ? 2 : 7;
  const detectMs = median(timeRuns(runs, () => detect(corpus)));
  // The speed of light for a scanner: one regular-expression pass that finds every word and number.
  const regexMs = median(timeRuns(runs, () => corpus.match(/\p{L}+|\d+/gu)));
  report({ name: 'detect throughput', value: round(megabytes / (detectMs / 1000)), unit: 'MB/s', target: '>= 10', corpusMB: round(megabytes), ratioToRegexPass: round(regexMs / detectMs, 3) });
}

async function benchSemanticTokens(): Promise<void> {
  const session = await startSession();
  try {
    const text = corpusOf(1_000_000);
    writeFileSync(path.join(session.root, 'seeds', 'big.txt'), text);
    const article = await session.open('seeds/big.txt', text);
    const times: number[] = [];
    const requests = short ? 3 : 15;
    for (let version = 2; version < requests + 2; version++) {
      const start = performance.now();
      const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
      times.push(performance.now() - start);
      if (tokens.data.length === 0) throw new Error('no tokens on the 1 MB article');
      // Each request after an edit, so none is answered from a cache.
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: article.uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
    }
    times.sort((a, b) => a - b);
    report({ name: 'full semantic tokens, 1 MB article', value: round(median(times)), unit: 'ms (median)', target: '<= 100', p95: round(p95(times)), requests });
  } finally {
    await session.close();
  }
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

async function main(): Promise<void> {
  benchDetect();
  await benchSemanticTokens();
  console.log('\n' + figures.map((f) => `${f.name.padEnd(38)} ${String(f.value).padStart(8)} ${f.unit.padEnd(12)} target ${f.target ?? '-'}`).join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
