/**
 * Import streams its input (issue 16): an input several times larger than the JS heap the CLI is
 * given imports whole, so the memory an import takes does not grow with the input; and an error in
 * the input's last line still leaves nothing written, though every line before it was read first.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
/** The JS heap the CLI is given: the input below is three times this. */
const HEAP_MB = 40;
const DOCUMENTS = 120;
/** Each document's text: about 1 MB, so the input is about 120 MB. */
const SENTENCE = 'In Brussels, NATO officials met again on Tuesday morning. ';
const REPEAT = 17_000;

const importing = (...args: string[]) =>
  spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, 'import', ...args, '--no-progress'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Writes the JSONL a document at a time (the test itself must not hold it either). */
async function writeJsonl(file: string, lastLine?: string): Promise<void> {
  const out = createWriteStream(file);
  const text = `Dispatch NUMBER. ${SENTENCE.repeat(REPEAT)}`;
  for (let n = 0; n < DOCUMENTS; n++) {
    const body = text.replace('NUMBER', String(n).padStart(3, '0'));
    const start = body.indexOf('Brussels');
    const line = `${JSON.stringify({ text: body, spans: [{ start, end: start + 'Brussels'.length, label: 'GPE' }] })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  if (lastLine !== undefined) out.write(`${lastLine}\n`);
  out.end();
  await once(out, 'finish');
}

describe('marginalia import streams its input', () => {
  let work = '';
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-import-stream-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it(`imports a JSONL file three times the size of its ${HEAP_MB} MB heap`, async () => {
    const input = path.join(work, 'big.jsonl');
    await writeJsonl(input);
    const into = path.join(work, 'corpus');
    const run = importing('--format', 'jsonl', '--as', 'accepted', '--into', into, input);
    assert.equal(run.status, 0, run.stderr.slice(0, 2000));
    assert.match(run.stdout, new RegExp(`Imported ${DOCUMENTS} tags as accepted into ${DOCUMENTS} articles \\(${DOCUMENTS} new\\)`));
    const last = `big-${String(DOCUMENTS).padStart(4, '0')}`;
    assert.ok(readFileSync(path.join(into, `${last}.txt`), 'utf8').startsWith(`Dispatch ${String(DOCUMENTS - 1).padStart(3, '0')}.`));
    assert.equal(JSON.parse(readFileSync(path.join(into, `${last}.annotations.json`), 'utf8')).annotations[0].text, 'Brussels');
  });

  it('writes nothing when only the last line of a big input is bad, and names it', async () => {
    const input = path.join(work, 'bad-end.jsonl');
    await writeJsonl(input, '{"text": "Kyiv", "spans": [{"start": 0, "end": 9, "label": "GPE"}]}');
    const into = path.join(work, 'untouched');
    const run = importing('--format', 'jsonl', '--into', into, input);
    assert.equal(run.status, 2, run.stderr.slice(0, 2000));
    assert.match(run.stderr, new RegExp(`bad-end\\.jsonl:${DOCUMENTS + 1}: .*past the end of the text`));
    assert.match(run.stderr, /nothing was imported/);
    assert.ok(!existsSync(into) || readdirSync(into).length === 0, 'no article or sidecar was written');
  });
});
