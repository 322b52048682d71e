/** `marginalia merge-driver %O %A %B %P` as git calls it: three temp files in, the result in %A, the verdict in the exit code. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LEXICON_VERSION, serializeLexicon } from '../server/src/core/lexicon';
import { parseSidecar, serializeSidecar, SIDECAR_VERSION, type Tag } from '../server/src/core/sidecar';
import { exampleTag } from './support/testSidecars';

const BIN = path.join(__dirname, '..', 'bin', 'marginalia.js');

describe('marginalia merge-driver', () => {
  let folder = '';
  const files = { base: '', ours: '', theirs: '' };
  const sidecar = (annotations: Tag[]) => serializeSidecar({ version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations });
  const run = (base: string, ours: string, theirs: string, name = 'corpus/000_kyiv.annotations.json') => {
    writeFileSync(files.base, base);
    writeFileSync(files.ours, ours);
    writeFileSync(files.theirs, theirs);
    return spawnSync(process.execPath, [BIN, 'merge-driver', files.base, files.ours, files.theirs, name], { encoding: 'utf8' });
  };
  const kyiv = exampleTag({ id: 't-kyiv' });
  const relabelled = (label: string): Tag => ({ ...kyiv, label, modified: '2024-06-01T00:00:00.000Z' });

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-driver-'));
    for (const side of ['base', 'ours', 'theirs'] as const) files[side] = path.join(folder, `.merge_file_${side}`);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 0 and writes the merge into OURS when the sides agree', () => {
    const result = run(sidecar([kyiv]), sidecar([kyiv]), sidecar([relabelled('LOC')]));
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(parseSidecar(readFileSync(files.ours, 'utf8'), 'ours').annotations, [relabelled('LOC')]);
  });

  it('exits 1, with the conflict written into OURS and named on stderr, when both sides changed a tag differently', () => {
    const result = run(sidecar([kyiv]), sidecar([relabelled('LOC')]), sidecar([relabelled('ORG')]));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /corpus\/000_kyiv\.annotations\.json: 1 tag changed differently on both branches.*t-kyiv/);
    const [tag] = parseSidecar(readFileSync(files.ours, 'utf8'), 'ours').annotations;
    assert.equal(tag.status, 'conflict');
  });

  it('merges a file both branches added, which git hands over with an empty base', () => {
    const result = run('', sidecar([kyiv]), sidecar([exampleTag({ id: 't-other', start: 10, end: 14 })]));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(parseSidecar(readFileSync(files.ours, 'utf8'), 'ours').annotations.length, 2);
  });

  it('reads sidecars of format version 1 and writes the current version', () => {
    const v1 = JSON.stringify({ version: 1, article: '000_kyiv.txt', annotations: [kyiv] });
    const result = run(v1, v1, sidecar([relabelled('LOC')]));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(readFileSync(files.ours, 'utf8')).version, SIDECAR_VERSION);
  });

  it('exits 2 and leaves OURS untouched when a side is not a valid sidecar', () => {
    for (const [side, broken] of [['theirs', '{"version": 2, "annotations": ['], ['base', '{"version": 99}'], ['ours', '{"version": 2}']] as const) {
      const inputs = { base: sidecar([kyiv]), ours: sidecar([kyiv]), theirs: sidecar([kyiv]), [side]: broken };
      const result = run(inputs.base, inputs.ours, inputs.theirs);
      assert.equal(result.status, 2, side);
      assert.match(result.stderr, new RegExp(`^marginalia merge-driver: corpus/000_kyiv\\.annotations\\.json \\(${side}\\): .*Not merged`));
      assert.equal(readFileSync(files.ours, 'utf8'), inputs.ours);
    }
  });

  it('exits 2, leaving OURS untouched, rather than nest a conflict left unresolved inside a new one', () => {
    assert.equal(run(sidecar([kyiv]), sidecar([relabelled('LOC')]), sidecar([relabelled('ORG')])).status, 1);
    const stillConflicted = readFileSync(files.ours, 'utf8');
    const result = run(sidecar([kyiv]), stillConflicted, sidecar([relabelled('NORP')]));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /t-kyiv is still in conflict/);
    assert.equal(readFileSync(files.ours, 'utf8'), stillConflicted);
  });

  it('rejects bad usage with exit code 2', () => {
    const result = spawnSync(process.execPath, [BIN, 'merge-driver', files.base], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /merge-driver needs BASE OURS THEIRS/);
  });

  describe('on the project lexicon (NAME marginalia.lexicon.json)', () => {
    const LEXICON = 'corpus/marginalia.lexicon.json';
    const lexicon = (counts: Record<string, number>) =>
      serializeLexicon({ version: LEXICON_VERSION, entries: Object.entries(counts).map(([text, count]) => ({ text, label: 'GPE', kind: 'entity' as const, count, by: 'ann', article: '000_kyiv.txt', at: '2024-05-01T12:00:00.000Z' })), suppressions: [] });

    it('exits 0 with both sides\' rules merged into OURS, also when both branches added the file', () => {
      const result = run(lexicon({ Kyiv: 1 }), lexicon({ Kyiv: 2, Lviv: 1 }), lexicon({ Kyiv: 2, Odesa: 1 }), LEXICON);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(readFileSync(files.ours, 'utf8'), lexicon({ Kyiv: 3, Lviv: 1, Odesa: 1 }));
      const added = run('', lexicon({ Lviv: 1 }), lexicon({ Odesa: 1 }), LEXICON);
      assert.equal(added.status, 0, added.stderr);
      assert.equal(readFileSync(files.ours, 'utf8'), lexicon({ Lviv: 1, Odesa: 1 }));
    });

    it('exits 2 and leaves OURS untouched when a side is not a lexicon', () => {
      const result = run(lexicon({ Kyiv: 1 }), lexicon({ Kyiv: 2 }), '{"version": 1, "entries": [', LEXICON);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^marginalia merge-driver: corpus\/marginalia\.lexicon\.json \(theirs\): is not valid JSON.*Not merged/);
      assert.equal(readFileSync(files.ours, 'utf8'), lexicon({ Kyiv: 2 }));
    });
  });
});
