import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SidecarError } from '../core/sidecar/errors';
import { SIDECAR_VERSION } from '../core/sidecar/schema';
import { SidecarStore } from './sidecarStore';
import { newTag } from '../core/sidecar/tags';

const ARTICLE_TEXT = 'Zelensky met Macron in Kyiv on Monday.';

describe('the sidecar store', () => {
  let folder: string;
  let article: string;
  let sidecarPath: string;
  const store = new SidecarStore();
  const tag = (start: number, end: number, label: string) =>
    newTag({ text: ARTICLE_TEXT, start, end, label, source: 'manual', annotator: 'olena' });

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'marginalia-sidecar-'));
    article = join(folder, '000_kyiv.txt');
    sidecarPath = join(folder, '000_kyiv.annotations.json');
    await writeFile(article, ARTICLE_TEXT);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it("on a worker thread's store (blocking), locks, writes and syncs the sidecar without a promise-based file call", async () => {
    const blocking = new SidecarStore({ blocking: true, namesChecked: true });
    const types: string[] = [];
    const hook = createHook({ init: (_id, type) => void types.push(type) }).enable();
    try {
      await blocking.updateTags(article, () => ({ put: [tag(23, 27, 'GPE')], remove: [] }));
    } finally {
      hook.disable();
    }
    assert.deepEqual((await store.read(article)).sidecar.annotations.map((written) => written.text), ['Kyiv']);
    assert.deepEqual(types.filter((type) => type === 'FILEHANDLE' || type === 'FSREQPROMISE'), [], types.join(', '));
    assert.deepEqual((await readdir(folder)).sort(), ['000_kyiv.annotations.json', '000_kyiv.txt'], 'no lock nor temp file left');
  });

  it('reads an absent sidecar as an empty one without creating a file', async () => {
    const loaded = await store.read(article);
    assert.deepEqual(loaded, { sidecar: { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [] }, hash: null, exists: false });
    await store.update(article, () => {});
    assert.deepEqual(await readdir(folder), ['000_kyiv.txt']);
  });

  it('writes the sidecar beside the article and reads back what it wrote', async () => {
    const written = await store.update(article, (sidecar) => {
      sidecar.annotations.push(tag(23, 27, 'GPE'));
    });
    const read = await store.read(article);
    assert.deepEqual(read, written);
    assert.equal(read.sidecar.annotations[0].text, 'Kyiv');
    assert.equal(JSON.parse(await readFile(sidecarPath, 'utf8')).annotations[0].label, 'GPE');
  });

  it('reads a sidecar once for an export as read does, validated, and as the caller\'s own copy', async () => {
    assert.deepEqual(await store.readOnce(article), { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [] });
    const { sidecar } = await store.update(article, (old) => void old.annotations.push(tag(23, 27, 'GPE')));
    const once = await store.readOnce(article);
    assert.deepEqual(once, sidecar);
    assert.equal(Object.isFrozen(once.annotations[0]), false);
    // Invalid on disk: refused with the file named, as by read.
    await writeFile(sidecarPath, (await readFile(sidecarPath, 'utf8')).replace('"GPE"', '"gpe"'));
    await assert.rejects(store.readOnce(article), (error: unknown) => error instanceof SidecarError && error.message.includes(sidecarPath) && /label/.test(error.message));
    await writeFile(sidecarPath, Buffer.from([0x7b, 0xff, 0x7d]));
    await assert.rejects(store.readOnce(article), /not valid UTF-8/);
    // Two articles whose names share the sidecar: refused, as by read.
    await writeFile(join(folder, '000_kyiv.TXT'), ARTICLE_TEXT);
    await assert.rejects(store.readOnce(article), SidecarError);
  });

  it('accepts a mutation that returns a new sidecar', async () => {
    const { sidecar } = await store.update(article, (old) => ({ ...old, annotations: [tag(0, 8, 'PERSON')] }));
    assert.equal(sidecar.annotations[0].text, 'Zelensky');
  });

  it('exposes the sha256 of the bytes in the file', async () => {
    const { hash } = await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    const bytes = await readFile(sidecarPath);
    assert.equal(hash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal((await store.read(article)).hash, hash);
  });

  it('keeps a file with an empty annotations array when the last tag is deleted', async () => {
    await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    await store.update(article, (sidecar) => {
      sidecar.annotations = [];
    });
    assert.deepEqual(JSON.parse(await readFile(sidecarPath, 'utf8')).annotations, []);
  });

  it('lands two concurrent updates both', async () => {
    await Promise.all([
      store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON'))),
      new SidecarStore().update(article, (sidecar) => void sidecar.annotations.push(tag(13, 19, 'PERSON'))),
      store.update(article, (sidecar) => void sidecar.annotations.push(tag(23, 27, 'GPE'))),
    ]);
    const texts = (await store.read(article)).sidecar.annotations.map((annotation) => annotation.text);
    assert.deepEqual(texts, ['Zelensky', 'Macron', 'Kyiv']);
  });

  it('goes on with queued updates after one fails', async () => {
    const failing = store.update(article, () => {
      throw new Error('annotator cancelled');
    });
    const next = store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    await assert.rejects(failing, /annotator cancelled/);
    assert.equal((await next).sidecar.annotations.length, 1);
  });

  it('never overwrites a sidecar that fails the schema and names the file', async () => {
    const broken = JSON.stringify({ version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [{ ...tag(0, 8, 'PERSON'), end: 'eight' }] });
    await writeFile(sidecarPath, broken);
    const expected = (error: unknown) =>
      error instanceof SidecarError &&
      error.path === sidecarPath &&
      error.message === `${sidecarPath}: annotations[0].end: Invalid input: expected number, received string`;
    await assert.rejects(store.read(article), expected);
    await assert.rejects(
      store.update(article, (sidecar) => void sidecar.annotations.push(tag(23, 27, 'GPE'))),
      expected,
    );
    assert.equal(await readFile(sidecarPath, 'utf8'), broken);
  });

  it('never overwrites a sidecar that is not JSON', async () => {
    await writeFile(sidecarPath, '{"version": 1, "annotations": [');
    await assert.rejects(store.update(article, () => {}), (error: Error) => error.message.startsWith(`${sidecarPath}: not valid JSON`));
    assert.equal(await readFile(sidecarPath, 'utf8'), '{"version": 1, "annotations": [');
  });

  it('lists the first few problems of a badly broken sidecar', async () => {
    await writeFile(sidecarPath, JSON.stringify({ version: 1, article: 'a.txt', annotations: [1, 2, 3, 4, 5] }));
    await assert.rejects(store.read(article), /annotations\[0\]: .*; annotations\[1\]: .*; annotations\[2\]: .* \(and 2 more problems\)$/);
  });

  it('refuses a sidecar written by a newer Marginalia', async () => {
    const newer = SIDECAR_VERSION + 1;
    await writeFile(sidecarPath, JSON.stringify({ version: newer, article: '000_kyiv.txt', annotations: [], reviews: [] }));
    await assert.rejects(store.read(article), new RegExp(`written by a newer Marginalia \\(sidecar format version ${newer}; this version reads up to ${SIDECAR_VERSION}\\)`));
  });

  it('reads a version 1 sidecar as the current version, and writes the current version on the next update', async () => {
    const v1 = JSON.stringify({ version: 1, article: '000_kyiv.txt', annotations: [tag(0, 8, 'PERSON')] });
    await writeFile(sidecarPath, v1);
    const loaded = await store.read(article);
    assert.equal(loaded.sidecar.version, SIDECAR_VERSION);
    assert.equal(await readFile(sidecarPath, 'utf8'), v1, 'reading alone changes nothing');
    await store.update(article, (sidecar) => void sidecar.annotations.push(tag(23, 27, 'GPE')));
    const written = JSON.parse(await readFile(sidecarPath, 'utf8'));
    assert.equal(written.version, SIDECAR_VERSION);
    assert.deepEqual(written.annotations.map((t: { label: string }) => t.label), ['PERSON', 'GPE']);
  });

  it('refuses an update that would write an invalid sidecar, leaving the file as it was', async () => {
    await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    const before = await readFile(sidecarPath, 'utf8');
    await assert.rejects(
      store.update(article, (sidecar) => {
        sidecar.annotations[0].end = 3;
      }),
      /update refused.*annotations\[0\]\.text/,
    );
    assert.equal(await readFile(sidecarPath, 'utf8'), before);
  });

  it('puts and removes tags by id with updateTags, validating the tags it puts', async () => {
    const [person, place] = [tag(0, 8, 'PERSON'), tag(23, 27, 'GPE')];
    await store.update(article, (sidecar) => void sidecar.annotations.push(person, place));
    const relabelled = { ...person, label: 'NORP', kind: 'entity' as const };
    const { sidecar } = await store.updateTags(article, (current) => {
      assert.deepEqual([...current.keys()], [person.id, place.id]);
      return { put: [relabelled, tag(13, 19, 'PERSON')], remove: [place.id] };
    });
    assert.deepEqual(sidecar.annotations.map((t) => [t.text, t.label]), [['Zelensky', 'NORP'], ['Macron', 'PERSON']]);
    assert.deepEqual((await store.read(article)).sidecar, sidecar);
    const before = await readFile(sidecarPath, 'utf8');
    await assert.rejects(store.updateTags(article, () => ({ put: [{ ...person, end: 3 }], remove: [] })), /update refused.*annotations\[\d\]\.text/);
    await assert.rejects(store.updateTags(article, () => ({ put: [place, { ...place }], remove: [] })), /update refused.*duplicate id/);
    assert.equal(await readFile(sidecarPath, 'utf8'), before);
  });

  it('hands out frozen tags, and copies to change in place to update', async () => {
    await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    const { sidecar } = await store.read(article);
    assert.ok(Object.isFrozen(sidecar.annotations) && Object.isFrozen(sidecar.annotations[0]) && Object.isFrozen(sidecar.annotations[0].context));
    const updated = await store.update(article, (copy) => {
      assert.ok(!Object.isFrozen(copy.annotations[0]));
      copy.annotations[0].label = 'NORP';
    });
    assert.equal(updated.sidecar.annotations[0].label, 'NORP');
    assert.equal(sidecar.annotations[0].label, 'PERSON');
  });

  it('reads a sidecar changed behind its back again, and never overwrites one broken meanwhile', async () => {
    await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    const written = await readFile(sidecarPath, 'utf8');
    await writeFile(sidecarPath, written.replace('"PERSON"', '"NORP"'));
    assert.equal((await store.read(article)).sidecar.annotations[0].label, 'NORP');
    const broken = written.replace('"Zelensky"', '"Zelensk"');
    await writeFile(sidecarPath, broken);
    await assert.rejects(store.updateTags(article, () => ({ put: [tag(23, 27, 'GPE')], remove: [] })), /annotations\[0\]\.text: has 7 characters/);
    assert.equal(await readFile(sidecarPath, 'utf8'), broken);
  });

  it('leaves no temp files behind', async () => {
    await Promise.all(
      [tag(0, 8, 'PERSON'), tag(13, 19, 'PERSON'), tag(23, 27, 'GPE'), tag(31, 37, 'DATE')].map((added) =>
        store.update(article, (sidecar) => void sidecar.annotations.push(added)),
      ),
    );
    assert.deepEqual((await readdir(folder)).sort(), ['000_kyiv.annotations.json', '000_kyiv.txt']);
  });

  it('rewrites a hand-formatted sidecar in its canonical layout, and otherwise only when something changed', async () => {
    const first = await store.update(article, (sidecar) => void sidecar.annotations.push(tag(0, 8, 'PERSON')));
    const canonical = await readFile(sidecarPath, 'utf8');
    await writeFile(sidecarPath, canonical.replace('\n', '\n\n'));
    const normalised = await store.update(article, () => {});
    assert.equal(await readFile(sidecarPath, 'utf8'), canonical);
    assert.equal(normalised.hash, first.hash);
    const inode = (await stat(sidecarPath)).ino;
    await store.update(article, () => {});
    assert.equal((await stat(sidecarPath)).ino, inode, 'an unchanged sidecar is not replaced');
  });
});
