/**
 * Article names that would share one sidecar: `a.txt` and `a.TXT` map to the same
 * `a.annotations.json` here, and `A.txt` and `a.txt` to sidecars that are one file on a
 * case-insensitive file system (macOS, Windows: a clone of the corpus). Every reader and writer
 * refuses them with a message naming both, and leaves their files as they are.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newTag, serializeSidecar, SIDECAR_VERSION, SidecarError, type Tag } from '../server/src/core/sidecar';
import { SidecarStore } from '../server/src/node/sidecarStore';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels.\n';
const OTHER = 'Prime Minister Keir Starmer spoke in London on Monday.\n';

function corpusWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-shared-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

function sidecarWith(article: string, text: string, quote: string): string {
  const start = text.indexOf(quote);
  const tag: Tag = newTag({ text, start, end: start + quote.length, label: 'PERSON', source: 'manual', annotator: 'ann' });
  return serializeSidecar({ version: SIDECAR_VERSION, article, annotations: [tag] });
}

/** Every file of the folder with its bytes. */
const contents = (folder: string) => readdirSync(folder).sort().map((name) => `${name}\n${readFileSync(path.join(folder, name), 'utf8')}`);

describe('articles whose names would share a sidecar', () => {
  it('the store refuses to read the sidecar of a.txt beside a.TXT, naming both, and a.TXT to write it', async () => {
    const sidecar = sidecarWith('a.txt', TEXT, 'Zelensky');
    const folder = corpusWith({ 'a.txt': TEXT, 'a.TXT': OTHER, 'a.annotations.json': sidecar });
    const before = contents(folder);
    const store = new SidecarStore();
    const refused = (error: unknown) =>
      error instanceof SidecarError && error.path === path.join(folder, 'a.annotations.json') && error.message.includes('a.TXT and a.txt would share one sidecar');
    for (const name of ['a.txt', 'a.TXT']) await assert.rejects(store.read(path.join(folder, name)), refused);
    // Every writer reads first (the editor on opening, pre-annotation when planning); a write itself
    // checks only that the sidecar it holds names no other article beside it.
    const zelensky = JSON.parse(sidecar).annotations[0] as Tag;
    await assert.rejects(store.updateTags(path.join(folder, 'a.TXT'), () => ({ put: [], remove: [zelensky.id] })), refused);
    assert.deepEqual(contents(folder), before);
  });

  it('a sidecar renamed with its article is still written: only another article beside it is refused', async () => {
    const folder = corpusWith({ 'b.txt': TEXT, 'b.annotations.json': sidecarWith('a.txt', TEXT, 'Zelensky') });
    const store = new SidecarStore();
    const { sidecar } = await store.updateTags(path.join(folder, 'b.txt'), () => ({ put: [], remove: [] }));
    assert.equal(sidecar.annotations.length, 1);
  });

  it('the store refuses A.txt beside a.txt: their sidecars are one file on a case-insensitive file system', async () => {
    const folder = corpusWith({ 'A.txt': TEXT, 'a.txt': OTHER });
    await assert.rejects(new SidecarStore().read(path.join(folder, 'a.txt')), /A\.txt and a\.txt .*case/);
    // An article alone in its folder, whatever its case, is fine.
    const alone = corpusWith({ 'B.TXT': TEXT });
    assert.equal((await new SidecarStore().read(path.join(alone, 'B.TXT'))).exists, false);
  });

  it('annotate skips both, names them, annotates the others and exits 2; a second run changes nothing', () => {
    const folder = corpusWith({ 'a.txt': TEXT, 'a.TXT': OTHER, 'b.txt': TEXT, 'C.txt': TEXT, 'c.txt': OTHER });
    const run = marginalia('annotate', '--workers', '1', '--no-progress', folder);
    assert.equal(run.status, 2, run.stderr);
    for (const name of ['a.txt', 'a.TXT', 'C.txt', 'c.txt']) assert.match(run.stderr, new RegExp(`${path.join(folder, name).replace(/[.\\/]/g, '\\$&')}: skipped: .*share`));
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.json')), ['b.annotations.json']);
    const again = marginalia('annotate', '--workers', '1', '--no-progress', '--format', 'json', folder);
    assert.equal(again.status, 2);
    const summary = JSON.parse(again.stdout) as { added: number; removed: number; skipped: unknown[] };
    assert.deepEqual([summary.added, summary.removed, summary.skipped.length], [0, 0, 4]);
  });

  it('check reports the shared sidecar as a problem naming both articles', () => {
    const folder = corpusWith({ 'a.txt': TEXT, 'a.TXT': OTHER, 'a.annotations.json': sidecarWith('a.txt', TEXT, 'Zelensky'), 'b.txt': TEXT });
    const run = marginalia('check', '--format', 'json', folder);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as { sidecars: Array<{ sidecar: string; problems: Array<{ kind: string; message: string }> }> };
    const problems = report.sidecars.flatMap((sidecar) => sidecar.problems);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].kind, 'shared-sidecar');
    assert.match(problems[0].message, /a\.TXT and a\.txt/);
  });

  it('check reports sidecars that are one file on a case-insensitive file system', () => {
    const folder = corpusWith({
      'A.txt': TEXT,
      'A.annotations.json': sidecarWith('A.txt', TEXT, 'Zelensky'),
      'a.txt': TEXT,
      'a.annotations.json': sidecarWith('a.txt', TEXT, 'Zelensky'),
    });
    const run = marginalia('check', '--format', 'json', folder);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as { sidecars: Array<{ problems: Array<{ kind: string }> }> };
    assert.deepEqual(report.sidecars.map((sidecar) => sidecar.problems.map((problem) => problem.kind)), [['shared-sidecar'], ['shared-sidecar']]);
  });
});
