/**
 * `marginalia annotate` with the project's own recognisers, as a user runs it (the built bin, worker
 * threads): a real Python process (test/fixtures/recognisers/tiny_ner.py) and a real HTTP server in
 * Label Studio's ML-backend shape, started here. Their spans become proposals with source
 * "model:NAME"; a recogniser that fails is named once on stderr, the detector's proposals are written
 * anyway, and its own earlier proposals are kept rather than taken for "no longer found".
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar, type Tag } from '../server/src/core/sidecar';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const TINY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'recognisers', 'tiny_ner.py');
const ARTICLES = {
  'a.txt': 'date 2024-03-02\n\nMaria Okafor scored twice as Denver beat Portland 5-3 🎉 on Saturday. "We fought," said Whitfield, whose nordvik boots split.\n',
  'b.txt': 'date 2024-03-09\n\nPortland signed the nordvik deal on Monday, Whitfield said.\n',
};

/** Runs the CLI without blocking this process: the test's HTTP server must answer meanwhile. */
function marginalia(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const tagsOf = (folder: string, name: string): Tag[] => {
  const file = path.join(folder, name.replace(/\.txt$/, '.annotations.json'));
  return parseSidecar(readFileSync(file, 'utf8'), file).annotations;
};
const contents = (folder: string) => readdirSync(folder).sort().map((name) => `${name}\n${readFileSync(path.join(folder, name), 'utf8')}`);

describe('marginalia annotate with recognisers', () => {
  const folders: string[] = [];
  const servers: Array<ReturnType<typeof createServer>> = [];
  after(() => {
    servers.forEach((server) => server.close());
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  });
  const corpus = (recognisers: unknown[]) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-annotate-models-'));
    folders.push(folder);
    writeFileSync(path.join(folder, 'marginalia.json'), JSON.stringify({ recognisers }));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(folder, name), text);
    return folder;
  };

  it('proposes a process model\'s and an HTTP backend\'s spans with source model:NAME, merged by the project\'s rule; a second run writes nothing', async () => {
    const backend = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const text: string = JSON.parse(body).tasks[0].data.text;
        const at = text.indexOf('Portland');
        const result = [{ from_name: 'label', to_name: 'text', type: 'labels', value: { start: at, end: at + 8, text: 'Portland', labels: ['ORG'] }, score: 0.7 }];
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ results: [{ result }] }));
      });
    });
    servers.push(backend);
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const folder = corpus([
      { name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON', MISC: 'PRODUCT' } },
      // A sports club named after its city: this backend decides ORG, so the detector's GPE gives way.
      { name: 'team-model', url: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/`, merge: { ORG: 'model' } },
    ]);
    const run = await marginalia('annotate', '--workers', '2', folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    for (const name of Object.keys(ARTICLES)) {
      const tags = tagsOf(folder, name);
      const text = ARTICLES[name as keyof typeof ARTICLES];
      const on = (words: string) => tags.filter((tag) => tag.text === words).map((tag) => `${tag.label} ${tag.source}`);
      assert.deepEqual(on('nordvik'), ['ORG model:tiny'], name);
      assert.deepEqual(on('Portland'), ['ORG model:team-model'], name);
      assert.ok(tags.some((tag) => tag.source === 'import' && tag.kind === 'date'), `${name}: the detector's dates are proposed too`);
      for (const tag of tags) assert.equal([...text].slice(tag.start, tag.end).join(''), tag.text, 'code points');
      assert.ok(tags.every((tag) => tag.status === 'proposed' && tag.annotator === 'marginalia'));
    }
    const written = contents(folder);
    const again = await marginalia('annotate', folder);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /0 proposals added, 0 removed/);
    assert.deepEqual(contents(folder), written);
  });

  it('names a failing recogniser once, writes the detector\'s proposals, and keeps its earlier ones', async () => {
    const folder = corpus([{ name: 'tiny', command: ['python3', TINY] }]);
    const first = await marginalia('annotate', folder);
    // The model's labels unmapped: "PER" is no label here, said once for the two articles; its ORG stands.
    assert.equal(first.status, 2, 'spans were left out');
    assert.equal(first.stderr, 'Marginalia: recogniser "tiny" answered labels this project does not have: PER; their spans are left out (map them in its "labels" in marginalia.json, such as {"PER":"PERSON"}).\n');
    const before = tagsOf(folder, 'a.txt').filter((tag) => tag.source === 'model:tiny');
    assert.ok(before.length > 0);

    writeFileSync(path.join(folder, 'marginalia.json'), JSON.stringify({ recognisers: [{ name: 'tiny', command: ['python3', TINY, 'crash'] }, { name: 'gone', command: [path.join(tmpdir(), 'no-such-model-here')] }] }));
    // b.txt afresh: what it gets now is the detector's alone.
    rmSync(path.join(folder, 'b.annotations.json'));
    const failed = await marginalia('annotate', '--workers', '2', folder);
    assert.equal(failed.status, 2, 'a recogniser failed');
    const lines = failed.stderr.trim().split('\n');
    assert.deepEqual(lines.filter((line) => line.includes('"tiny"')).length, 1, failed.stderr);
    assert.match(failed.stderr, /recogniser "tiny" exited with code 3 \(its last words: "RuntimeError: model weights not found"\); the detector's suggestions show without it/);
    assert.match(failed.stderr, /recogniser "gone" could not be started: ".*no-such-model-here" was not found/);
    assert.deepEqual(tagsOf(folder, 'a.txt').filter((tag) => tag.source === 'model:tiny'), before, "its earlier proposals are kept, not 'no longer found'");
    const fresh = tagsOf(folder, 'b.txt');
    assert.ok(fresh.some((tag) => tag.source === 'import' && tag.text === 'Monday'), "the detector's proposals are written");
    assert.ok(fresh.every((tag) => tag.source === 'import'));
  });
});
