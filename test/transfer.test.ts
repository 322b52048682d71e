/** `marginalia export` and `import` as a person runs them: the built bin, real files, real exit codes (issue 16). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newTag, serializeSidecar, SIDECAR_VERSION, type Tag } from '../server/src/core/sidecar';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { encoding: 'utf8' });

const TEXT = '🇺🇦 President Volodymyr Zelensky met NATO officials in Brussels.\r\nKyiv é́ Brussels.\n';
const at = (needle: string, occurrence = 0) => {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = TEXT.indexOf(needle, offset + 1);
  return [...TEXT.slice(0, offset)].length;
};
const tag = (needle: string, label: string, changes: Partial<Tag> = {}, occurrence = 0): Tag => {
  const start = at(needle, occurrence);
  return { ...newTag({ text: TEXT, start, end: start + [...needle].length, label, source: 'manual', annotator: 'ann' }), ...changes };
};

describe('marginalia export and import', () => {
  let work = '';
  let corpus = '';
  const sidecar = (folder: string, name = 'a') => JSON.parse(readFileSync(path.join(folder, `${name}.annotations.json`), 'utf8')) as { annotations: Tag[] };

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-transfer-'));
    corpus = path.join(work, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'marginalia.json'), '{}\n');
    writeFileSync(path.join(corpus, 'a.txt'), TEXT);
    const annotations = [
      tag('Volodymyr Zelensky', 'PERSON'),
      tag('NATO', 'ORG', { status: 'approved' }),
      tag('Kyiv', 'GPE', { annotator: 'bob' }),
      tag('Brussels', 'GPE', { status: 'proposed', annotator: 'marginalia', source: 'import' }),
      // Orphaned: its text is not at its offsets any more.
      { ...tag('officials', 'NORP'), text: 'officialx' },
    ];
    writeFileSync(path.join(corpus, 'a.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: 'a.txt', annotations }));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('exports accepted and approved tags by default, names the orphan it leaves out, and exits 2 for it', () => {
    const out = path.join(work, 'default.jsonl');
    const run = marginalia('export', '--format', 'jsonl', '--out', out, corpus);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /a\.txt: NORP "officialx" .* not exported: orphaned/);
    const spans = JSON.parse(readFileSync(out, 'utf8')).spans.map((span: { label: string; text: string }) => `${span.label}:${span.text}`);
    assert.deepEqual(spans.sort(), ['GPE:Kyiv', 'ORG:NATO', 'PERSON:Volodymyr Zelensky']);
  });

  it('filters by status and by annotator', () => {
    const out = path.join(work, 'ann-approved.jsonl');
    const run = marginalia('export', '--format', 'jsonl', '--status', 'approved', '--annotator', 'ann', '--out', out, corpus);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).spans.map((span: { text: string }) => span.text), ['NATO']);
    const proposals = path.join(work, 'proposed.jsonl');
    assert.equal(marginalia('export', '--format', 'jsonl', '--status', 'proposed', '--out', proposals, corpus).status, 0);
    assert.deepEqual(JSON.parse(readFileSync(proposals, 'utf8')).spans.map((span: { text: string }) => span.text), ['Brussels']);
  });

  it('imports the texts as new articles with proposed tags, and a second identical import adds nothing', () => {
    const out = path.join(work, 'all.jsonl');
    marginalia('export', '--format', 'jsonl', '--status', 'accepted,approved,proposed', '--out', out, corpus);
    const into = path.join(work, 'imported');
    const first = marginalia('import', '--format', 'jsonl', '--into', into, out);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported 4 tags as proposed into 1 article \(1 new\)/);
    assert.deepEqual(readdirSync(into).sort(), ['all-0001.annotations.json', 'all-0001.txt']);
    assert.equal(readFileSync(path.join(into, 'all-0001.txt'), 'utf8'), TEXT);
    const tags = sidecar(into, 'all-0001').annotations;
    assert.deepEqual(tags.map((t) => [t.label, t.text, t.status, t.source, t.annotator]).sort(), [
      ['GPE', 'Brussels', 'proposed', 'import', 'marginalia'],
      ['GPE', 'Kyiv', 'proposed', 'import', 'bob'],
      ['ORG', 'NATO', 'proposed', 'import', 'ann'],
      ['PERSON', 'Volodymyr Zelensky', 'proposed', 'import', 'ann'],
    ]);
    const before = readFileSync(path.join(into, 'all-0001.annotations.json'), 'utf8');
    const second = marginalia('import', '--format', 'jsonl', '--into', into, out);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /Imported 0 tags .*; 4 already there/);
    assert.equal(readFileSync(path.join(into, 'all-0001.annotations.json'), 'utf8'), before, 'nothing written the second time');
  });

  it('never overwrites a person\'s tag: a contradicting import is named and left out', () => {
    const into = path.join(work, 'contradicted');
    mkdirSync(into);
    writeFileSync(path.join(into, 'x-0001.txt'), TEXT);
    writeFileSync(path.join(into, 'x-0001.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: 'x-0001.txt', annotations: [tag('NATO', 'NORP')] }));
    const input = path.join(work, 'x.jsonl');
    writeFileSync(input, JSON.stringify({ text: TEXT, spans: [{ start: at('NATO'), end: at('NATO') + 4, label: 'ORG' }] }) + '\n');
    const run = marginalia('import', '--format', 'jsonl', '--as', 'accepted', '--into', into, input);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /ORG "NATO" .* not imported: ann's NORP tag \(accepted\) is on that span/);
    assert.deepEqual(sidecar(into, 'x-0001').annotations.map((t) => t.label), ['NORP']);
  });

  it('refuses bad input naming the file and the line, and writes nothing', () => {
    const into = path.join(work, 'refused');
    const input = path.join(work, 'bad.jsonl');
    writeFileSync(input, `${JSON.stringify({ text: 'Kyiv today.', spans: [{ start: 0, end: 4, label: 'GPE' }] })}\n{"text": "Kyiv", "spans": [{"start": 0, "end": 40, "label": "GPE"}]}\nnot json\n`);
    const run = marginalia('import', '--format', 'jsonl', '--into', into, input);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad\.jsonl:2: /);
    assert.match(run.stderr, /bad\.jsonl:3: /);
    assert.match(run.stderr, /nothing was imported/);
    assert.equal(existsSync(into), false, 'no folder, no article, no sidecar');
  });

  it('keeps brat names and refuses to export into a folder that is not empty', () => {
    const out = path.join(work, 'brat');
    assert.equal(marginalia('export', '--format', 'brat', '--out', out, corpus).status, 2, 'the orphan is named');
    assert.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt', 'annotation.conf']);
    const again = marginalia('export', '--format', 'brat', '--out', out, corpus);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /is not empty/);
    const into = path.join(work, 'from-brat');
    assert.equal(marginalia('import', '--format', 'brat', '--into', into, out).status, 0);
    assert.ok(existsSync(path.join(into, 'a.txt')));
    assert.equal(sidecar(into).annotations.length, 3);
  });

  it('says which formats exist, and what is missing', () => {
    const run = marginalia('export', '--format', 'xml', '--out', 'x', corpus);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format xml is not one Marginalia knows \(conll, brat, jsonl, doccano, labelstudio, webannotation/);
    assert.match(marginalia('import', '--format', 'jsonl', 'x.jsonl').stderr, /import needs --into CORPUS/);
    assert.match(marginalia('export', '--format', 'jsonl', '--status', 'maybe', '--out', 'x', corpus).stderr, /--status takes statuses/);
  });
});
