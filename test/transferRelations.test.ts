/**
 * Relations through `marginalia export` and `import` as a person runs them (issue 16 × issue 18): the
 * built bin, real sidecars with relations, real exit codes. A relation goes out with its ends, is
 * filtered as its tags are, is named when it cannot go (an end left behind, a format without a place
 * for it), and comes back between the imported tags, once.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newTag, serializeSidecar, SIDECAR_VERSION, type Relation, type Tag } from '../server/src/core/sidecar';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { encoding: 'utf8' });

const TEXT = 'Ukraine 🇺🇦 plans to produce almost 800 interceptor drones by the end of this year.\r\nPoland and Ukraine agreed.\n';
const AT = '2024-05-01T12:00:00.000Z';

function tag(id: string, needle: string, label: string, changes: Partial<Tag> = {}, from = 0): Tag {
  const start = [...TEXT.slice(0, TEXT.indexOf(needle, from))].length;
  return { ...newTag({ text: TEXT, start, end: start + [...needle].length, label, source: 'manual', annotator: 'ann' }), id, ...changes };
}

function relation(id: string, type: string, from: string, to: string, changes: Partial<Relation> = {}): Relation {
  return { id, type, from, to, status: 'accepted', source: 'manual', annotator: 'ann', created: AT, modified: AT, ...changes };
}

interface Written {
  annotations: Tag[];
  relations?: Relation[];
}

describe('relations through marginalia export and import', () => {
  let work = '';
  let corpus = '';
  const sidecar = (folder: string, name: string) => JSON.parse(readFileSync(path.join(folder, `${name}.annotations.json`), 'utf8')) as Written;
  /** A sidecar's relations as `TYPE from-text → to-text status source annotator`, sorted. */
  const relationsOf = (written: Written) => {
    const text = new Map(written.annotations.map((found) => [found.id, found.text]));
    return (written.relations ?? []).map((found) => `${found.type} ${text.get(found.from)} → ${text.get(found.to)} ${found.status} ${found.source} ${found.annotator}`).sort();
  };

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-relations-transfer-'));
    corpus = path.join(work, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'marginalia.json'), '{}\n');
    writeFileSync(path.join(corpus, 'drones.txt'), TEXT);
    const annotations = [
      tag('t-ukraine', 'Ukraine', 'GPE'),
      tag('t-drones', 'interceptor drones', 'PRODUCT'),
      tag('t-800', 'almost 800', 'CARDINAL', { status: 'approved' }),
      tag('t-year', 'the end of this year', 'DATE', { status: 'proposed', annotator: 'model', source: 'import' }),
      tag('t-poland', 'Poland', 'GPE'),
      tag('t-ukraine2', 'Ukraine', 'GPE', {}, 10),
    ];
    const relations = [
      relation('r-produces', 'PRODUCES', 't-ukraine', 't-drones'),
      relation('r-quantity', 'QUANTITY_OF', 't-800', 't-drones', { status: 'approved', annotator: 'bob' }),
      // Its end "the end of this year" is proposed: not exported by default, so neither is the relation (named).
      relation('r-time', 'TIME_OF', 't-year', 't-drones'),
      // Proposed itself: left out by the status filter as a proposed tag is.
      relation('r-ally', 'ALLY_OF', 't-poland', 't-ukraine2', { status: 'proposed', annotator: 'model', source: 'import' }),
    ];
    writeFileSync(path.join(corpus, 'drones.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: 'drones.txt', annotations, relations }));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('brat: writes R lines for the relations of the chosen status whose ends go out, names the one whose end stays behind, declares the types', () => {
    const out = path.join(work, 'brat');
    const run = marginalia('export', '--format', 'brat', '--out', out, corpus);
    assert.equal(run.status, 2, run.stderr);
    assert.deepEqual(run.stderr.trim().split('\n'), ['drones.txt: relation TIME_OF "the end of this year" → "interceptor drones" (r-time) not exported: its end "the end of this year" is not exported (filtered out, orphaned or in conflict)', 'drones.txt: brat has no place for the annotator of 7 tag(s) and relation(s): not written']);
    const ann = readFileSync(path.join(out, 'drones.ann'), 'utf8');
    assert.match(ann, /^R1\tPRODUCES Arg1:T1 Arg2:T3$/m);
    assert.match(ann, /^R2\tQUANTITY_OF Arg1:T2 Arg2:T3$/m);
    assert.match(ann, /^A\d+\tStatus R2 approved$/m);
    assert.doesNotMatch(ann, /TIME_OF|ALLY_OF/);
    const conf = readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    assert.match(conf, /^PRODUCES\tArg1:GPE\|ORG, Arg2:PRODUCT$/m);
    assert.match(conf, /^ALLY_OF\tArg1:GPE\|ORG\|PERSON, Arg2:GPE\|ORG\|PERSON, <REL-TYPE>:symmetric$/m);
  });

  it('filters relations by annotator as tags, and names a relation whose ends are another annotator\'s', () => {
    const mine = path.join(work, 'ann.json');
    const run = marginalia('export', '--format', 'webannotation', '--annotator', 'ann', '--out', mine, corpus);
    const linking = (file: string) => (JSON.parse(readFileSync(file, 'utf8')).first.items as Array<{ motivation: string; body: Array<{ value: string }> }>).filter((item) => item.motivation === 'linking').map((item) => item.body[0].value);
    assert.deepEqual(linking(mine), ['PRODUCES'], run.stderr);
    const bobs = path.join(work, 'bob.json');
    const bob = marginalia('export', '--format', 'webannotation', '--annotator', 'bob', '--out', bobs, corpus);
    assert.equal(bob.status, 2);
    assert.deepEqual(linking(bobs), []);
    assert.match(bob.stderr, /relation QUANTITY_OF "almost 800" → "interceptor drones" \(r-quantity\) not exported: its end "almost 800" is not exported/);
  });

  it('brat back in: the relations between the imported tags, proposed, from "import"; a second import adds nothing', () => {
    const out = path.join(work, 'brat-again');
    marginalia('export', '--format', 'brat', '--out', out, corpus);
    const into = path.join(work, 'from-brat');
    const first = marginalia('import', '--format', 'brat', '--annotator', 'ana', '--into', into, out);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported 5 tags and 2 relations as proposed into 1 article \(1 new\)/);
    const written = sidecar(into, 'drones');
    assert.deepEqual(relationsOf(written), ['PRODUCES Ukraine → interceptor drones proposed import ana', 'QUANTITY_OF almost 800 → interceptor drones proposed import ana']);
    const before = readFileSync(path.join(into, 'drones.annotations.json'), 'utf8');
    const second = marginalia('import', '--format', 'brat', '--annotator', 'ana', '--into', into, out);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /Imported 0 tags and 0 relations \(2 already there\) as proposed/);
    assert.equal(readFileSync(path.join(into, 'drones.annotations.json'), 'utf8'), before);
  });

  it('Label Studio and Web Annotation: export then import gives back the relations (types and ends), accepted when asked', () => {
    for (const format of ['labelstudio', 'webannotation']) {
      const out = path.join(work, `${format}.json`);
      marginalia('export', '--format', format, '--out', out, corpus);
      const into = path.join(work, `from-${format}`);
      // Web Annotation carries no text: its tags go beside the articles already there.
      if (format === 'webannotation') cpSync(path.join(corpus, 'drones.txt'), path.join(into, 'drones.txt'), { recursive: true });
      const run = marginalia('import', '--format', format, '--as', 'accepted', '--into', into, out);
      assert.equal(run.status, 0, `${format}: ${run.stderr}`);
      const name = readdirSync(into).find((file) => file.endsWith('.annotations.json'))!.replace('.annotations.json', '');
      assert.deepEqual(
        relationsOf(sidecar(into, name)).map((line) => line.split(' ').slice(0, -3).join(' ')),
        ['PRODUCES Ukraine → interceptor drones', 'QUANTITY_OF almost 800 → interceptor drones'],
        format,
      );
      assert.ok(relationsOf(sidecar(into, name)).every((line) => line.includes(' accepted import ')), format);
    }
  });

  it('CoNLL, doccano and JSONL name the relations they cannot say and exit 2; --strict leaves the article out', () => {
    for (const format of ['conll', 'doccano', 'jsonl']) {
      const out = path.join(work, `plain.${format}`);
      const run = marginalia('export', '--format', format, '--out', out, corpus);
      assert.equal(run.status, 2, format);
      assert.match(run.stderr, /drones\.txt: 2 relations not exported: .* has no place for relations: PRODUCES "Ukraine" → "interceptor drones" \(r-produces\); QUANTITY_OF "almost 800" → "interceptor drones" \(r-quantity\)/, format);
      assert.match(readFileSync(out, 'utf8'), /interceptor/, format);
      const strict = marginalia('export', '--format', format, '--strict', '--out', out, corpus);
      assert.equal(strict.status, 2, format);
      assert.match(strict.stderr, /drones\.txt: not exported: .* strict mode refuses to drop its 2 relations/, format);
      assert.doesNotMatch(readFileSync(out, 'utf8'), /interceptor/, format);
    }
  });

  it('names an imported relation of a type the corpus does not declare, or whose labels its type does not allow, and imports the rest', () => {
    const input = path.join(work, 'typed');
    mkdirSync(input);
    writeFileSync(path.join(input, 'drones.txt'), TEXT);
    const start = (needle: string) => [...TEXT.slice(0, TEXT.indexOf(needle))].length;
    const t = (id: string, label: string, needle: string) => `${id}\t${label} ${start(needle)} ${start(needle) + [...needle].length}\t${needle}`;
    writeFileSync(
      path.join(input, 'drones.ann'),
      [t('T1', 'GPE', 'Ukraine'), t('T2', 'PRODUCT', 'interceptor drones'), 'R1\tBUYS Arg1:T1 Arg2:T2', 'R2\tPRODUCES Arg1:T2 Arg2:T1', 'R3\tPRODUCES Arg1:T1 Arg2:T2', ''].join('\n'),
    );
    const into = path.join(work, 'typed-into');
    const run = marginalia('import', '--format', 'brat', '--into', into, input);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /drones\.txt:1: relation BUYS GPE "Ukraine" \d+\.\.\d+ → PRODUCT "interceptor drones" \d+\.\.\d+ \(line 3\) not imported: BUYS is not a relation type of this corpus \(PRODUCES, QUANTITY_OF/);
    assert.match(run.stderr, /relation PRODUCES PRODUCT "interceptor drones" .* \(line 4\) not imported: PRODUCES links GPE\/ORG to PRODUCT, not PRODUCT to GPE/);
    assert.deepEqual(relationsOf(sidecar(into, 'drones')), ['PRODUCES Ukraine → interceptor drones proposed import import']);
  });
});
